import type { FastifyInstance } from 'fastify';
import { auditActor, permissionFirst, requireActor } from '../../platform/auth.ts';
import type { AppContext } from '../../platform/context.ts';
import { errorResponses, paginationQuery } from '../../platform/schemas.ts';
import { attachment } from '../registry/excel.routes.ts';
import { chinaDate } from '../registry/export.service.ts';
import { reportWorkbook } from './reports.export.ts';
import type { RecordMetric, ReportFilter } from './reports.repo.ts';
import { breakdownRows, cumulative, recordsBehind, yearRows } from './reports.service.ts';
import { figureRecordView, page, tags, year } from './schemas.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const scope = { districtCode: { type: 'string', maxLength: 12 }, chainCode: { type: 'string', maxLength: 20 } } as const;
const figures = {
  projects: { type: 'integer' },
  investmentFen: { type: 'integer' },
  awards: { type: 'integer' },
  awardedFen: { type: 'integer' },
  paidFen: { type: 'integer' },
  clawedBackFen: { type: 'integer' },
} as const;
const q = (properties: object, required: string[] = []) => ({ type: 'object', additionalProperties: false, required, properties }) as const;
const read = permissionFirst('funding.report.read');

export function registerFundingReportRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: ReportFilter }>(
    '/api/funding/reports/years',
    {
      ...read,
      schema: {
        tags,
        summary:
          'Per year: projects, investment, awards (allocated), paid, clawed back, the fund total and the awards’ share of it (city-wide only); the 2019→ trend',
        querystring: q({ from: year, to: year, ...scope }),
        response: {
          200: {
            type: 'object',
            properties: {
              rows: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    year: { type: 'integer' },
                    ...figures,
                    fundTotalFen: { type: ['integer', 'null'] },
                    shareOfFund: { type: ['number', 'null'] },
                  },
                },
              },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => yearRows(ctx.db, requireActor(request), request.query),
  );

  app.get<{ Querystring: ReportFilter & { by: 'chain' | 'district' } }>(
    '/api/funding/reports/breakdown',
    {
      ...read,
      schema: {
        tags,
        summary: 'Figures per industry chain or per district (one year, a range, or all)',
        querystring: q({ by: { type: 'string', enum: ['chain', 'district'] }, year, from: year, to: year, ...scope }, ['by']),
        response: {
          200: {
            type: 'object',
            properties: {
              rows: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: { code: { type: ['string', 'null'] }, nameZh: { type: 'string' }, nameEn: { type: 'string' }, ...figures },
                },
              },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { by, ...filter } = request.query;
      return breakdownRows(ctx.db, requireActor(request), by, filter);
    },
  );

  app.get<{ Querystring: ReportFilter & { since: number } }>(
    '/api/funding/reports/cumulative',
    {
      ...read,
      schema: {
        tags,
        summary: 'Totals since a chosen year (seed: almost ¥300 M awarded since the programme began)',
        querystring: q({ since: year, ...scope }, ['since']),
        response: {
          200: { type: 'object', properties: { since: { type: 'integer' }, through: { type: 'integer' }, ...figures } },
          ...errorResponses,
        },
      },
    },
    async (request) => cumulative(ctx.db, requireActor(request), request.query),
  );

  app.get<{ Querystring: ReportFilter & { metric: RecordMetric; since?: number; page: number; pageSize: number } }>(
    '/api/funding/reports/records',
    {
      ...read,
      schema: {
        tags,
        summary:
          'The records behind a figure: projects (metric=projects), those with an allocated award (awards) or a payment (payments), narrowed like the figure',
        querystring: q(
          { ...paginationQuery, metric: { type: 'string', enum: ['projects', 'awards', 'payments'] }, year, since: year, ...scope },
          ['metric'],
        ),
        response: {
          200: page(figureRecordView),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { metric, page: p, pageSize, ...filter } = request.query;
      return recordsBehind(ctx.db, requireActor(request), metric, filter, { page: p, pageSize });
    },
  );

  app.get<{ Querystring: ReportFilter }>(
    '/api/funding/reports/export.xlsx',
    {
      ...read,
      schema: {
        tags,
        summary: 'The reports as a workbook: per year, per chain, per district (万元; audited)',
        querystring: q({ from: year, to: year, ...scope }),
        produces: [XLSX],
        response: { 200: { description: 'An .xlsx workbook', type: 'string', format: 'binary' }, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const data = await reportWorkbook(ctx.db, actor, request.query);
      await ctx.db.transaction().execute((tx) =>
        ctx.audit.append(tx, auditActor(request), {
          action: 'funding.report.export',
          entityType: 'fundingReport',
          after: { format: 'xlsx', filter: request.query },
        }),
      );
      const day = chinaDate();
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', attachment(`智改数转奖补统计-${day}.xlsx`, `funding-report-${day}.xlsx`))
        .header('cache-control', 'no-store')
        .send(data);
    },
  );
}
