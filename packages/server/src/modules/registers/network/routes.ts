import type { FastifyInstance } from 'fastify';
import { permissionFirst, requireActor } from '../../../platform/auth.ts';
import type { AppContext } from '../../../platform/context.ts';
import { errorResponses } from '../../../platform/schemas.ts';
import { networkSummary } from './summary.ts';

const counted = (key: string) => ({
  type: 'array',
  items: { type: 'object', properties: { [key]: { type: 'string' }, count: { type: 'integer' } } },
});
const nullableNumber = { type: ['number', 'null'] } as const;

const summarySchema = {
  type: 'object',
  properties: {
    baseStations: {
      type: 'object',
      properties: {
        inService: { type: 'integer' },
        planned: { type: 'integer' },
        decommissioned: { type: 'integer' },
        byOperator: counted('operator'),
        byDistrict: counted('districtCode'),
        byOperatorAndDistrict: {
          type: 'array',
          items: {
            type: 'object',
            properties: { operator: { type: 'string' }, districtCode: { type: 'string' }, count: { type: 'integer' } },
          },
        },
      },
    },
    keyPlaces: {
      type: 'object',
      properties: {
        total: { type: 'integer' },
        continuous: { type: 'integer' },
        partial: { type: 'integer' },
        none: { type: 'integer' },
        reach: nullableNumber,
      },
    },
    obstacles: {
      type: 'object',
      properties: {
        open: { type: 'integer' },
        assigned: { type: 'integer' },
        resolved: { type: 'integer' },
        averageDaysOpen: nullableNumber,
        oldestDaysOpen: nullableNumber,
        averageDaysToResolve: nullableNumber,
      },
    },
    gigabit: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          indicator: { type: 'string' },
          year: { type: 'integer' },
          reported: { type: 'number' },
          computed: nullableNumber,
          source: { type: 'string' },
        },
      },
    },
  },
} as const;

/** The network figures: GET /api/registers/network/summary. */
export function registerNetworkRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(
    '/api/registers/network/summary',
    {
      ...permissionFirst('registers.base-stations.read'),
      schema: {
        tags: ['registers: 5G base stations'],
        summary:
          'Network figures counted from the rows in the caller’s scope: 5G base stations in service by operator and district, key-place 5G reach, obstacle ageing; the gigabit-city indicators reported beside those the rows compute',
        response: { 200: summarySchema, ...errorResponses },
      },
    },
    async (request) => networkSummary(ctx.db, requireActor(request)),
  );
}
