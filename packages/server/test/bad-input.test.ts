import { DEFAULT_SECURITY_SETTINGS, type Role } from '@zhizao/domain';
import { beforeAll, expect, it } from 'vitest';
import { createUser } from '../src/modules/accounts/users.service.ts';
import { prepareSamples, sampleContext } from '../src/modules/registers/engine/engine.test-support.ts';
import { REGISTER_MODULES } from '../src/modules/registers/index.ts';
import { tenant, type Tenant } from '../src/modules/identifiers/fixtures.test-support.ts';
import { ACCESS } from './access-table.ts';
import { badRequests, wellFormedPath, type BadRequest } from './bad-input.ts';
import { EXAMPLES } from './examples.ts';
import { expectErrorShape } from './expect.ts';
import { describeEachDatabase, TEST_PASSWORD, type TestClient, type TestResponse } from './harness.ts';
import { inParallel, send } from './http.ts';
import { label, listOperations, sample, type Operation } from './openapi.ts';
import { PROTOCOL_ROUTES, type ProtocolContext } from './protocol-routes.ts';

// The bad-input corpus (bad-input.ts) against every operation of the OpenAPI document, sent by someone
// the access table lets in, so it reaches validation and the handler: no 5xx, every 4xx in the error
// shape, a 400 validation error naming the one parameter or field broken, the values no schema may
// accept refused, and the server still answering after each operation's batch. Then the protocol routes
// the document leaves out (Handle.Net, SNMS, EPCIS, Digital Link), each against its own error shape.

const WIDTH = 4;
const HEALTH_WITHIN_MS = 2000;
// well over ten thousand requests: a minute or two on SQLite, more on PostgreSQL or a busy machine
const CORPUS_TIMEOUT_MS = 600_000;

describeEachDatabase('Bad-input corpus', (server) => {
  let operations: Operation[];
  let owner: Tenant;
  let victimId: number;
  const clients = new Map<Role, TestClient>();

  beforeAll(async () => {
    operations = await listOperations(server().client());
    owner = await tenant(server(), 0);
    clients.set('enterprise_user', owner.client);
    const seed = { userId: null, username: 'test-fixture', role: null, ip: null };
    victimId = (await createUser(server().ctx, seed, { username: 'corpus-victim', displayName: '语料', password: TEST_PASSWORD })).id;
    await prepareSamples(await server().as('bureau_admin'), server().enterprises.huancui);
  });

  it(
    'answers every operation’s bad inputs without a 5xx, in the error shape, naming the field, and keeps answering',
    async () => {
      const failures: string[] = [];
      let requests = 0;
      try {
        for (const op of operations) {
          if (op.path === '/api/auth/logout') continue; // nothing to break, and it ends the session
          const client = await actorFor(op);
          const base = { pathValues: (name: string) => pathValue(op.path, name), body: () => baseBody(op) };
          const baseline = await send(client, op.method, wellFormedPath(op, base), {
            body: op.bodyType?.includes('json') ? JSON.stringify(baseBody(op)) : undefined,
            headers: op.bodyType?.includes('json') ? { 'content-type': 'application/json' } : {},
          });
          // the field the well-formed request already fails on (a sample body cannot satisfy every pattern)
          const baselineField = baseline.status === 400 ? (baseline.body?.error?.field as string | undefined) : undefined;
          await inParallel([...badRequests(op, base)], WIDTH, async (bad) => {
            const res = await send(client, op.method, bad.path, {
              body: bad.body,
              headers: bad.contentType ? { 'content-type': bad.contentType } : {},
            });
            requests++;
            const problem = judge(bad, res, baselineField);
            if (problem) failures.push(`${label(op)} ${bad.note}: ${problem}`);
          });
          const health = await send(server().client(), 'GET', '/api/health', {}, HEALTH_WITHIN_MS);
          if (health.status !== 200)
            failures.push(`after ${label(op)}: /api/health answered ${health.status} ${String(health.body).slice(0, 100)}`);
        }
      } finally {
        await (await server().as('security_admin')).put('/api/settings/security', DEFAULT_SECURITY_SETTINGS);
      }
      expect(requests).toBeGreaterThan(10_000);
      expect(failures).toEqual([]);
    },
    CORPUS_TIMEOUT_MS,
  );

  it(
    'answers the protocol routes’ bad inputs without a 5xx, each in its protocol’s own error shape, and keeps answering',
    async () => {
      const context: ProtocolContext = { owner, snmsToken: await snmsToken(owner) };
      const failures: string[] = [];
      let requests = 0;
      for (const route of PROTOCOL_ROUTES) {
        await inParallel([...route.requests(context)], WIDTH, async (bad) => {
          const res = await send(server().client(), route.method, bad.path, {
            body: bad.body,
            headers: { ...(bad.contentType ? { 'content-type': bad.contentType } : {}), ...route.headers(context) },
          });
          requests++;
          const problem = res.status === 0 || res.status >= 500 ? `answered ${res.status}` : route.shapeProblem(res);
          if (problem)
            failures.push(
              `${route.method} ${route.name} ${bad.note}: ${problem} (${res.status} ${JSON.stringify(res.body)?.slice(0, 160)})`,
            );
        });
        const health = await send(server().client(), 'GET', '/api/health', {}, HEALTH_WITHIN_MS);
        if (health.status !== 200) failures.push(`after ${route.method} ${route.name}: /api/health answered ${health.status}`);
      }
      expect(requests).toBeGreaterThan(1000);
      expect(failures).toEqual([]);
    },
    CORPUS_TIMEOUT_MS,
  );

  /** Someone the access table lets in (so the corpus reaches validation and the handler). */
  async function actorFor(op: Operation): Promise<TestClient> {
    const access = ACCESS[label(op)];
    if (access === 'public') return server().client();
    const role: Role = access === undefined || access === 'signedIn' ? 'bureau_admin' : access.roles[0]!;
    if (!clients.has(role)) clients.set(role, await server().as(role));
    return clients.get(role)!;
  }

  function pathValue(path: string, name: string): string | number {
    if (path.startsWith('/api/users/')) return victimId;
    const register = REGISTER_MODULES.find((m) => path.startsWith(`/api/registers/${m.definition.key}/`));
    if (register && name === 'id') return sampleContext.rowOf(register.definition.key);
    if (path.startsWith('/api/registry/chains/')) return 'TC2';
    if (path.startsWith('/api/registry/clusters/')) return 'TK1';
    if (path.startsWith('/api/registry/districts/')) return '371083';
    if (path.startsWith('/api/maturity/models/')) return name === 'id' ? 'CMMM-2020' : 'C20-data-L1-01';
    if (path.startsWith('/api/recognition/calendar/')) return '2030-01-01';
    if (name === 'prefix') return owner.prefix;
    if (name === 'version') return '1.0';
    if (path.startsWith('/api/enterprises/') || name === 'enterpriseId') return server().enterprises.huancui;
    return 1;
  }
});

function baseBody(op: Operation): Record<string, unknown> | null {
  const example = EXAMPLES[label(op)];
  if (example) return example();
  return op.bodySchema ? (sample(op.bodySchema) as Record<string, unknown>) : null;
}

/** What is wrong with the answer to one bad request; null when it is right. */
function judge(bad: BadRequest, res: TestResponse, baselineField: string | undefined): string | null {
  const seen = `${res.status} ${JSON.stringify(res.body)?.slice(0, 200)}`;
  if (res.status === 0 || res.status >= 500) return `answered ${seen}`;
  if (res.status >= 400) {
    try {
      expectErrorShape(res);
    } catch {
      return `not in the error shape: ${seen}`;
    }
  }
  const code = res.body?.error?.code as string | undefined;
  if (res.status === 400 && code?.startsWith('validation.') && bad.field) {
    const field = res.body.error.field as string | undefined;
    const names = (f: string | undefined) => f !== undefined && (field === f || field?.startsWith(`${f}.`));
    if (!names(bad.field) && !names(baselineField)) return `the error names ${field ?? 'no field'}, not ${bad.field}: ${seen}`;
  }
  const refusal = bad.refuseWith ?? 400;
  if (bad.refuse && res.status !== refusal) return `expected ${refusal}, got ${seen}`;
  return null;
}

async function snmsToken(owner: Tenant): Promise<string> {
  const res = await owner.client.post('/identity/token', { username: owner.keyId, password: owner.secret });
  expect(res.body.status, JSON.stringify(res.body)).toBe(1);
  return res.body.data.token;
}
