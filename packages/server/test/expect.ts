import { expect } from 'vitest';
import type { TestResponse } from './harness.ts';

/** The one error shape every 4xx and 5xx answer has: `{ error: { code, message, field?, details? } }`. */
export function expectErrorShape(res: TestResponse, context = ''): void {
  const where = `${context} → ${res.status} ${JSON.stringify(res.body)?.slice(0, 300)}`;
  expect(res.body, where).toBeTypeOf('object');
  expect(res.body, where).not.toBeNull();
  expect(Object.keys(res.body), where).toEqual(['error']);
  const { code, message, field, ...rest } = res.body.error ?? {};
  expect(code, where).toMatch(/^[a-z]+(\.[A-Za-z]+)+$/); // a message key: module.key, or module.group.key
  expect(message, where).toBeTypeOf('string');
  expect(message.length, where).toBeGreaterThan(0);
  if (field !== undefined) expect(field, where).toBeTypeOf('string');
  expect(
    Object.keys(rest).filter((k) => k !== 'details'),
    where,
  ).toEqual([]);
}

/** Asserts the status, the error code and (when given) the field an error names. */
export function expectError(res: TestResponse, status: number, code: string, field?: string): void {
  expect({ status: res.status, code: res.body?.error?.code }, JSON.stringify(res.body)).toEqual({ status, code });
  expectErrorShape(res);
  if (field !== undefined) expect(res.body.error.field).toBe(field);
}
