import { SHOWCASE_REGISTER, showcaseCoverage, type CoverageShowcase, type ShowcaseCoverage } from '@zhizao/domain';
import type { FastifyInstance } from 'fastify';
import type { Executor } from '../../../db/database.ts';
import { permissionFirst } from '../../../platform/auth.ts';
import type { AppContext } from '../../../platform/context.ts';
import { errorResponses } from '../../../platform/schemas.ts';
import { permissionOf } from '../engine/routes.ts';
import { anyDb } from '../engine/repo.ts';

// "Every chain a benchmark, every sector a demonstration, every niche a model" (seed §三.4): the city's
// chains, each with the segments its showcases name, and which of them have a published one. A city-wide
// programme figure, so every reader of the showcases sees all of it; only published cases are named.

export async function coverageOf(db: Executor): Promise<ShowcaseCoverage> {
  const [chains, rows] = await Promise.all([
    db.selectFrom('industryChain').select(['code', 'nameZh', 'nameEn']).orderBy('sortOrder').orderBy('code').execute(),
    anyDb(db)
      .selectFrom(`${SHOWCASE_REGISTER.table} as s`)
      .leftJoin('enterprise as e', 'e.id', 's.enterpriseId')
      .select(['s.id', 's.name', 's.chain', 's.segment', 's.status', 'e.name as enterpriseName'])
      .where('s.archived', '=', 0)
      .orderBy('s.id')
      .execute() as Promise<CoverageShowcase[]>,
  ]);
  return showcaseCoverage(
    chains.map((c) => ({ code: c.code, label: { zh: c.nameZh, en: c.nameEn } })),
    rows.map((r) => ({ ...r, id: Number(r.id) })),
  );
}

const state = { type: 'string', enum: ['covered', 'candidate', 'gap'] } as const;
const label = { type: 'object', properties: { zh: { type: 'string' }, en: { type: 'string' } } } as const;
const coverageView = {
  type: 'object',
  properties: {
    chains: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          code: { type: 'string' },
          label,
          state,
          segments: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                segment: { type: 'string' },
                state,
                candidates: { type: 'integer' },
                published: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: { id: { type: 'integer' }, name: { type: 'string' }, enterpriseName: { type: ['string', 'null'] } },
                  },
                },
              },
            },
          },
        },
      },
    },
    totals: {
      type: 'object',
      properties: {
        chains: { type: 'integer' },
        chainsCovered: { type: 'integer' },
        segments: { type: 'integer' },
        segmentsCovered: { type: 'integer' },
      },
    },
  },
} as const;

export function registerCoverageRoute(app: FastifyInstance, ctx: AppContext): void {
  app.get(
    `/api/registers/${SHOWCASE_REGISTER.key}/coverage`,
    {
      ...permissionFirst(permissionOf(SHOWCASE_REGISTER.key, 'read')),
      schema: {
        tags: [`registers: ${SHOWCASE_REGISTER.label.en}`],
        summary:
          'Showcase coverage: every industry chain with the segments its showcases name, covered (a published showcase), candidate only, or a gap',
        response: { 200: coverageView, ...errorResponses },
      },
    },
    async () => coverageOf(ctx.db),
  );
}
