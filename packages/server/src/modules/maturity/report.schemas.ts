import { adviceSchema } from './schemas.ts';

// Shapes of the report routes (validation + OpenAPI).

const bilingual = { type: 'object', properties: { zh: { type: 'string' }, en: { type: 'string' } } } as const;
const nullableNumber = { type: ['number', 'null'] } as const;
const named = { type: 'object', properties: { code: { type: 'string' }, name: bilingual } } as const;
const array = (items: object) => ({ type: ['array', 'null'], items }) as const;

export const reportSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    access: {
      type: 'string',
      enum: ['full', 'summary'],
      description: 'summary: the bureau sees level and score only, until the enterprise shares the report',
    },
    shared: { type: 'boolean' },
    sharedAt: { type: ['string', 'null'] },
    enterprise: {
      type: 'object',
      properties: { id: { type: 'integer' }, name: { type: 'string' }, district: named, chains: { type: 'array', items: named } },
    },
    manufacturingType: { type: 'string' },
    model: {
      type: 'object',
      properties: {
        id: { type: 'string' },
        name: bilingual,
        formulaId: { type: 'string' },
        provisional: { type: 'boolean' },
        provisionalNote: { type: ['object', 'null'], properties: bilingual.properties },
      },
    },
    submittedAt: { type: 'string' },
    level: { type: 'object', properties: { level: { type: 'integer' }, name: bilingual } },
    totalScore: { type: 'number' },
    levels: array({
      type: 'object',
      properties: { level: { type: 'integer' }, name: bilingual, score: nullableNumber, passed: { type: 'boolean' } },
    }),
    radar: {
      type: ['object', 'null'],
      description: 'Domain scores at the level being worked towards (n + 1, or 5)',
      properties: {
        level: { type: 'integer' },
        domains: {
          type: 'array',
          items: {
            type: 'object',
            properties: { code: { type: 'string' }, name: bilingual, score: nullableNumber, weight: { type: 'number' } },
          },
        },
      },
    },
    advice: { ...adviceSchema, type: ['object', 'null'] },
    peers: array({
      type: 'object',
      properties: {
        kind: { type: 'string', enum: ['chain', 'district', 'manufacturingType'] },
        code: { type: 'string' },
        name: bilingual,
        size: { type: 'integer' },
        hidden: { type: 'boolean', description: 'Fewer than 5 peers: average and percentile withheld' },
        average: nullableNumber,
        percentile: nullableNumber,
      },
    }),
    history: array({
      type: 'object',
      properties: {
        id: { type: 'integer' },
        submittedAt: { type: 'string' },
        modelVersion: { type: 'string' },
        reachedLevel: { type: 'integer' },
        levelName: bilingual,
        totalScore: { type: 'number' },
      },
    }),
  },
} as const;

export const sharingSchema = {
  type: 'object',
  properties: { id: { type: 'integer' }, shared: { type: 'boolean' }, sharedAt: { type: ['string', 'null'] } },
} as const;
