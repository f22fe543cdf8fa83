import type { FastifyInstance } from 'fastify';
import { authorize, permissionFirst } from '../../../platform/auth.ts';
import type { AppContext } from '../../../platform/context.ts';
import { errorResponses } from '../../../platform/schemas.ts';
import { permissionOf } from '../engine/routes.ts';
import { chinaToday } from '../engine/service.ts';
import { talentFigures } from './figures.ts';

const count = { type: 'integer' } as const;
const counted = (key: string) => ({ type: 'array', items: { type: 'object', properties: { [key]: { type: 'string' }, count } } }) as const;
const figuresView = {
  type: 'object',
  properties: {
    year: { type: 'integer' },
    today: { type: 'string' },
    carriers: { type: 'object', properties: { total: count, byKind: counted('kind'), byLevel: counted('level') } },
    honours: {
      type: 'object',
      properties: {
        people: count,
        total: count,
        byLevel: counted('level'),
        byHonour: counted('honour'),
        warningDays: count,
        expiringCount: count,
        expiredCount: count,
        expiring: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              id: count,
              personName: { type: 'string' },
              honour: { type: 'string' },
              employerName: { type: 'string' },
              districtCode: { type: 'string' },
              tenureEnd: { type: 'string' },
            },
          },
        },
      },
    },
    payments: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          kind: { type: 'string' },
          paidFen: count,
          payments: count,
          envelope: {
            anyOf: [
              {
                type: 'object',
                properties: {
                  id: count,
                  fundName: { type: 'string' },
                  name: { type: 'string' },
                  amountFen: count,
                  availableFen: count,
                },
              },
              { type: 'null' },
            ],
          },
        },
      },
    },
  },
} as const;

export function registerTalentRoutes(app: FastifyInstance, ctx: AppContext): void {
  const read = permissionOf('talent-payments', 'read');
  app.get<{ Querystring: { year?: number } }>(
    '/api/registers/talent/figures',
    {
      ...permissionFirst(read),
      schema: {
        tags: ['registers: Talent payments'],
        summary:
          'The talent figures from the registers’ rows in the caller’s scope: carriers by kind and level, honoured people by level, tenures ending within 90 days, and a year’s talent payments summed from the funding ledger',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { year: { type: 'integer', minimum: 1949, maximum: 2100, description: 'The payments’ year (this year by default)' } },
        },
        response: { 200: figuresView, ...errorResponses },
      },
    },
    async (request) => {
      const actor = authorize(request, read);
      return talentFigures(ctx.db, actor, request.query.year ?? Number(chinaToday().slice(0, 4)));
    },
  );
}
