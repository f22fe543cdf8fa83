import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.ts';

// Rules for what a request may carry, before any route sees it.

/**
 * The API speaks JSON (and multipart for uploads): without Fastify's default text/plain parser a plain-text
 * body is a 415, not a string that fails validation later. And no text may hold U+0000: PostgreSQL and
 * its 信创 relatives cannot store it, and no legitimate form sends it.
 */
export function registerInputRules(app: FastifyInstance): void {
  app.removeContentTypeParser('text/plain');
  // after schema validation (a route's own pattern speaks first) and after the CSRF check
  app.addHook('preHandler', async (request) => {
    for (const part of [request.params, request.query, request.body]) {
      const field = nulField(part, '');
      if (field !== null) throw new AppError(400, 'validation.invalid', {}, field || 'body');
    }
  });
}

/** The path of the first string (or key) holding U+0000, or null. */
function nulField(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, inner] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (key.includes('\u0000')) return at;
    const found = nulField(inner, at);
    if (found !== null) return found;
  }
  return null;
}
