import net from 'node:net';
import { sql } from 'kysely';
import { DEFAULT_SECURITY_SETTINGS, type Role } from '@zhizao/domain';
import { beforeAll, expect, it } from 'vitest';
import { expectError, expectErrorShape } from './expect.ts';
import { describeEachDatabase, enterpriseInput, type Json, TEST_PASSWORD, type TestClient, type TestResponse } from './harness.ts';
import { prepareSamples } from '../src/modules/registers/engine/engine.test-support.ts';
import { EXAMPLES } from './examples.ts';
import { encode, inParallel, send } from './http.ts';
import { fillPath, label, listOperations, sample, type Operation, type Schema } from './openapi.ts';

// What every route shares: health, OpenAPI, one error shape in two languages, and no 5xx for any input.

describeEachDatabase('API conventions', (server, kind) => {
  let operations: Operation[];
  beforeAll(async () => {
    operations = await listOperations(server().client());
    // the registers' example bodies point at one sample row of each register
    await prepareSamples(await server().as('bureau_admin'), server().enterprises.huancui);
  });

  it('answers GET /api/health with the database in use', async () => {
    const res = await server().client().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: kind, demo: false });
  });

  if (kind === 'postgres') {
    it('keeps serving after PostgreSQL ends its idle connections (restart, a DBA ending sessions)', async () => {
      const c = await server().as('bureau_admin');
      await Promise.all(Array.from({ length: 8 }, () => c.get('/api/enterprises'))); // several pooled connections
      const ended = await sql<{
        n: number;
      }>`select count(pg_terminate_backend(pid)) as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`.execute(
        server().ctx.db,
      );
      expect(Number(ended.rows[0]!.n)).toBeGreaterThan(0);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const after = await Promise.all(Array.from({ length: 4 }, () => c.get('/api/health')));
      expect(after.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    });
  }

  it('publishes a valid OpenAPI 3 document listing the routes', async () => {
    const doc = (await server().client().get('/api/openapi.json')).body;
    expect(openApiProblems(doc)).toEqual([]);
    expect(operations.map(label)).toEqual(
      expect.arrayContaining([
        'GET /api/health',
        'POST /api/auth/login',
        'POST /api/auth/logout',
        'GET /api/auth/me',
        'POST /api/auth/password',
        'GET /api/users',
        'POST /api/users',
        'DELETE /api/users/{id}',
        'PUT /api/users/{id}/role',
        'POST /api/users/{id}/reset-password',
        'PUT /api/users/{id}/enabled',
        'POST /api/users/{id}/unlock',
        'GET /api/settings/security',
        'PUT /api/settings/security',
        'GET /api/audit',
        'GET /api/audit/verify',
        'GET /api/registry/taxonomy',
        'GET /api/registry/stats',
        'GET /api/enterprises',
        'POST /api/enterprises',
        'GET /api/enterprises/{id}',
        'PUT /api/enterprises/{id}',
        'POST /api/enterprises/{id}/archive',
        'POST /api/enterprises/{id}/restore',
        'GET /api/maturity/models',
        'GET /api/maturity/models/{id}',
        'POST /api/maturity/models/{id}/copy',
        'PUT /api/maturity/models/{id}/weights',
        'POST /api/maturity/models/{id}/requirements',
        'PUT /api/maturity/models/{id}/requirements/{requirementId}',
        'POST /api/maturity/score',
        'POST /api/maturity/assessments',
        'GET /api/maturity/assessments',
        'GET /api/maturity/assessments/{id}',
        'PUT /api/maturity/assessments/{id}/answers',
        'POST /api/maturity/assessments/{id}/submit',
        'GET /api/maturity/assessments/{id}/result',
        'GET /api/maturity/assessments/{id}/advice',
        'POST /api/maturity/assessments/{id}/expert-review',
        'GET /api/maturity/assessments/{id}/expert-review',
        'PUT /api/maturity/assessments/{id}/expert-review/answers',
        'POST /api/maturity/assessments/{id}/expert-review/submit',
        'GET /api/maturity/expert-reviews',
        'GET /api/maturity/distribution',
        'GET /api/maturity/distribution.xlsx',
        'GET /api/maturity/eligible',
        'GET /api/maturity/eligible.xlsx',
      ]),
    );
    expect(operations.every((op) => op.path.startsWith('/api/'))).toBe(true);
  });

  it('serves the API docs page', async () => {
    const res = await server().client().raw('GET', '/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).toMatch(/swagger/i);
  });

  it('answers errors in one shape, in Chinese by default and in English on request', async () => {
    const c = server().client();
    const zh = await c.get('/api/enterprises');
    expect(zh.status).toBe(401);
    expect(zh.body).toEqual({ error: { code: 'auth.required', message: '请先登录' } });
    for (const [header, message] of [
      ['en', 'Please log in'],
      ['en-GB,en;q=0.9', 'Please log in'],
      ['zh-CN,zh;q=0.9,en;q=0.8', '请先登录'],
      ['fr-FR', '请先登录'],
    ]) {
      const res = await c.request('GET', '/api/enterprises', undefined, { 'accept-language': header! });
      expect({ header, message: res.body.error.message }).toEqual({ header, message });
    }
    const field = await c.request('POST', '/api/auth/login', { username: 'someone' }, { 'accept-language': 'en' });
    expect(field.body).toEqual({ error: { code: 'validation.required', message: 'Field "Password" is required', field: 'password' } });
  });

  it('names a field called like an Object property as it is', async () => {
    const res = await server().client().post('/api/auth/login', { username: 'a', password: 'b', constructor: 1 });
    expect(res.body.error).toEqual({
      code: 'validation.additionalProperties',
      message: '不允许的字段「constructor」',
      field: 'constructor',
    });
  });

  it('refuses text holding U+0000 (which PostgreSQL cannot store) with 400 naming the field', async () => {
    const admin = await server().as('bureau_admin');
    expectError(
      await admin.post('/api/enterprises', enterpriseInput({ name: '空\u0000字符有限公司' }, 8999)),
      400,
      'validation.invalid',
      'name',
    );
    expectError(await admin.get('/api/enterprises?q=a%00b'), 400, 'validation.invalid', 'q');
    expectError(
      await server().client().post('/api/auth/login', { username: 'a\u0000', password: 'b' }),
      400,
      'validation.invalid',
      'username',
    );
    expect((await admin.get(`/api/enterprises?q=${enterpriseInput({}, 8999).creditCode}&status=all`)).body.total).toBe(0);
  });

  it('answers an unknown /api route with 404 in the error shape', async () => {
    const c = server().client();
    for (const [method, path] of [
      ['GET', '/api/nothing-here'],
      ['POST', '/api/enterprises/1/explode'],
      ['DELETE', '/api/health'],
      ['GET', '/api'],
    ]) {
      const res = await c.request(method!, path!, method === 'GET' ? undefined : {});
      expectError(res, 404, 'request.notFound');
      expect(res.body.error.message).toBe('请求的资源不存在');
    }
    c.language = 'en';
    expect((await c.get('/api/nothing-here')).body.error.message).toBe('Not found');
  });

  it('answers malformed JSON with 400 request.badJson, anonymous or logged in', async () => {
    const anonymous = server().client();
    const admin = await server().as('bureau_admin');
    for (const [c, path] of [
      [anonymous, '/api/auth/login'],
      [admin, '/api/enterprises'],
    ] as const) {
      for (const body of ['{"username":', '{username: "a"}', "{'a':1}", '{"a":1}}', '\u0000']) {
        const res = await send(c, 'POST', path, { body, headers: { 'content-type': 'application/json' } });
        expect({ body, status: res.status, code: res.body?.error?.code }).toEqual({ body, status: 400, code: 'request.badJson' });
        expectErrorShape(res);
      }
    }
  });

  it('answers a body of the wrong content type with 415, and an empty JSON body with 400', async () => {
    const c = server().client();
    for (const type of ['text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'image/png']) {
      const res = await send(c, 'POST', '/api/auth/login', { body: 'username=a&password=b', headers: { 'content-type': type } });
      expect({ type, status: res.status }).toEqual({ type, status: 415 });
      expectError(res, 415, 'request.unsupportedMediaType');
    }
    const empty = await send(c, 'POST', '/api/auth/login', { body: '', headers: { 'content-type': 'application/json' } });
    expect(empty.status).toBe(400);
    expectErrorShape(empty);
    const form = new FormData();
    form.set('username', 'a');
    const multipart = await send(c, 'POST', '/api/auth/login', { body: form });
    expect(multipart.status).toBeGreaterThanOrEqual(400);
    expect(multipart.status).toBeLessThan(500);
    expectErrorShape(multipart);
  });

  it('answers a body over the size limit with 413 request.tooLarge', async () => {
    const admin = await server().as('bureau_admin');
    const res = await send(admin, 'POST', '/api/enterprises', {
      body: JSON.stringify({ name: 'x'.repeat(3 * 1024 * 1024) }),
      headers: { 'content-type': 'application/json' },
    });
    expectError(res, 413, 'request.tooLarge');
  });

  it('answers a request line or headers over the size limit in the error shape', async () => {
    const res = await rawHttp(server().url, `GET /api/enterprises?q=${'x'.repeat(20_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
    expect(res.status).toBe(431);
    expectErrorShape(res);
    const garbage = await rawHttp(server().url, 'NOT-HTTP\r\n\r\n');
    expect(garbage.status).toBe(400);
    expectErrorShape(garbage);
  });

  it('answers a malformed URL and an overlong path parameter in the error shape', async () => {
    const c = server().client();
    for (const path of [
      '/api/enterprises/%E0%A4%A',
      '/api/enterprises/%',
      `/api/enterprises/${'9'.repeat(200)}`,
      `/api/users/${'x'.repeat(500)}/role`,
    ]) {
      const res = await c.raw('GET', path);
      const body = await res.json().catch(() => null);
      expect({ path, status: res.status < 500 && res.status >= 400 }).toEqual({ path, status: true });
      expectErrorShape({ status: res.status, body, headers: res.headers }, path);
    }
  });

  // ── robustness sweep ─────────────────────────────────────────────────────────────────────────
  // Every operation the OpenAPI document lists, with hostile path, query and body values: nothing may
  // answer 5xx or hang, and every 4xx has the error shape. The bureau admin sends everything to every
  // operation; anonymous sends the request-shape variants; each separated admin sends everything to the
  // operations only it may use, so hostile values reach those handlers too.
  it('answers every operation with hostile inputs without a 5xx, each 4xx in the error shape', async () => {
    const victim = await sweepVictim();
    const realIds: [RegExp, string | number][] = [
      [/^\/api\/users\//, victim],
      [/^\/api\/registry\/chains\//, 'TC2'],
      [/^\/api\/registry\/clusters\//, 'TK1'],
      [/^\/api\/registry\/districts\//, '371083'],
      [/^\/api\/maturity\/models\//, 'CMMM-2020'],
      [/./, server().enterprises.wendeng],
    ];
    const failures: string[] = [];
    const bureauMay = new Set<string>();
    let requests = 0;
    try {
      for (const actor of ['bureau_admin', null, 'audit_admin', 'security_admin', 'system_admin'] as (Role | null)[]) {
        let client = await clientAs(actor);
        for (const op of operations) {
          const attempt = async ({ path, init, note }: Attempt) => {
            const res = await send(client, op.method, path, init()).catch((error: Error) => ({
              status: 0,
              body: String(error),
              headers: new Headers(),
            }));
            requests++;
            const what = `${actor ?? 'anonymous'} ${op.method} ${path.slice(0, 120)} ${note}`;
            if (res.status >= 500 || res.status === 0) failures.push(`${what} → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
            else if (res.status >= 400) {
              try {
                expectErrorShape(res as TestResponse);
              } catch {
                failures.push(`${what} → ${res.status} not in the error shape: ${JSON.stringify(res.body).slice(0, 200)}`);
              }
            }
            // a hostile request may legitimately end the session (logout): carry on logged in
            if (actor && op.path === '/api/auth/logout' && res.status === 200) client = await clientAs(actor);
            return res.status;
          };
          const realId = realIds.find(([re]) => re.test(op.path))![1];
          const [asIs, ...rest] = [...hostileRequests(op, realId, EXAMPLES[label(op)])];
          const allowed = ![401, 403].includes(await attempt(asIs!));
          if (actor === 'bureau_admin' && allowed) bureauMay.add(label(op));
          const chosen =
            actor === 'bureau_admin'
              ? rest
              : actor === null
                ? rest.filter((a) => a.kind === 'shape')
                : allowed && !bureauMay.has(label(op))
                  ? rest
                  : [];
          // a few at a time, as a browser would; the logout route one by one, to log in again after it
          await inParallel(chosen, op.path === '/api/auth/logout' ? 1 : 8, attempt);
        }
      }
    } finally {
      // the sweep may have moved security settings to their floor; put the defaults back
      await (await server().as('security_admin')).put('/api/settings/security', DEFAULT_SECURITY_SETTINGS);
    }
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThan(1500);
  }, 300_000); // thousands of requests over every operation: about a minute on a quiet machine

  async function clientAs(actor: Role | null): Promise<TestClient> {
    return actor ? server().as(actor) : server().client();
  }

  /** An account for the admins' hostile requests to land on, so they reach the handlers. */
  async function sweepVictim(): Promise<number> {
    const sys = await server().as('system_admin');
    const res = await sys.post('/api/users', { username: 'sweep-victim', displayName: '清扫测试', password: TEST_PASSWORD });
    expect(res.status).toBe(200);
    return res.body.id;
  }
});

// ── hostile inputs ─────────────────────────────────────────────────────────────────────────────
const UNICODE = '\ud800𠮷野家🀄ＡＢＣ\u202e';
const HOSTILE_STRINGS = [
  '',
  'x'.repeat(5000),
  '-1',
  '99999999999999999999999',
  "' OR '1'='1' --",
  '%_\\',
  'a\u0000b',
  UNICODE,
  '2016-12-31T23:59:60Z',
];
const HOSTILE_VALUES: unknown[] = [
  null,
  -1,
  1.5,
  2 ** 31,
  true,
  'x'.repeat(100_000),
  [],
  { nested: [1] },
  '',
  "'; drop table enterprise; --",
  'a\u0000b',
  UNICODE,
];
const HOSTILE_IDS = ['0', '-1', '2147483648', 'abc', '0x10', "1' or '1'='1", '%00', 'x'.repeat(300)];

interface Attempt {
  path: string;
  note: string;
  /** 'shape': about the request's form (ids, body type, unknown fields); 'value': one hostile value. */
  kind: 'shape' | 'value';
  /** Made when sent: most bodies are never needed by the actors that skip them. */
  init: () => { body?: string; headers?: Record<string, string> };
}

function* hostileRequests(op: Operation, realId: string | number, example?: () => Record<string, unknown>): Generator<Attempt> {
  const path = fillPath(op.path, realId);
  const withBody = op.method !== 'GET' && op.method !== 'DELETE';
  const base = () => (example ? example() : op.bodySchema ? (sample(op.bodySchema) as Record<string, unknown>) : {});
  const json = (value: () => unknown, note: string, kind: Attempt['kind'], at = path): Attempt => ({
    path: at,
    note,
    kind,
    init: () => ({ body: JSON.stringify(value()), headers: { 'content-type': 'application/json' } }),
  });
  const plain = (at: string, note: string, kind: Attempt['kind']): Attempt =>
    withBody ? json(base, note, kind, at) : { path: at, note, kind, init: () => ({}) };

  yield plain(path, 'as is', 'shape');
  if (op.path.includes('{'))
    for (const id of HOSTILE_IDS)
      yield plain(op.path.replace(/\{[^}]+\}/g, id.startsWith('%') ? id : encode(id)), `id=${id.slice(0, 20)}`, 'shape');
  yield plain(`${path}?unknownParam=1`, 'unknown query parameter', 'shape');
  yield plain(`${path}?a[b][c]=1&__proto__[x]=1&constructor[prototype][x]=1&toString=1`, 'query pollution', 'shape');
  for (const p of op.parameters.filter((p) => p.in === 'query')) {
    yield plain(`${path}?${p.name}=1&${p.name}=2`, `query ${p.name} twice`, 'shape');
    for (const value of HOSTILE_STRINGS)
      yield plain(`${path}?${p.name}=${encode(value)}`, `query ${p.name}=${JSON.stringify(value.slice(0, 20))}`, 'value');
  }
  if (!withBody) return;
  for (const [value, note] of [
    [() => null, 'body null'],
    [() => [base()], 'body [base]'],
    [() => 'text', 'body string'],
    [() => 42, 'body number'],
    [() => ({}), 'body {}'],
    [() => ({ ...base(), unknownField: 1 }), 'unknown field'],
    [() => nest(200), 'deeply nested body'],
  ] as [() => unknown, string][]) {
    yield json(value, note, 'shape');
  }
  yield {
    path,
    note: '__proto__ body',
    kind: 'shape',
    init: () => ({
      body: `{"__proto__":{"admin":true},"constructor":{"prototype":{"admin":true}},${JSON.stringify(base()).slice(1)}`,
      headers: { 'content-type': 'application/json' },
    }),
  };
  for (const [name, schema] of Object.entries<Schema>(op.bodySchema?.properties ?? {})) {
    for (const value of HOSTILE_VALUES)
      yield json(() => ({ ...base(), [name]: value }), `${name}=${JSON.stringify(value)?.slice(0, 30)}`, 'value');
    if (schema.type === 'array')
      yield json(() => ({ ...base(), [name]: Array.from({ length: 10_000 }, (_, i) => `v${i}`) }), `${name}=10000 items`, 'value');
  }
}

function nest(depth: number): unknown {
  let value: unknown = 'deep';
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

/** Speaks raw HTTP, for requests `fetch` refuses to send; parses the status line and a JSON body. */
function rawHttp(url: string, request: string): Promise<TestResponse> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: hostname, port: Number(port) }, () => socket.write(request));
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => (data += chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', ...rest] = data.split('\r\n\r\n');
      const status = Number(head.split(' ')[1]);
      let body: unknown = rest.join('\r\n\r\n');
      try {
        body = JSON.parse(body as string);
      } catch {
        // keep the text
      }
      resolve({ status, body, headers: new Headers() });
    });
    socket.setTimeout(5000, () => socket.destroy());
  });
}

// ── OpenAPI 3 structure ────────────────────────────────────────────────────────────────────────
const OPENAPI_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const SCHEMA_TYPES = ['string', 'number', 'integer', 'boolean', 'array', 'object', 'null'];

/** What makes the document invalid OpenAPI 3 (the required fields and the rules routes rely on). */
function openApiProblems(doc: Json): string[] {
  const problems: string[] = [];
  const check = (ok: unknown, problem: string) => {
    if (!ok) problems.push(problem);
  };
  check(/^3\.[01]\.\d+$/.test(doc.openapi), `openapi version ${doc.openapi}`);
  check(typeof doc.info?.title === 'string' && typeof doc.info?.version === 'string', 'info.title and info.version');
  check(doc.paths && typeof doc.paths === 'object', 'paths');
  const operationIds = new Set<string>();
  for (const [path, item] of Object.entries<Json>(doc.paths ?? {})) {
    check(path.startsWith('/') && !path.includes(':'), `path ${path} must start with / and use {param}`);
    const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    for (const key of Object.keys(item))
      check([...OPENAPI_METHODS, 'parameters', 'summary', 'description', 'servers', '$ref'].includes(key), `${path}: unknown key ${key}`);
    for (const method of OPENAPI_METHODS.filter((m) => item[m])) {
      const op = item[method];
      const where = `${method.toUpperCase()} ${path}`;
      check(op.responses && Object.keys(op.responses).length > 0, `${where}: no responses`);
      for (const [status, response] of Object.entries<Json>(op.responses ?? {})) {
        check(/^([1-5]\d\d|[1-5]XX|default)$/.test(status), `${where}: response key ${status}`);
        check(typeof response.description === 'string', `${where} ${status}: description`);
        for (const media of Object.values<Json>(response.content ?? {})) schemaProblems(media.schema, `${where} ${status}`, problems);
      }
      const params = [...(item.parameters ?? []), ...(op.parameters ?? [])];
      for (const p of params) {
        check(
          typeof p.name === 'string' && ['query', 'header', 'path', 'cookie'].includes(p.in),
          `${where}: parameter ${JSON.stringify(p)}`,
        );
        check(p.in !== 'path' || p.required === true, `${where}: path parameter ${p.name} must be required`);
        check(p.schema || p.content, `${where}: parameter ${p.name} has no schema`);
        schemaProblems(p.schema, `${where} ${p.name}`, problems);
      }
      const pathParams = params.filter((p) => p.in === 'path').map((p) => p.name);
      check(
        JSON.stringify([...pathParams].sort()) === JSON.stringify([...templated].sort()),
        `${where}: path parameters ${pathParams} vs template ${templated}`,
      );
      if (op.requestBody) {
        check(op.requestBody.content && Object.keys(op.requestBody.content).length > 0, `${where}: requestBody without content`);
        for (const media of Object.values<Json>(op.requestBody.content ?? {})) schemaProblems(media.schema, `${where} body`, problems);
      }
      if (op.operationId) {
        check(!operationIds.has(op.operationId), `${where}: duplicate operationId ${op.operationId}`);
        operationIds.add(op.operationId);
      }
      check(typeof op.summary === 'string' && op.summary.length > 0, `${where}: no summary`);
    }
  }
  return problems;
}

function schemaProblems(schema: Json, where: string, problems: string[]): void {
  if (schema === undefined || schema === null || typeof schema !== 'object') return;
  const types = Array.isArray(schema.type) ? schema.type : schema.type === undefined ? [] : [schema.type];
  for (const t of types) if (!SCHEMA_TYPES.includes(t)) problems.push(`${where}: schema type ${t}`);
  if (Array.isArray(schema.type)) problems.push(`${where}: OpenAPI 3.0 has no type arrays (use nullable)`);
  if (schema.required !== undefined && !Array.isArray(schema.required)) problems.push(`${where}: required must be an array`);
  for (const sub of Object.values<Json>(schema.properties ?? {})) schemaProblems(sub, where, problems);
  if (schema.items) schemaProblems(schema.items, where, problems);
}
