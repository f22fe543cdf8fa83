import { randomUUID } from 'node:crypto';
import {
  filterValues,
  formatMessage,
  handleKey,
  httpStatusFor,
  isValidHandle,
  isValidPrefix,
  publicValues,
  RC,
  splitHandle,
  type HandleValueInput,
  type MessageKey,
  type ResponseCode,
} from '@zhizao/domain';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { answerFrameworkErrorsUnder, AppError, fieldParam } from '../../platform/errors.ts';
import { handleCaller, readsPrivate, type Caller } from './credentials.ts';
import { identifierNode, type ResolvedIdentifier } from './node.ts';
import { countUnderPrefix, pageUnderPrefix } from './repo.ts';
import { deleteIdentifiersOf, registerIdentifiers, RegistrationRefused } from './registration.ts';

// Handle.Net's JSON REST API (Technical Manual ch. 14; shared/domain/identifiers.md §5), so existing Handle clients
// work unchanged: the same paths, parameters, responseCode values, HTTP statuses and value JSON. These routes speak
// Handle.Net's wire format, errors included ({responseCode, handle, message}), so they stay out of the OpenAPI
// document, whose operations all answer in the platform's one error shape.

const hidden = { hide: true } as const;
const PAGE_SIZE_WITHOUT_PAGING = 10_000;

type Query = Record<string, string | string[] | undefined>;
const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
/** A bare boolean parameter means true (§5 "Common"). */
const flag = (q: Query, name: string): boolean | undefined => {
  const v = list(q[name])[0];
  return v === undefined ? undefined : v === '' || v.toLowerCase() === 'true';
};

function sendHandle(request: FastifyRequest, reply: FastifyReply, status: number, body: unknown): FastifyReply {
  // none when Fastify refused the URL before parsing it
  const q = (request.query ?? {}) as Query;
  const pretty = flag(q, 'pretty');
  const json =
    typeof body === 'string' && !pretty
      ? body
      : JSON.stringify(typeof body === 'string' ? JSON.parse(body) : body, null, pretty ? 2 : undefined);
  const callback = list(q.callback)[0];
  reply.code(status).header('access-control-allow-origin', '*');
  if (callback && /^[A-Za-z_$][\w$.]{0,63}$/.test(callback))
    return reply.type('application/javascript; charset=utf-8').send(`${callback}(${json});`);
  return reply.type('application/json; charset=utf-8').send(json);
}

function fail(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ResponseCode,
  handle: string | undefined,
  key: MessageKey,
  params: Record<string, string | number> = {},
  context = {},
): FastifyReply {
  return sendHandle(request, reply, httpStatusFor(code, context), {
    responseCode: code,
    ...(handle !== undefined ? { handle } : {}),
    message: formatMessage(key, 'en', params),
  });
}

/** Failures before the handler (media type, JSON syntax, NUL characters) in Handle.Net's shape. */
function handleErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const handle = (request.params as { '*'?: string } | undefined)?.['*'];
  if (error instanceof AppError && error.status === 429) {
    void reply.header('retry-after', String(error.params.seconds ?? 60));
    return sendHandle(request, reply, 429, {
      responseCode: RC.serverTooBusy,
      ...(handle !== undefined ? { handle } : {}),
      message: formatMessage(error.key, 'en', error.params),
    });
  }
  if (error instanceof AppError && error.status < 500)
    return fail(request, reply, RC.protocolError, handle, error.key, { ...error.params, ...fieldParam(error, 'en') });
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    return fail(request, reply, RC.protocolError, handle, 'identifiers.unsupportedMediaType');
  if (error.statusCode && error.statusCode < 500)
    return fail(request, reply, RC.protocolError, handle, error.statusCode === 413 ? 'request.tooLarge' : 'request.badJson');
  request.log.error({ err: error }, 'handle API error');
  return fail(request, reply, RC.error, handle, 'identifiers.internal');
}

function authNeeded(request: FastifyRequest, reply: FastifyReply, handle: string): FastifyReply {
  reply.header('www-authenticate', 'Basic realm="handle"');
  return fail(request, reply, RC.authenticationNeeded, handle, 'identifiers.authNeeded');
}

/** Wrong credentials: 401 with an empty body, as Handle.Net answers (§5 observed behaviour). */
function authFailed(reply: FastifyReply): FastifyReply {
  return reply.code(401).header('access-control-allow-origin', '*').header('www-authenticate', 'Basic realm="handle"').send('');
}

export function registerHandleRoutes(app: FastifyInstance, ctx: AppContext): void {
  const node = identifierNode(ctx);
  const route = { schema: hidden, errorHandler: handleErrors };
  answerFrameworkErrorsUnder('/api/handles/', handleErrors);

  // Not an async handler: on SQLite the common read (anonymous, no filters) is answered without waiting on a
  // promise; a handler that sent its reply returns undefined, one that must wait returns the promise.
  app.get('/api/handles/*', route, (request, reply) => {
    const handle = (request.params as { '*': string })['*'];
    if (!isValidHandle(handle)) return void fail(request, reply, RC.invalidHandle, handle, 'identifiers.handleInvalid');
    const key = handleKey(handle);
    if (!node.homed(splitHandle(key)!.prefix))
      return void fail(request, reply, RC.serverNotResponsible, handle, 'identifiers.prefixNotHomed');
    const now = node.resolveNow(key);
    if (now === undefined) return node.resolve(key).then((found) => answer(request, reply, handle, found) ?? reply);
    return answer(request, reply, handle, now);
  });

  /** Sends the answer at once when it can (undefined), or returns the promise of it (a caller to identify). */
  function answer(
    request: FastifyRequest,
    reply: FastifyReply,
    handle: string,
    found: ResolvedIdentifier | null,
  ): Promise<FastifyReply> | undefined {
    if (!found) return void fail(request, reply, RC.handleNotFound, handle, 'identifiers.handleNotFound');
    node.stats.resolved(found.enterpriseId);
    // the common case: anonymous, no filters — the answer was serialised when the identifier was cached
    if (!request.headers.authorization && !request.actor && Object.keys(request.query as Query).length === 0)
      return void sendHandle(request, reply, 200, found.publicBody);
    return answerFor(request, reply, found);
  }

  /** The answer for a caller who may read more than the public values, or who filters them. */
  async function answerFor(request: FastifyRequest, reply: FastifyReply, found: ResolvedIdentifier): Promise<FastifyReply> {
    const q = request.query as Query;
    const who = await handleCaller(ctx, node, request);
    if ('problem' in who) return authFailed(reply);
    const wantsPublicOnly = flag(q, 'publicOnly');
    const all = wantsPublicOnly !== true && (await readsPrivate(ctx, who.caller, found.prefix, found.enterpriseId));
    const indexes = list(q.index).map(Number).filter(Number.isInteger);
    const values = filterValues(all ? found.values : publicValues(found.values), indexes, list(q.type));
    if (values.length === 0 && (indexes.length > 0 || list(q.type).length > 0)) {
      return sendHandle(request, reply, 200, { responseCode: RC.valuesNotFound, handle: found.handle, values: [] });
    }
    return sendHandle(request, reply, 200, { responseCode: RC.success, handle: found.handle, values });
  }

  app.put('/api/handles/*', route, async (request, reply) => {
    let handle = (request.params as { '*': string })['*'];
    const q = request.query as Query;
    const who = await writer(request, reply, handle);
    if (!who) return reply;
    if (flag(q, 'mintNewSuffix') && handle.endsWith('/')) handle = `${handle}${randomUUID().toUpperCase()}`;
    const input = bodyValues(request.body);
    if (!input) return fail(request, reply, RC.invalidValue, handle, 'identifiers.problem.badData', { index: 0 });
    const indexes = list(q.index)
      .filter((i) => i !== 'various')
      .map(Number)
      .filter(Number.isInteger);
    let values = input;
    if (indexes.length > 0 || list(q.index).includes('various')) {
      // only the named values change; the others stay as they are
      const existing = isValidHandle(handle) ? await node.resolve(handleKey(handle)) : null;
      const changing = new Set(indexes.length > 0 ? indexes : input.map((v) => v.index));
      values = [...(existing?.values ?? []).filter((v) => !changing.has(v.index)), ...input.filter((v) => changing.has(v.index))];
    }
    try {
      const result = await registerIdentifiers(
        ctx,
        { enterpriseId: who.enterpriseId, audit: auditOf(request, who) },
        [{ handle, values }],
        flag(q, 'overwrite') === false ? 'createStrict' : 'replace',
      );
      return sendHandle(request, reply, result.created ? 201 : 200, { responseCode: RC.success, handle: result.handles[0] });
    } catch (error) {
      if (error instanceof RegistrationRefused) return refusal(request, reply, error, handle);
      throw error;
    }
  });

  app.delete('/api/handles/*', route, async (request, reply) => {
    const handle = (request.params as { '*': string })['*'];
    const who = await writer(request, reply, handle);
    if (!who) return reply;
    const indexes = list((request.query as Query).index)
      .map(Number)
      .filter(Number.isInteger);
    try {
      const registrant = { enterpriseId: who.enterpriseId, audit: auditOf(request, who) };
      if (indexes.length > 0) {
        const existing = isValidHandle(handle) ? await node.resolve(handleKey(handle)) : null;
        if (!existing) return fail(request, reply, RC.handleNotFound, handle, 'identifiers.handleNotFound');
        const remaining = existing.values.filter((v) => !indexes.includes(v.index));
        if (remaining.length === existing.values.length)
          return fail(request, reply, RC.valuesNotFound, handle, 'identifiers.handleNotFound');
        await registerIdentifiers(ctx, registrant, [{ handle: existing.handle, values: remaining, templateVersion: null }], 'replace');
        return sendHandle(request, reply, 200, { responseCode: RC.success, handle: existing.handle });
      }
      const deleted = await deleteIdentifiersOf(ctx, registrant, [handle]);
      if (deleted === 0) return fail(request, reply, RC.handleNotFound, handle, 'identifiers.handleNotFound');
      return sendHandle(request, reply, 200, { responseCode: RC.success, handle });
    } catch (error) {
      if (error instanceof RegistrationRefused) return refusal(request, reply, error, handle);
      throw error;
    }
  });

  app.get('/api/handles', route, async (request, reply) => {
    const q = request.query as Query;
    const prefix = list(q.prefix)[0] ?? '';
    if (!isValidPrefix(prefix)) return fail(request, reply, RC.invalidHandle, undefined, 'identifiers.handleInvalid');
    const owner = node.homed(handleKey(prefix));
    if (!owner)
      return sendHandle(request, reply, 400, {
        responseCode: RC.serverNotResponsible,
        prefix,
        message: formatMessage('identifiers.prefixNotHomed', 'en'),
      });
    const who = await handleCaller(ctx, node, request);
    if ('problem' in who) return authFailed(reply);
    if (!who.caller) return authNeeded(request, reply, prefix);
    if (who.caller.enterpriseId !== owner.enterpriseId)
      return fail(request, reply, RC.insufficientPermissions, prefix, 'identifiers.noPermission');
    const page = Math.max(0, Math.min(1_000_000, Number(list(q.page)[0] ?? 0) || 0));
    const pageSizeText = list(q.pageSize)[0];
    const pageSize =
      pageSizeText === undefined ? PAGE_SIZE_WITHOUT_PAGING : Math.max(0, Math.min(PAGE_SIZE_WITHOUT_PAGING, Number(pageSizeText) || 0));
    const total = await countUnderPrefix(ctx.db, prefix);
    const handles = pageSize === 0 ? [] : (await pageUnderPrefix(ctx.db, prefix, page * pageSize, pageSize)).map((r) => r.handle);
    // totalCount is a string in Handle.Net's answer (§5)
    return sendHandle(request, reply, 200, { responseCode: RC.success, prefix, totalCount: String(total), handles });
  });

  // CORS on, as Handle.Net has it (§5 "Common"): browsers ask before a PUT or DELETE with credentials
  for (const path of ['/api/handles', '/api/handles/*']) {
    app.options(path, route, async (_request, reply) =>
      reply
        .code(204)
        .header('access-control-allow-origin', '*')
        .header('access-control-allow-methods', 'GET, PUT, DELETE, OPTIONS')
        .header('access-control-allow-headers', 'authorization, content-type')
        .header('access-control-max-age', '86400')
        .send(),
    );
  }

  app.get('/api/prefixes', route, async (request, reply) => {
    return sendHandle(request, reply, 200, { responseCode: RC.success, prefixes: node.homedPrefixes() });
  });

  /** The enterprise a write comes from, or null after answering 401. */
  async function writer(request: FastifyRequest, reply: FastifyReply, handle: string): Promise<Caller | null> {
    const who = await handleCaller(ctx, node, request);
    if ('problem' in who) {
      authFailed(reply);
      return null;
    }
    if (!who.caller) {
      authNeeded(request, reply, handle);
      return null;
    }
    return who.caller;
  }
}

function auditOf(request: FastifyRequest, who: Caller) {
  const a = request.actor;
  return {
    userId: a?.userId ?? null,
    username: a?.username ?? (who.keyId ? `apikey:${who.keyId}` : null),
    role: a?.role ?? null,
    ip: request.ip,
  };
}

function refusal(request: FastifyRequest, reply: FastifyReply, error: RegistrationRefused, handle: string): FastifyReply {
  const p = error.problems[0]!;
  return fail(request, reply, p.code, handle, p.key, p.params);
}

/** The body as values: an array, `{"values": […]}` or one value (§5 PUT). */
function bodyValues(body: unknown): HandleValueInput[] | null {
  const array = Array.isArray(body)
    ? body
    : body && typeof body === 'object' && Array.isArray((body as { values?: unknown }).values)
      ? (body as { values: unknown[] }).values
      : body && typeof body === 'object'
        ? [body]
        : null;
  if (!array || array.length === 0 || array.length > 1_000) return null;
  return array.every((v) => v !== null && typeof v === 'object' && !Array.isArray(v)) ? (array as HandleValueInput[]) : null;
}
