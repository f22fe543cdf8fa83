import { REEVALUATION_OUTCOMES, REVOCATION_CAUSES, type ReevaluationOutcome, type RevocationCause } from '@zhizao/domain';
import type { FastifyInstance } from 'fastify';
import { auditActor, permissionFirst, requireActor } from '../../platform/auth.ts';
import type { AppContext } from '../../platform/context.ts';
import { requestLocale } from '../../platform/errors.ts';
import { errorResponses, idParams, paginationQuery } from '../../platform/schemas.ts';
import { attachment } from '../registry/excel.routes.ts';
import { certificatePdf } from './certificate.ts';
import { listRecognitions, loadVisibleRecognition, reevaluate, revoke, type RecognitionFilter } from './recognitions.service.ts';
import { date, kind, level, page, tags } from './schemas.ts';

const int = { type: 'integer' } as const;
const str = { type: 'string' } as const;
const nullableStr = { type: ['string', 'null'] } as const;
const nullableInt = { type: ['integer', 'null'] } as const;

export const recognitionSchema = {
  type: 'object',
  properties: {
    id: int,
    recognitionNumber: str,
    enterpriseId: int,
    enterpriseName: str,
    districtCode: str,
    districtName: str,
    kind: str,
    level: str,
    year: int,
    projectName: str,
    recognisedOn: str,
    status: str,
    source: str,
    applicationId: nullableInt,
    reevaluationDue: str,
    reevaluations: { type: 'array', items: { type: 'object', properties: { evaluatedOn: str, outcome: str, note: nullableStr } } },
    revocation: {
      type: ['object', 'null'],
      properties: { revokedOn: nullableStr, cause: nullableStr, note: nullableStr, banUntil: nullableStr },
    },
  },
} as const;

const listQuery = {
  type: 'object',
  properties: {
    level,
    kind,
    year: { type: 'integer', minimum: 2000, maximum: 2100 },
    status: { type: 'string', enum: ['active', 'revoked'] },
    districtCode: { type: 'string', pattern: '^\\d{6}$' },
    chainCode: { type: 'string', minLength: 1, maxLength: 40 },
    enterpriseId: { type: 'integer', minimum: 1, maximum: 2147483647 },
    dueBy: date,
    ...paginationQuery,
  },
  additionalProperties: false,
} as const;

export function registerRecognitionRoutes(app: FastifyInstance, ctx: AppContext): void {
  const reader = permissionFirst('recognition.application.read');
  const grant = permissionFirst('recognition.grant');

  app.get<{ Querystring: RecognitionFilter & { page: number; pageSize: number } }>(
    '/api/recognition/recognitions',
    {
      ...reader,
      schema: {
        tags,
        summary:
          'Recognitions in the caller’s scope, by level, kind, year, status, district, chain; `dueBy` lists those in force whose re-evaluation falls due by that date',
        querystring: listQuery,
        response: { 200: page(recognitionSchema), ...errorResponses },
      },
    },
    async (request) => {
      const { page: p, pageSize, ...filter } = request.query;
      return listRecognitions(ctx.db, requireActor(request), filter, { page: p, pageSize });
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/recognition/recognitions/:id',
    {
      ...reader,
      schema: {
        tags,
        summary: 'One recognition with its re-evaluations and any revocation',
        params: idParams,
        response: { 200: recognitionSchema, ...errorResponses },
      },
    },
    async (request) => loadVisibleRecognition(ctx.db, requireActor(request), request.params.id),
  );

  app.get<{ Params: { id: number } }>(
    '/api/recognition/recognitions/:id/certificate.pdf',
    {
      ...reader,
      schema: {
        tags,
        summary: 'The certificate as a PDF (embedded CJK font)',
        params: idParams,
        response: { 200: { description: 'PDF', type: 'string', format: 'binary' }, ...errorResponses },
      },
    },
    async (request, reply) => {
      const r = await loadVisibleRecognition(ctx.db, requireActor(request), request.params.id);
      const pdf = await certificatePdf(r, requestLocale(request));
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', attachment(`${r.recognitionNumber}.pdf`, `${r.recognitionNumber}.pdf`))
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );

  app.post<{ Params: { id: number }; Body: { outcome: ReevaluationOutcome; evaluatedOn?: string; note?: string } }>(
    '/api/recognition/recognitions/:id/reevaluations',
    {
      ...grant,
      schema: {
        tags,
        summary:
          'Record the two-yearly re-evaluation (excellent / pass / fail); a fail revokes with cause reevaluation_failed and a two-year ban',
        params: idParams,
        body: {
          type: 'object',
          properties: {
            outcome: { type: 'string', enum: REEVALUATION_OUTCOMES },
            evaluatedOn: date,
            note: { type: 'string', maxLength: 4000 },
          },
          required: ['outcome'],
          additionalProperties: false,
        },
        response: { 200: recognitionSchema, ...errorResponses },
      },
    },
    async (request) => reevaluate(ctx, requireActor(request), auditActor(request), request.params.id, request.body),
  );

  app.post<{ Params: { id: number }; Body: { cause: RevocationCause; note: string; revokedOn?: string; banUntil?: string } }>(
    '/api/recognition/recognitions/:id/revoke',
    {
      ...grant,
      schema: {
        tags,
        summary: 'Revoke a recognition with its cause; the reapply ban defaults to two years (three after fraud)',
        params: idParams,
        body: {
          type: 'object',
          properties: {
            cause: { type: 'string', enum: REVOCATION_CAUSES },
            note: { type: 'string', minLength: 1, maxLength: 4000 },
            revokedOn: date,
            banUntil: date,
          },
          required: ['cause', 'note'],
          additionalProperties: false,
        },
        response: { 200: recognitionSchema, ...errorResponses },
      },
    },
    async (request) => revoke(ctx, auditActor(request), request.params.id, request.body),
  );
}
