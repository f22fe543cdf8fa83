import { WAREHOUSE_STEPS } from '@zhizao/domain';
import { paginationQuery } from '../../../platform/schemas.ts';
import { INDEXED_VALUE_MAX } from './capture.service.ts';

// JSON schemas of the traceability routes (validation + OpenAPI), declared once.

const text = { type: 'string', minLength: 1, maxLength: INDEXED_VALUE_MAX } as const;
const dateTime = { type: 'string', format: 'date-time', maxLength: 40 } as const;

const list = (description: string) => ({ ...text, description: `${description}; several separated by |` });

/** EPCIS 2.0 SimpleEventQuery parameters (names as in the standard, §8.2.7.1), the ones the web offers too. */
export const eventQueryProperties = {
  eventType: list('event type (ObjectEvent…, or an extension type such as example:CustomEvent)'),
  EQ_bizStep: list('CBV word (shipping) or its URI'),
  EQ_disposition: list('CBV word or its URI'),
  GE_eventTime: { ...dateTime, description: 'events at or after (ISO 8601 with offset, any fractional digits)' },
  LT_eventTime: { ...dateTime, description: 'events before' },
  EQ_bizLocation: list('location URI (or a warehouse location code)'),
  EQ_readPoint: list('location URI (or a warehouse location code)'),
  MATCH_epc: list('an EPC (any URI form) or EPC pattern (urn:epc:idpat:…) in epcList or childEPCs'),
  MATCH_epcClass: list('a class or pattern in quantityList or childQuantityList'),
  MATCH_anyEPC: list('an EPC or pattern in any instance field: epcList, childEPCs, parentID, inputs, outputs'),
} as const;

/**
 * The query of the REST binding: the parameters above documented, every other parameter of the standard
 * (GE_recordTime, EQ_action, WD_readPoint, MATCH_parentID, EQ_prefix:field, sensor values, …) accepted as a
 * string and checked by the domain's query compiler, which names an unknown one.
 */
export const epcisQuery = {
  type: 'object',
  additionalProperties: { type: 'string', maxLength: 2000 },
  properties: {
    ...eventQueryProperties,
    GE_recordTime: { ...dateTime, description: 'events recorded at or after' },
    LT_recordTime: { ...dateTime, description: 'events recorded before' },
    EQ_action: list('ADD, OBSERVE or DELETE'),
    EQ_eventID: list('an eventID'),
    MATCH_parentID: list('an EPC or pattern in parentID'),
    orderBy: { type: 'string', enum: ['eventTime', 'recordTime'] },
    orderDirection: { type: 'string', enum: ['ASC', 'DESC'] },
    eventCountLimit: { type: 'integer', minimum: 1, maximum: 1_000_000 },
    maxEventCount: { type: 'integer', minimum: 0, maximum: 1_000_000 },
    perPage: { type: 'integer', minimum: 1, maximum: 1000, default: 30 },
    nextPageToken: { type: 'string', minLength: 1, maxLength: 200 },
  },
} as const;

const queryName = { type: 'string', pattern: '^[A-Za-z0-9_.~-]{1,100}$' } as const;

/** POST /queries (REST binding): a name and a query as query-schema.json writes it (lists as arrays). */
export const namedQueryBody = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'query'],
  properties: {
    name: queryName,
    query: {
      type: 'object',
      maxProperties: 100,
      additionalProperties: {
        anyOf: [
          { type: 'string', maxLength: 2000 },
          { type: 'number' },
          { type: 'boolean' },
          { type: 'array', maxItems: 100, items: { type: 'string', maxLength: 2000 } },
        ],
      },
    },
  },
} as const;
export const namedQueryParams = { type: 'object', properties: { name: queryName }, required: ['name'] } as const;
export const namedQueryEventsQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    perPage: { type: 'integer', minimum: 1, maximum: 1000, default: 30 },
    nextPageToken: { type: 'string', minLength: 1, maxLength: 200 },
  },
} as const;

/** Paging of the binding's collections (top-level resources, capture jobs). */
export const collectionQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    perPage: { type: 'integer', minimum: 1, maximum: 1000, default: 30 },
    nextPageToken: { type: 'string', minLength: 1, maxLength: 20 },
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
  properties: {
    captureID: { type: 'string' },
    eventCount: { type: 'integer', description: 'events stored' },
    errors: {
      type: 'array',
      items: { type: 'object', additionalProperties: true },
      description: "events refused by a 'proceed' capture (RFC 7807)",
    },
  },
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
    errors: { type: 'array', items: { type: 'object', additionalProperties: true } },
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
