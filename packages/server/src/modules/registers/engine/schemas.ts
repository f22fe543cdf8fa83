import { INTEGER_MAX, maxLengthOf, MONEY_MAX_FEN, YEAR_MAX, YEAR_MIN, type FieldSpec, type RegisterDefinition } from '@zhizao/domain';
import { paginationQuery } from '../../../platform/schemas.ts';

// A register's JSON schemas, made from its definition: the body of a row, the list's query, a row as
// returned. Types and bounds are checked here; the definition's rules in the domain (check.ts).

const DATE = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', maxLength: 10 } as const;
const nullable = (schema: Record<string, unknown>) => ({ anyOf: [schema, { type: 'null' }] });

function valueSchema(field: FieldSpec): Record<string, unknown> {
  switch (field.type) {
    case 'text':
      return { type: 'string', maxLength: maxLengthOf(field) };
    case 'integer':
      // an integer column holds 32 bits on PostgreSQL
      return { type: 'integer', minimum: field.min ?? -INTEGER_MAX, maximum: field.max ?? INTEGER_MAX };
    case 'decimal':
      return {
        type: 'number',
        ...(field.min !== undefined ? { minimum: field.min } : {}),
        ...(field.max !== undefined ? { maximum: field.max } : {}),
      };
    case 'money':
      return { type: 'integer', minimum: 0, maximum: field.max ?? MONEY_MAX_FEN };
    case 'year':
      return { type: 'integer', minimum: YEAR_MIN, maximum: YEAR_MAX };
    case 'date':
      return DATE;
    case 'enum':
      return { type: 'string', enum: field.options.map((o) => o.value) };
    case 'boolean':
      return { type: 'boolean' };
    case 'chain':
      return { type: 'string', minLength: 1, maxLength: 20 };
    case 'district':
      return { type: 'string', pattern: '^\\d{6}$' };
    case 'enterprise':
    case 'reference':
      return { type: 'integer', minimum: 1, maximum: 2147483647 };
  }
}

function valueProperties(definition: RegisterDefinition) {
  return Object.fromEntries(
    definition.fields.map((f) => [f.key, { ...(f.required ? valueSchema(f) : nullable(valueSchema(f))), description: f.label.zh }]),
  );
}

export function entryBodySchema(
  definition: RegisterDefinition,
  withVersion: boolean,
): { type: 'object'; additionalProperties: false; required: string[]; properties: Record<string, unknown> } {
  return {
    type: 'object',
    additionalProperties: false,
    required: [...definition.fields.filter((f) => f.required).map((f) => f.key), ...(withVersion ? ['version'] : [])],
    properties: {
      ...valueProperties(definition),
      confirmWarnings: { type: 'boolean', description: 'Save although the plausibility rules warned (after showing the user)' },
      ...(withVersion ? { version: { type: 'integer', minimum: 1, maximum: INTEGER_MAX } } : {}),
    },
  };
}

export function entryViewSchema(definition: RegisterDefinition) {
  return {
    type: 'object',
    properties: {
      id: { type: 'integer' },
      version: { type: 'integer' },
      enterpriseId: { type: ['integer', 'null'] },
      enterpriseName: { type: ['string', 'null'] },
      districtCode: { type: ['string', 'null'] },
      title: { type: 'string' },
      createdAt: { type: 'string' },
      updatedAt: { type: 'string' },
      ...Object.fromEntries(definition.fields.map((f) => [f.key, nullable(valueSchema(f))])),
      ...Object.fromEntries((definition.derived ?? []).map((d) => [d.key, { type: ['string', 'number', 'null'] }])),
      ...Object.fromEntries(
        definition.fields.filter((f) => f.type === 'reference').map((f) => [`${f.key}Title`, { type: ['string', 'null'] }]),
      ),
    },
  };
}

/** The list's query: paging, free text, sorting, and one parameter per filter field (dates and years as ranges). */
export function listQuerySchema(definition: RegisterDefinition, paged: boolean) {
  const filters: Record<string, unknown> = {};
  for (const field of definition.fields) {
    if (!field.filter || field.type === 'enterprise' || field.type === 'district') continue;
    if (field.type === 'date' || field.type === 'year') {
      filters[`${field.key}From`] = valueSchema(field);
      filters[`${field.key}To`] = valueSchema(field);
    } else filters[field.key] = field.type === 'text' ? { type: 'string', minLength: 1, maxLength: 100 } : valueSchema(field);
  }
  return {
    type: 'object',
    additionalProperties: false,
    properties: {
      ...(paged ? paginationQuery : {}),
      q: { type: 'string', minLength: 1, maxLength: 100 },
      enterpriseId: { type: 'integer', minimum: 1, maximum: 2147483647 },
      districtCode: { type: 'string', pattern: '^\\d{6}$' },
      sort: { type: 'string', enum: definition.fields.map((f) => f.key) },
      direction: { type: 'string', enum: ['asc', 'desc'] },
      ...filters,
    },
  };
}
