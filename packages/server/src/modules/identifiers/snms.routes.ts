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
import { issueToken, readsPrivate, tokenCaller, verifyApiCredentials, type Caller } from './credentials.ts';
import { identifierNode } from './node.ts';
import {
  deleteIdentifiersOf,
  registerIdentifiers,
  RegistrationRefused,
  type RegistrationItem,
  type RegistrationMode,
} from './registration.ts';
import { BATCH_LIMIT } from './records.routes.ts';
import { templateRow } from './repo.ts';
import { createTemplate, deleteTemplate } from './templates.routes.ts';

// The SNMS API Chinese enterprise systems already call (teleinfo-dev/id-guide docs/…/snms; shared/domain/identifiers.md
// §6): the same paths, JSON shapes and status codes (1 success · −1 not logged in · −2 business failure · −3 no
// permission · −4 internal error), always HTTP 200. Off the OpenAPI document like the Handle.Net routes: their
// errors are SNMS-shaped. Values carry `auth`: "1" = not public (read by the owner and grantees only), "" = public.

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
  ...(v.auth === undefined || v.auth === '' ? {} : { permissions: v.auth === '1' ? '1100' : '1110' }),
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
  /** `?prefix=&version=` of a template under one of the caller's prefixes, or null after answering. */
  function ownTemplate(request: FastifyRequest, reply: FastifyReply, who: Caller): { prefix: string; version: string } | null {
    const { prefix, version } = request.query as { prefix?: unknown; version?: unknown };
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

  app.post('/identity/token', { ...route, preHandler: app.limits.loginPerSource }, async (request, reply) => {
    const body = request.body as { username?: unknown; password?: unknown } | null;
    if (
      !body ||
      typeof body.username !== 'string' ||
      typeof body.password !== 'string' ||
      body.username.length > 200 ||
      body.password.length > 200
    ) {
      return refuse(request, reply, SNMS_STATUS.businessFailure, 'identifiers.authFailed');
    }
    const who = await verifyApiCredentials(ctx, node, request, body.username, body.password);
    if (!who) return refuse(request, reply, SNMS_STATUS.businessFailure, 'identifiers.authFailed');
    return ok(reply, { token: await issueToken(ctx, who) });
  });

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
    const raw = many ? request.body : [request.body];
    if (!Array.isArray(raw) || raw.length === 0 || raw.length > BATCH_LIMIT)
      return refuse(request, reply, SNMS_STATUS.businessFailure, 'request.badBody');
    const items = raw.map(toItem);
    if (items.some((i) => i === null)) return refuse(request, reply, SNMS_STATUS.businessFailure, 'request.badBody');
    try {
      await registerIdentifiers(ctx, { enterpriseId: who.enterpriseId, audit: auditOf(request, who) }, items as RegistrationItem[], mode);
      return ok(reply, true);
    } catch (error) {
      if (!(error instanceof RegistrationRefused)) throw error;
      const locale = requestLocale(request);
      const details = error.problems.map((p) => ({ handle: p.handle, message: formatMessage(p.key, locale, p.params) }));
      const first = error.problems[0]!;
      return answer(reply, snmsStatusFor(first.code), details[0]!.message, many ? details : null);
    }
  };
  app.post('/identityv2/data', route, write('create', false));
  app.post('/identityv2/data/batchCreate', route, write('create', true));
  app.put('/identityv2/data', route, write('replace', false));
  app.put('/identityv2/data/batchUpdate', route, write('replace', true));

  const remove = (many: boolean) => async (request: FastifyRequest, reply: FastifyReply) => {
    const who = await caller(request, reply);
    if (!who) return reply;
    const handles = many
      ? request.body
      : [(request.query as { handle?: unknown }).handle ?? (request.body as { handle?: unknown } | null)?.handle];
    if (!Array.isArray(handles) || handles.length === 0 || handles.length > BATCH_LIMIT || !handles.every((h) => typeof h === 'string'))
      return refuse(request, reply, SNMS_STATUS.businessFailure, 'request.badBody');
    try {
      const n = await deleteIdentifiersOf(ctx, { enterpriseId: who.enterpriseId, audit: auditOf(request, who) }, handles as string[]);
      if (n === 0) return refuse(request, reply, SNMS_STATUS.businessFailure, 'identifiers.handleNotFound');
      return ok(reply, true);
    } catch (error) {
      if (!(error instanceof RegistrationRefused)) throw error;
      const first = error.problems[0]!;
      return refuse(request, reply, snmsStatusFor(first.code), first.key, first.params);
    }
  };
  app.delete('/identityv2/data', route, remove(false));
  app.delete('/identityv2/data/batchDelete', route, remove(true));

  // templates: GET / POST / DELETE /snms/api/v3/template (v5 path too)
  for (const path of ['/snms/api/v3/template', '/snms/api/v5/template']) {
    app.get(path, route, async (request, reply) => {
      const who = await caller(request, reply);
      if (!who) return reply;
      const target = ownTemplate(request, reply, who);
      if (!target) return reply;
      const row = await templateRow(ctx.db, target.prefix, target.version);
      if (!row) return refuse(request, reply, SNMS_STATUS.businessFailure, 'identifiers.templateNotFound', { version: target.version });
      return ok(reply, JSON.parse(row.definitionJson) as TemplateDefinition);
    });
    app.post(path, route, async (request, reply) => {
      const who = await caller(request, reply);
      if (!who) return reply;
      const body = request.body as (Omit<TemplateDefinition, 'prefix'> & { prefix?: unknown }) | null;
      if (!body || typeof body.prefix !== 'string' || !isValidPrefix(body.prefix) || !validTemplateShape(body))
        return refuse(request, reply, SNMS_STATUS.businessFailure, 'request.badBody');
      const owner = node.owner(handleKey(body.prefix));
      if (!owner || owner.enterpriseId !== who.enterpriseId)
        return refuse(request, reply, SNMS_STATUS.noPermission, 'identifiers.prefixNotYours');
      const { prefix: _prefix, ...definition } = body;
      const items = definition.items.map((i) => ({
        ...i,
        idIndex: Number(i.idIndex),
        required: Boolean(i.required),
        public: i.public !== false,
      }));
      await createTemplate(ctx, request, owner.prefix, { ...definition, description: definition.description ?? '', items });
      return ok(reply, true);
    });
    app.delete(path, route, async (request, reply) => {
      const who = await caller(request, reply);
      if (!who) return reply;
      const target = ownTemplate(request, reply, who);
      if (!target) return reply;
      await deleteTemplate(ctx, request, target.prefix, target.version);
      node.forgetTemplate(target.prefix, target.version);
      return ok(reply, true);
    });
  }
}

/** The SNMS template body, checked by hand since these routes keep SNMS error shapes (the web route has a JSON schema). */
function validTemplateShape(t: Partial<Omit<TemplateDefinition, 'prefix'>>): t is Omit<TemplateDefinition, 'prefix'> {
  const str = (v: unknown, max: number) => typeof v === 'string' && v.length > 0 && v.length <= max;
  return (
    str(t.version, 128) &&
    /^[0-9A-Za-z][0-9A-Za-z._-]*$/.test(t.version!) &&
    ['industryCategory', 'industrySpecific', 'industryTrade', 'industrySubclass'].every((k) => str(t[k as 'industryCategory'], 4)) &&
    (t.type === 1 || t.type === 2 || (t.type as unknown) === '1' || (t.type as unknown) === '2') &&
    Array.isArray(t.items) &&
    t.items.length > 0 &&
    t.items.length <= 200 &&
    t.items.every(
      (i) =>
        i &&
        typeof i === 'object' &&
        str(i.type, 128) &&
        str(i.name, 100) &&
        i.metadata &&
        ['string', 'number', 'date'].includes(i.metadata.type) &&
        Number.isInteger(Number(i.idIndex)),
    )
  );
}
