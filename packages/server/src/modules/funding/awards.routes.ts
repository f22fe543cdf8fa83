import type { FastifyInstance } from 'fastify';
import { auditActor, permissionFirst, requireActor } from '../../platform/auth.ts';
import type { AppContext } from '../../platform/context.ts';
import { requestLocale } from '../../platform/errors.ts';
import { errorResponses, idParams } from '../../platform/schemas.ts';
import type { AwardFilter } from './awards.repo.ts';
import { applyForAward, listAwardsFor, loadAward, moveAward, presentAward, type MoveBody } from './awards.service.ts';
import { drawSecondReview, getDraw, listDraws } from './sample.service.ts';
import {
  applyBodySchema,
  awardListItem,
  awardListQuery,
  awardView,
  moveBodySchema,
  page,
  sampleDrawBodySchema,
  sampleDrawView,
  tags,
  year,
} from './schemas.ts';

type IdParams = { Params: { id: number } };

export function registerFundingAwardRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: AwardFilter & { page: number; pageSize: number } }>(
    '/api/funding/awards',
    {
      ...permissionFirst('funding.award.read'),
      schema: {
        tags,
        summary: 'Award applications in the caller’s scope, most recently moved first',
        querystring: awardListQuery,
        response: { 200: page(awardListItem), ...errorResponses },
      },
    },
    async (request) => {
      const { page: p, pageSize, ...filter } = request.query;
      return listAwardsFor(ctx, requireActor(request), filter, { page: p, pageSize });
    },
  );

  app.get<IdParams>(
    '/api/funding/awards/:id',
    {
      ...permissionFirst('funding.award.read'),
      schema: {
        tags,
        summary: 'One award: its frozen calculation, moves, evaluation and the moves the caller may make now',
        params: idParams,
        response: { 200: awardView, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return presentAward(ctx, actor, await loadAward(ctx, actor, request.params.id), requestLocale(request));
    },
  );

  app.post<{ Body: { projectId: number; policyId: number } }>(
    '/api/funding/awards',
    {
      ...permissionFirst('funding.award.apply'),
      schema: {
        tags,
        summary:
          'Apply for an award on an own project under a policy version: the amount is computed now and frozen with that version (audited)',
        body: applyBodySchema,
        response: { 201: awardView, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await applyForAward(ctx, requireActor(request), auditActor(request), request.body, requestLocale(request))),
  );

  app.post<IdParams & { Body: MoveBody }>(
    '/api/funding/awards/:id/moves',
    {
      // Each action has its own permission (domain workflow.ts); reading the award is the least a mover needs.
      ...permissionFirst('funding.award.read'),
      schema: {
        tags,
        summary:
          'One move of the award’s workflow (withdraw, preliminary pass/reject, second pass/reject, notice, approve against the budget, pay a batch, evaluate, claw back): by its role only, in one transaction with its ledger entry and audit entry',
        params: idParams,
        body: moveBodySchema,
        response: { 200: awardView, ...errorResponses },
      },
    },
    async (request) => moveAward(ctx, requireActor(request), auditActor(request), request.params.id, request.body, requestLocale(request)),
  );

  app.post<{ Body: { year: number; ratio?: number; seed?: string } }>(
    '/api/funding/sample-draws',
    {
      ...permissionFirst('funding.award.decide'),
      schema: {
        tags,
        summary:
          'Draw the second-review sample (≥ 30 %) among the year’s applications past preliminary review; the seed is recorded and the same seed gives the same sample (audited)',
        body: sampleDrawBodySchema,
        response: { 201: sampleDrawView, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await drawSecondReview(ctx, requireActor(request), auditActor(request), request.body)),
  );

  app.get<{ Querystring: { year?: number } }>(
    '/api/funding/sample-draws',
    {
      ...permissionFirst('funding.award.review'),
      schema: {
        tags,
        summary: 'Second-review draws with their seeds',
        querystring: { type: 'object', additionalProperties: false, properties: { year } },
        response: { 200: { type: 'array', items: sampleDrawView }, ...errorResponses },
      },
    },
    async (request) => listDraws(ctx.db, request.query.year),
  );

  app.get<IdParams>(
    '/api/funding/sample-draws/:id',
    {
      ...permissionFirst('funding.award.review'),
      schema: {
        tags,
        summary: 'One draw: seed, population and selection',
        params: idParams,
        response: { 200: sampleDrawView, ...errorResponses },
      },
    },
    async (request) => getDraw(ctx.db, request.params.id),
  );
}
