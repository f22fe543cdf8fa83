import type { RuleOutcome } from './definition.ts';
import type { FieldSpec, FieldValue } from './field.ts';

// A sheet cell's text turned into the value the API would carry, so an imported row meets the same checks
// (check.ts) as a typed one. People type labels, not codes: an option, chain or district is found by its
// Chinese or English name as well as its code; an enterprise by its credit code.

export interface CellLookups {
  /** Chain code by code or name. */
  chain: (text: string) => string | null;
  /** District code by code or name. */
  district: (text: string) => string | null;
  /** Enterprise id by credit code. */
  enterprise: (creditCode: string) => number | null;
  /** Row id of another register by its natural key. */
  reference: (register: string, key: string) => number | null;
}

export type CellOutcome = { value: FieldValue } | { problem: RuleOutcome };

const NUMBER = /^-?\d+(\.\d+)?$/;
const YUAN = /^\d+(\.\d{1,2})?$/;
const SLASHED_DATE = /^(\d{4})[/.年-](\d{1,2})[/.月-](\d{1,2})日?$/;
const TRUE_WORDS = new Set(['是', 'true', 'yes', 'y', '1', '√']);
const FALSE_WORDS = new Set(['否', 'false', 'no', 'n', '0', '×']);

export function parseCell(field: FieldSpec, raw: string, lookups: CellLookups): CellOutcome {
  const text = raw.trim();
  if (text === '') return { value: null };
  switch (field.type) {
    case 'text':
      return { value: text };
    case 'integer':
    case 'year':
    case 'decimal': {
      const plain = text.replace(/,/g, '');
      if (!NUMBER.test(plain)) return { problem: { key: 'validation.type', params: { type: 'number' } } };
      return { value: Number(plain) };
    }
    case 'money': {
      const plain = text.replace(/,/g, '');
      if (!YUAN.test(plain)) return { problem: { key: 'registers.moneyFormat' } };
      return { value: Math.round(Number(plain) * 100) };
    }
    case 'date': {
      const slashed = SLASHED_DATE.exec(text);
      return { value: slashed ? `${slashed[1]}-${slashed[2]!.padStart(2, '0')}-${slashed[3]!.padStart(2, '0')}` : text };
    }
    case 'enum': {
      const option = field.options.find((o) => o.value === text || o.label.zh === text || o.label.en.toLowerCase() === text.toLowerCase());
      return option
        ? { value: option.value }
        : { problem: { key: 'validation.enum', params: { allowed: field.options.map((o) => o.label.zh).join('、') } } };
    }
    case 'boolean': {
      const word = text.toLowerCase();
      if (TRUE_WORDS.has(word)) return { value: true };
      if (FALSE_WORDS.has(word)) return { value: false };
      return { problem: { key: 'registers.booleanWord' } };
    }
    case 'chain': {
      const code = lookups.chain(text);
      return code ? { value: code } : { problem: { key: 'registers.chainUnknown', params: { text } } };
    }
    case 'district': {
      const code = lookups.district(text);
      return code ? { value: code } : { problem: { key: 'registers.districtUnknown', params: { text } } };
    }
    case 'enterprise': {
      const id = lookups.enterprise(text.toUpperCase());
      return id ? { value: id } : { problem: { key: 'registers.enterpriseUnknown', params: { text } } };
    }
    case 'reference': {
      const id = lookups.reference(field.register, text);
      return id ? { value: id } : { problem: { key: 'registers.referenceUnknown', params: { text } } };
    }
  }
}

/** A value as a sheet shows it: labels for options, yuan for money, 是/否 for yes and no. */
export function cellOfValue(
  field: FieldSpec,
  value: FieldValue,
  names: { reference?: (register: string, id: number) => string },
): string | number | null {
  if (value === null || value === undefined) return null;
  switch (field.type) {
    case 'enum':
      return field.options.find((o) => o.value === value)?.label.zh ?? String(value);
    case 'boolean':
      return value ? '是' : '否';
    case 'money':
      return Number(value) / 100;
    case 'reference':
      return names.reference?.(field.register, Number(value)) ?? Number(value);
    default:
      return value as string | number;
  }
}
