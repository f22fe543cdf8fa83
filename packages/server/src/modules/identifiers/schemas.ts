import { PREFIX_ACTIONS, PREFIX_STATUSES, TEMPLATE_VERSION_PATTERN } from '@zhizao/domain';

// JSON schemas of the web-facing identifier routes (validation + OpenAPI).

export const tags = ['identifiers'];
export const prefixPattern = '^[0-9A-Za-z]+(\\.[0-9A-Za-z]+){0,15}$';
export const prefixParams = {
  type: 'object',
  additionalProperties: false,
  properties: { prefix: { type: 'string', maxLength: 64, pattern: prefixPattern } },
  required: ['prefix'],
} as const;
export const versionSchema = { type: 'string', maxLength: 128, pattern: TEMPLATE_VERSION_PATTERN } as const;
export const templateParams = {
  type: 'object',
  additionalProperties: false,
  properties: { prefix: prefixParams.properties.prefix, version: versionSchema },
  required: ['prefix', 'version'],
} as const;

export const prefixSchema = {
  type: 'object',
  properties: {
    prefix: { type: 'string' },
    enterpriseId: { type: 'integer' },
    enterpriseName: { type: 'string' },
    creditCode: { type: 'string' },
    contactName: { type: 'string' },
    contactPhone: { type: 'string' },
    contactEmail: { type: ['string', 'null'] },
    purpose: { type: 'string' },
    status: { type: 'string', enum: [...PREFIX_STATUSES] },
    appliedAt: { type: 'string' },
    decidedAt: { type: ['string', 'null'] },
    decisionNote: { type: ['string', 'null'] },
    version: { type: 'integer' },
  },
} as const;

export const applicationBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    contactName: { type: 'string', minLength: 1, maxLength: 50 },
    contactPhone: { type: 'string', pattern: '^[0-9+\\- ]{5,20}$' },
    contactEmail: { type: ['string', 'null'], maxLength: 100, pattern: '^[^@\\s]+@[^@\\s]+$' },
    purpose: { type: 'string', minLength: 1, maxLength: 500 },
  },
  required: ['contactName', 'contactPhone', 'purpose'],
} as const;

export const decisionBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    action: { type: 'string', enum: [...PREFIX_ACTIONS] },
    note: { type: ['string', 'null'], maxLength: 500 },
    version: { type: 'integer', minimum: 1, maximum: 2147483647 },
  },
  required: ['action', 'version'],
} as const;

export const valueSchema = {
  type: 'object',
  properties: {
    index: { type: 'integer' },
    type: { type: 'string' },
    data: { type: 'object', properties: { format: { type: 'string' }, value: {} } },
    ttl: { type: 'integer' },
    timestamp: { type: 'string' },
    permissions: { type: 'string' },
    references: { type: 'array', items: { type: 'object', properties: { index: { type: 'integer' }, handle: { type: 'string' } } } },
  },
} as const;

/** A value as the web and batch clients send it: Handle.Net JSON value, data a string or {format, value}. */
export const valueInput = {
  type: 'object',
  additionalProperties: false,
  properties: {
    index: { type: 'integer', minimum: 1, maximum: 2147483647 },
    type: { type: 'string', minLength: 1, maxLength: 128 },
    // a string, or {format, value}: checked in full by normaliseValues (one pass instead of ajv's anyOf per value)
    data: {},
    ttl: { type: 'integer', minimum: 0, maximum: 2147483647 },
    permissions: { type: 'string', pattern: '^[01]{4}$' },
  },
  required: ['index', 'type', 'data'],
} as const;

export const handleField = { type: 'string', minLength: 3, maxLength: 255 } as const;
export const pageQuery = {
  page: { type: 'integer', minimum: 1, maximum: 100000, default: 1 },
  pageSize: { type: 'integer', minimum: 1, maximum: 200, default: 20 },
} as const;

export const problemList = {
  type: 'array',
  items: { type: 'object', properties: { field: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' } } },
} as const;
