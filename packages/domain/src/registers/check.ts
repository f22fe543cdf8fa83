import type { MessageKey } from '../i18n/messages.ts';
import type { RegisterDefinition, RuleOutcome } from './definition.ts';
import { INTEGER_MAX, maxLengthOf, MONEY_MAX_FEN, YEAR_MAX, YEAR_MIN, type EntryValues, type FieldSpec, type FieldValue } from './field.ts';

// The checks one row of a register passes, whether it came through the API (typed by the route's JSON
// schema first) or from a sheet cell (parsed by parseCell). What needs the database — does the
// enterprise exist, is it in the officer's district, is the row a duplicate — the server adds.

export interface EntryProblem {
  field: string;
  key: MessageKey;
  params?: Record<string, string | number>;
}

export interface EntryWarning extends EntryProblem {
  rule: string;
  description: { zh: string; en: string };
}

export interface EntryCheck {
  problems: EntryProblem[];
  warnings: EntryWarning[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isCalendarDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const parsed = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(text);
}

/** Checks the row's fields one by one, then the register's rules across fields (only on a row whose fields pass). */
export function checkEntry(definition: RegisterDefinition, values: EntryValues, today: string): EntryCheck {
  const problems: EntryProblem[] = [];
  for (const field of definition.fields) {
    const problem = checkField(field, values[field.key] ?? null, today);
    if (problem) problems.push({ field: field.key, ...problem });
  }
  const warnings: EntryWarning[] = [];
  if (problems.length === 0)
    for (const rule of definition.rules ?? []) {
      const outcome = rule.test(values, today);
      if (!outcome) continue;
      if (rule.severity === 'error') problems.push({ field: rule.field, ...outcome });
      else warnings.push({ field: rule.field, rule: rule.code, description: rule.description, ...outcome });
    }
  return { problems, warnings };
}

function checkField(field: FieldSpec, value: FieldValue, today: string): RuleOutcome | null {
  if (value === null || value === '') return field.required ? { key: 'validation.required' } : null;
  switch (field.type) {
    case 'text': {
      if (typeof value !== 'string') return { key: 'validation.type', params: { type: 'string' } };
      const limit = maxLengthOf(field);
      if ([...value].length > limit) return { key: 'validation.maxLength', params: { limit } };
      if (field.pattern && !new RegExp(field.pattern.source).test(value))
        return { key: 'registers.pattern', params: { hintZh: field.pattern.hint.zh, hintEn: field.pattern.hint.en } };
      return null;
    }
    case 'integer':
    case 'decimal':
    case 'money': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return { key: 'validation.notFinite' };
      if (field.type !== 'decimal' && !Number.isInteger(value)) return { key: 'validation.type', params: { type: 'integer' } };
      // an integer column holds 32 bits on PostgreSQL, whatever the register allows
      const min = field.type === 'money' ? 0 : (field.min ?? (field.type === 'integer' ? -INTEGER_MAX : undefined));
      const max =
        field.type === 'money' ? (field.max ?? MONEY_MAX_FEN) : (field.max ?? (field.type === 'integer' ? INTEGER_MAX : undefined));
      if (min !== undefined && value < min) return { key: 'validation.minimum', params: { limit: min } };
      if (max !== undefined && value > max) return { key: 'validation.maximum', params: { limit: max } };
      return null;
    }
    case 'year': {
      if (typeof value !== 'number' || !Number.isInteger(value)) return { key: 'validation.type', params: { type: 'integer' } };
      if (value < YEAR_MIN) return { key: 'validation.minimum', params: { limit: YEAR_MIN } };
      if (value > YEAR_MAX) return { key: 'validation.maximum', params: { limit: YEAR_MAX } };
      if (field.notFuture && value > Number(today.slice(0, 4)))
        return { key: 'registers.yearInFuture', params: { today: today.slice(0, 4) } };
      return null;
    }
    case 'date': {
      if (typeof value !== 'string' || !isCalendarDate(value)) return { key: 'validation.format', params: { format: 'YYYY-MM-DD' } };
      if (value < `${YEAR_MIN}-01-01`) return { key: 'validation.minimum', params: { limit: `${YEAR_MIN}-01-01` } };
      if (field.notFuture && value > today) return { key: 'registers.dateInFuture', params: { today } };
      return null;
    }
    case 'enum':
      return typeof value === 'string' && field.options.some((o) => o.value === value)
        ? null
        : { key: 'validation.enum', params: { allowed: field.options.map((o) => o.label.zh).join('、') } };
    case 'boolean':
      return typeof value === 'boolean' ? null : { key: 'validation.type', params: { type: 'boolean' } };
    case 'chain':
    case 'district':
      return typeof value === 'string' ? null : { key: 'validation.type', params: { type: 'string' } };
    case 'enterprise':
    case 'reference':
      return typeof value === 'number' && Number.isInteger(value) && value > 0
        ? null
        : { key: 'validation.type', params: { type: 'integer' } };
  }
}

/** Dates in order: the test of a rule "the end is not before the start". */
export function datesInOrder(start: { key: string; label: { zh: string; en: string } }, endKey: string) {
  return (values: EntryValues): RuleOutcome | null => {
    const from = values[start.key];
    const to = values[endKey];
    return typeof from === 'string' && typeof to === 'string' && to < from
      ? { key: 'registers.dateBefore', params: { otherZh: start.label.zh, otherEn: start.label.en } }
      : null;
  };
}
