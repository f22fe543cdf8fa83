import { TEMPLATE_INDEX, VALUE_MAX_LENGTH, type HandleValue } from './handle.ts';

// Metadata templates (元数据模板) per enterprise prefix, versioned and immutable once written.
// Shape after the SNMS v5 template (shared/domain/identifiers.md §7); items from index 2000 (§4).

export const TEMPLATE_ITEM_MIN_INDEX = 2000;
export const TEMPLATE_VERSION_PATTERN = '^[0-9A-Za-z][0-9A-Za-z._-]{0,127}$';

export type ItemDataType = 'string' | 'number' | 'date';

export interface TemplateItem {
  /** Index of the value (≥ 2000). */
  idIndex: number;
  /** Handle value type, e.g. `name`, `model`. */
  type: string;
  /** Label shown to people. */
  name: string;
  required: boolean;
  /** Public (permission 1110) or visible to the owner and grantees only (1100). */
  public: boolean;
  metadata: { type: ItemDataType; minLength?: number; maxLength?: number; pattern?: string; minimum?: number; maximum?: number };
  /** Disabled (SNMS v5 item state 0): kept for the identifiers that carry it, no longer required. */
  disabled?: boolean;
}

export interface TemplateDefinition {
  prefix: string;
  version: string;
  /** GB/T 4754 levels: 门类 letter, 大类 2 digits, 中类 3, 小类 4 (§7). */
  industryCategory: string;
  industrySpecific: string;
  industryTrade: string;
  industrySubclass: string;
  /** 1 = active carrier (主动标识载体), 2 = other (§7). */
  type: 1 | 2;
  description: string;
  items: TemplateItem[];
}

export type TemplateProblem = {
  field: string;
  problem: 'industry' | 'itemIndex' | 'duplicateIndex' | 'duplicateType' | 'badPattern' | 'badLimits';
};

/** Checks a template definition: GB/T 4754 codes nest (C ⊃ 34 ⊃ 348 ⊃ 3484), item indexes ≥ 2000 and unique, patterns compile. */
export function checkTemplate(t: Omit<TemplateDefinition, 'prefix'>): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const nests =
    /^[A-T]$/.test(t.industryCategory) &&
    /^\d{2}$/.test(t.industrySpecific) &&
    t.industryTrade.startsWith(t.industrySpecific) &&
    /^\d{3}$/.test(t.industryTrade) &&
    t.industrySubclass.startsWith(t.industryTrade) &&
    /^\d{4}$/.test(t.industrySubclass);
  if (!nests) problems.push({ field: 'industrySubclass', problem: 'industry' });
  const indexes = new Set<number>();
  const types = new Set<string>();
  t.items.forEach((item, i) => {
    if (!Number.isInteger(item.idIndex) || item.idIndex < TEMPLATE_ITEM_MIN_INDEX || item.idIndex >= 2 ** 31)
      problems.push({ field: `items.${i}.idIndex`, problem: 'itemIndex' });
    else if (indexes.has(item.idIndex)) problems.push({ field: `items.${i}.idIndex`, problem: 'duplicateIndex' });
    indexes.add(item.idIndex);
    if (types.has(item.type.toLowerCase())) problems.push({ field: `items.${i}.type`, problem: 'duplicateType' });
    types.add(item.type.toLowerCase());
    const m = item.metadata;
    if (m.pattern !== undefined && !compiles(m.pattern)) problems.push({ field: `items.${i}.metadata.pattern`, problem: 'badPattern' });
    if ((m.minLength ?? 0) > (m.maxLength ?? VALUE_MAX_LENGTH) || (m.minimum ?? -Infinity) > (m.maximum ?? Infinity))
      problems.push({ field: `items.${i}.metadata`, problem: 'badLimits' });
  });
  return problems;
}

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

export type IdentifierProblem = {
  index: number;
  problem:
    | 'missingRequired'
    | 'typeMismatch'
    | 'notInTemplate'
    | 'notNumber'
    | 'notDate'
    | 'tooShort'
    | 'tooLong'
    | 'patternMismatch'
    | 'belowMinimum'
    | 'aboveMaximum'
    | 'notString';
};

/** A compiled template: regexes built once, items by index, so validating 10,000 identifiers costs one pass. */
export interface TemplateChecker {
  version: string;
  check(values: readonly HandleValue[]): IdentifierProblem | null;
  /** The permissions string an item's value gets. */
  permissionsFor(index: number): string | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export function compileTemplate(t: Pick<TemplateDefinition, 'version' | 'items'>): TemplateChecker {
  const items = new Map(
    t.items.map((item) => [
      item.idIndex,
      { item, pattern: item.metadata.pattern === undefined ? null : new RegExp(item.metadata.pattern, 'u') },
    ]),
  );
  const required = t.items.filter((i) => i.required && !i.disabled).map((i) => i.idIndex);
  return {
    version: t.version,
    permissionsFor: (index) => {
      const entry = items.get(index);
      return entry ? (entry.item.public ? '1110' : '1100') : null;
    },
    check(values) {
      const present = new Set<number>();
      for (const v of values) {
        present.add(v.index);
        if (v.index < TEMPLATE_ITEM_MIN_INDEX) continue; // URL, EMAIL and the Handle system's own values are free
        const entry = items.get(v.index);
        if (!entry) return { index: v.index, problem: 'notInTemplate' };
        if (entry.item.type.toLowerCase() !== v.type.toLowerCase()) return { index: v.index, problem: 'typeMismatch' };
        const problem = checkData(v.data.value, entry.item.metadata, entry.pattern);
        if (problem) return { index: v.index, problem };
      }
      const missing = required.find((i) => !present.has(i));
      return missing === undefined ? null : { index: missing, problem: 'missingRequired' };
    },
  };
}

function checkData(value: unknown, m: TemplateItem['metadata'], pattern: RegExp | null): IdentifierProblem['problem'] | null {
  if (typeof value !== 'string') return 'notString';
  if (m.type === 'number') {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n)) return 'notNumber';
    if (m.minimum !== undefined && n < m.minimum) return 'belowMinimum';
    if (m.maximum !== undefined && n > m.maximum) return 'aboveMaximum';
  }
  if (m.type === 'date' && (!DATE.test(value) || Number.isNaN(Date.parse(value)))) return 'notDate';
  const length = [...value].length;
  if (m.minLength !== undefined && length < m.minLength) return 'tooShort';
  if (length > (m.maxLength ?? VALUE_MAX_LENGTH)) return 'tooLong';
  if (pattern && !pattern.test(value)) return 'patternMismatch';
  return null;
}

/** The template version an identifier records (its index 1001 value), or null. */
export function templateVersionOf(values: readonly HandleValue[]): string | null {
  const pointer = values.find((v) => v.index === TEMPLATE_INDEX);
  return pointer && typeof pointer.data.value === 'string' ? pointer.data.value : null;
}
