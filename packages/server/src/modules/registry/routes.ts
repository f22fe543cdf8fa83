import type { EnterpriseInput } from '@zhizao/domain';
import type { FastifyInstance } from 'fastify';
import { auditActor, authorize, permissionFirst } from '../../platform/auth.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { errorResponses, idParams } from '../../platform/schemas.ts';
import { findEnterprise, listEnterprises, type EnterpriseFilter, type EnterpriseSort } from './enterprise.repo.ts';
import { archiveEnterprise, changeEnterprise, createEnterprise, presentEnterprise } from './enterprise.service.ts';
import { enterpriseInputSchema, enterpriseListQuerySchema, enterpriseUpdateSchema, enterpriseViewSchema } from './schemas.ts';
import { registryStats } from './stats.ts';
import { loadTaxonomy } from './taxonomy.repo.ts';

type ListQuery = EnterpriseFilter & { page: number; pageSize: number; sort: EnterpriseSort; order: 'asc' | 'desc' };

export function registerRegistryRoutes(app: FastifyInstance, ctx: AppContext): void {
  // The search index is built from the database before the server answers (then follows every write).
  app.addHook('onReady', () => ctx.enterpriseSearch.refresh());

  // The taxonomy is public reference data: districts, industry chains, clusters.
  app.get('/api/registry/taxonomy', { schema: { tags: ['registry'], summary: 'Districts, industry chains and clusters' } }, async () =>
    loadTaxonomy(ctx.db),
  );

  app.get(
    '/api/registry/stats',
    { ...permissionFirst('registry.read'), schema: { tags: ['registry'], summary: 'Counts for the home page, within the caller’s scope' } },
    async (request) => {
      const actor = authorize(request, 'registry.read');
      return registryStats(ctx.db, actor);
    },
  );

  app.get<{ Querystring: ListQuery }>(
    '/api/enterprises',
    {
      ...permissionFirst('registry.read'),
      schema: {
        tags: ['registry'],
        summary: 'List enterprises with filters, Chinese full-text search and pagination',
        querystring: enterpriseListQuerySchema,
        response: {
          200: {
            type: 'object',
            properties: {
              items: { type: 'array', items: enterpriseViewSchema },
              total: { type: 'integer' },
              page: { type: 'integer' },
              pageSize: { type: 'integer' },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const actor = authorize(request, 'registry.read');
      const { page, pageSize, sort, order, ...filter } = request.query;
      const result = await listEnterprises(ctx, filter, { page, pageSize, sort, order });
      return { items: result.items.map((e) => presentEnterprise(actor, e, { maskPhone: true })), total: result.total, page, pageSize };
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/enterprises/:id',
    {
      ...permissionFirst('registry.read'),
      schema: {
        tags: ['registry'],
        summary: 'One enterprise; contacts only for its owners',
        params: idParams,
        response: { 200: enterpriseViewSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = authorize(request, 'registry.read');
      const enterprise = await findEnterprise(ctx.db, ctx.cipher, request.params.id);
      if (!enterprise) throw new AppError(404, 'enterprise.notFound');
      return presentEnterprise(actor, enterprise);
    },
  );

  app.post<{ Body: EnterpriseInput }>(
    '/api/enterprises',
    {
      ...permissionFirst('registry.create'),
      schema: {
        tags: ['registry'],
        summary: 'Register an enterprise',
        body: enterpriseInputSchema,
        response: { 200: enterpriseViewSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = authorize(request, 'registry.create');
      return presentEnterprise(actor, await createEnterprise(ctx, actor, auditActor(request), request.body));
    },
  );

  app.put<{ Params: { id: number }; Body: EnterpriseInput & { version: number } }>(
    '/api/enterprises/:id',
    {
      ...permissionFirst('registry.update'),
      schema: {
        tags: ['registry'],
        summary: 'Change an enterprise; `version` must be the one read (409 otherwise)',
        params: idParams,
        body: enterpriseUpdateSchema,
        response: { 200: enterpriseViewSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = authorize(request, 'registry.update');
      const { version, ...input } = request.body;
      return presentEnterprise(actor, await changeEnterprise(ctx, actor, auditActor(request), request.params.id, input, version));
    },
  );

  for (const [path, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    app.post<{ Params: { id: number } }>(
      `/api/enterprises/:id/${path}`,
      {
        schema: {
          tags: ['registry'],
          summary: archived ? 'Archive an enterprise' : 'Restore an archived enterprise',
          params: idParams,
          response: { 200: enterpriseViewSchema, ...errorResponses },
        },
      },
      async (request) => {
        const actor = authorize(request, 'registry.archive');
        return presentEnterprise(actor, await archiveEnterprise(ctx, actor, auditActor(request), request.params.id, archived));
      },
    );
  }
}
