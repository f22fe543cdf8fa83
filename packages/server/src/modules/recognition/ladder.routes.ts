import { KPI_CODES } from '@zhizao/domain';
import type { FastifyInstance } from 'fastify';
import { permissionFirst, requireActor } from '../../platform/auth.ts';
import type { AppContext } from '../../platform/context.ts';
import { errorResponses, idParams } from '../../platform/schemas.ts';
import { bureauLadder, enterpriseLadder, kpiView } from './ladder.service.ts';
import { recognitionSchema } from './recognitions.routes.ts';
import { applicationSummarySchema, kind, level, tags } from './schemas.ts';

const int = { type: 'integer' } as const;
const str = { type: 'string' } as const;
const num = { type: ['number', 'null'] } as const;
const metSchema = {
  type: 'object',
  properties: {
    cncRate: { type: ['boolean', 'null'] },
    operatingCost: { type: ['boolean', 'null'] },
    productivity: { type: ['boolean', 'null'] },
  },
} as const;
const kpiItem = {
  type: 'object',
  properties: {
    recognitionId: int,
    recognitionNumber: str,
    enterpriseName: str,
    districtCode: str,
    projectName: str,
    level: str,
    kind: str,
    year: int,
    cncRate: num,
    operatingCostChange: num,
    productivityChange: num,
    met: metSchema,
  },
} as const;
const kpiPair = { type: 'object', properties: { before: num, after: num } } as const;
const shareSchema = { type: 'object', properties: { reported: int, met: int, mean: num } } as const;
const ladderCounts = { municipal: int, provincial: int, national: int } as const;

export function registerLadderRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: { id: number } }>(
    '/api/recognition/ladder/enterprises/:id',
    {
      ...permissionFirst('recognition.application.read'),
      schema: {
        tags,
        summary:
          'One enterprise’s climb: its recognitions at each level, its applications and its upward recommendations (own enterprise, own district, the bureau)',
        params: idParams,
        response: {
          200: {
            type: 'object',
            properties: {
              enterprise: { type: 'object', properties: { id: int, name: str, districtCode: str } },
              steps: {
                type: 'array',
                items: { type: 'object', properties: { level: str, recognitions: { type: 'array', items: recognitionSchema } } },
              },
              applications: { type: 'array', items: applicationSummarySchema },
              recommendations: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    recommendationId: int,
                    targetLevel: str,
                    createdAt: str,
                    recognitionId: int,
                    rank: int,
                    outcome: str,
                    decidedOn: { type: ['string', 'null'] },
                  },
                },
              },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => enterpriseLadder(ctx.db, requireActor(request), request.params.id),
  );

  app.get<{ Querystring: { groupBy: 'chain' | 'district'; kind?: string } }>(
    '/api/recognition/ladder',
    {
      ...permissionFirst('recognition.ladder.read'),
      schema: {
        tags,
        summary: 'The whole ladder: recognitions in force at each level, by industry chain or district (district officers: their own)',
        querystring: {
          type: 'object',
          properties: { groupBy: { type: 'string', enum: ['chain', 'district'], default: 'district' }, kind },
          additionalProperties: false,
        },
        response: {
          200: {
            type: 'object',
            properties: {
              groupBy: str,
              totals: { type: 'object', properties: ladderCounts },
              groups: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: { code: str, name: { type: 'object', properties: { zh: str, en: str } }, ...ladderCounts },
                },
              },
              countsEnterprisesInEachChain: { type: 'boolean' },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => bureauLadder(ctx.db, requireActor(request), request.query.groupBy, request.query.kind),
  );

  app.get<{ Querystring: { level?: string; kind?: string } }>(
    '/api/recognition/kpis',
    {
      ...permissionFirst('recognition.ladder.read'),
      schema: {
        tags,
        summary:
          'KPIs of recognised enterprises against the city benchmarks (CNC rate ≥ 70 %, operating cost −20 %, productivity +20 %), with the best cases',
        querystring: { type: 'object', properties: { level, kind }, additionalProperties: false },
        response: {
          200: {
            type: 'object',
            properties: {
              benchmarks: {
                type: 'object',
                properties: {
                  cncRate: { type: 'number' },
                  operatingCostChange: { type: 'number' },
                  productivityChange: { type: 'number' },
                },
              },
              summary: {
                type: 'object',
                properties: { n: int, cncRate: shareSchema, operatingCost: shareSchema, productivity: shareSchema },
              },
              items: { type: 'array', items: kpiItem },
              showcases: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    ...kpiItem.properties,
                    changes: { type: 'object', properties: Object.fromEntries(KPI_CODES.map((c) => [c, num])) },
                    kpis: { type: 'object', properties: Object.fromEntries(KPI_CODES.map((c) => [c, kpiPair])) },
                  },
                },
              },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => kpiView(ctx.db, requireActor(request), request.query),
  );
}
