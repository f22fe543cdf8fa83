import fs from 'node:fs';
import path from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { MessageKey } from '@zhizao/domain';
import type { FieldProblemDetail } from '../../../platform/errors.ts';

// Validation against GS1's own EPCIS 2.0 JSON schema (gs1/EPCIS-JSON-Schema.json, draft-07), with
// ajv 8 + ajv-formats as the domain notes prescribe (shared/domain/identifiers.md §8). A separate ajv
// from Fastify's: no type coercion, no defaults, nothing removed — a document is checked, never changed.

const SCHEMA_FILE = path.join(import.meta.dirname, 'gs1', 'EPCIS-JSON-Schema.json');
/** At most this many schema problems are returned; the first ones name the cause. */
export const MAX_SCHEMA_PROBLEMS = 50;

let compiled: ValidateFunction | null = null;
function validator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    compiled = ajv.compile(JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')));
  }
  return compiled;
}

// Wrappers only say "a branch failed"; the branches' own errors say which field and why.
const WRAPPERS = new Set(['if', 'anyOf', 'oneOf', 'allOf', 'not', 'then', 'else']);

/** The dotted field path of an error, with the missing or unexpected property appended. */
function fieldOf(e: ErrorObject): string {
  const parts = e.instancePath
    .split('/')
    .filter(Boolean)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (e.keyword === 'required') parts.push(String(e.params.missingProperty));
  if (e.keyword === 'additionalProperties') parts.push(String(e.params.additionalProperty));
  return parts.join('.') || 'body';
}

// ajv keywords that have a house message (zh + en); others keep ajv's English reason in traceability.schemaProblem.
const KEYWORD_MESSAGES: Partial<Record<string, MessageKey>> = {
  required: 'validation.required',
  additionalProperties: 'validation.additionalProperties',
  type: 'validation.type',
  format: 'validation.format',
  enum: 'validation.enum',
  pattern: 'validation.pattern',
  minItems: 'validation.minItems',
  maxItems: 'validation.maxItems',
  minLength: 'validation.minLength',
  maxLength: 'validation.maxLength',
  minimum: 'validation.minimum',
  maximum: 'validation.maximum',
};

function problemOf(e: ErrorObject, field: string): FieldProblemDetail {
  const key = KEYWORD_MESSAGES[e.keyword];
  if (!key) return { field, key: 'traceability.schemaProblem', params: { reason: e.message ?? e.keyword } };
  const p = e.params as { type?: unknown; format?: unknown; allowedValues?: unknown[]; limit?: unknown };
  return {
    field,
    key,
    params: {
      type: String(p.type ?? ''),
      format: String(p.format ?? ''),
      allowed: (p.allowedValues ?? []).join(', '),
      limit: String(p.limit ?? ''),
    },
  };
}

/** Every problem of a body under the GS1 schema (empty when valid), field by field. */
export function epcisSchemaProblems(body: unknown): FieldProblemDetail[] {
  const validate = validator();
  if (validate(body)) return [];
  const seen = new Set<string>();
  const problems: FieldProblemDetail[] = [];
  for (const e of validate.errors ?? []) {
    if (WRAPPERS.has(e.keyword) && (validate.errors ?? []).some((other) => other !== e && !WRAPPERS.has(other.keyword))) continue;
    const field = fieldOf(e);
    const reason = e.message ?? e.keyword;
    if (seen.has(`${field} ${reason}`)) continue;
    seen.add(`${field} ${reason}`);
    problems.push(problemOf(e, field));
    if (problems.length === MAX_SCHEMA_PROBLEMS) break;
  }
  return problems;
}
