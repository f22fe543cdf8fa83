import { AppError } from '../../platform/errors.ts';

/** The trimmed text, or 400 on the field when blank space was all it held (the schema counts spaces too). */
export function requiredText(value: string, field: string, min = 1): string {
  const text = value.trim();
  if ([...text].length < min) throw new AppError(400, 'validation.minLength', { limit: min }, field);
  return text;
}
