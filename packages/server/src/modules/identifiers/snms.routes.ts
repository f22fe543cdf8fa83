import {
  formatMessage,
  handleKey,
  isPublic,
  isValidHandle,
  isValidPrefix,
  snmsStatusFor,
  SNMS_STATUS,
  splitHandle,
  type HandleValueInput,
  type MessageKey,
  type SnmsStatus,
  type TemplateDefinition,
} from '@zhizao/domain';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { AppError, fieldParam, requestLocale } from '../../platform/errors.ts';
import { issueToken, readsPrivate, tokenCaller, verifyApiCredentials, verifyDigestCredentials, type Caller } from './credentials.ts';
import { identifierNode } from './node.ts';
import { deleteEach, registerIdentifiers, RegistrationRefused, type RegistrationItem, type RegistrationMode } from './registration.ts';
import { countTemplateUse, templateRow } from './repo.ts';
import {
  editTemplate,
  snmsItem,
  snmsTemplate,
  snmsTemplateHead,
  withIndexes,
  type SnmsTemplateBody,
  type SnmsTemplateItem,
} from './snms.templates.ts';
import { createTemplate, deleteTemplate, updateTemplate } from './templates.routes.ts';

// The SNMS API Chinese enterprise systems already call (teleinfo-dev/id-guide docs/…/snms; shared/domain/identifiers.md
// §6): the same paths, JSON shapes and status codes (1 success · −1 not logged in · −2 business failure · −3 no
// permission · −4 internal error), always HTTP 200. Off the OpenAPI document like the Handle.Net routes: their
// errors are SNMS-shaped. A value's `auth` is a reserved field in the documents (id-guide SNMS v5 标识操作接口:
// "权限码，预留字段"): it is read as nothing, visibility comes from the template; answers show "1" on a value that
// is not public. Batches write what passes and name each item's outcome (at most 2,000 items, as documented).

/** The documents' batch ceiling (v5 标识操作接口 批量注册/批量删除: "最大支持2000条"). */
export const SNMS_BATCH_LIMIT = 2000;

const hidden = { hide: true } as const;

interface SnmsValue {
  index: number;
  type: string;
  auth?: string;
  data: { format?: string; value: string };
}
interface SnmsRecord {
  handle: string;
  templateVersion?: string;
  value?: SnmsValue[];
  /** The docs' typo (§6: "parse leniently"). */
  vlaue?: SnmsValue[];
}

function answer(reply: FastifyReply, status: SnmsStatus, message: string, data: unknown = null): FastifyReply {
  return reply.code(200).type('application/json; charset=utf-8').send({ message, status, data });
}
const ok = (reply: FastifyReply, data: unknown) => answer(reply, SNMS_STATUS.success, 'success', data);
const refuse = (
  request: FastifyRequest,
  reply: FastifyReply,
  status: SnmsStatus,
  key: MessageKey,
  params: Record<string, string | number> = {},
  data: unknown = null,
) => answer(reply, status, formatMessage(key, requestLocale(request), params), data);

function snmsErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError && error.status < 500)
    return refuse(request, reply, error.status === 403 ? SNMS_STATUS.noPermission : SNMS_STATUS.businessFailure, error.key, {
      ...error.params,
      ...fieldParam(error, requestLocale(request)),
    });
  if (error.statusCode && error.statusCode < 500)
    return refuse(
      request,
      reply,
      SNMS_STATUS.businessFailure,
      error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'identifiers.unsupportedMediaType' : 'request.badJson',
    );
  request.log.error({ err: error }, 'SNMS API error');
  return refuse(request, reply, SNMS_STATUS.internalError, 'identifiers.internal');
}

const toInput = (v: SnmsValue): HandleValueInput => ({
  index: Number(v.index),
  type: String(v.type),
  data: { format: 'string', value: v?.data?.value },
});

function toItem(body: unknown): RegistrationItem | null {
  if (!body || typeof body !== 'object') return null;
  const r = body as SnmsRecord;
  const values = r.value ?? r.vlaue;
  if (typeof r.handle !== 'string' || !Array.isArray(values) || !values.every((v) => v && typeof v === 'object')) return null;
  return {
    handle: r.handle,
    templateVersion: typeof r.templateVersion === 'string' && r.templateVersion ? r.templateVersion : null,
    values: values.map(toInput),
  };
}

export function registerSnmsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const node = identifierNode(ctx);
  const route = { schema: hidden, errorHandler: snmsErrors, bodyLimit: 32 * 1024 * 1024 };

  /** The token's enterprise, or null after answering −1. */
  async function caller(request: FastifyRequest, reply: FastifyReply): Promise<Caller | null> {
    const who = await tokenCaller(ctx, request);
    if (!who) refuse(request, reply, SNMS_STATUS.notLoggedIn, 'identifiers.authNeeded');
    return who;
  }
  /** The prefix and version of a template under one of the caller's prefixes, or null after answering. */
  function ownTemplate(
    request: FastifyRequest,
    reply: FastifyReply,
    who: Caller,
    { prefix, version }: { prefix?: unknown; version?: unknown },
  ): { prefix: string; version: string } | null {
    if (typeof prefix !== 'string' || typeof version !== 'string' || !isValidPrefix(prefix) || version.length > 128) {
      refuse(request, reply, SNMS_STATUS.businessFailure, 'request.badBody');
      return null;
    }
    const owner = node.owner(handleKey(prefix));
    if (!owner || owner.enterpriseId !== who.enterpriseId) {
      refuse(request, reply, SNMS_STATUS.noPermission, 'identifiers.prefixNotYours');
      return null;
    }
    return { prefix: owner.prefix, version };
  }
  const auditOf = (request: FastifyRequest, who: Caller) => ({ userId: null, username: `apikey:${who.keyId}`, role: null, ip: request.ip });

  /** `{ username, password }` as the documents give them (≤ 50 and ≤ 64 characters; some clients send longer keys). */
  const credentials = (request: FastifyRequest): { username: string; password: string } | null => {
    const body = request.body as { username?: unknown; password?: unknown } | null;
    if (!body || typeof body.username !== 'string' || typeof body.password !== 'string') return null;
    if (body.username.length > 200 || body.password.length > 200) return null;
    return { username: body.username, password: body.password };
  };
  const login = (digest: boolean) => async (request: FastifyRequest, reply: FastifyReply) => {
    const given = credentials(request);
    if (!given) return refuse(request, reply, SNMS_STATUS.businessFailure, 'identifiers.authFailed');
    const verify = digest ? verifyDigestCredentials : verifyApiCredentials;
    const who = await verify(ctx, node, request, given.username, given.password);
    if (!who) return refuse(request, reply, SNMS_STATUS.businessFailure, 'identifiers.authFailed');
    return ok(reply, { token: await issueToken(ctx, who) });
  };
  const loginRoute = { ...route, preHandler: app.limits.loginPerSource };
  app.post('/identity/token', loginRoute, login(false));
  // the documents' recommended login: password = sha256(sha256(secret) + "yyyy-MM-dd") (v3 身份认证 «密文传输»)
  app.post('/identity/token/v1', loginRoute, login(true));

  app.get('/identityv2/data/detail', route, async (request, reply) => {
    const who = await caller(request, reply);
    if (!who) return reply;
    const handle = (request.query as { handle?: unknown }).handle;
    if (typeof handle !== 'string' || !isValidHandle(handle))
      return refuse(request, reply, SNMS_STATUS.businessFailure, 'identifiers.handleInvalid');
    const key = handleKey(handle);
    const found = node.homed(splitHandle(key)!.prefix) ? await node.resolve(key) : null;
    if (!found) return refuse(request, reply, SNMS_STATUS.businessFailure, 'identifiers.handleNotFound');
    node.stats.resolved(found.enterpriseId);
    const all = await readsPrivate(ctx, who, found.prefix, found.enterpriseId);
    const value = found.values
      .filter((v) => all || isPublic(v))
      .map((v) => ({
        index: v.index,
        type: v.type,
        auth: isPublic(v) ? '' : '1',
        data: { format: 'string', value: typeof v.data.value === 'string' ? v.data.value : JSON.stringify(v.data.value) },
      }));
    return ok(reply, {
      prefix: splitHandle(found.handle)!.prefix,
      handle: found.handle,
      templateVersion: found.templateVersion ?? '',
      value,
    });
  });

  const write = (mode: RegistrationMode, many: boolean) => async (request: FastifyRequest, reply: FastifyReply) => {
    const who = await caller(request, reply);
    if (!who) return reply;
    const registrant = { enterpriseId: who.enterpriseId, audit: auditOf(request, who) };
    if (!many) {
      const item = toItem(request.body);
      if (!item) return refuse(request, reply, SNMS_STATUS.businessFailure, 'request.badBody');
      try {
        await registerIdentifiers(ctx, registrant, [item], mode);
        return ok(reply, true);
      } catch (error) {
        if (!(error instanceof RegistrationRefused)) throw error;
        const first = error.problems[0]!;
        return refuse(request, reply, snmsStatusFor(first.code), first.key, first.params);
      }
    }
    const raw = request.body;
    if (!Array.isArray(raw) || raw.length === 0) return refuse(request, reply, SNMS_STATUS.businessFailure, 'request.badBody');
    if (raw.length > SNMS_BATCH_LIMIT)
      return refuse(request, reply, SNMS_STATUS.businessFailure, 'identifiers.snmsBatchLimit', { limit: SNMS_BATCH_LIMIT });
    // the documented batch answer: status 1 and each item's {handle, msg}, those that pass written
    const locale = requestLocale(request);
    const parsed = raw.map(toItem);
    const msg = parsed.map((item) => (item ? 'success' : formatMessage('request.badBody', locale)));
    const good = parsed.flatMap((item, at) => (item ? [{ item, at }] : []));
    if (good.length > 0) {
      const result = await registerIdentifiers(
        ctx,
        registrant,
        good.map((g) => g.item),
        mode,
        { partial: true },
      );
      for (const p of result.refused) msg[good[p.item]!.at] = formatMessage(p.key, locale, p.params);
    }
    return ok(
      reply,
      raw.map((r, at) => ({ handle: typeof (r as SnmsRecord | null)?.handle === 'string' ? (r as SnmsRecord).handle : '', msg: msg[at] })),
    );
  };
  app.post('/identityv2/data', route, write('create', false));
  app.post('/identityv2/data/batchCreate', route, write('create', true));
  // an update changes what exists and creates nothing (v5 标识操作接口 更新标识)
  app.put('/identityv2/data', route, write('update', false));
  app.put('/identityv2/data/batchUpdate', route, write('update', true));

  app.delete('/identityv2/data', route, async (request, reply) => {
    const who = await caller(request, reply);
    if (!who) return reply;
    const handle = (request.body as { handle?: unknown } | null)?.handle ?? (request.query as { handle?: unknown }).handle;
    if (typeof handle !== 'string') return refuse(request, reply, SNMS_STATUS.businessFailure, 'request.badBody');
    const { deleted, refused } = await deleteEach(ctx, { enterpriseId: who.enterpriseId, audit: auditOf(request, who) }, [handle], false);
    if (refused.length > 0) return refuse(request, reply, snmsStatusFor(refused[0]!.code), refused[0]!.key, refused[0]!.params);
    if (deleted.length === 0) return refuse(request, reply, SNMS_STATUS.businessFailure, 'identifiers.handleNotFound');
    return ok(reply, true);
  });
  // the documented batch answer: each handle's {handle, code, msg}, code 1 deleted, −2 not found, −3 not yours
  app.delete('/identityv2/data/batchDelete', route, async (request, reply) => {
    const who = await caller(request, reply);
    if (!who) return reply;
    const handles = request.body;
    if (!Array.isArray(handles) || handles.length === 0 || !handles.every((h) => typeof h === 'string'))
      return refuse(request, reply, SNMS_STATUS.businessFailure, 'request.badBody');
    if (handles.length > SNMS_BATCH_LIMIT)
      return refuse(request, reply, SNMS_STATUS.businessFailure, 'identifiers.snmsBatchLimit', { limit: SNMS_BATCH_LIMIT });
    const locale = requestLocale(request);
    const { deleted, refused } = await deleteEach(ctx, { enterpriseId: who.enterpriseId, audit: auditOf(request, who) }, handles, true);
    const gone = new Set(deleted);
    const refusedAt = new Map(refused.map((p) => [p.item, p]));
    return ok(
      reply,
      (handles as string[]).map((handle, at) => {
        const p = refusedAt.get(at);
        if (p) return { handle, code: snmsStatusFor(p.code), msg: formatMessage(p.key, locale, p.params) };
        return gone.has(handleKey(handle))
          ? { handle, code: SNMS_STATUS.success, msg: 'success' }
          : { handle, code: SNMS_STATUS.businessFailure, msg: formatMessage('identifiers.handleNotFound', locale) };
      }),
    );
  });

  // templates: GET / POST / DELETE /snms/api/v3/template and v5, PUT on v5 (v3 and v5 数据模板相关接口)
  /** prefix and version from the query (GET) or the body (DELETE, as documented; the query too). */
  function templateTarget(request: FastifyRequest): { prefix?: unknown; version?: unknown } {
    const body = request.body as { prefix?: unknown; version?: unknown } | null;
    return body && typeof body === 'object' && body.prefix !== undefined
      ? body
      : (request.query as { prefix?: unknown; version?: unknown });
  }
  for (const path of ['/snms/api/v3/template', '/snms/api/v5/template']) {
    app.get(path, route, async (request, reply) => {
      const who = await caller(request, reply);
      if (!who) return reply;
      const target = ownTemplate(request, reply, who, templateTarget(request));
      if (!target) return reply;
      const row = await templateRow(ctx.db, target.prefix, target.version);
      if (!row) return refuse(request, reply, SNMS_STATUS.businessFailure, 'identifiers.templateNotFound', { version: target.version });
      return ok(reply, snmsTemplate(JSON.parse(row.definitionJson) as TemplateDefinition));
    });
    app.post(path, route, async (request, reply) => {
      const who = await caller(request, reply);
      if (!who) return reply;
      const body = request.body as SnmsTemplateBody | null;
      const head = body && typeof body === 'object' ? snmsTemplateHead(body) : null;
      const items =
        head && Array.isArray(body!.items) && body!.items.length > 0 && body!.items.length <= 200 ? body!.items.map(snmsItem) : null;
      if (!head || !items || items.some((i) => i === null) || typeof body!.prefix !== 'string' || !isValidPrefix(body!.prefix))
        return refuse(request, reply, SNMS_STATUS.businessFailure, 'request.badBody');
      const owner = node.owner(handleKey(body!.prefix));
      if (!owner || owner.enterpriseId !== who.enterpriseId)
        return refuse(request, reply, SNMS_STATUS.noPermission, 'identifiers.prefixNotYours');
      const states = items as NonNullable<(typeof items)[number]>[];
      const definition = withIndexes(states.map(({ state, ...i }) => ({ ...i, ...(state === 0 ? { disabled: true } : {}) })));
      await createTemplate(ctx, request, owner.prefix, { ...head, items: definition });
      return ok(reply, true);
    });
    app.delete(path, route, async (request, reply) => {
      const who = await caller(request, reply);
      if (!who) return reply;
      const target = ownTemplate(request, reply, who, templateTarget(request));
      if (!target) return reply;
      await deleteTemplate(ctx, request, target.prefix, target.version);
      node.forgetTemplate(target.prefix, target.version);
      return ok(reply, true);
    });
  }
  // v5 only: an incremental edit of a version (items by idIndex, new ones without, `state` enables/disables)
  app.put('/snms/api/v5/template', route, async (request, reply) => {
    const who = await caller(request, reply);
    if (!who) return reply;
    const body = request.body as SnmsTemplateBody | null;
    const head = body && typeof body === 'object' ? snmsTemplateHead(body) : null;
    const edits =
      head && Array.isArray(body!.items) && body!.items.length <= 200 ? (body!.items as SnmsTemplateItem[]).map(snmsItem) : null;
    if (!head || !edits || edits.some((i) => i === null)) return refuse(request, reply, SNMS_STATUS.businessFailure, 'request.badBody');
    const target = ownTemplate(request, reply, who, { prefix: body!.prefix, version: head.version });
    if (!target) return reply;
    const row = await templateRow(ctx.db, target.prefix, target.version);
    if (!row) return refuse(request, reply, SNMS_STATUS.businessFailure, 'identifiers.templateNotFound', { version: target.version });
    const current = JSON.parse(row.definitionJson) as TemplateDefinition;
    const inUse = (await countTemplateUse(ctx.db, target.prefix, target.version)) > 0;
    const edited = editTemplate(current, head, edits as NonNullable<(typeof edits)[number]>[], inUse);
    if ('problem' in edited)
      return refuse(request, reply, SNMS_STATUS.businessFailure, `identifiers.templateEdit.${edited.problem}`, { item: edited.index });
    await updateTemplate(ctx, request, current, edited.definition);
    node.forgetTemplate(target.prefix, target.version);
    return ok(reply, true);
  });
}
