import type { MessageKey } from '../i18n/messages.ts';
import type { EntryValues, FieldSpec } from './field.ts';
import type { Label } from './label.ts';

// A register the bureau keeps (titles, base stations, honours, policies …), declared once: the server
// builds its table routes, checks and Excel columns from it, the web app its list, form and import.

/**
 * Who a row belongs to, which decides who keeps it:
 * - 'enterprise': every row is an enterprise's (its district follows the enterprise); district staff keep
 *   their district's rows, the firm sees its own and proposes corrections;
 * - 'district': every row lies in a district; district staff keep their own, a firm named on a row sees it;
 * - 'city': the bureau keeps the rows; everyone the register's readers name reads them.
 */
export type RegisterOwnership = 'enterprise' | 'district' | 'city';

export interface RuleOutcome {
  key: MessageKey;
  params?: Record<string, string | number>;
}

/**
 * A check across fields. An 'error' refuses the row; a 'warning' (an implausible but possible value) is
 * shown with its rule and needs the user's confirmation to save.
 */
export interface RegisterRule {
  code: string;
  field: string;
  severity: 'error' | 'warning';
  /** The rule in words, shown beside a warning so the user knows what was checked. */
  description: Label;
  test: (values: EntryValues, today: string) => RuleOutcome | null;
}

/** A value worked out from the row (an honour's tenure state, an obstacle's age), shown, filtered and exported. */
export interface DerivedField {
  key: string;
  label: Label;
  compute: (values: EntryValues, today: string) => string | number | null;
  /** For text values: their labels. */
  options?: readonly { value: string; label: Label }[];
}

export interface RegisterDefinition {
  /** URL segment and permission name: kebab-case, e.g. 'base-stations'. */
  key: string;
  /** Its table, snake_case (the migration that creates it owns the columns). */
  table: string;
  /** The menu group it sits in (one sub-folder per group on each side). */
  group: string;
  label: Label;
  /** What one row is called: 'title', '基站'. */
  itemLabel: Label;
  ownership: RegisterOwnership;
  /** Most rows one Excel import may hold, where the engine's default is too small (operators send whole networks). */
  importMaxRows?: number;
  /**
   * A reference field whose row's enterprise and district this row takes (a showcase's KPI belongs to the
   * showcase's firm), for a register without an enterprise field of its own.
   */
  ownerFrom?: string;
  fields: readonly FieldSpec[];
  /** The field that names a row in lists, references and audit entries. */
  titleField: string;
  /** Fields that identify a row in sheets of other registers (a policy's document number). */
  naturalKey?: readonly string[];
  /** Each list of fields may not repeat among live rows: a second one is a duplicate, reported. */
  uniqueBy?: readonly (readonly string[])[];
  rules?: readonly RegisterRule[];
  derived?: readonly DerivedField[];
  /** The list's columns, in order (field or derived keys); the title field first if left out. */
  columns: readonly string[];
  defaultSort: { field: string; direction: 'asc' | 'desc' };
}

export const fieldOf = (definition: RegisterDefinition, key: string): FieldSpec | undefined => definition.fields.find((f) => f.key === key);

/** The field holding the row's enterprise, if the register has one. */
export const enterpriseFieldOf = (definition: RegisterDefinition) => definition.fields.find((f) => f.type === 'enterprise');

/** The field holding the row's district, if it is typed in rather than taken from the enterprise. */
export const districtFieldOf = (definition: RegisterDefinition) => definition.fields.find((f) => f.type === 'district');

/** The label of a field or derived value, for columns, errors and sheets. */
export function labelOfKey(definition: RegisterDefinition, key: string): Label | undefined {
  return fieldOf(definition, key)?.label ?? definition.derived?.find((d) => d.key === key)?.label;
}
