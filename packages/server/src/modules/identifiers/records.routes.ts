import { handleKey, isValidHandle, publicValues, RC, type HandleValueInput } from '@zhizao/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { auditActor, loginFirst, permissionFirst, requireActor } from '../../platform/auth.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { errorResponses, okResponse } from '../../platform/schemas.ts';
import { enterpriseOf, prefixReaderFirst, visiblePrefix } from './access.ts';
import { readsPrivate } from './credentials.ts';
import { identifierNode } from './node.ts';
import { deleteIdentifiersOf, registerIdentifiers, RegistrationRefused, type RegistrationItem } from './registration.ts';
import { countUnderPrefixUpTo, pageUnderPrefix } from './repo.ts';
import { handleField, pageQuery, prefixParams, tags, valueInput, valueSchema, versionSchema } from './schemas.ts';

// Part 3 for the web: an enterprise's identifiers (list, search, one record), single and batch registration
// (up to 10,000, all or nothing, each refused item named in error.details), deletion.

export const BATCH_LIMIT = 10_000;
const itemSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    handle: handleField,
    templateVersion: { ...versionSchema, type: ['string', 'null'] },
    values: { type: 'array', maxItems: 200, items: valueInput },
  },
  required: ['handle', 'values'],
} as const;
const recordSchema = {
  type: 'object',
  properties: {
    handle: { type: 'string' },
    prefix: { type: 'string' },
    templateVersion: { type: ['string', 'null'] },
    values: { type: 'array', items: valueSchema },
    createdAt: { type: 'string' },
    updatedAt: { type: 'string' },
    complete: { type: 'boolean' },
  },
} as const;
const resultSchema = {
  type: 'object',
  properties: { created: { type: 'integer' }, replaced: { type: 'integer' }, unchanged: { type: 'integer' } },
} as const;
const handleQuery = { type: 'object', additionalProperties: false, properties: { handle: handleField }, required: ['handle'] } as const;

/** A refused registration as the platform's error: the first problem as the message, all of them in details (field `items.N`). */
export function refusedError(error: RegistrationRefused, total: number): AppError {
  const first = error.problems[0]!;
  const status = first.code === RC.handleAlreadyExists ? 409 : first.code === RC.insufficientPermissions ? 403 : 400;
  const details = error.problems.map((p) => ({ field: `items.${p.item}`, key: p.key, params: { ...p.params, handle: p.handle } }));
  return total === 1
    ? new AppError(status, first.key, first.params, 'handle', details)
    : new AppError(status, 'identifiers.handlesInvalid', { count: error.problems.length }, 'items', details);
}

export async function registerAs(ctx: AppContext, request: FastifyRequest, items: RegistrationItem[]) {
  const enterpriseId = enterpriseOf(requireActor(request));
  try {
    return await registerIdentifiers(ctx, { enterpriseId, audit: auditActor(request) }, items, 'create');
  } catch (error) {
    if (error instanceof RegistrationRefused) throw refusedError(error, items.length);
    throw error;
  }
}

/** How far the web list counts a prefix's identifiers; beyond it the list says "more than" and a filter narrows it. */
export const LIST_COUNT_CAP = 10_000;

export function registerRecordRoutes(app: FastifyInstance, ctx: AppContext): void {
  const node = identifierNode(ctx);
  const guarded = permissionFirst('identifiers.enterprise.manage');

  app.get<{ Params: { prefix: string }; Querystring: { q?: string; page: number; pageSize: number } }>(
    '/api/identifiers/prefixes/:prefix/identifiers',
    {
      ...prefixReaderFirst,
      schema: {
        tags,
        summary: `Identifiers under a prefix, by handle; q = the suffix starts with; counted up to ${LIST_COUNT_CAP} (totalCapped beyond)`,
        params: prefixParams,
        querystring: { type: 'object', additionalProperties: false, properties: { q: { type: 'string', maxLength: 200 }, ...pageQuery } },
        response: {
          200: {
            type: 'object',
            properties: {
              items: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    handle: { type: 'string' },
                    templateVersion: { type: ['string', 'null'] },
                    updatedAt: { type: 'string' },
                    valueCount: { type: 'integer' },
                  },
                },
              },
              total: { type: 'integer' },
              // more identifiers than the count goes to: `total` is then the cap
              totalCapped: { type: 'boolean' },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const prefix = await visiblePrefix(ctx, requireActor(request), request.params.prefix);
      const { q = '', page, pageSize } = request.query;
      const [rows, counted] = await Promise.all([
        pageUnderPrefix(ctx.db, prefix.prefix, (page - 1) * pageSize, pageSize, q),
        countUnderPrefixUpTo(ctx.db, prefix.prefix, q, LIST_COUNT_CAP),
      ]);
      return {
        items: rows.map((r) => ({
          handle: r.handle,
          templateVersion: r.templateVersion,
          updatedAt: r.updatedAt,
          valueCount: (JSON.parse(r.valuesJson) as unknown[]).length,
        })),
        ...counted,
      };
    },
  );

  app.get<{ Querystring: { handle: string } }>(
    '/api/identifiers/record',
    {
      ...loginFirst,
      schema: {
        tags,
        summary: 'One identifier: all values for its owner and grantees, public values for anyone else (complete = false)',
        querystring: handleQuery,
        response: { 200: recordSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const handle = request.query.handle;
      const found = isValidHandle(handle) && node.homed(handleKey(handle).split('/')[0]!) ? await node.resolve(handleKey(handle)) : null;
      if (!found) throw new AppError(404, 'identifiers.handleNotFound', {}, 'handle');
      const caller = actor.enterpriseId && actor.role === 'enterprise_user' ? { enterpriseId: actor.enterpriseId, keyId: null } : null;
      const complete = await readsPrivate(ctx, caller, found.prefix, found.enterpriseId);
      return {
        handle: found.handle,
        prefix: found.prefix,
        templateVersion: found.templateVersion,
        values: complete ? found.values : publicValues(found.values),
        createdAt: found.createdAt,
        updatedAt: found.updatedAt,
        complete,
      };
    },
  );

  app.post<{ Body: RegistrationItem & { values: HandleValueInput[] } }>(
    '/api/identifiers/records',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Register one identifier (the same data again is a success)',
        body: itemSchema,
        response: { 200: resultSchema, ...errorResponses },
      },
    },
    async (request) => registerAs(ctx, request, [request.body]),
  );

  app.post<{ Body: { items: RegistrationItem[] } }>(
    '/api/identifiers/records/batch',
    {
      ...guarded,
      bodyLimit: 32 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Register up to 10,000 identifiers: all or none; every refused item in error.details (field items.N)',
        body: {
          type: 'object',
          additionalProperties: false,
          properties: { items: { type: 'array', minItems: 1, maxItems: BATCH_LIMIT, items: itemSchema } },
          required: ['items'],
        },
        response: { 200: resultSchema, ...errorResponses },
      },
    },
    async (request) => registerAs(ctx, request, request.body.items),
  );

  app.delete<{ Querystring: { handle: string } }>(
    '/api/identifiers/record',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Delete an identifier of the enterprise',
        querystring: handleQuery,
        response: { 200: okResponse, ...errorResponses },
      },
    },
    async (request) => {
      const enterpriseId = enterpriseOf(requireActor(request));
      try {
        const n = await deleteIdentifiersOf(ctx, { enterpriseId, audit: auditActor(request) }, [request.query.handle]);
        if (n === 0) throw new AppError(404, 'identifiers.handleNotFound', {}, 'handle');
      } catch (error) {
        if (error instanceof RegistrationRefused) throw refusedError(error, 1);
        throw error;
      }
      return { ok: true };
    },
  );
}
