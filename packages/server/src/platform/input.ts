import type { FastifyInstance } from 'fastify';
import type { MessageKey } from '@zhizao/domain';
import { AppError } from './errors.ts';

// Rules for what a request may carry, before any route sees it.

/** Deeper than any form or EPCIS document the platform takes; deeper bodies are refused before validation. */
export const MAX_BODY_DEPTH = 64;

/**
 * The API speaks JSON (and multipart for uploads): without Fastify's default text/plain parser a plain-text
 * body is a 415, not a string that fails validation later. Bodies nested deeper than MAX_BODY_DEPTH are
 * refused before the schema walks them. After validation (a route's own pattern speaks first) no value may
 * be a non-finite number (Ajv's coercion turns `?page=Infinity` or `1e400` into Infinity, which passes
 * integer bounds), text not well-formed Unicode (a lone surrogate is stored as U+FFFD, so what was checked
 * is not what is kept), or text holding U+0000 (PostgreSQL and its 信创 relatives cannot store it).
 */
export function registerInputRules(app: FastifyInstance): void {
  app.removeContentTypeParser('text/plain');
  // Fastify's query parser keeps a percent sequence that is not UTF-8 (`%ED%A0%80`, `%FF`) as its literal
  // text, so a route would search for "%FF"; refuse it as the malformed text it is.
  app.addHook('onRequest', async (request) => {
    const field = malformedQueryField(request.url);
    if (field !== null) throw new AppError(400, 'validation.malformedText', {}, field);
  });
  app.addHook('preValidation', async (request) => {
    const field = tooDeepField(request.body, MAX_BODY_DEPTH);
    if (field !== null) throw new AppError(400, 'request.tooDeep', { limit: MAX_BODY_DEPTH }, field || 'body');
  });
  // after schema validation and after the CSRF check
  app.addHook('preHandler', async (request) => {
    for (const part of [request.params, request.query, request.body]) {
      const problem = firstBadValue(part);
      if (problem) throw new AppError(400, problem.key, {}, problem.field || 'body');
    }
  });
}

/** The name of the first query parameter whose percent-encoding is not UTF-8, or null. */
export function malformedQueryField(url: string): string | null {
  const start = url.indexOf('?');
  if (start < 0 || !url.includes('%', start)) return null;
  for (const pair of url.slice(start + 1).split('&')) {
    const equals = pair.indexOf('=');
    const name = equals < 0 ? pair : pair.slice(0, equals);
    if (!decodes(name)) return 'query';
    if (equals >= 0 && !decodes(pair.slice(equals + 1))) return decodeURIComponent(name.replaceAll('+', ' '));
  }
  return null;
}

function decodes(text: string): boolean {
  if (!text.includes('%')) return true;
  try {
    decodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}

/** The path at which `value` first goes deeper than `limit`, or null. Iterative: no stack to overflow. */
export function tooDeepField(value: unknown, limit: number): string | null {
  const stack: [unknown, string, number][] = [[value, '', 0]];
  while (stack.length) {
    const [node, path, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth >= limit) return path;
    for (const key of Object.keys(node)) {
      stack.push([(node as Record<string, unknown>)[key], path ? `${path}.${key}` : key, depth + 1]);
    }
  }
  return null;
}

interface BadValue {
  field: string;
  key: MessageKey;
}

/** The first string, key or number a handler must never see, with its path. Iterative, like tooDeepField. */
export function firstBadValue(value: unknown): BadValue | null {
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length) {
    const [node, path] = stack.pop()!;
    if (typeof node === 'string') {
      const key = badTextKey(node);
      if (key) return { field: path, key };
    } else if (typeof node === 'number') {
      if (!Number.isFinite(node)) return { field: path, key: 'validation.notFinite' };
    } else if (node !== null && typeof node === 'object') {
      const keys = Object.keys(node);
      // pushed in reverse so the first field in document order is reported first
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i]!;
        const at = path ? `${path}.${key}` : key;
        const keyProblem = badTextKey(key);
        if (keyProblem) return { field: at, key: keyProblem };
        stack.push([(node as Record<string, unknown>)[key], at]);
      }
    }
  }
  return null;
}

function badTextKey(text: string): MessageKey | null {
  if (text.includes('\u0000')) return 'validation.invalid';
  if (!text.isWellFormed()) return 'validation.malformedText';
  return null;
}
