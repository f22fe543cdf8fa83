import { statsCsv, type EnterpriseStatsRow } from '@zhizao/domain';
import type { FastifyInstance } from 'fastify';
import { permissionFirst, requireActor } from '../../platform/auth.ts';
import type { AppContext } from '../../platform/context.ts';
import { errorResponses } from '../../platform/schemas.ts';
import { attachment } from '../registry/excel.routes.ts';
import { enterprisesIn, prefixScope, type PrefixScope } from './access.ts';
import { identifierNode } from './node.ts';
import { tags } from './schemas.ts';

// Part 6: the node's operations statistics (运营统计) — registrations and resolutions per enterprise per day, as
// the buffer flushed them — for the operator's pages, and as a file for the national top-level node (no network call).

const dayPattern = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';
const periodQuery = {
  from: { type: 'string', pattern: dayPattern },
  to: { type: 'string', pattern: dayPattern },
} as const;
const counts = { registrations: { type: 'integer' }, resolutions: { type: 'integer' } } as const;

export function registerStatsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const node = identifierNode(ctx);
  const guarded = permissionFirst('identifiers.node.read');

  /** The counts of the period, of the enterprises the scope covers (a district officer: their district's). */
  async function period(scope: PrefixScope, from?: string, to?: string) {
    await node.flushStats();
    let q = ctx.db.selectFrom('idStatDaily as s');
    if (!scope.all) q = q.where('s.enterpriseId', 'in', enterprisesIn(ctx.db, scope));
    if (from) q = q.where('s.day', '>=', from);
    if (to) q = q.where('s.day', '<=', to);
    return q;
  }

  async function enterpriseRows(scope: PrefixScope, from?: string, to?: string) {
    const q = await period(scope, from, to);
    return q
      .innerJoin('enterprise as e', 'e.id', 's.enterpriseId')
      .select((eb) => [
        's.enterpriseId',
        'e.name as enterpriseName',
        'e.creditCode',
        eb.fn.sum<number>('s.registrations').as('registrations'),
        eb.fn.sum<number>('s.resolutions').as('resolutions'),
      ])
      .groupBy(['s.enterpriseId', 'e.name', 'e.creditCode'])
      .orderBy('resolutions', 'desc')
      .execute();
  }

  /** The first prefix of each enterprise, for the tables. */
  async function prefixByEnterprise() {
    const rows = await ctx.db
      .selectFrom('idPrefix')
      .select(['enterpriseId', 'prefix'])
      .where('status', 'in', ['active', 'suspended', 'revoked'])
      .orderBy('serial')
      .execute();
    const map = new Map<number, string>();
    for (const r of rows) if (!map.has(r.enterpriseId)) map.set(r.enterpriseId, r.prefix);
    return map;
  }

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
                    ...counts,
                  },
                },
              },
              totals: { type: 'object', properties: counts },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const scope = prefixScope(requireActor(request));
      const { from, to } = request.query;
      const days = await (
        await period(scope, from, to)
      )
        .select((eb) => [
          's.day',
          eb.fn.sum<number>('s.registrations').as('registrations'),
          eb.fn.sum<number>('s.resolutions').as('resolutions'),
        ])
        .groupBy('s.day')
        .orderBy('s.day')
        .execute();
      const prefixes = await prefixByEnterprise();
      const byEnterprise = (await enterpriseRows(scope, from, to)).map((r) => ({
        ...r,
        registrations: Number(r.registrations),
        resolutions: Number(r.resolutions),
        prefix: prefixes.get(r.enterpriseId) ?? null,
      }));
      const totals = days.reduce(
        (t, d) => ({ registrations: t.registrations + Number(d.registrations), resolutions: t.resolutions + Number(d.resolutions) }),
        { registrations: 0, resolutions: 0 },
      );
      return {
        days: days.map((d) => ({ day: d.day, registrations: Number(d.registrations), resolutions: Number(d.resolutions) })),
        byEnterprise,
        totals,
      };
    },
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
      const rows = await (
        await period({ all: true }, from, to)
      )
        .innerJoin('enterprise as e', 'e.id', 's.enterpriseId')
        .select(['s.day', 's.enterpriseId', 'e.name as enterpriseName', 'e.creditCode', 's.registrations', 's.resolutions'])
        .orderBy('s.day')
        .orderBy('s.enterpriseId')
        .execute();
      const prefixes = await prefixByEnterprise();
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
      const totals = report.reduce(
        (t, r) => ({ registrations: t.registrations + r.registrations, resolutions: t.resolutions + r.resolutions }),
        { registrations: 0, resolutions: 0 },
      );
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
              totals,
              rows: report,
            },
            null,
            2,
          ),
        );
    },
  );
}
