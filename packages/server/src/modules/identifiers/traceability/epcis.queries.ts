import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { constraintViolated } from '../../../db/database.ts';
import type { AppContext } from '../../../platform/context.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { capturerFirst, readerFirst, resolvedCapturer, resolvedScope } from './access.ts';
import { compiledQuery, type EventQuery } from './query.service.ts';
import { deleteNamedQuery, insertNamedQuery, namedQueries, namedQuery } from './repo.ts';
import { namedQueryBody, namedQueryParams, namedQueryEventsQuery } from './schemas.ts';

// Named queries of the EPCIS 2.0 REST binding: POST /queries {name, query} keeps a query under a name,
// GET /queries/{name}/events runs it (paged like /events). The query is written as query-schema.json
// has it (lists as arrays); it is checked when created. Each belongs to the enterprise that made it.
// Subscriptions (WebSocket, webhooks) are not offered.

type Stored = { name: string; query: string; createdAt: string };
export type QueryRunner = (request: FastifyRequest, reply: FastifyReply, params: EventQuery) => Promise<unknown>;

/** A query-schema.json query as REST parameters: lists joined with `|`, other values as text. */
export function queryParameters(query: Record<string, unknown>): EventQuery {
  const params: EventQuery = {};
  for (const [name, value] of Object.entries(query))
    params[name] = Array.isArray(value) ? value.map(String).join('|') : value === true ? '' : String(value);
  return params;
}

const shown = (row: Stored) => ({ name: row.name, query: JSON.parse(row.query) as unknown, createdAt: row.createdAt });

export function registerNamedQueries(scope: FastifyInstance, ctx: AppContext, prefix: string, run: QueryRunner): void {
  const reader = readerFirst(ctx);
  const owner = (request: FastifyRequest) => resolvedScope(request).enterpriseId;

  scope.get('/queries', { ...reader, schema: { hide: true } }, async (request) => {
    const enterpriseId = owner(request);
    return enterpriseId === null ? [] : (await namedQueries(ctx.db, enterpriseId)).map(shown);
  });

  scope.post<{ Body: { name: string; query: Record<string, unknown> } }>(
    '/queries',
    { ...capturerFirst(ctx), schema: { hide: true, body: namedQueryBody } },
    async (request, reply) => {
      const capturer = resolvedCapturer(request);
      const { name, query } = request.body;
      compiledQuery(queryParameters(query)); // a 400 naming the parameter, before anything is kept
      try {
        await ctx.db.transaction().execute(async (tx) => {
          await insertNamedQuery(tx, {
            enterpriseId: capturer.enterpriseId,
            name,
            query: JSON.stringify(query),
            createdBy: capturer.userId,
            apiKeyId: capturer.apiKeyId,
            createdAt: new Date().toISOString(),
          });
          await ctx.audit.append(tx, capturer.audit, {
            action: 'traceability.namedQuery.create',
            entityType: 'epcisNamedQuery',
            entityId: name,
            after: { enterpriseId: capturer.enterpriseId, query },
          });
        });
      } catch (error) {
        if (constraintViolated(error) === 'unique') throw new AppError(409, 'traceability.duplicateQueryName', { name }, 'name');
        throw error;
      }
      return reply
        .status(201)
        .header('location', `${prefix}/queries/${encodeURIComponent(name)}`)
        .send({ name, query });
    },
  );

  const stored = async (request: FastifyRequest, name: string) => {
    const enterpriseId = owner(request);
    const row = enterpriseId === null ? undefined : await namedQuery(ctx.db, enterpriseId, name);
    if (!row) throw notFound();
    return row;
  };

  scope.get<{ Params: { name: string } }>(
    '/queries/:name',
    { ...reader, schema: { hide: true, params: namedQueryParams } },
    async (request) => shown(await stored(request, request.params.name)),
  );

  scope.get<{ Params: { name: string }; Querystring: { perPage: number; nextPageToken?: string } }>(
    '/queries/:name/events',
    { ...reader, schema: { hide: true, params: namedQueryParams, querystring: namedQueryEventsQuery } },
    async (request, reply) => {
      const row = await stored(request, request.params.name);
      return run(request, reply, queryParameters(JSON.parse(row.query) as Record<string, unknown>));
    },
  );

  scope.delete<{ Params: { name: string } }>(
    '/queries/:name',
    { ...capturerFirst(ctx), schema: { hide: true, params: namedQueryParams } },
    async (request, reply) => {
      const capturer = resolvedCapturer(request);
      const { name } = request.params;
      const deleted = await ctx.db.transaction().execute(async (tx) => {
        if (!(await deleteNamedQuery(tx, capturer.enterpriseId, name))) return false;
        await ctx.audit.append(tx, capturer.audit, {
          action: 'traceability.namedQuery.delete',
          entityType: 'epcisNamedQuery',
          entityId: name,
          before: { enterpriseId: capturer.enterpriseId },
        });
        return true;
      });
      if (!deleted) throw notFound();
      return reply.status(204).send();
    },
  );
}
