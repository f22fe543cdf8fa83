import type { Answer, Bilingual, Level, ManufacturingType, ScoringMode, WeightSet } from '@zhizao/domain';
import type { FastifyInstance } from 'fastify';
import { auditActor, loginFirst, permissionFirst, requireActor } from '../../platform/auth.ts';
import { withAnswerTypes } from './answers.guard.ts';
import type { AppContext } from '../../platform/context.ts';
import { requestLocale } from '../../platform/errors.ts';
import { errorResponses, idParams } from '../../platform/schemas.ts';
import { listAssessments, listModels, listRequirements, type AssessmentFilter, type ModelRecord } from './repo.ts';
import {
  assessmentAdvice,
  assessmentDetail,
  assessmentResult,
  createAssessment,
  presentAssessment,
  saveAnswers,
  scopeFilter,
  submitAssessment,
  type AnswerInput,
} from './assessments.service.ts';
import {
  addRequirement,
  changeRequirement,
  copyModel,
  loadModel,
  scoreStateless,
  setWeights,
  type RequirementTexts,
} from './models.service.ts';
import {
  adviceSchema,
  answersBodySchema,
  assessmentDetailSchema,
  assessmentListQuerySchema,
  assessmentSummarySchema,
  copyModelSchema,
  createAssessmentSchema,
  modelParams,
  modelSummarySchema,
  modelViewSchema,
  requirementChangeSchema,
  requirementCreateSchema,
  requirementParams,
  requirementViewSchema,
  resultResponseSchema,
  resultSchema,
  saveAnswersResponseSchema,
  scoreBodySchema,
  submitBodySchema,
  weightsSchema,
} from './schemas.ts';

// Maturity self-diagnosis (GB/T 39116/39117): model versions and banks as data, assessments of an
// enterprise by its own users, and the engine as a stateless route for other systems.

const tags = ['maturity'];
type ModelParams = { Params: { id: string } };
type RequirementParams = { Params: { id: string; requirementId: string } };
type AssessmentParams = { Params: { id: number } };

// Who asks is checked before what was sent is validated: others get 401/403 whatever the body.
const loggedIn = loginFirst;

async function presentModel(ctx: AppContext, model: ModelRecord) {
  const { definition, ...rest } = model;
  return { ...rest, definition, requirements: await listRequirements(ctx.db, model.id) };
}

export function registerMaturityRoutes(app: FastifyInstance, ctx: AppContext): void {
  // ── model versions ──
  app.get(
    '/api/maturity/models',
    {
      ...loggedIn,
      schema: {
        tags,
        summary: 'Maturity model versions: shipped (CMMM-2020, 2024 draft) and the bureau’s custom copies',
        response: { 200: { type: 'object', properties: { items: { type: 'array', items: modelSummarySchema } } }, ...errorResponses },
      },
    },
    async () => ({
      items: await listModels(ctx.db),
    }),
  );

  app.get<ModelParams>(
    '/api/maturity/models/:id',
    {
      ...loggedIn,
      schema: {
        tags,
        summary: 'One model version: its definition (domains, weights, applicability, threshold, formula) and its question bank',
        params: modelParams,
        response: { 200: modelViewSchema, ...errorResponses },
      },
    },
    async (request) => presentModel(ctx, await loadModel(ctx.db, request.params.id)),
  );

  app.post<ModelParams & { Body: { newId: string; name: Bilingual } }>(
    '/api/maturity/models/:id/copy',
    {
      ...permissionFirst('maturity.model.write'),
      schema: {
        tags,
        summary: 'Copy a model version and its bank into an editable custom version (409 when the new id is taken)',
        params: modelParams,
        body: copyModelSchema,
        response: { 200: modelViewSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return presentModel(ctx, await copyModel(ctx, actor, auditActor(request), request.params.id, request.body.newId, request.body.name));
    },
  );

  app.put<ModelParams & { Body: { weights: Partial<Record<ManufacturingType, WeightSet>> } }>(
    '/api/maturity/models/:id/weights',
    {
      ...permissionFirst('maturity.model.write'),
      schema: {
        tags,
        summary: 'Change the weights of a custom version (shipped versions are read-only: 409); Σα = 1 and Σγ = 1 per domain',
        params: modelParams,
        body: weightsSchema,
        response: { 200: modelViewSchema, ...errorResponses },
      },
    },
    async (request) =>
      presentModel(ctx, await setWeights(ctx, auditActor(request), request.params.id, request.body.weights, requestLocale(request))),
  );

  app.post<ModelParams & { Body: RequirementTexts & { subDomainCode: string; level: Level } }>(
    '/api/maturity/models/:id/requirements',
    {
      ...permissionFirst('maturity.model.write'),
      schema: {
        tags,
        summary: 'Add a requirement to the bank of a custom version',
        params: modelParams,
        body: requirementCreateSchema,
        response: { 200: requirementViewSchema, ...errorResponses },
      },
    },
    async (request) => addRequirement(ctx, auditActor(request), request.params.id, request.body),
  );

  app.put<RequirementParams & { Body: RequirementTexts & { active?: boolean; sortOrder?: number } }>(
    '/api/maturity/models/:id/requirements/:requirementId',
    {
      ...permissionFirst('maturity.model.write'),
      schema: {
        tags,
        summary: 'Change a requirement of a custom version’s bank (texts, order, active)',
        params: requirementParams,
        body: requirementChangeSchema,
        response: { 200: requirementViewSchema, ...errorResponses },
      },
    },
    async (request) => changeRequirement(ctx, auditActor(request), request.params.id, request.params.requirementId, request.body),
  );

  // ── stateless scoring ──
  app.post<{ Body: { modelVersion: string; manufacturingType: ManufacturingType; answers: Answer[]; mode: ScoringMode } }>(
    '/api/maturity/score',
    {
      ...withAnswerTypes(loggedIn),
      schema: {
        tags,
        summary: 'Score answers against a model version without storing anything: the full engine result (every A, B, C)',
        body: scoreBodySchema,
        response: { 200: resultSchema, ...errorResponses },
      },
    },
    async (request) => scoreStateless(ctx, request.body),
  );

  // ── assessments ──
  app.post<{ Body: { modelVersion?: string; targetLevel: number } }>(
    '/api/maturity/assessments',
    {
      ...permissionFirst('maturity.assessment.write'),
      schema: {
        tags,
        summary: 'Start a self-assessment of the caller’s enterprise (manufacturing type from the registry; default model CMMM-2020)',
        body: createAssessmentSchema,
        response: { 200: assessmentSummarySchema, ...errorResponses },
      },
    },
    async (request) => presentAssessment(await createAssessment(ctx, requireActor(request), auditActor(request), request.body)),
  );

  app.get<{ Querystring: AssessmentFilter & { page: number; pageSize: number } }>(
    '/api/maturity/assessments',
    {
      ...permissionFirst('maturity.assessment.read'),
      schema: {
        tags,
        summary: 'Assessments within the caller’s scope (own enterprise, own district, or all), with filters and pagination',
        querystring: assessmentListQuerySchema,
        response: {
          200: {
            type: 'object',
            properties: {
              items: { type: 'array', items: assessmentSummarySchema },
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
      const { page, pageSize, ...filter } = request.query;
      const scoped = scopeFilter(requireActor(request), filter);
      const result = await listAssessments(ctx.db, scoped, { page, pageSize });
      return { items: result.items.map(presentAssessment), total: result.total, page, pageSize };
    },
  );

  app.get<AssessmentParams>(
    '/api/maturity/assessments/:id',
    {
      ...permissionFirst('maturity.assessment.read'),
      schema: {
        tags,
        summary: 'One assessment: answers, progress per domain, and the live draft score (or the frozen result once submitted)',
        params: idParams,
        response: { 200: assessmentDetailSchema, ...errorResponses },
      },
    },
    async (request) => assessmentDetail(ctx.db, requireActor(request), request.params.id),
  );

  app.put<AssessmentParams & { Body: { version: number; answers: AnswerInput[] } }>(
    '/api/maturity/assessments/:id/answers',
    {
      ...withAnswerTypes(permissionFirst('maturity.assessment.write')),
      schema: {
        tags,
        summary:
          'Autosave a batch of answers; `version` must be the one read (409 maturity.versionConflict otherwise, 409 maturity.locked once submitted)',
        params: idParams,
        body: answersBodySchema,
        response: { 200: saveAnswersResponseSchema, ...errorResponses },
      },
    },
    async (request) =>
      saveAnswers(ctx, requireActor(request), auditActor(request), request.params.id, request.body.version, request.body.answers),
  );

  app.post<AssessmentParams & { Body: { version: number } }>(
    '/api/maturity/assessments/:id/submit',
    {
      ...permissionFirst('maturity.assessment.write'),
      schema: {
        tags,
        summary:
          'Submit: every applicable requirement answered (400 lists the missing), scored in final mode, result frozen, assessment locked',
        params: idParams,
        body: submitBodySchema,
        response: { 200: assessmentSummarySchema, ...errorResponses },
      },
    },
    async (request) => submitAssessment(ctx, requireActor(request), auditActor(request), request.params.id, request.body.version),
  );

  app.get<AssessmentParams>(
    '/api/maturity/assessments/:id/result',
    {
      ...permissionFirst('maturity.assessment.read'),
      schema: {
        tags,
        summary: 'The frozen result of a submitted assessment, or the live draft score',
        params: idParams,
        response: { 200: resultResponseSchema, ...errorResponses },
      },
    },
    async (request) => assessmentResult(ctx.db, requireActor(request), request.params.id),
  );

  app.get<AssessmentParams>(
    '/api/maturity/assessments/:id/advice',
    {
      ...permissionFirst('maturity.assessment.read'),
      schema: {
        tags,
        summary: 'The gap list to the next level, ordered by weighted shortfall, with advice in the caller’s language',
        params: idParams,
        response: { 200: adviceSchema, ...errorResponses },
      },
    },
    async (request) => assessmentAdvice(ctx.db, requireActor(request), request.params.id, requestLocale(request)),
  );
}
