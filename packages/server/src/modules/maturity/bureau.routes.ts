import { NATIONAL_DISTRIBUTIONS, DEFAULT_NATIONAL_SNAPSHOT } from '@zhizao/domain';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { auditActor, permissionFirst, requireActor } from '../../platform/auth.ts';
import type { AppContext } from '../../platform/context.ts';
import { requestLocale } from '../../platform/errors.ts';
import { errorResponses, paginationQuery } from '../../platform/schemas.ts';
import { attachment } from '../registry/excel.routes.ts';
import { chinaDate } from '../registry/export.service.ts';
import { distributionWorkbook, eligibleWorkbook } from './bureau.export.ts';
import { eligibleEnterprises, GROUP_BY, levelDistribution, scopeBureauFilter, type BureauFilter, type GroupBy } from './bureau.service.ts';
import { modelId } from './schemas.ts';

// The bureau's city-wide view under /api/maturity (issue 3 part 7): the level distribution next to the
// national figures, the enterprises eligible for recognition, and both as Excel.

const tags = ['maturity'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const guarded = permissionFirst('maturity.bureau.read');

const filterProperties = {
  modelVersion: modelId,
  year: { type: 'integer', minimum: 2000, maximum: 2100 },
  districtCode: { type: 'string', pattern: '^[0-9]{6,12}$' },
} as const;
const distributionQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    groupBy: { type: 'string', enum: [...GROUP_BY], default: 'chain' },
    national: { type: 'string', enum: NATIONAL_DISTRIBUTIONS.map((s) => s.id), default: DEFAULT_NATIONAL_SNAPSHOT },
    ...filterProperties,
  },
} as const;
const eligibleQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { minLevel: { type: 'integer', minimum: 1, maximum: 5, default: 2 }, ...filterProperties },
} as const;
const eligibleListQuery = { ...eligibleQuery, properties: { ...eligibleQuery.properties, ...paginationQuery } } as const;

const levels = { type: 'array', items: { type: 'integer' } } as const;
const binNumbers = (type: unknown) => ({ type: 'object', properties: { upToL1: type, l2: type, l3: type, l4Plus: type } }) as const;
const nullableNumber = { type: ['number', 'null'] } as const;
const groupSchema = {
  type: 'object',
  properties: {
    code: { type: 'string' },
    name: { type: 'string' },
    total: { type: 'integer' },
    levels,
    bins: binNumbers({ type: 'integer' }),
    shares: binNumbers(nullableNumber),
    atLeastL2: nullableNumber,
  },
} as const;
const distributionSchema = {
  type: 'object',
  properties: {
    groupBy: { type: 'string' },
    filters: {
      type: 'object',
      properties: {
        modelVersion: { type: ['string', 'null'] },
        year: { type: ['integer', 'null'] },
        districtCode: { type: ['string', 'null'] },
      },
    },
    city: {
      type: 'object',
      properties: {
        total: { type: 'integer' },
        levels,
        bins: binNumbers({ type: 'integer' }),
        shares: binNumbers(nullableNumber),
        atLeastL2: nullableNumber,
      },
    },
    groups: { type: 'array', items: groupSchema },
    national: {
      type: 'object',
      properties: {
        id: { type: 'string' },
        label: { type: 'string' },
        asOf: { type: 'string' },
        enterprises: { type: ['string', 'null'] },
        shares: binNumbers(nullableNumber),
        atLeastL2: nullableNumber,
        sources: { type: 'array', items: { type: 'string' } },
        note: { type: ['string', 'null'] },
      },
    },
    countsEnterprisesInEachChain: { type: 'boolean' },
  },
} as const;
const eligibleItem = {
  type: 'object',
  properties: {
    assessmentId: { type: 'integer' },
    enterpriseId: { type: 'integer' },
    enterpriseName: { type: 'string' },
    creditCode: { type: 'string' },
    districtCode: { type: 'string' },
    manufacturingType: { type: 'string' },
    modelVersion: { type: 'string' },
    level: { type: 'integer' },
    score: { type: 'number' },
    submittedAt: { type: ['string', 'null'] },
    verifiedLevel: { type: ['integer', 'null'] },
    verifiedScore: nullableNumber,
  },
} as const;
const fileResponses = { 200: { description: 'An .xlsx workbook', type: 'string', format: 'binary' }, ...errorResponses } as const;

type FilterQuery = BureauFilter & { national?: string };
const filterOf = (q: FilterQuery): BureauFilter => ({
  ...(q.modelVersion !== undefined ? { modelVersion: q.modelVersion } : {}),
  ...(q.year !== undefined ? { year: q.year } : {}),
  ...(q.districtCode !== undefined ? { districtCode: q.districtCode } : {}),
});

const sendXlsx = (reply: FastifyReply, fileName: string, asciiFallback: string, body: NodeJS.ReadableStream) =>
  reply
    .header('content-type', XLSX)
    .header('content-disposition', attachment(fileName, asciiFallback))
    .header('cache-control', 'no-store')
    .send(body);

export function registerMaturityBureauRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: FilterQuery & { groupBy: GroupBy; national: string } }>(
    '/api/maturity/distribution',
    {
      ...guarded,
      schema: {
        tags,
        summary:
          'Level counts (0–5) per chain, district or manufacturing type over each enterprise’s latest submitted assessment, next to a national c3mep snapshot (district officers: own district)',
        querystring: distributionQuery,
        response: { 200: distributionSchema, ...errorResponses },
      },
    },
    async (request) => {
      const filter = scopeBureauFilter(requireActor(request), filterOf(request.query));
      return levelDistribution(ctx.db, request.query.groupBy, filter, requestLocale(request), request.query.national);
    },
  );

  app.get<{ Querystring: FilterQuery & { minLevel: number; page: number; pageSize: number } }>(
    '/api/maturity/eligible',
    {
      ...guarded,
      schema: {
        tags,
        summary:
          'Enterprises whose latest submitted assessment reached minLevel (default 2: eligible for recognition), with level, score, date and the expert-verified level if any',
        querystring: eligibleListQuery,
        response: {
          200: {
            type: 'object',
            properties: {
              items: { type: 'array', items: eligibleItem },
              total: { type: 'integer' },
              page: { type: 'integer' },
              pageSize: { type: 'integer' },
              minLevel: { type: 'integer' },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { page, pageSize, minLevel } = request.query;
      const filter = scopeBureauFilter(requireActor(request), filterOf(request.query));
      return eligibleEnterprises(ctx.db, { ...filter, minLevel }, { page, pageSize });
    },
  );

  app.get<{ Querystring: FilterQuery & { groupBy: GroupBy; national: string } }>(
    '/api/maturity/distribution.xlsx',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'The level distribution as a workbook (title row, 序号 first), with the city total and the national snapshot',
        querystring: distributionQuery,
        produces: [XLSX],
        response: fileResponses,
      },
    },
    async (request, reply) => {
      const filter = scopeBureauFilter(requireActor(request), filterOf(request.query));
      const stream = await distributionWorkbook(ctx.db, request.query.groupBy, filter, request.query.national);
      await ctx.db.transaction().execute((tx) =>
        ctx.audit.append(tx, auditActor(request), {
          action: 'maturity.distribution.export',
          entityType: 'maturityAssessment',
          after: { format: 'xlsx', groupBy: request.query.groupBy, filter },
        }),
      );
      const day = chinaDate();
      return sendXlsx(reply, `成熟度等级分布-${day}.xlsx`, `maturity-distribution-${day}.xlsx`, stream);
    },
  );

  app.get<{ Querystring: FilterQuery & { minLevel: number } }>(
    '/api/maturity/eligible.xlsx',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'The enterprises at minLevel or above as a workbook (streamed; title row, 序号 first)',
        querystring: eligibleQuery,
        produces: [XLSX],
        response: fileResponses,
      },
    },
    async (request, reply) => {
      const filter = { ...scopeBureauFilter(requireActor(request), filterOf(request.query)), minLevel: request.query.minLevel };
      const districts = await ctx.db.selectFrom('district').select(['code', 'nameZh']).execute();
      const stream = await eligibleWorkbook(ctx.db, filter, new Map(districts.map((d) => [d.code, d.nameZh])));
      await ctx.db.transaction().execute((tx) =>
        ctx.audit.append(tx, auditActor(request), {
          action: 'maturity.eligible.export',
          entityType: 'maturityAssessment',
          after: { format: 'xlsx', filter },
        }),
      );
      const day = chinaDate();
      return sendXlsx(reply, `成熟度可申报企业-${day}.xlsx`, `maturity-eligible-${day}.xlsx`, stream);
    },
  );
}
