import { encode } from './http.ts';
import type { Operation, Schema } from './openapi.ts';

// The bad-input corpus: for one operation, requests that each break exactly one parameter or body field
// (or the request's form: JSON syntax, content type). Bodies are raw JSON text, so values JSON.stringify
// cannot make (1e400, a lone surrogate escape, 10,000-deep nesting) reach the server as a client sends them.

export interface BadRequest {
  note: string;
  /** Path and query string, percent-encoded. */
  path: string;
  /** Raw body text (with its content type), or none. */
  body?: string;
  contentType?: string;
  /** The one parameter or field broken: a 400 validation error must name it. */
  field?: string;
  /** The server must refuse it: 400 (415 for a wrong content type), whatever the route does with good input. */
  refuse: boolean;
  /** The status a refusal must have, when not 400. */
  refuseWith?: number;
}

/** A value as the wire carries it: raw JSON text for bodies, raw (unencoded or pre-encoded) text for URLs. */
interface BadValue {
  note: string;
  refuse: boolean;
}

const INJECTIONS = [
  "' OR '1'='1' --",
  '"; drop table app_user; --',
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  '../../../etc/passwd',
  '%s%n',
];
const DEEP = 10_000;
const HUGE_BODY_STRING = 100_000;
const HUGE_URL_STRING = 5000;

const typeOf = (schema: Schema | undefined): string | undefined => (Array.isArray(schema?.type) ? undefined : schema?.type);
const numeric = (schema: Schema | undefined) => ['number', 'integer'].includes(typeOf(schema) ?? '');

/** Body values for one field, as JSON text, with whether any schema of that type must refuse them. */
export function badJsonValues(schema: Schema | undefined): (BadValue & { json: string })[] {
  const type = typeOf(schema);
  const typed = type !== undefined && !schema?.anyOf && !schema?.oneOf;
  const notString = typed && type !== 'string';
  const values: (BadValue & { json: string })[] = [
    // wrong types: objects and arrays are never coerced to a scalar, nor scalars to arrays or objects
    { note: 'an object', json: '{"x":1}', refuse: typed && type !== 'object' },
    { note: 'an array', json: '[1,2]', refuse: typed && type !== 'array' },
    { note: 'a word', json: '"word"', refuse: typed && type !== 'string' },
    { note: 'true', json: 'true', refuse: false },
    { note: 'null', json: 'null', refuse: false }, // coerced to "", 0 or false
    // numbers JSON.parse turns into ±Infinity, and tokens that are not JSON at all
    { note: '1e400', json: '1e400', refuse: notString },
    { note: '-1e400', json: '-1e400', refuse: notString },
    { note: 'Infinity (not JSON)', json: 'Infinity', refuse: true },
    { note: '-Infinity (not JSON)', json: '-Infinity', refuse: true },
    { note: 'NaN (not JSON)', json: 'NaN', refuse: true },
    { note: '-0', json: '-0', refuse: false },
    // strings
    { note: 'an empty string', json: '""', refuse: false },
    { note: 'a huge string', json: JSON.stringify('x'.repeat(HUGE_BODY_STRING)), refuse: false },
    { note: 'a lone surrogate', json: '"a\\ud800b"', refuse: true },
    { note: 'a lone low surrogate', json: '"\\udc00"', refuse: true },
    { note: 'NUL', json: '"a\\u0000b"', refuse: true },
    ...INJECTIONS.map((s) => ({ note: `injection ${s}`, json: JSON.stringify(s), refuse: false })),
    { note: `${DEEP}-deep arrays`, json: '['.repeat(DEEP) + ']'.repeat(DEEP), refuse: true },
    { note: `${DEEP}-deep objects`, json: '{"a":'.repeat(DEEP) + '1' + '}'.repeat(DEEP), refuse: true },
  ];
  return values;
}

/** URL values for one parameter, percent-encoded, with whether any schema of that type must refuse them. */
export function badUrlValues(schema: Schema | undefined, inPath: boolean): (BadValue & { text: string })[] {
  const isNumber = numeric(schema);
  const isBoolean = typeOf(schema) === 'boolean';
  const values: (BadValue & { text: string })[] = [
    { note: 'a word', text: 'word', refuse: isNumber || isBoolean },
    { note: 'Infinity', text: 'Infinity', refuse: isNumber },
    { note: '-Infinity', text: '-Infinity', refuse: isNumber },
    { note: 'NaN', text: 'NaN', refuse: isNumber },
    { note: '1e400', text: '1e400', refuse: isNumber },
    { note: '-0', text: '-0', refuse: false },
    { note: 'a huge string', text: 'x'.repeat(HUGE_URL_STRING), refuse: false },
    { note: 'a lone surrogate', text: '%ED%A0%80', refuse: true },
    { note: 'NUL', text: 'a%00b', refuse: true },
    ...INJECTIONS.map((s) => ({ note: `injection ${s}`, text: encode(s), refuse: false })),
  ];
  // an empty path segment would be another route; an empty query value is a value
  if (!inPath) values.push({ note: 'an empty string', text: '', refuse: false });
  return values;
}

export interface BaseRequest {
  /** Values for the path parameters (by name). */
  pathValues: (name: string) => string | number;
  /** A body the route's shape accepts (all required fields), made fresh per request. */
  body: () => Record<string, unknown> | null;
}

/** The operation's well-formed path: path parameters from `base`, required query parameters with accepted values. */
export function wellFormedPath(op: Operation, base: BaseRequest): string {
  const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(String(base.pathValues(name))));
  const query = op.parameters
    .filter((p) => p.in === 'query' && p.required)
    .map((p) => `${p.name}=${encodeURIComponent(String(sampleScalar(p.schema)))}`);
  return query.length ? `${path}?${query.join('&')}` : path;
}

/** The corpus for one operation: each parameter and body field broken one at a time, then the request's form. */
export function* badRequests(op: Operation, base: BaseRequest): Generator<BadRequest> {
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  const fillPath = (override?: { name: string; text: string }) =>
    op.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
      override?.name === name ? override.text : encodeURIComponent(String(base.pathValues(name))),
    );
  const requiredQuery = queryParams.filter((p) => p.required);
  const query = (override?: { name: string; text: string | null }) => {
    const pairs = requiredQuery
      .filter((p) => p.name !== override?.name)
      .map((p) => `${p.name}=${encodeURIComponent(String(sampleScalar(p.schema)))}`);
    if (override && override.text !== null) pairs.push(`${override.name}=${override.text}`);
    return pairs.length ? `?${pairs.join('&')}` : '';
  };
  const json = op.bodyType === 'application/json' || op.bodyType === 'application/ld+json';
  const bodyText = () => (json ? JSON.stringify(base.body() ?? {}) : undefined);
  const request = (r: Omit<BadRequest, 'contentType' | 'body'> & { body?: string }): BadRequest => ({
    ...r,
    ...(r.body !== undefined ? { body: r.body, contentType: 'application/json' } : {}),
  });

  for (const p of pathParams)
    for (const v of badUrlValues(p.schema, true))
      yield request({
        note: `path ${p.name}: ${v.note}`,
        path: fillPath({ name: p.name, text: v.text }) + query(),
        body: bodyText(),
        field: p.name,
        refuse: v.refuse,
      });

  for (const p of queryParams) {
    if (p.required)
      yield request({
        note: `query ${p.name} missing`,
        path: fillPath() + query({ name: p.name, text: null }),
        body: bodyText(),
        field: p.name,
        refuse: true,
      });
    for (const v of badUrlValues(p.schema, false))
      yield request({
        note: `query ${p.name}: ${v.note}`,
        path: fillPath() + query({ name: p.name, text: v.text }),
        body: bodyText(),
        field: p.name,
        refuse: v.refuse,
      });
  }

  if (!json) return;
  const path = fillPath() + query();
  const properties = Object.entries<Schema>(op.bodySchema?.properties ?? {});
  const required = new Set<string>(op.bodySchema?.required ?? []);
  for (const [name, schema] of properties) {
    if (required.has(name))
      yield {
        note: `body ${name} missing`,
        path,
        contentType: 'application/json',
        field: name,
        refuse: true,
        // made when sent, like the others: `body` is read lazily through the getter below
        get body() {
          const { [name]: _dropped, ...rest } = base.body() ?? {};
          return JSON.stringify(rest);
        },
      };
    for (const v of badJsonValues(schema))
      yield {
        note: `body ${name}: ${v.note}`,
        path,
        contentType: 'application/json',
        field: name,
        refuse: v.refuse,
        get body() {
          return withField(base.body() ?? {}, name, v.json);
        },
      };
  }
  // the request's form
  yield {
    note: `body: ${DEEP}-deep nesting`,
    path,
    body: '['.repeat(DEEP) + ']'.repeat(DEEP),
    contentType: 'application/json',
    refuse: true,
  };
  yield { note: 'body: a lone surrogate in a key', path, body: '{"\\ud800":1}', contentType: 'application/json', refuse: true };
  yield { note: 'body: not JSON', path, body: '{"a":', contentType: 'application/json', refuse: true };
  for (const type of ['text/plain', 'application/xml', 'application/x-www-form-urlencoded'])
    yield {
      note: `body as ${type}`,
      path,
      contentType: type,
      refuse: true,
      refuseWith: 415,
      get body() {
        return bodyText()!;
      },
    };
}

/** The body's JSON text with one field's value replaced by raw JSON text (which JSON.stringify could not write). */
export function withField(body: Record<string, unknown>, name: string, json: string): string {
  const rest = Object.entries(body)
    .filter(([key]) => key !== name)
    .map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`);
  return `{${[...rest, `${JSON.stringify(name)}:${json}`].join(',')}}`;
}

/** A value a query parameter's schema accepts, for the required ones not under test. */
function sampleScalar(schema: Schema | undefined): string | number | boolean {
  if (schema?.default !== undefined) return schema.default;
  if (schema?.enum) return schema.enum[0];
  if (numeric(schema)) return schema?.minimum ?? 1;
  if (typeOf(schema) === 'boolean') return true;
  if (schema?.format === 'date') return '2024-01-01';
  return 'x'.repeat(Math.max(1, schema?.minLength ?? 1));
}
