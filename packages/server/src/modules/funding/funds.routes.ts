import type { FastifyInstance } from 'fastify';
import { auditActor, permissionFirst, requireActor } from '../../platform/auth.ts';
import type { AppContext } from '../../platform/context.ts';
import { errorResponses, idParams, paginationQuery } from '../../platform/schemas.ts';
import { createFund, getFund, listFunds, listLedger, updateFund, type FundInput } from './funds.service.ts';
import { fundInputSchema, fundView, ledgerEntryView, page, tags } from './schemas.ts';

type IdParams = { Params: { id: number } };

export function registerFundingFundRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(
    '/api/funding/funds',
    {
      ...permissionFirst('funding.fund.read'),
      schema: {
        tags,
        summary: 'Special funds by year, newest first, with envelopes, ledger balances and the computed 智改数转 shares',
        response: { 200: { type: 'array', items: fundView }, ...errorResponses },
      },
    },
    async () => listFunds(ctx.db),
  );

  app.get<IdParams>(
    '/api/funding/funds/:id',
    {
      ...permissionFirst('funding.fund.read'),
      schema: { tags, summary: 'One special fund', params: idParams, response: { 200: fundView, ...errorResponses } },
    },
    async (request) => getFund(ctx.db, request.params.id),
  );

  app.post<{ Body: FundInput }>(
    '/api/funding/funds',
    {
      ...permissionFirst('funding.fund.write'),
      schema: {
        tags,
        summary: 'Create a fund of a year with its envelopes (Σ envelopes ≤ total; one fund a year per purpose; audited)',
        body: fundInputSchema,
        response: { 201: fundView, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createFund(ctx, requireActor(request), auditActor(request), request.body)),
  );

  app.put<IdParams & { Body: FundInput }>(
    '/api/funding/funds/:id',
    {
      ...permissionFirst('funding.fund.write'),
      schema: {
        tags,
        summary:
          'Change a fund and its envelopes (by id; an envelope never below what it allocated, never removed with ledger entries; audited)',
        params: idParams,
        body: fundInputSchema,
        response: { 200: fundView, ...errorResponses },
      },
    },
    async (request) => updateFund(ctx, auditActor(request), request.params.id, request.body),
  );

  app.get<IdParams & { Querystring: { envelopeId?: number; page: number; pageSize: number } }>(
    '/api/funding/funds/:id/ledger',
    {
      ...permissionFirst('funding.fund.read'),
      schema: {
        tags,
        summary: 'The fund’s ledger: every allocation, payment and claw-back, newest first',
        params: idParams,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { ...paginationQuery, envelopeId: idParams.properties.id },
        },
        response: { 200: page(ledgerEntryView), ...errorResponses },
      },
    },
    async (request) => {
      const { page: p, pageSize, envelopeId } = request.query;
      return listLedger(ctx.db, request.params.id, envelopeId ? { envelopeId } : {}, { page: p, pageSize });
    },
  );
}
