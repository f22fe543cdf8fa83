export interface DiffRow {
  field: string;
  before: string | null;
  after: string | null;
  changed: boolean;
}

const asRecord = (v: unknown): Record<string, unknown> | null =>
  v !== null && typeof v === 'object' && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : v === null || v === undefined
      ? null
      : { value: v };

// A missing field and an empty one (null) read the same to a person: nothing.
const show = (v: unknown): string | null => (v === undefined || v === null ? null : typeof v === 'string' ? v : JSON.stringify(v));

/** Before and after of an audit entry, field by field, in the order the fields first appear. */
export function diffEntries(before: unknown, after: unknown): DiffRow[] {
  const b = asRecord(before) ?? {};
  const a = asRecord(after) ?? {};
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return fields.map((field) => {
    const from = show(b[field]);
    const to = show(a[field]);
    return { field, before: from, after: to, changed: from !== to };
  });
}
