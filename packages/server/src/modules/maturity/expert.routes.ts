import type { FastifyInstance } from 'fastify';
import { auditActor, permissionFirst, requireActor } from '../../platform/auth.ts';
import { withAnswerTypes } from './answers.guard.ts';
import type { AppContext } from '../../platform/context.ts';
import { requestLocale } from '../../platform/errors.ts';
import { errorResponses, idParams, paginationQuery } from '../../platform/schemas.ts';
import type { AnswerInput } from './assessments.service.ts';
import type { ReviewFilter } from './expert.repo.ts';
import { assignExpert, expertReviewDetail, listExpertReviews, saveExpertAnswers, submitExpertReview } from './expert.service.ts';
import {
  answersBodySchema,
  assessmentSummarySchema,
  progressSchema,
  resultSchema,
  saveAnswersResponseSchema,
  submitBodySchema,
} from './schemas.ts';

// Expert assessment (issue 3 part 6) under /api/maturity: assign (bureau), re-score and submit (the
// assigned expert only), read both results and their differences (scope per role).

const tags = ['maturity'];
type AssessmentParams = { Params: { id: number } };

const reviewProperties = {
  id: { type: 'integer' },
  assessmentId: { type: 'integer' },
  enterpriseId: { type: 'integer' },
  enterpriseName: { type: 'string' },
  districtCode: { type: 'string' },
  expertUserId: { type: 'integer' },
  expertName: { type: 'string' },
  status: { type: 'string', enum: ['assigned', 'submitted'] },
  version: { type: 'integer' },
  assignedAt: { type: 'string' },
  updatedAt: { type: 'string' },
  submittedAt: { type: ['string', 'null'] },
  verifiedLevel: { type: ['integer', 'null'] },
  verifiedScore: { type: ['number', 'null'] },
} as const;
const reviewSchema = { type: 'object', properties: reviewProperties } as const;
const reviewListItem = {
  type: 'object',
  properties: {
    ...reviewProperties,
    modelVersion: { type: 'string' },
    manufacturingType: { type: 'string' },
    selfLevel: { type: ['integer', 'null'] },
    selfScore: { type: ['number', 'null'] },
  },
} as const;
const levelAndScore = {
  type: 'object',
  properties: { reachedLevel: { type: 'integer' }, totalScore: { type: 'number' }, submittedAt: { type: ['string', 'null'] } },
} as const;
const storedAnswer = {
  type: 'object',
  properties: {
    requirementId: { type: 'string' },
    value: { type: ['number', 'null'] },
    naReason: { type: 'string' },
    note: { type: ['string', 'null'] },
    updatedAt: { type: 'string' },
  },
} as const;
const differenceSchema = {
  type: 'object',
  properties: {
    requirementId: { type: 'string' },
    level: { type: 'integer' },
    domainCode: { type: 'string' },
    subDomainCode: { type: 'string' },
    text: { type: 'string' },
    selfValue: { type: ['number', 'null'] },
    expertValue: { type: ['number', 'null'] },
    note: { type: ['string', 'null'] },
    impact: { type: 'number' },
  },
} as const;
const detailSchema = {
  type: 'object',
  properties: {
    assessment: assessmentSummarySchema,
    review: reviewSchema,
    selfAssessed: levelAndScore,
    verified: { anyOf: [levelAndScore, { type: 'null' }] },
    selfResult: resultSchema,
    verifiedResult: resultSchema,
    progress: progressSchema,
    answers: { type: 'array', items: storedAnswer },
    selfAnswers: { type: 'array', items: storedAnswer },
    differences: { type: 'array', items: differenceSchema },
  },
} as const;
const assignBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['expertUserId'],
  properties: { expertUserId: { type: 'integer', minimum: 1, maximum: 2147483647 } },
} as const;
const listQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: { ...paginationQuery, status: { type: 'string', enum: ['assigned', 'submitted'] } },
} as const;

export function registerMaturityExpertRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post<AssessmentParams & { Body: { expertUserId: number } }>(
    '/api/maturity/assessments/:id/expert-review',
    {
      ...permissionFirst('maturity.expert.assign'),
      schema: {
        tags,
        summary: 'Assign (or reassign, while open) an expert to re-score a submitted assessment on site (bureau admin; audited)',
        params: idParams,
        body: assignBodySchema,
        response: { 200: reviewSchema, ...errorResponses },
      },
    },
    async (request) => assignExpert(ctx, requireActor(request), auditActor(request), request.params.id, request.body.expertUserId),
  );

  app.get<{ Querystring: { page: number; pageSize: number; status?: ReviewFilter['status'] } }>(
    '/api/maturity/expert-reviews',
    {
      ...permissionFirst('maturity.expert.read'),
      schema: {
        tags,
        summary: 'Expert reviews in the caller’s scope: an expert’s own assignments, a district’s, an enterprise’s submitted ones, or all',
        querystring: listQuerySchema,
        response: {
          200: {
            type: 'object',
            properties: {
              items: { type: 'array', items: reviewListItem },
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
      const { page, pageSize, status } = request.query;
      return listExpertReviews(ctx.db, requireActor(request), status ? { status } : {}, { page, pageSize });
    },
  );

  app.get<AssessmentParams>(
    '/api/maturity/assessments/:id/expert-review',
    {
      ...permissionFirst('maturity.expert.read'),
      schema: {
        tags,
        summary:
          'The self-assessed and the verified result side by side, with the items where the expert differs ordered by weighted impact (enterprise: once submitted)',
        params: idParams,
        response: { 200: detailSchema, ...errorResponses },
      },
    },
    async (request) => expertReviewDetail(ctx.db, requireActor(request), request.params.id, requestLocale(request)),
  );

  app.put<AssessmentParams & { Body: { version: number; answers: AnswerInput[] } }>(
    '/api/maturity/assessments/:id/expert-review/answers',
    {
      ...withAnswerTypes(permissionFirst('maturity.expert.review')),
      schema: {
        tags,
        summary:
          'Autosave the assigned expert’s answers (values as the enterprise’s, with notes); `version` must be the one read (409 otherwise)',
        params: idParams,
        body: answersBodySchema,
        response: { 200: saveAnswersResponseSchema, ...errorResponses },
      },
    },
    async (request) =>
      saveExpertAnswers(ctx, requireActor(request), auditActor(request), request.params.id, request.body.version, request.body.answers),
  );

  app.post<AssessmentParams & { Body: { version: number } }>(
    '/api/maturity/assessments/:id/expert-review/submit',
    {
      ...permissionFirst('maturity.expert.review'),
      schema: {
        tags,
        summary: 'Submit the expert review: scored with the assessment’s frozen model, verified level recorded, review locked',
        params: idParams,
        body: submitBodySchema,
        response: { 200: reviewSchema, ...errorResponses },
      },
    },
    async (request) => submitExpertReview(ctx, requireActor(request), auditActor(request), request.params.id, request.body.version),
  );
}
