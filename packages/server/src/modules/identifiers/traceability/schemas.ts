import { EPCIS_EVENT_TYPES, WAREHOUSE_STEPS } from '@zhizao/domain';
import { paginationQuery } from '../../../platform/schemas.ts';
import { INDEXED_VALUE_MAX } from './capture.service.ts';

// JSON schemas of the traceability routes (validation + OpenAPI), declared once.

const text = { type: 'string', minLength: 1, maxLength: INDEXED_VALUE_MAX } as const;
const dateTime = { type: 'string', format: 'date-time', maxLength: 40 } as const;

/** EPCIS 2.0 SimpleEventQuery parameters we answer (names as in the standard). */
export const eventQueryProperties = {
  eventType: { type: 'string', enum: [...EPCIS_EVENT_TYPES] },
  EQ_bizStep: { ...text, description: 'CBV word (shipping) or its URI' },
  EQ_disposition: text,
  GE_eventTime: { ...dateTime, description: 'events at or after (ISO 8601 with offset)' },
  LT_eventTime: { ...dateTime, description: 'events before' },
  EQ_bizLocation: text,
  EQ_readPoint: text,
  MATCH_epc: { ...text, description: 'an EPC in epcList, childEPCs or parentID (any URI form of it)' },
  MATCH_epcClass: { ...text, description: 'a class in a quantity list' },
  MATCH_anyEPC: { ...text, description: 'an EPC in any instance list, inputs and outputs included' },
} as const;

export const epcisQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    ...eventQueryProperties,
    perPage: { type: 'integer', minimum: 1, maximum: 1000, default: 30 },
    nextPageToken: { type: 'string', minLength: 1, maxLength: 200 },
  },
} as const;

export const webEventQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    ...eventQueryProperties,
    identifier: { ...text, description: 'an identifier in any role: EPC lists or quantity classes (as /api/epcis/epcs/{epc}/events)' },
    ...paginationQuery,
  },
} as const;

/** What EPCIS clients get back: JSON-LD documents and events exactly as captured. */
export const epcisDocumentResponse = { type: 'object', additionalProperties: true, description: 'EPCIS 2.0 JSON(-LD)' } as const;

export const captureBody = {
  type: 'object',
  description:
    'EPCISDocument, or a single EPCIS event with its @context (application/json or application/ld+json, ≤ 10 MB, ≤ 10,000 events)',
} as const;

export const captureResponse = {
  type: 'object',
  properties: { captureID: { type: 'string' }, eventCount: { type: 'integer' } },
} as const;

export const captureJob = {
  type: 'object',
  properties: {
    captureID: { type: 'string' },
    createdAt: { type: 'string' },
    finishedAt: { type: 'string' },
    running: { type: 'boolean' },
    success: { type: 'boolean' },
    captureErrorBehaviour: { type: 'string' },
    errors: { type: 'array', items: {} },
    eventCount: { type: 'integer' },
  },
} as const;

export const captureParams = {
  type: 'object',
  properties: { captureId: { type: 'string', minLength: 1, maxLength: 40 } },
  required: ['captureId'],
} as const;
export const eventParams = { type: 'object', properties: { eventId: text }, required: ['eventId'] } as const;
export const epcParams = { type: 'object', properties: { epc: text }, required: ['epc'] } as const;

const nullableString = { type: ['string', 'null'] } as const;

/** A numbered page of items, as the web's lists take them. */
const page = <T extends object>(item: T) =>
  ({
    type: 'object',
    properties: {
      items: { type: 'array', items: item },
      total: { type: 'integer' },
      page: { type: 'integer' },
      pageSize: { type: 'integer' },
    },
  }) as const;

export const eventListResponse = page({
  type: 'object',
  properties: {
    id: { type: 'integer' },
    captureId: { type: 'string' },
    enterpriseId: { type: 'integer' },
    enterpriseName: { type: 'string' },
    eventId: nullableString,
    type: { type: 'string' },
    action: nullableString,
    bizStep: nullableString,
    disposition: nullableString,
    eventTime: { type: 'string' },
    eventTimeZoneOffset: { type: 'string' },
    readPoint: nullableString,
    bizLocation: nullableString,
    bizLocationCode: nullableString,
    epcs: { type: 'array', items: { type: 'string' } },
    event: { type: 'object', additionalProperties: true },
  },
});

const quantityLine = {
  type: 'object',
  properties: {
    location: { type: 'string' },
    locationCode: { type: 'string' },
    product: { type: 'string' },
    uom: { type: 'string' },
    quantity: { type: 'number' },
    updatedAt: { type: 'string' },
  },
} as const;

export const stockQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { location: text, product: text },
} as const;
export const stockResponse = { type: 'object', properties: { items: { type: 'array', items: quantityLine } } } as const;

export const movementQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { location: text, product: text, ...paginationQuery },
} as const;
export const movementResponse = page({
  type: 'object',
  properties: {
    id: { type: 'integer' },
    eventId: nullableString,
    bizStep: nullableString,
    eventTime: { type: 'string' },
    eventTimeZoneOffset: { type: 'string' },
    from: nullableString,
    to: nullableString,
    items: {
      type: 'array',
      items: { type: 'object', properties: { product: { type: 'string' }, uom: { type: 'string' }, quantity: { type: 'number' } } },
    },
  },
});

export const flowBody = {
  type: 'object',
  additionalProperties: false,
  required: ['step', 'product', 'quantity'],
  properties: {
    step: { type: 'string', enum: [...WAREHOUSE_STEPS] },
    product: { type: 'string', minLength: 1, maxLength: 300 },
    quantity: { type: 'number', exclusiveMinimum: 0, maximum: 1_000_000_000 },
    uom: { type: 'string', pattern: '^[A-Z0-9]{1,3}$', description: 'UN/CEFACT Rec. 20 code (KGM, EA…); omit for a count' },
    from: { type: 'string', minLength: 1, maxLength: 300 },
    to: { type: 'string', minLength: 1, maxLength: 300 },
    eventTime: dateTime,
    bizTransaction: { type: 'string', minLength: 1, maxLength: 300, description: 'purchase order: code (→ urn:zhizao:po:<code>) or URI' },
  },
} as const;

export const flowResponse = {
  type: 'object',
  properties: {
    captureId: { type: 'string' },
    eventId: { type: 'string' },
    event: { type: 'object', additionalProperties: true },
    stock: { type: 'array', items: quantityLine },
  },
} as const;

export const traceQuery = {
  type: 'object',
  additionalProperties: false,
  required: ['id'],
  properties: {
    id: {
      type: 'string',
      minLength: 1,
      maxLength: 300,
      description: 'handle (88.999.1/ABC), hdl:, resolver URL, GS1 Digital Link (URI or path 01/…/21/…), EPC URN',
    },
  },
} as const;

export const traceResponse = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    kind: { type: 'string', enum: ['handle', 'gs1', 'other'] },
    handle: nullableString,
    digitalLink: nullableString,
    product: {
      type: ['object', 'null'],
      properties: {
        handle: { type: 'string' },
        prefix: { type: 'string' },
        enterpriseName: nullableString,
        templateVersion: nullableString,
        values: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              index: { type: 'integer' },
              type: { type: 'string' },
              name: { type: ['string', 'null'] },
              value: { type: 'string' },
            },
          },
        },
      },
    },
    events: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          type: { type: 'string' },
          action: nullableString,
          bizStep: nullableString,
          disposition: nullableString,
          eventTime: { type: 'string' },
          eventTimeZoneOffset: { type: 'string' },
          enterpriseName: { type: 'string' },
        },
      },
    },
    eventCount: { type: 'integer' },
  },
} as const;
