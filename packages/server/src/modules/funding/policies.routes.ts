import type { FastifyInstance } from 'fastify';
import { auditActor, permissionFirst, requireActor } from '../../platform/auth.ts';
import type { AppContext } from '../../platform/context.ts';
import { requestLocale } from '../../platform/errors.ts';
import { errorResponses, idParams } from '../../platform/schemas.ts';
import {
  calculateForCaller,
  createPolicy,
  listPolicies,
  loadPolicy,
  presentPolicy,
  retirePolicy,
  type CalculateBody,
  type PolicyInput,
} from './policies.service.ts';
import { calculateBodySchema, calculationView, policyInputSchema, policyView, tags } from './schemas.ts';

type IdParams = { Params: { id: number } };

export function registerFundingPolicyRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: { code?: string; includeRetired?: boolean } }>(
    '/api/funding/policies',
    {
      ...permissionFirst('funding.policy.read'),
      schema: {
        tags,
        summary: 'Subsidy policy versions (active ones unless includeRetired)',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { code: { type: 'string', maxLength: 40 }, includeRetired: { type: 'boolean', default: false } },
        },
        response: { 200: { type: 'array', items: policyView }, ...errorResponses },
      },
    },
    async (request) => listPolicies(ctx.db, request.query),
  );

  app.get<IdParams>(
    '/api/funding/policies/:id',
    {
      ...permissionFirst('funding.policy.read'),
      schema: { tags, summary: 'One policy version', params: idParams, response: { 200: policyView, ...errorResponses } },
    },
    async (request) => presentPolicy(await loadPolicy(ctx.db, request.params.id)),
  );

  app.post<{ Body: PolicyInput }>(
    '/api/funding/policies',
    {
      ...permissionFirst('funding.policy.write'),
      schema: {
        tags,
        summary:
          'Write a policy version: a new code starts at 1, an existing code gets its next version (earlier versions and their awards stay as they are; audited)',
        body: policyInputSchema,
        response: { 201: policyView, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createPolicy(ctx, requireActor(request), auditActor(request), request.body)),
  );

  app.post<IdParams>(
    '/api/funding/policies/:id/retire',
    {
      ...permissionFirst('funding.policy.write'),
      schema: {
        tags,
        summary: 'Retire a policy version: no new applications under it (audited)',
        params: idParams,
        response: { 200: policyView, ...errorResponses },
      },
    },
    async (request) => retirePolicy(ctx, auditActor(request), request.params.id),
  );

  app.post<IdParams & { Body: CalculateBody }>(
    '/api/funding/policies/:id/calculate',
    {
      ...permissionFirst('funding.policy.read'),
      schema: {
        tags,
        summary:
          'The award this policy version gives a project in scope (projectId), or an investment split and kind typed in (what-if); the breakdown line by line',
        params: idParams,
        body: calculateBodySchema,
        response: { 200: calculationView, ...errorResponses },
      },
    },
    async (request) => calculateForCaller(ctx.db, requireActor(request), request.params.id, request.body, requestLocale(request)),
  );
}
