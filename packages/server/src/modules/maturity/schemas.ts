import { MANUFACTURING_TYPES } from '@zhizao/domain';
import { paginationQuery } from '../../platform/schemas.ts';

// Shapes only (validation + OpenAPI); the domain's answerProblems and modelProblems check meaning.

const MODEL_ID_PATTERN = '^[A-Za-z][A-Za-z0-9._-]{0,39}$';
export const modelId = { type: 'string', pattern: MODEL_ID_PATTERN, maxLength: 40 } as const;
const requirementId = { type: 'string', minLength: 1, maxLength: 80 } as const;
const level = { type: 'integer', minimum: 1, maximum: 5 } as const;
const anything = { type: 'object', additionalProperties: true } as const;

export const modelParams = { type: 'object', properties: { id: modelId }, required: ['id'] } as const;
export const requirementParams = {
  type: 'object',
  properties: { id: modelId, requirementId: { type: 'string', pattern: '^[A-Za-z0-9._-]{1,80}$' } },
  required: ['id', 'requirementId'],
} as const;

const text = (max: number) => ({ type: 'string', minLength: 1, maxLength: max, pattern: '\\S' }) as const;
const bilingual = (max: number) =>
  ({ type: 'object', additionalProperties: false, required: ['zh', 'en'], properties: { zh: text(max), en: text(max) } }) as const;
const bilingualView = { type: 'object', properties: { zh: { type: 'string' }, en: { type: 'string' } } } as const;

export const modelSummarySchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    name: bilingualView,
    status: { type: 'string' },
    basedOn: { type: ['string', 'null'] },
    provisional: { type: 'boolean' },
    formulaId: { type: 'string' },
    requirementCount: { type: 'integer' },
    createdAt: { type: 'string' },
    updatedAt: { type: 'string' },
  },
} as const;

export const requirementViewSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    modelVersion: { type: 'string' },
    subDomainCode: { type: 'string' },
    level: { type: 'integer' },
    text: bilingualView,
    evidence: bilingualView,
    advice: bilingualView,
    sortOrder: { type: 'integer' },
    active: { type: 'boolean' },
  },
} as const;

export const modelViewSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    status: { type: 'string' },
    basedOn: { type: ['string', 'null'] },
    createdAt: { type: 'string' },
    updatedAt: { type: 'string' },
    /** The ModelVersion of @zhizao/domain: domains, levels, applicability, weights, threshold, formula. */
    definition: anything,
    requirements: { type: 'array', items: requirementViewSchema },
  },
} as const;

export const copyModelSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['newId', 'name'],
  properties: { newId: modelId, name: bilingual(200) },
} as const;

const weightMap = { type: 'object', maxProperties: 100, additionalProperties: { type: 'number', minimum: 0, maximum: 1 } } as const;
const weightSet = {
  type: 'object',
  additionalProperties: false,
  required: ['domain', 'subDomain'],
  properties: { domain: weightMap, subDomain: weightMap },
} as const;
export const weightsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['weights'],
  properties: {
    weights: { type: 'object', additionalProperties: false, minProperties: 1, properties: { discrete: weightSet, process: weightSet } },
  },
} as const;

const requirementTexts = { text: bilingual(2000), evidence: bilingual(2000), advice: bilingual(2000) } as const;
export const requirementChangeSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['text', 'evidence', 'advice'],
  properties: { ...requirementTexts, active: { type: 'boolean' }, sortOrder: { type: 'integer', minimum: 0, maximum: 100000 } },
} as const;
export const requirementCreateSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['subDomainCode', 'level', 'text', 'evidence', 'advice'],
  properties: { subDomainCode: { type: 'string', minLength: 1, maxLength: 64 }, level, ...requirementTexts },
} as const;

// value: a number or null; which numbers is answerProblems' call (so 0.7 is named like any other bad answer)
const answerSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['requirementId', 'value'],
  properties: {
    requirementId,
    value: { type: ['number', 'null'] },
    naReason: { type: 'string', maxLength: 2000 },
    note: { type: 'string', maxLength: 4000 },
  },
} as const;
const answers = { type: 'array', maxItems: 1000, items: answerSchema } as const;
const version = { type: 'integer', minimum: 1, maximum: 2147483647 } as const;

export const answersBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['version', 'answers'],
  properties: { version, answers },
} as const;
export const submitBodySchema = { type: 'object', additionalProperties: false, required: ['version'], properties: { version } } as const;
export const createAssessmentSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['targetLevel'],
  properties: { modelVersion: modelId, targetLevel: level },
} as const;
export const scoreBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['modelVersion', 'manufacturingType', 'answers'],
  properties: {
    modelVersion: modelId,
    manufacturingType: { type: 'string', enum: [...MANUFACTURING_TYPES] },
    answers,
    mode: { type: 'string', enum: ['draft', 'final'], default: 'final' },
  },
} as const;

export const assessmentListQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    ...paginationQuery,
    enterpriseId: { type: 'integer', minimum: 1, maximum: 2147483647 },
    districtCode: { type: 'string', pattern: '^[0-9]{6,12}$' },
    status: { type: 'string', enum: ['draft', 'submitted'] },
    modelVersion: modelId,
  },
} as const;

const nullableNumber = { type: ['number', 'null'] } as const;
const subDomainScore = {
  type: 'object',
  properties: {
    code: { type: 'string' },
    score: nullableNumber,
    weight: { type: 'number' },
    items: { type: 'integer' },
    notApplicable: { type: 'integer' },
    unanswered: { type: 'integer' },
    scored: { type: 'integer' },
  },
} as const;
const domainScore = {
  type: 'object',
  properties: {
    code: { type: 'string' },
    score: nullableNumber,
    weight: { type: 'number' },
    subDomains: { type: 'array', items: subDomainScore },
  },
} as const;
const levelScore = {
  type: 'object',
  properties: {
    level: { type: 'integer' },
    score: nullableNumber,
    passed: { type: 'boolean' },
    items: { type: 'integer' },
    notApplicable: { type: 'integer' },
    unanswered: { type: 'integer' },
    domains: { type: 'array', items: domainScore },
  },
} as const;
const domainProgress = {
  type: 'object',
  additionalProperties: { type: 'object', properties: { items: { type: 'integer' }, answered: { type: 'integer' } } },
} as const;
export const progressSchema = {
  type: 'object',
  properties: {
    items: { type: 'integer' },
    answered: { type: 'integer' },
    notApplicable: { type: 'integer' },
    unanswered: { type: 'integer' },
    ratio: { type: 'number' },
    byDomain: domainProgress,
  },
} as const;

/** The engine's MaturityResult: every A, B and C, so a report can explain any figure. */
export const resultSchema = {
  type: 'object',
  properties: {
    modelVersion: { type: 'string' },
    formulaId: { type: 'string' },
    manufacturingType: { type: 'string' },
    mode: { type: 'string' },
    passThreshold: { type: 'number' },
    provisional: { type: 'boolean' },
    reachedLevel: { type: 'integer' },
    totalScore: { type: 'number' },
    levels: { type: 'array', items: levelScore },
    completeness: progressSchema,
  },
} as const;

const assessmentProperties = {
  id: { type: 'integer' },
  enterpriseId: { type: 'integer' },
  enterpriseName: { type: 'string' },
  districtCode: { type: 'string' },
  modelVersion: { type: 'string' },
  manufacturingType: { type: 'string' },
  targetLevel: { type: 'integer' },
  status: { type: 'string', enum: ['draft', 'submitted'] },
  version: { type: 'integer' },
  createdAt: { type: 'string' },
  updatedAt: { type: 'string' },
  submittedAt: { type: ['string', 'null'] },
  formulaId: { type: ['string', 'null'] },
  reachedLevel: { type: ['integer', 'null'] },
  totalScore: nullableNumber,
} as const;
export const assessmentSummarySchema = { type: 'object', properties: assessmentProperties } as const;

const storedAnswer = {
  type: 'object',
  properties: {
    requirementId: { type: 'string' },
    value: nullableNumber,
    naReason: { type: 'string' },
    note: { type: ['string', 'null'] },
    updatedAt: { type: 'string' },
  },
} as const;
export const assessmentDetailSchema = {
  type: 'object',
  properties: {
    ...assessmentProperties,
    access: { type: 'string', enum: ['full', 'summary'] },
    answers: { type: 'array', items: storedAnswer },
    progress: progressSchema,
    result: resultSchema,
  },
} as const;

export const saveAnswersResponseSchema = {
  type: 'object',
  properties: { version: { type: 'integer' }, progress: progressSchema },
} as const;
export const resultResponseSchema = { type: 'object', properties: { frozen: { type: 'boolean' }, result: resultSchema } } as const;

export const adviceSchema = {
  type: 'object',
  properties: {
    reachedLevel: { type: 'integer' },
    targetLevel: { type: ['integer', 'null'] },
    targetLevelName: { type: ['string', 'null'] },
    currentScore: nullableNumber,
    threshold: { type: 'number' },
    reachesThresholdAfter: { type: ['integer', 'null'] },
    gaps: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          requirementId: { type: 'string' },
          level: { type: 'integer' },
          domainCode: { type: 'string' },
          domainName: { type: 'string' },
          subDomainCode: { type: 'string' },
          subDomainName: { type: 'string' },
          text: { type: 'string' },
          evidence: { type: 'string' },
          advice: { type: 'string' },
          value: nullableNumber,
          gain: { type: 'number' },
          projectedScore: { type: 'number' },
        },
      },
    },
  },
} as const;
