import { AWARD_STATUSES, ENVELOPE_KINDS, FUND_PURPOSES, INVESTMENT_ITEMS, MANUAL_AWARD_ACTIONS, PROJECT_KINDS } from '@zhizao/domain';
import { paginationQuery } from '../../platform/schemas.ts';

// JSON shapes of the funding routes, declared once (validation, response filtering, OpenAPI).
// Money is integer fen; 10^15 fen (¥10 trillion) bounds every amount well inside exact doubles.

export const tags = ['funding'];
export const MAX_FEN = 1_000_000_000_000_000;
export const fen = { type: 'integer', minimum: 0, maximum: MAX_FEN } as const;
const positiveFen = { type: 'integer', minimum: 1, maximum: MAX_FEN } as const;
const nullableFen = { type: ['integer', 'null'], minimum: 0, maximum: MAX_FEN } as const;
export const year = { type: 'integer', minimum: 2000, maximum: 2100 } as const;
export const date = { type: 'string', format: 'date', maxLength: 10 } as const;
const nullableDate = { type: ['string', 'null'], format: 'date', maxLength: 10 } as const;
const dbId = { type: 'integer', minimum: 1, maximum: 2147483647 } as const;
const text = (max: number) => ({ type: 'string', minLength: 1, maxLength: max }) as const;
const list = (item: object) => ({ type: 'array', items: item }) as const;
export const page = (item: object) =>
  ({
    type: 'object',
    properties: { items: list(item), total: { type: 'integer' }, page: { type: 'integer' }, pageSize: { type: 'integer' } },
  }) as const;

// ---- projects
const kpiTarget = {
  type: 'object',
  additionalProperties: false,
  required: ['code', 'name', 'unit', 'baseline', 'target', 'direction'],
  properties: {
    code: { type: 'string', minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9_.-]+$' },
    name: text(100),
    unit: { type: 'string', maxLength: 20 },
    baseline: { type: 'number', minimum: -1e12, maximum: 1e12 },
    target: { type: 'number', minimum: -1e12, maximum: 1e12 },
    direction: { type: 'string', enum: ['up', 'down'] },
  },
} as const;
const milestone = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'dueDate'],
  properties: { name: text(200), dueDate: date, doneDate: { ...nullableDate, default: null } },
} as const;

const projectFields = {
  enterpriseId: dbId,
  chainCode: { type: ['string', 'null'], maxLength: 20 },
  year,
  kind: { type: 'string', enum: [...PROJECT_KINDS] },
  name: text(200),
  description: { type: ['string', 'null'], maxLength: 2000 },
  equipmentFen: fen,
  softwareFen: fen,
  servicesFen: fen,
  otherFen: fen,
  startDate: date,
  completionDate: nullableDate,
  milestones: { type: 'array', items: milestone, maxItems: 30, default: [] },
  targets: { type: 'array', items: kpiTarget, maxItems: 20, default: [] },
} as const;
const projectRequired = ['year', 'kind', 'name', 'equipmentFen', 'softwareFen', 'servicesFen', 'otherFen', 'startDate'] as const;

export const projectInputSchema = {
  type: 'object',
  additionalProperties: false,
  required: [...projectRequired],
  properties: projectFields,
} as const;
export const projectUpdateSchema = {
  type: 'object',
  additionalProperties: false,
  required: [...projectRequired, 'version'],
  properties: { ...projectFields, version: dbId },
} as const;

export const projectView = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    enterpriseId: { type: 'integer' },
    enterpriseName: { type: 'string' },
    districtCode: { type: 'string' },
    chainCode: { type: ['string', 'null'] },
    year: { type: 'integer' },
    kind: { type: 'string' },
    name: { type: 'string' },
    description: { type: ['string', 'null'] },
    equipmentFen: { type: 'integer' },
    softwareFen: { type: 'integer' },
    servicesFen: { type: 'integer' },
    otherFen: { type: 'integer' },
    totalInvestmentFen: { type: 'integer' },
    startDate: { type: 'string' },
    completionDate: { type: ['string', 'null'] },
    milestones: list({
      type: 'object',
      properties: { name: { type: 'string' }, dueDate: { type: 'string' }, doneDate: { type: ['string', 'null'] } },
    }),
    targets: list({ type: 'object', properties: kpiTarget.properties }),
    status: { type: 'string', enum: ['registered', 'completed'] },
    version: { type: 'integer' },
    createdAt: { type: 'string' },
    updatedAt: { type: 'string' },
  },
} as const;

export const projectFilterProperties = {
  year,
  kind: { type: 'string', enum: [...PROJECT_KINDS] },
  districtCode: { type: 'string', maxLength: 12 },
  chainCode: { type: 'string', maxLength: 20 },
  enterpriseId: dbId,
  q: { type: 'string', maxLength: 100 },
} as const;
export const projectListQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { ...paginationQuery, ...projectFilterProperties },
} as const;

// ---- funds
const envelopeInput = {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'name', 'amountFen'],
  properties: { id: dbId, kind: { type: 'string', enum: [...ENVELOPE_KINDS] }, name: text(100), amountFen: fen },
} as const;
export const fundInputSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['year', 'name', 'totalFen', 'envelopes'],
  properties: {
    year,
    purpose: { type: 'string', enum: [...FUND_PURPOSES], description: 'One fund a year of each purpose; by default the special fund' },
    name: text(200),
    totalFen: positiveFen,
    envelopes: { type: 'array', items: envelopeInput, minItems: 1, maxItems: 20 },
  },
} as const;
export const envelopeView = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    fundId: { type: 'integer' },
    kind: { type: 'string' },
    name: { type: 'string' },
    amountFen: { type: 'integer' },
    allocatedFen: { type: 'integer' },
    clawedBackFen: { type: 'integer' },
    paidFen: { type: 'integer' },
    availableFen: { type: 'integer' },
  },
} as const;
export const fundView = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    year: { type: 'integer' },
    purpose: { type: 'string', enum: [...FUND_PURPOSES] },
    name: { type: 'string' },
    totalFen: { type: 'integer' },
    envelopes: list(envelopeView),
    smartDigitalFen: { type: 'integer' },
    smartDigitalShare: { type: ['number', 'null'] },
    allocatedFen: { type: 'integer' },
    paidFen: { type: 'integer' },
    awardedShareOfFund: { type: ['number', 'null'] },
  },
} as const;
export const ledgerEntryView = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    envelopeId: { type: 'integer' },
    awardId: { type: ['integer', 'null'] },
    sourceRegister: { type: ['string', 'null'], description: 'The register whose row the line belongs to when it has no award' },
    sourceEntryId: { type: ['integer', 'null'] },
    enterpriseName: { type: ['string', 'null'] },
    projectName: { type: ['string', 'null'] },
    kind: { type: 'string', enum: ['allocation', 'payment', 'clawback'] },
    amountFen: { type: 'integer' },
    batch: { type: ['string', 'null'] },
    at: { type: 'string' },
    actorUsername: { type: ['string', 'null'] },
    note: { type: ['string', 'null'] },
  },
} as const;

// ---- policies
const rateBp = { type: 'integer', minimum: 0, maximum: 10000 } as const;
export const rulesSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['qualifyingKinds', 'eligibleItems', 'rate', 'minInvestmentFen', 'capPerProjectFen', 'capPerEnterpriseYearFen'],
  properties: {
    qualifyingKinds: {
      type: 'array',
      items: { type: 'string', enum: [...PROJECT_KINDS] },
      uniqueItems: true,
      maxItems: PROJECT_KINDS.length,
    },
    eligibleItems: {
      type: 'array',
      items: { type: 'string', enum: [...INVESTMENT_ITEMS] },
      uniqueItems: true,
      maxItems: INVESTMENT_ITEMS.length,
    },
    rate: {
      type: 'object',
      required: ['mode'],
      properties: {
        mode: { type: 'string', enum: ['flat', 'tiered'] },
        rateBp,
        basis: { type: 'string', enum: ['whole', 'marginal'] },
        bands: {
          type: 'array',
          maxItems: 20,
          items: { type: 'object', additionalProperties: false, required: ['fromFen', 'rateBp'], properties: { fromFen: fen, rateBp } },
        },
      },
      additionalProperties: false,
    },
    minInvestmentFen: fen,
    capPerProjectFen: nullableFen,
    capPerEnterpriseYearFen: nullableFen,
  },
} as const;
export const policyInputSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['code', 'name', 'rules'],
  properties: {
    code: { type: 'string', minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9_.-]+$' },
    name: text(200),
    year: { ...year, type: ['integer', 'null'] },
    basis: { type: ['string', 'null'], maxLength: 1000 },
    rules: rulesSchema,
  },
} as const;
export const policyView = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    code: { type: 'string' },
    version: { type: 'integer' },
    name: { type: 'string' },
    year: { type: ['integer', 'null'] },
    basis: { type: ['string', 'null'] },
    status: { type: 'string', enum: ['active', 'retired'] },
    rules: rulesSchema,
    createdAt: { type: 'string' },
  },
} as const;
export const calculationView = {
  type: 'object',
  properties: {
    eligible: { type: 'boolean' },
    amountFen: { type: 'integer' },
    lines: list({
      type: 'object',
      properties: {
        step: { type: 'string' },
        code: { type: 'string' },
        text: { type: 'string' },
        amountFen: { type: ['integer', 'null'] },
        params: { type: 'object', additionalProperties: true },
      },
    }),
  },
} as const;
export const calculateBodySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    projectId: dbId,
    kind: { type: 'string', enum: [...PROJECT_KINDS] },
    investment: {
      type: 'object',
      additionalProperties: false,
      required: ['equipmentFen', 'softwareFen', 'servicesFen', 'otherFen'],
      properties: { equipmentFen: fen, softwareFen: fen, servicesFen: fen, otherFen: fen },
    },
    alreadyAwardedFen: { ...fen, default: 0 },
  },
} as const;

// ---- awards
const evaluationView = {
  type: ['object', 'null'],
  properties: {
    completionDate: { type: ['string', 'null'] },
    lines: list({
      type: 'object',
      properties: {
        ...kpiTarget.properties,
        actual: { type: ['number', 'null'] },
        met: { type: 'boolean' },
        changePct: { type: ['number', 'null'] },
      },
    }),
    metCount: { type: 'integer' },
    total: { type: 'integer' },
    result: { type: 'string', enum: ['met', 'partial', 'missed'] },
    suggestedClawBackFen: { type: 'integer' },
  },
} as const;
const awardSummary = {
  id: { type: 'integer' },
  projectId: { type: 'integer' },
  projectName: { type: 'string' },
  kind: { type: 'string' },
  enterpriseId: { type: 'integer' },
  enterpriseName: { type: 'string' },
  districtCode: { type: 'string' },
  year: { type: 'integer' },
  policyId: { type: 'integer' },
  policyCode: { type: 'string' },
  policyVersion: { type: 'integer' },
  policyName: { type: 'string' },
  status: { type: 'string', enum: [...AWARD_STATUSES] },
  amountFen: { type: 'integer' },
  approvedFen: { type: ['integer', 'null'] },
  paidFen: { type: 'integer' },
  clawedBackFen: { type: 'integer' },
  envelopeId: { type: ['integer', 'null'] },
  sampleDrawId: { type: ['integer', 'null'] },
  sampled: { type: 'boolean' },
  noticeStart: { type: ['string', 'null'] },
  noticeEnd: { type: ['string', 'null'] },
  version: { type: 'integer' },
  createdAt: { type: 'string' },
  updatedAt: { type: 'string' },
} as const;
export const awardListItem = { type: 'object', properties: awardSummary } as const;
export const awardView = {
  type: 'object',
  properties: {
    ...awardSummary,
    totalInvestmentFen: { type: 'integer' },
    calculation: calculationView,
    evaluation: evaluationView,
    moves: list({
      type: 'object',
      properties: {
        action: { type: 'string' },
        fromStatus: { type: ['string', 'null'] },
        toStatus: { type: 'string' },
        amountFen: { type: ['integer', 'null'] },
        note: { type: ['string', 'null'] },
        actorUsername: { type: ['string', 'null'] },
        actorRole: { type: ['string', 'null'] },
        at: { type: 'string' },
      },
    }),
    allowedActions: list({ type: 'string' }),
  },
} as const;
export const awardListQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    ...paginationQuery,
    status: { type: 'string', enum: [...AWARD_STATUSES] },
    year,
    districtCode: { type: 'string', maxLength: 12 },
    enterpriseId: dbId,
    projectId: dbId,
  },
} as const;
export const applyBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['projectId', 'policyId'],
  properties: { projectId: dbId, policyId: dbId },
} as const;
export const moveBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['action'],
  properties: {
    action: { type: 'string', enum: [...MANUAL_AWARD_ACTIONS] },
    note: { type: ['string', 'null'], maxLength: 2000 },
    amountFen: { type: ['integer', 'null'], minimum: 0, maximum: MAX_FEN },
    approvedFen: positiveFen,
    envelopeId: dbId,
    batch: { type: ['string', 'null'], maxLength: 40 },
    noticeStart: date,
    noticeEnd: date,
    completionDate: date,
    actuals: {
      type: 'array',
      maxItems: 20,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['code', 'actual'],
        properties: { code: { type: 'string', maxLength: 40 }, actual: { type: 'number', minimum: -1e12, maximum: 1e12 } },
      },
    },
  },
} as const;
export const sampleDrawBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['year'],
  properties: {
    year,
    ratio: { type: 'number', minimum: 0.3, maximum: 1, default: 0.3 },
    seed: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.:-]+$' },
  },
} as const;
export const sampleDrawView = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    year: { type: 'integer' },
    seed: { type: 'string' },
    ratio: { type: 'number' },
    population: list({ type: 'integer' }),
    selected: list({ type: 'integer' }),
    at: { type: 'string' },
    actorUsername: { type: ['string', 'null'] },
  },
} as const;

// ---- reports: a drill-down row is a project with what its awards got
const p = projectView.properties;
export const figureRecordView = {
  type: 'object',
  properties: {
    projectId: p.id,
    projectName: p.name,
    enterpriseId: p.enterpriseId,
    enterpriseName: p.enterpriseName,
    districtCode: p.districtCode,
    chainCode: p.chainCode,
    year: p.year,
    kind: p.kind,
    investmentFen: p.totalInvestmentFen,
    awardId: { type: ['integer', 'null'] },
    awardStatus: { type: ['string', 'null'] },
    awardedFen: { type: 'integer' },
    paidFen: { type: 'integer' },
  },
} as const;
