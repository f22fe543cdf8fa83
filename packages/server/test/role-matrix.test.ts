import { DEFAULT_SECURITY_SETTINGS, ROLES, type Role } from '@zhizao/domain';
import { beforeAll, expect, it } from 'vitest';
import { createUser } from '../src/modules/accounts/users.service.ts';
import { projectBody } from '../src/modules/funding/funding.test-support.ts';
import { TEMPLATE, tenant, type Tenant } from '../src/modules/identifiers/fixtures.test-support.ts';
import { ACCESS, type Access } from './access-table.ts';
import { describeEachDatabase, enterpriseInput, TEST_PASSWORD, type TestClient, type TestResponse } from './harness.ts';
import { inParallel } from './http.ts';
import { label, listOperations, sample, type Operation } from './openapi.ts';

// The role × route matrix: every operation the OpenAPI document lists, sent as anonymous and as each
// role, against the declared table of who may do what (access-table.ts). Allowed → not 401/403;
// denied → 401 for anonymous, 403 for the others, whatever the body (the role check comes first).
// Then ownership: enterprise B's user is turned away from enterprise A's records.

type Actor = Role | 'anonymous';
const ACTORS: Actor[] = ['anonymous', ...ROLES];

describeEachDatabase('Role × route matrix', (server) => {
  let operations: Operation[];
  const clients = new Map<Actor, TestClient>();
  /** Enterprise A: the fixture enterprise user, with an approved prefix and an API key. */
  let a: Tenant;
  /** Enterprise B's user (another enterprise, another prefix). */
  let b: Tenant;
  let assessmentId: number;
  let projectId: number;
  let victimId: number;

  beforeAll(async () => {
    operations = await listOperations(server().client());
    a = await tenant(server(), 0);
    b = await tenant(server(), 7301);
    clients.set('anonymous', server().client());
    for (const role of ROLES) clients.set(role, role === 'enterprise_user' ? a.client : await server().as(role));
    const assessment = await a.client.post('/api/maturity/assessments', { targetLevel: 2 });
    expect(assessment.status, JSON.stringify(assessment.body)).toBe(200);
    assessmentId = assessment.body.id;
    const project = await a.client.post('/api/funding/projects', projectBody({ enterpriseId: a.enterpriseId }));
    expect(project.status, JSON.stringify(project.body)).toBe(201);
    projectId = project.body.id;
    const seed = { userId: null, username: 'test-fixture', role: null, ip: null };
    victimId = (await createUser(server().ctx, seed, { username: 'matrix-victim', displayName: '矩阵', password: TEST_PASSWORD })).id;
    await createUser(server().ctx, seed, { username: 'matrix-login', displayName: '矩阵', password: TEST_PASSWORD, role: 'expert' });
  });

  it('declares every operation of the OpenAPI document in the access table, and nothing else', () => {
    const documented = operations.map(label);
    expect(documented.filter((op) => !(op in ACCESS))).toEqual([]);
    expect(Object.keys(ACCESS).filter((op) => !documented.includes(op))).toEqual([]);
  });

  it('lets in exactly whom the access table names, as anonymous and as each role', async () => {
    expect(await sweep('well-formed')).toEqual([]);
  });

  it('turns away whom the table does not name before looking at the request: a malformed one gets 401/403 too', async () => {
    expect(await sweep('malformed')).toEqual([]);
  });

  /** Sends every declared operation as every actor (a malformed request: only to those the table turns away). */
  async function sweep(form: 'well-formed' | 'malformed'): Promise<string[]> {
    const mismatches: string[] = [];
    try {
      for (const op of operations) {
        const access = ACCESS[label(op)];
        if (!access) continue; // reported by the declaration test
        const actors = form === 'well-formed' ? ACTORS : ACTORS.filter((actor) => turnedAway(access, actor));
        await inParallel(actors, 3, async (actor) => {
          const res = await send(await clientFor(op, actor), op, form);
          const problem = mismatch(access, actor, res);
          if (problem) mismatches.push(`${label(op)} as ${actor} (${form}): ${problem} (${JSON.stringify(res.body)?.slice(0, 160)})`);
        });
      }
    } finally {
      await (await server().as('security_admin')).put('/api/settings/security', DEFAULT_SECURITY_SETTINGS);
    }
    return mismatches;
  }

  it("turns enterprise B's user away from enterprise A's records", async () => {
    const own = await a.client.get(`/api/maturity/assessments/${assessmentId}`);
    expect(own.status).toBe(200);
    const attempts: [string, string, unknown?][] = [
      ['PUT', `/api/enterprises/${a.enterpriseId}`, { ...enterpriseInput({ chainCodes: ['TC1'] }, 9001), version: 1 }],
      ['GET', `/api/maturity/assessments/${assessmentId}`],
      ['GET', `/api/maturity/assessments/${assessmentId}/result`],
      ['GET', `/api/maturity/assessments/${assessmentId}/advice`],
      ['GET', `/api/maturity/assessments/${assessmentId}/report`],
      ['GET', `/api/maturity/assessments/${assessmentId}/evidence`],
      ['PUT', `/api/maturity/assessments/${assessmentId}/answers`, { version: 1, answers: [] }],
      ['POST', `/api/maturity/assessments/${assessmentId}/submit`, { version: 1 }],
      ['POST', `/api/maturity/assessments/${assessmentId}/share`],
      ['GET', `/api/funding/projects/${projectId}`],
      ['PUT', `/api/funding/projects/${projectId}`, { ...projectBody({ enterpriseId: a.enterpriseId }), version: 1 }],
      ['POST', `/api/funding/projects/${projectId}/complete`, { completionDate: '2024-12-31' }],
      ['GET', `/api/identifiers/prefixes/${a.prefix}/templates`],
      ['POST', `/api/identifiers/prefixes/${a.prefix}/templates`, { ...TEMPLATE, version: '9.0' }],
      ['GET', `/api/identifiers/prefixes/${a.prefix}/identifiers`],
      ['POST', '/api/identifiers/records', { handle: `${a.prefix}/B-WAS-HERE`, templateVersion: '1.0', values: [] }],
      ['DELETE', `/api/identifiers/api-keys/${a.keyId}`],
      ['POST', '/api/identifiers/grants', { prefix: a.prefix, granteeCreditCode: b.creditCode }],
      ['GET', `/api/identifiers/uploads/template.csv?prefix=${a.prefix}&version=1.0`],
    ];
    const answers = await Promise.all(attempts.map(([method, path, body]) => b.client.request(method, path, body)));
    const leaks = attempts
      .map(([method, path], i) => ({ what: `${method} ${path}`, status: answers[i]!.status, body: answers[i]!.body }))
      .filter(({ status }) => status !== 403 && status !== 404)
      .map(({ what, status, body }) => `${what} → ${status} ${JSON.stringify(body).slice(0, 160)}`);
    expect(leaks).toEqual([]);
    // and A still holds them: nothing B sent changed A's records
    expect((await a.client.get(`/api/maturity/assessments/${assessmentId}`)).body.version).toBe(own.body.version);
    expect((await a.client.get('/api/identifiers/api-keys')).body.items.map((k: { id: string }) => k.id)).toContain(a.keyId);
  });

  async function clientFor(op: Operation, actor: Actor): Promise<TestClient> {
    // logging in and out changes the session cookie: a fresh client for them
    if (op.path === '/api/auth/login') return actor === 'anonymous' ? server().client() : server().as(actor);
    if (op.path === '/api/auth/logout' && actor !== 'anonymous') return server().as(actor);
    return clients.get(actor)!;
  }

  /** The operation with real ids where ownership applies (enterprise A's), and a body the schema's shape fits. */
  function send(c: TestClient, op: Operation, form: 'well-formed' | 'malformed'): Promise<TestResponse> {
    const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(String(pathValue(op.path, name))));
    const withBody = op.method !== 'GET' && op.method !== 'DELETE';
    if (form === 'malformed') return c.request(op.method, `${path}?notAParameter=1`, withBody ? { notAField: [1] } : undefined);
    const query = op.parameters
      .filter((p) => p.in === 'query' && p.required)
      .map((p) => `${p.name}=${encodeURIComponent(String(sample(p.schema)))}`)
      .join('&');
    const body = withBody ? requestBody(op) : undefined;
    return c.request(op.method, query ? `${path}?${query}` : path, body);
  }

  function requestBody(op: Operation): unknown {
    if (label(op) === 'POST /api/auth/login') return { username: 'matrix-login', password: TEST_PASSWORD };
    // the schema's smallest values would expire every password and allow one session: send the defaults
    if (label(op) === 'PUT /api/settings/security') return DEFAULT_SECURITY_SETTINGS;
    return op.bodyType === 'application/json' || op.bodySchema ? sample(op.bodySchema) : {};
  }

  function pathValue(path: string, name: string): string | number {
    if (path.startsWith('/api/users/')) return victimId;
    if (path.startsWith('/api/registry/chains/')) return 'TC2';
    if (path.startsWith('/api/registry/clusters/')) return 'TK1';
    if (path.startsWith('/api/registry/districts/')) return '371083';
    if (path.startsWith('/api/maturity/models/')) return name === 'id' ? 'CMMM-2020' : 'C20-data-L1-01';
    if (path.startsWith('/api/maturity/assessments/')) return assessmentId;
    if (path.startsWith('/api/funding/projects/')) return projectId;
    if (path.startsWith('/api/recognition/calendar/')) return '2030-01-01';
    if (name === 'prefix') return a.prefix;
    if (name === 'version') return '1.0';
    if (path.startsWith('/api/enterprises/') || name === 'enterpriseId') return a.enterpriseId;
    return 1;
  }
});

/** Does the table turn this actor away from the operation (whatever the record)? */
function turnedAway(access: Access, actor: Actor): boolean {
  if (access === 'public') return false;
  if (actor === 'anonymous') return true;
  return access !== 'signedIn' && !access.roles.includes(actor) && !access.byRecord?.includes(actor);
}

/** What is wrong with this answer for this actor, by the table; null when it fits. */
function mismatch(access: Access, actor: Actor, res: TestResponse): string | null {
  if (res.status >= 500) return `answered ${res.status}`;
  const turnedAway = res.status === 401 || res.status === 403;
  if (access === 'public') return turnedAway ? `turned away with ${res.status}, the route is public` : null;
  if (actor === 'anonymous') return res.status === 401 ? null : `anonymous got ${res.status}, expected 401`;
  if (access === 'signedIn') return turnedAway ? `turned away with ${res.status}, any account may call it` : null;
  if (access.byRecord?.includes(actor)) return res.status === 401 ? 'got 401 while logged in' : null;
  if (access.roles.includes(actor)) return turnedAway ? `turned away with ${res.status}, the table allows ${actor}` : null;
  return res.status === 403 ? null : `got ${res.status}, expected 403`;
}
