import type { FastifyInstance } from 'fastify';
import { authorize, permissionFirst } from '../../platform/auth.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { errorResponses, paginationQuery } from '../../platform/schemas.ts';

interface AuditQuery {
  page: number;
  pageSize: number;
  action?: string;
  entityType?: string;
  entityId?: string;
  actor?: string;
  from?: string;
  to?: string;
}

/** A date-time as stored (UTC ISO); one the schema accepts but Date cannot hold (a leap second) is a 400. */
function isoInstant(value: string, field: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new AppError(400, 'validation.format', { format: 'date-time' }, field);
  return date.toISOString();
}

export function registerAuditRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: AuditQuery }>(
    '/api/audit',
    {
      ...permissionFirst('audit.read'),
      schema: {
        tags: ['audit'],
        summary: 'Read the audit log, newest first (audit admin only)',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            ...paginationQuery,
            action: { type: 'string', maxLength: 64 },
            entityType: { type: 'string', maxLength: 64 },
            entityId: { type: 'string', maxLength: 64 },
            actor: { type: 'string', maxLength: 64 },
            from: { type: 'string', format: 'date-time' },
            to: { type: 'string', format: 'date-time' },
          },
        },
        response: errorResponses,
      },
    },
    async (request) => {
      authorize(request, 'audit.read');
      const { page, pageSize, action, entityType, entityId, actor, from, to } = request.query;
      let q = ctx.db.selectFrom('auditLog');
      if (action) q = q.where('action', '=', action);
      if (entityType) q = q.where('entityType', '=', entityType);
      if (entityId) q = q.where('entityId', '=', entityId);
      if (actor) q = q.where('actorUsername', '=', actor);
      if (from) q = q.where('at', '>=', isoInstant(from, 'from'));
      if (to) q = q.where('at', '<=', isoInstant(to, 'to'));
      const [rows, count] = await Promise.all([
        q
          .selectAll()
          .orderBy('seq', 'desc')
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      const parse = (s: string | null) => (s === null ? null : (JSON.parse(s) as unknown));
      return {
        items: rows.map(({ beforeJson, afterJson, ...r }) => ({ ...r, before: parse(beforeJson), after: parse(afterJson) })),
        total: Number(count.n),
        page,
        pageSize,
      };
    },
  );

  app.get(
    '/api/audit/verify',
    {
      schema: {
        tags: ['audit'],
        summary: 'Recompute the HMAC-SM3 chain; reports every edited, inserted or deleted entry (problems), the first one as firstBadSeq',
        response: errorResponses,
      },
    },
    async (request) => {
      authorize(request, 'audit.read');
      return ctx.audit.verify(ctx.db);
    },
  );
}
