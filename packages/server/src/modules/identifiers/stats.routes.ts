import { statsCsv, type EnterpriseStatsRow } from '@zhizao/domain';
import type { FastifyInstance } from 'fastify';
import { permissionFirst, requireActor } from '../../platform/auth.ts';
import type { AppContext } from '../../platform/context.ts';
import { errorResponses } from '../../platform/schemas.ts';
import { attachment } from '../registry/excel.routes.ts';
import { prefixScope } from './access.ts';
import { identifierNode } from './node.ts';
import { nodeStatistics } from './statistics.service.ts';
import { tags } from './schemas.ts';

// Part 6: the node's operations statistics (运营统计) — registrations and resolutions per enterprise per day, as
// the buffer flushed them — for the operator's pages, and as a file for the national top-level node (no network call).

const dayPattern = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';
const periodQuery = {
  from: { type: 'string', pattern: dayPattern },
  to: { type: 'string', pattern: dayPattern },
} as const;
const counts = { registrations: { type: 'integer' }, resolutions: { type: 'integer' } } as const;
const stored = { identifiers: { type: 'integer' } } as const;

export function registerStatsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const node = identifierNode(ctx);
  const guarded = permissionFirst('identifiers.node.read');

  app.get<{ Querystring: { from?: string; to?: string } }>(
    '/api/identifiers/stats',
    {
      ...guarded,
      schema: {
        tags,
        summary:
          'Registrations and resolutions per day and per enterprise (a district officer: their district’s; counts flushed from the in-memory buffer first)',
        querystring: { type: 'object', additionalProperties: false, properties: periodQuery },
        response: {
          200: {
            type: 'object',
            properties: {
              days: { type: 'array', items: { type: 'object', properties: { day: { type: 'string' }, ...counts } } },
              byEnterprise: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    enterpriseId: { type: 'integer' },
                    enterpriseName: { type: 'string' },
                    creditCode: { type: 'string' },
                    prefix: { type: ['string', 'null'] },
                    ...stored,
                    ...counts,
                  },
                },
              },
              byPrefix: {
                type: 'array',
                items: { type: 'object', properties: { prefix: { type: 'string' }, enterpriseId: { type: 'integer' }, ...stored } },
              },
              totals: { type: 'object', properties: { ...stored, ...counts } },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => nodeStatistics(ctx, prefixScope(requireActor(request)), request.query),
  );

  app.get<{ Querystring: { format: 'json' | 'csv'; from?: string; to?: string } }>(
    '/api/identifiers/stats/export',
    {
      ...permissionFirst('identifiers.node.operate'),
      schema: {
        tags,
        summary: 'The report for the national top-level node: per day and enterprise, as JSON or CSV (a file; nothing is sent anywhere)',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { format: { type: 'string', enum: ['json', 'csv'], default: 'json' }, ...periodQuery },
        },
        response: { 200: { type: 'string' }, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { format, from, to } = request.query;
      const figures = await nodeStatistics(ctx, { all: true }, { from, to });
      const rows = await ctx.db
        .selectFrom('idStatDaily as s')
        .innerJoin('enterprise as e', 'e.id', 's.enterpriseId')
        .select(['s.day', 's.enterpriseId', 'e.name as enterpriseName', 'e.creditCode', 's.registrations', 's.resolutions'])
        .$if(Boolean(from), (q) => q.where('s.day', '>=', from!))
        .$if(Boolean(to), (q) => q.where('s.day', '<=', to!))
        .orderBy('s.day')
        .orderBy('s.enterpriseId')
        .execute();
      const prefixes = new Map(figures.byEnterprise.map((r) => [r.enterpriseId, r.prefix]));
      const report: EnterpriseStatsRow[] = rows.map((r) => ({
        day: r.day,
        prefix: prefixes.get(r.enterpriseId) ?? '',
        creditCode: r.creditCode,
        enterpriseName: r.enterpriseName,
        registrations: Number(r.registrations),
        resolutions: Number(r.resolutions),
      }));
      const name = `identifier-statistics-${node.config.nodePrefix}-${from ?? 'start'}-${to ?? 'today'}`;
      if (format === 'csv') {
        return reply
          .header('content-disposition', attachment(`${name}.csv`, `${name}.csv`))
          .type('text/csv; charset=utf-8')
          .send('\ufeff' + statsCsv(report));
      }
      return reply
        .header('content-disposition', attachment(`${name}.json`, `${name}.json`))
        .type('application/json; charset=utf-8')
        .send(
          JSON.stringify(
            {
              node: node.config.nodePrefix,
              demoPrefix: node.config.demoPrefix,
              generatedAt: new Date().toISOString(),
              period: { from: from ?? null, to: to ?? null },
              totals: figures.totals,
              // identifiers stored now under each prefix, beside the operations counted per day
              prefixes: figures.byPrefix.map(({ prefix, identifiers }) => ({ prefix, identifiers })),
              rows: report,
            },
            null,
            2,
          ),
        );
    },
  );
}
