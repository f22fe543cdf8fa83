import { MANUFACTURING_TYPES, SIZE_CLASSES } from '@zhizao/domain';
import { paginationQuery } from '../../platform/schemas.ts';

const text = (max: number) => ({ type: ['string', 'null'], maxLength: max }) as const;

// Shapes only; the domain's enterpriseProblems checks meaning (check character, taxonomy codes).
export const enterpriseInputSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['creditCode', 'name', 'districtCode', 'sizeClass', 'manufacturingType'],
  properties: {
    creditCode: { type: 'string', maxLength: 32 },
    name: { type: 'string', maxLength: 200 },
    districtCode: { type: 'string', maxLength: 12 },
    chainCodes: { type: 'array', items: { type: 'string', maxLength: 20 }, maxItems: 10, default: [] },
    clusterCode: text(20),
    sizeClass: { type: 'string', enum: [...SIZE_CLASSES] },
    manufacturingType: { type: 'string', enum: [...MANUFACTURING_TYPES] },
    industryCode: text(8),
    address: text(400),
    mainProducts: text(400),
    contactName: text(400),
    contactPhone: text(32),
    contactEmail: text(200),
  },
} as const;

export const enterpriseUpdateSchema = {
  ...enterpriseInputSchema,
  required: [...enterpriseInputSchema.required, 'version'],
  properties: { ...enterpriseInputSchema.properties, version: { type: 'integer', minimum: 1, maximum: 2147483647 } },
} as const;

export const enterpriseViewSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    creditCode: { type: 'string' },
    name: { type: 'string' },
    districtCode: { type: 'string' },
    chainCodes: { type: 'array', items: { type: 'string' } },
    clusterCode: { type: ['string', 'null'] },
    sizeClass: { type: 'string' },
    manufacturingType: { type: 'string' },
    industryCode: { type: ['string', 'null'] },
    address: { type: ['string', 'null'] },
    mainProducts: { type: ['string', 'null'] },
    contactName: { type: ['string', 'null'] },
    contactPhone: { type: ['string', 'null'] },
    contactEmail: { type: ['string', 'null'] },
    archived: { type: 'boolean' },
    isDemo: { type: 'boolean' },
    createdAt: { type: 'string' },
    updatedAt: { type: 'string' },
    version: { type: 'integer' },
    canEdit: { type: 'boolean' },
    canArchive: { type: 'boolean' },
  },
} as const;

export const enterpriseFilterProperties = {
  q: { type: 'string', maxLength: 100 },
  districtCode: { type: 'string', maxLength: 12 },
  chainCode: { type: 'string', maxLength: 20 },
  clusterCode: { type: 'string', maxLength: 20 },
  sizeClass: { type: 'string', enum: [...SIZE_CLASSES] },
  manufacturingType: { type: 'string', enum: [...MANUFACTURING_TYPES] },
  status: { type: 'string', enum: ['active', 'archived', 'all'], default: 'active' },
} as const;

export const enterpriseListQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    ...paginationQuery,
    ...enterpriseFilterProperties,
    sort: { type: 'string', enum: ['name', 'createdAt', 'updatedAt', 'creditCode'], default: 'name' },
    order: { type: 'string', enum: ['asc', 'desc'], default: 'asc' },
  },
} as const;
