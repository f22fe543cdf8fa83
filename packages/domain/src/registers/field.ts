import type { Label } from './label.ts';

// The kinds of field a register is made of. One description serves the JSON schema of its routes, the
// checks, the Excel columns and the web form, so a register is declared once (definition.ts).

export interface EnumOption {
  value: string;
  label: Label;
}

interface FieldBase {
  key: string;
  label: Label;
  required?: boolean;
  /** Shown under the form field and as a note on the template's header cell. */
  help?: Label;
  /** A filter on the list (equality; dates and years get a range). */
  filter?: boolean;
}

export type FieldSpec =
  | (FieldBase & { type: 'text'; maxLength?: number; multiline?: boolean; pattern?: { source: string; hint: Label } })
  | (FieldBase & { type: 'integer'; min?: number; max?: number; unit?: Label })
  | (FieldBase & { type: 'decimal'; min?: number; max?: number; unit?: Label })
  /** Yuan in forms and sheets, integer fen in the API and the database (as the funding module keeps money). */
  | (FieldBase & { type: 'money'; max?: number })
  | (FieldBase & { type: 'date'; notFuture?: boolean })
  | (FieldBase & { type: 'year'; notFuture?: boolean })
  | (FieldBase & { type: 'enum'; options: readonly EnumOption[] })
  | (FieldBase & { type: 'boolean' })
  /** An industry chain code of the taxonomy. */
  | (FieldBase & { type: 'chain' })
  /** A district code (GB/T 2260) of the taxonomy. */
  | (FieldBase & { type: 'district' })
  /** An enterprise of the registry: its id in the API, its credit code in sheets. */
  | (FieldBase & { type: 'enterprise' })
  /** A row of another register (a policy, a showcase …): its id in the API, its natural key in sheets. */
  | (FieldBase & { type: 'reference'; register: string });

export type FieldType = FieldSpec['type'];

/** The value as the API carries it. */
export type FieldValue = string | number | boolean | null;
export type EntryValues = Record<string, FieldValue>;

/** A limit generous enough for any real text of the kind, and one the database column holds. */
export const TEXT_MAX_LENGTH = 200;
export const LONG_TEXT_MAX_LENGTH = 4000;
export const MONEY_MAX_FEN = 1e15;
/** The largest value an integer column holds on PostgreSQL. */
export const INTEGER_MAX = 2147483647;
export const YEAR_MIN = 1949;
export const YEAR_MAX = 2100;

export const maxLengthOf = (field: Extract<FieldSpec, { type: 'text' }>) =>
  field.maxLength ?? (field.multiline ? LONG_TEXT_MAX_LENGTH : TEXT_MAX_LENGTH);
