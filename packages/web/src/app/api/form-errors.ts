import type { FormInstance } from 'antd';
import { ApiError } from './client.ts';

/**
 * Puts the server's refusal on the form fields it names (`error.field`, `error.details`), leaving every
 * typed value in place. Returns false when no named field is on this form, so the caller shows the
 * message elsewhere.
 */
export function showServerErrors(form: FormInstance, error: unknown, fields: readonly string[]): boolean {
  if (!(error instanceof ApiError)) return false;
  const problems = error.details.length ? error.details : error.field ? [{ field: error.field, message: error.message }] : [];
  const byField = new Map<string, string[]>();
  for (const p of problems) {
    if (fields.includes(p.field)) byField.set(p.field, [...(byField.get(p.field) ?? []), p.message]);
  }
  if (!byField.size) return false;
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  form.scrollToField([...byField.keys()][0]!, { block: 'center' });
  return true;
}
