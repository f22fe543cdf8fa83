import type { FormInstance } from 'antd';
import { ApiError } from '../../app/api/client.ts';

export type FieldPath = (string | number)[];

/**
 * Puts the server's refusal on nested form fields: `items.3.metadata.pattern` lands on the list row's
 * field (`place` maps a server path onto a field of this form, or null). Typed values stay. Returns false when the refusal names no field of this form.
 */
export function showNestedErrors(form: FormInstance, error: unknown, place: (path: FieldPath) => FieldPath | null): boolean {
  if (!(error instanceof ApiError)) return false;
  const problems = error.details.length ? error.details : error.field ? [{ field: error.field, message: error.message }] : [];
  const fields = problems
    .map((p) => ({ name: place(p.field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part))), errors: [p.message] }))
    .filter((f): f is { name: FieldPath; errors: string[] } => f.name !== null);
  if (!fields.length) return false;
  form.setFields(fields);
  form.scrollToField(fields[0]!.name, { block: 'center' });
  return true;
}
