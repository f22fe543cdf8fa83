import type { FastifyInstance } from 'fastify';
import { permissionFirst, requireActor } from '../../../platform/auth.ts';
import type { AppContext } from '../../../platform/context.ts';
import { errorResponses } from '../../../platform/schemas.ts';
import { recommendationSummary } from './summary.ts';

const count = { type: 'integer' } as const;
const tally = {
  recommended: count,
  won: count,
  notSelected: count,
  pending: count,
  amountWon: { type: 'integer', description: 'fen' },
  winRate: { type: ['number', 'null'] },
} as const;
const groups = (key: string, type: 'string' | 'integer') =>
  ({ type: 'array', items: { type: 'object', properties: { [key]: { type }, ...tally } } }) as const;

export function registerRecommendationRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(
    '/api/registers/upward-recommendations/summary',
    {
      ...permissionFirst('registers.upward-recommendations.read'),
      schema: {
        tags: ['registers: Upward recommendations'],
        summary: 'Projects recommended upward → won, and the amount won, in all and by level, year and programme (the caller’s scope)',
        querystring: { type: 'object', additionalProperties: false, properties: {} },
        response: {
          200: {
            type: 'object',
            properties: {
              total: { type: 'object', properties: tally },
              byLevel: groups('level', 'string'),
              byYear: groups('year', 'integer'),
              byProgramme: groups('programme', 'string'),
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => recommendationSummary(ctx.db, requireActor(request)),
  );
}
