import { enterpriseFieldOf, type EntryValues } from '@zhizao/domain';
import type { FastifyInstance } from 'fastify';
import { auditActor, permissionFirst, requireActor } from '../../../platform/auth.ts';
import type { AppContext } from '../../../platform/context.ts';
import { errorResponses, idParams } from '../../../platform/schemas.ts';
import { decideCorrection, listCorrections, proposeCorrection } from './corrections.ts';
import { labelsOf } from './entries.ts';
import type { RegisterModule } from './module.ts';
import { entryBodySchema } from './schemas.ts';

const tags = ['registers: corrections'];
const correctionView = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    register: { type: 'string' },
    entryId: { type: 'integer' },
    entryTitle: { type: ['string', 'null'] },
    enterpriseId: { type: 'integer' },
    districtCode: { type: ['string', 'null'] },
    changes: { type: 'object', additionalProperties: true },
    current: { type: 'object', additionalProperties: true },
    reason: { type: 'string' },
    status: { type: 'string' },
    decisionNote: { type: ['string', 'null'] },
    decidedAt: { type: ['string', 'null'] },
    createdAt: { type: 'string' },
  },
} as const;
const reason = { type: 'string', minLength: 1, maxLength: 1000 } as const;

/** The correction routes: a firm proposes on a row of its own (per register), the keeper lists and decides. */
export function registerCorrectionRoutes(app: FastifyInstance, ctx: AppContext, modules: readonly RegisterModule[]): void {
  for (const { definition } of modules) {
    if (definition.ownership === 'city' && !enterpriseFieldOf(definition)) continue;
    const { properties } = entryBodySchema(definition, false);
    const editable = Object.fromEntries(
      definition.fields.filter((f) => f.type !== 'enterprise' && f.type !== 'district').map((f) => [f.key, properties[f.key]]),
    );
    app.post<{ Params: { id: number }; Body: { changes: EntryValues; reason: string } }>(
      `/api/registers/${definition.key}/:id/corrections`,
      {
        ...permissionFirst('registers.correction.propose'),
        config: { fieldLabels: labelsOf(definition) },
        schema: {
          tags,
          summary: `A firm proposes a correction to one of its own ${definition.label.en.toLowerCase()} (the keeper decides; audited)`,
          params: idParams,
          body: {
            type: 'object',
            additionalProperties: false,
            required: ['changes', 'reason'],
            properties: { changes: { type: 'object', additionalProperties: false, minProperties: 1, properties: editable }, reason },
          },
          response: { 201: correctionView, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await proposeCorrection(
              ctx,
              definition,
              requireActor(request),
              auditActor(request),
              request.params.id,
              request.body.changes,
              request.body.reason,
            ),
          ),
    );
  }

  app.get<{ Querystring: { status?: string; register?: string } }>(
    '/api/registers/corrections',
    {
      ...permissionFirst('registers.correction.read'),
      schema: {
        tags,
        summary: 'Corrections in the caller’s scope: the bureau all, a district officer their district’s, a firm its own',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            status: { type: 'string', enum: ['pending', 'accepted', 'rejected'] },
            register: { type: 'string', enum: modules.map((m) => m.definition.key) },
          },
        },
        response: { 200: { type: 'object', properties: { items: { type: 'array', items: correctionView } } }, ...errorResponses },
      },
    },
    async (request) => listCorrections(ctx, requireActor(request), request.query),
  );

  app.post<{ Params: { id: number }; Body: { accept: boolean; note?: string; confirmWarnings?: boolean } }>(
    '/api/registers/corrections/:id/decide',
    {
      ...permissionFirst('registers.correction.decide'),
      schema: {
        tags,
        summary: 'Accept a correction (the row changes, checked as an edit) or reject it with a note (audited)',
        params: idParams,
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['accept'],
          properties: {
            accept: { type: 'boolean' },
            note: { type: 'string', minLength: 1, maxLength: 1000 },
            confirmWarnings: { type: 'boolean' },
          },
        },
        response: { 200: correctionView, ...errorResponses },
      },
    },
    async (request) => decideCorrection(ctx, modules, requireActor(request), auditActor(request), request.params.id, request.body),
  );
}
