import type { FastifyInstance, FastifyRequest } from 'fastify';
import { auditActor, authorize } from '../../platform/auth.ts';
import type { AppContext } from '../../platform/context.ts';
import { errorResponses, okResponse } from '../../platform/schemas.ts';
import {
  createChain,
  createCluster,
  deleteChain,
  deleteCluster,
  renameDistrict,
  taxonomyUsage,
  updateChain,
  updateCluster,
  type ChainInput,
  type ClusterChange,
  type ClusterInput,
  type NamesInput,
} from './taxonomy.service.ts';

// Taxonomy administration (bureau admin, 'taxonomy.write'). Reading it is public: GET /api/registry/taxonomy.
const CODE_PATTERN = '^[A-Za-z0-9][A-Za-z0-9_-]{0,19}$';
const code = { type: 'string', pattern: CODE_PATTERN } as const;
// Not blank, and no control characters (PostgreSQL refuses NUL in text).
const NAME_PATTERN = '^(?=.*\\S)[^\\u0000-\\u001F\\u007F]+$';
const nameZh = { type: 'string', minLength: 1, maxLength: 50, pattern: NAME_PATTERN } as const;
const nameEn = { type: 'string', minLength: 1, maxLength: 100, pattern: NAME_PATTERN } as const;
const sortOrder = { type: 'integer', minimum: 0, maximum: 100000 } as const;
const chainCode = { type: ['string', 'null'], pattern: CODE_PATTERN } as const;

const codeParams = { type: 'object', properties: { code }, required: ['code'] } as const;
const body = (properties: Record<string, unknown>, required: string[]) =>
  ({ type: 'object', additionalProperties: false, required, properties }) as const;

const entryView = {
  type: 'object',
  properties: {
    code: { type: 'string' },
    nameZh: { type: 'string' },
    nameEn: { type: 'string' },
    isDemo: { type: 'boolean' },
    sortOrder: { type: 'integer' },
  },
} as const;
const clusterView = { type: 'object', properties: { ...entryView.properties, chainCode: { type: ['string', 'null'] } } } as const;
const districtView = {
  type: 'object',
  properties: {
    code: { type: 'string' },
    nameZh: { type: 'string' },
    nameEn: { type: 'string' },
    kind: { type: 'string' },
    sortOrder: { type: 'integer' },
  },
} as const;
const countsByCode = { type: 'object', additionalProperties: { type: 'integer' } } as const;

type CodeParams = { Params: { code: string } };

// Who asks is checked before what was sent is validated: anyone but the bureau admin gets 401/403
// whatever the body, and learns nothing about the shapes.
const bureauOnly = {
  preValidation: async (request: FastifyRequest) => {
    authorize(request, 'taxonomy.write');
  },
};

export function registerTaxonomyRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(
    '/api/registry/taxonomy/usage',
    {
      ...bureauOnly,
      schema: {
        tags: ['registry'],
        summary: 'Enterprises per district, chain and cluster, archived included (what blocks a deletion)',
        response: {
          200: { type: 'object', properties: { districts: countsByCode, chains: countsByCode, clusters: countsByCode } },
          ...errorResponses,
        },
      },
    },
    async () => taxonomyUsage(ctx.db),
  );

  app.post<{ Body: ChainInput }>(
    '/api/registry/chains',
    {
      ...bureauOnly,
      schema: {
        tags: ['registry'],
        summary: 'Create an industry chain; 409 when the code or name is taken',
        body: body({ code, nameZh, nameEn, sortOrder }, ['code', 'nameZh', 'nameEn']),
        response: { 200: entryView, ...errorResponses },
      },
    },
    async (request) => createChain(ctx, auditActor(request), request.body),
  );

  app.put<CodeParams & { Body: NamesInput }>(
    '/api/registry/chains/:code',
    {
      ...bureauOnly,
      schema: {
        tags: ['registry'],
        summary: 'Rename an industry chain (its code stays)',
        params: codeParams,
        body: body({ nameZh, nameEn, sortOrder }, ['nameZh', 'nameEn']),
        response: { 200: entryView, ...errorResponses },
      },
    },
    async (request) => updateChain(ctx, auditActor(request), request.params.code, request.body),
  );

  app.delete<CodeParams>(
    '/api/registry/chains/:code',
    {
      ...bureauOnly,
      schema: {
        tags: ['registry'],
        summary: 'Delete an industry chain no enterprise or cluster uses (409 otherwise)',
        params: codeParams,
        response: { 200: okResponse, ...errorResponses },
      },
    },
    async (request) => {
      await deleteChain(ctx, auditActor(request), request.params.code);
      return { ok: true };
    },
  );

  app.post<{ Body: ClusterInput }>(
    '/api/registry/clusters',
    {
      ...bureauOnly,
      schema: {
        tags: ['registry'],
        summary: 'Create an industry cluster, optionally linked to a chain; 409 when the code or name is taken',
        body: body({ code, nameZh, nameEn, chainCode: { ...chainCode, default: null }, sortOrder }, ['code', 'nameZh', 'nameEn']),
        response: { 200: clusterView, ...errorResponses },
      },
    },
    async (request) => createCluster(ctx, auditActor(request), request.body),
  );

  app.put<CodeParams & { Body: ClusterChange }>(
    '/api/registry/clusters/:code',
    {
      ...bureauOnly,
      schema: {
        tags: ['registry'],
        summary: 'Rename an industry cluster or change its chain (its code stays)',
        params: codeParams,
        body: body({ nameZh, nameEn, chainCode, sortOrder }, ['nameZh', 'nameEn', 'chainCode']),
        response: { 200: clusterView, ...errorResponses },
      },
    },
    async (request) => updateCluster(ctx, auditActor(request), request.params.code, request.body),
  );

  app.delete<CodeParams>(
    '/api/registry/clusters/:code',
    {
      ...bureauOnly,
      schema: {
        tags: ['registry'],
        summary: 'Delete an industry cluster no enterprise uses (409 otherwise)',
        params: codeParams,
        response: { 200: okResponse, ...errorResponses },
      },
    },
    async (request) => {
      await deleteCluster(ctx, auditActor(request), request.params.code);
      return { ok: true };
    },
  );

  app.put<CodeParams & { Body: { nameZh: string; nameEn: string } }>(
    '/api/registry/districts/:code',
    {
      ...bureauOnly,
      schema: {
        tags: ['registry'],
        summary: 'Rename a district for display; its division code never changes',
        params: { type: 'object', properties: { code: { type: 'string', pattern: '^[0-9]{6,12}$' } }, required: ['code'] },
        body: body({ nameZh, nameEn }, ['nameZh', 'nameEn']),
        response: { 200: districtView, ...errorResponses },
      },
    },
    async (request) => renameDistrict(ctx, auditActor(request), request.params.code, request.body),
  );
}
