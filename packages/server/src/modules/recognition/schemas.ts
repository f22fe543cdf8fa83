import { APPLICATION_MOVES, APPLICATION_STATES, GATE_CODES, KPI_CODES, RECOGNITION_KINDS, RECOGNITION_LEVELS } from '@zhizao/domain';
import { paginationQuery } from '../../platform/schemas.ts';

// JSON schemas of the recognition routes: validation, response filtering and OpenAPI from one place.

export const tags = ['recognition'];
export const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
export const date = { type: 'string', pattern: DATE_PATTERN, minLength: 10, maxLength: 10 } as const;
export const nullableDate = { type: ['string', 'null'], pattern: DATE_PATTERN, maxLength: 10 } as const;
export const kind = { type: 'string', enum: RECOGNITION_KINDS } as const;
export const level = { type: 'string', enum: RECOGNITION_LEVELS } as const;
export const state = { type: 'string', enum: APPLICATION_STATES } as const;
const text = (max: number, min = 0) => ({ type: 'string', minLength: min, maxLength: max }) as const;
const nullableNumber = { type: ['number', 'null'] } as const;
const bool = { type: 'boolean' } as const;
const int = { type: 'integer' } as const;
const nullableInt = { type: ['integer', 'null'] } as const;
const str = { type: 'string' } as const;
const nullableStr = { type: ['string', 'null'] } as const;
export const list = (items: object) => ({ type: 'object', properties: { items: { type: 'array', items } } }) as const;
export const page = (items: object) =>
  ({ type: 'object', properties: { items: { type: 'array', items }, total: int, page: int, pageSize: int } }) as const;
export const idArray = (max: number) =>
  ({ type: 'array', minItems: 1, maxItems: max, uniqueItems: true, items: { type: 'integer', minimum: 1, maximum: 2147483647 } }) as const;

export const indicatorSchema = {
  type: 'object',
  properties: {
    code: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_]{0,39}$' },
    nameZh: text(100, 1),
    nameEn: text(200, 1),
    weight: { type: 'number', exclusiveMinimum: 0, maximum: 100 },
    guidanceZh: text(2000),
    guidanceEn: text(2000),
  },
  required: ['code', 'nameZh', 'nameEn', 'weight', 'guidanceZh', 'guidanceEn'],
  additionalProperties: false,
} as const;

const gatesSchema = {
  type: 'object',
  properties: { minMaturityLevel: { type: 'integer', minimum: 0, maximum: 5 }, aboveDesignatedSize: bool, noSeriousIncident: bool },
  required: ['minMaturityLevel', 'aboveDesignatedSize', 'noSeriousIncident'],
  additionalProperties: false,
} as const;

const programmeInputProperties = {
  year: { type: 'integer', minimum: 2000, maximum: 2100 },
  kind,
  level,
  title: text(200, 1),
  opensOn: date,
  closesOn: date,
  gates: gatesSchema,
  indicators: { type: 'array', minItems: 1, maxItems: 30, items: indicatorSchema },
  requiredKpis: { type: 'array', maxItems: KPI_CODES.length, uniqueItems: true, items: { type: 'string', enum: KPI_CODES } },
  noticeWorkingDays: { type: 'integer', minimum: 1, maximum: 30 },
  quota: { type: ['integer', 'null'], minimum: 1, maximum: 10000 },
} as const;

export const programmeCreateSchema = {
  type: 'object',
  properties: programmeInputProperties,
  required: ['year', 'kind', 'level', 'title', 'opensOn', 'closesOn', 'gates', 'indicators', 'requiredKpis', 'noticeWorkingDays'],
  additionalProperties: false,
} as const;

export const programmeUpdateSchema = {
  type: 'object',
  properties: {
    version: { type: 'integer', minimum: 1, maximum: 2147483647 },
    year: programmeInputProperties.year,
    kind,
    level,
    title: programmeInputProperties.title,
    opensOn: date,
    closesOn: date,
    gates: gatesSchema,
    indicators: programmeInputProperties.indicators,
    requiredKpis: programmeInputProperties.requiredKpis,
    noticeWorkingDays: programmeInputProperties.noticeWorkingDays,
    quota: programmeInputProperties.quota,
  },
  required: ['version'],
  additionalProperties: false,
} as const;

export const programmeSchema = {
  type: 'object',
  properties: {
    id: int,
    year: int,
    kind: str,
    level: str,
    title: str,
    opensOn: str,
    closesOn: str,
    isOpen: bool,
    gates: { type: 'object', properties: gatesSchema.properties },
    indicators: { type: 'array', items: { type: 'object', properties: indicatorSchema.properties } },
    requiredKpis: { type: 'array', items: str },
    noticeWorkingDays: int,
    quota: nullableInt,
    version: int,
    createdAt: str,
    updatedAt: str,
    counts: { type: 'object', additionalProperties: int },
  },
} as const;

export const programmeQuerySchema = {
  type: 'object',
  properties: { year: { type: 'integer', minimum: 2000, maximum: 2100 }, kind, level },
  additionalProperties: false,
} as const;

export const gateReportSchema = {
  type: 'object',
  properties: {
    eligible: bool,
    gates: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          code: { type: 'string', enum: GATE_CODES },
          passed: bool,
          key: str,
          message: str,
          params: { type: 'object', additionalProperties: true },
        },
      },
    },
  },
} as const;

export const gateQuerySchema = {
  type: 'object',
  properties: { enterpriseId: { type: 'integer', minimum: 1, maximum: 2147483647 }, incidentFreeDeclared: bool },
  additionalProperties: false,
} as const;

// ── applications ──

const kpiValue = {
  type: 'object',
  properties: {
    before: { type: ['number', 'null'], minimum: -1e12, maximum: 1e12 },
    after: { type: ['number', 'null'], minimum: -1e12, maximum: 1e12 },
  },
  required: ['before', 'after'],
  additionalProperties: false,
} as const;
export const kpisInputSchema = {
  type: 'object',
  properties: Object.fromEntries(KPI_CODES.map((c) => [c, kpiValue])),
  additionalProperties: false,
} as const;
const kpisOutput = {
  type: 'object',
  properties: Object.fromEntries(
    KPI_CODES.map((c) => [c, { type: 'object', properties: { before: nullableNumber, after: nullableNumber } }]),
  ),
} as const;
const changesOutput = { type: 'object', properties: Object.fromEntries(KPI_CODES.map((c) => [c, nullableNumber])) } as const;
const benchmarkItem = {
  type: 'object',
  properties: { value: nullableNumber, target: { type: 'number' }, met: { type: ['boolean', 'null'] } },
} as const;
export const benchmarksSchema = {
  type: 'object',
  properties: { cncRate: benchmarkItem, operatingCost: benchmarkItem, productivity: benchmarkItem },
} as const;
export const spreadSchema = {
  type: ['object', 'null'],
  properties: {
    n: int,
    counted: int,
    dropped: bool,
    score: { type: 'number' },
    min: { type: 'number' },
    max: { type: 'number' },
    stddev: { type: 'number' },
  },
} as const;

export const attachmentSchema = {
  type: 'object',
  properties: {
    id: str,
    applicationId: int,
    fileName: str,
    contentType: str,
    size: int,
    sha256: str,
    uploadedBy: nullableInt,
    uploadedAt: str,
  },
} as const;

const programmeRef = { type: 'object', properties: { id: int, year: int, kind: str, level: str, title: str } } as const;

export const applicationSummaryProperties = {
  id: int,
  programmeId: int,
  programme: programmeRef,
  enterpriseId: int,
  enterpriseName: str,
  districtCode: str,
  projectName: str,
  state: str,
  version: int,
  submittedAt: nullableStr,
  updatedAt: str,
  finalScore: nullableNumber,
  rank: nullableInt,
  recognitionNumber: nullableStr,
} as const;
export const applicationSummarySchema = { type: 'object', properties: applicationSummaryProperties } as const;

export const applicationDetailSchema = {
  type: 'object',
  properties: {
    ...applicationSummaryProperties,
    projectDescription: str,
    serviceProviderName: str,
    incidentFreeDeclared: bool,
    kpis: kpisOutput,
    kpiChanges: changesOutput,
    benchmarks: benchmarksSchema,
    requiredKpis: { type: 'array', items: str },
    gates: gateReportSchema,
    allowedMoves: { type: 'array', items: str },
    history: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          move: str,
          fromState: str,
          toState: str,
          reason: nullableStr,
          actorRole: nullableStr,
          actorName: nullableStr,
          at: str,
        },
      },
    },
    attachments: { type: 'array', items: attachmentSchema },
    noticeId: nullableInt,
    scoreSpread: spreadSchema,
  },
} as const;

export const applicationCreateSchema = {
  type: 'object',
  properties: { programmeId: { type: 'integer', minimum: 1, maximum: 2147483647 } },
  required: ['programmeId'],
  additionalProperties: false,
} as const;

export const applicationUpdateSchema = {
  type: 'object',
  properties: {
    version: { type: 'integer', minimum: 1, maximum: 2147483647 },
    projectName: text(200),
    projectDescription: text(20000),
    serviceProviderName: text(200),
    incidentFreeDeclared: bool,
    kpis: kpisInputSchema,
  },
  required: ['version'],
  additionalProperties: false,
} as const;

export const applicationListQuerySchema = {
  type: 'object',
  properties: {
    programmeId: { type: 'integer', minimum: 1, maximum: 2147483647 },
    state,
    districtCode: { type: 'string', pattern: '^\\d{6}$' },
    ...paginationQuery,
  },
  additionalProperties: false,
} as const;

export const moveBodySchema = {
  type: 'object',
  properties: {
    // publish_notice is made through a notice, for a batch
    move: { type: 'string', enum: APPLICATION_MOVES.filter((m) => m !== 'publish_notice') },
    reason: text(2000),
    version: { type: 'integer', minimum: 1, maximum: 2147483647 },
  },
  required: ['move', 'version'],
  additionalProperties: false,
} as const;
