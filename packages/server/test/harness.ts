import { completeCreditCode, type EnterpriseInput, type Role } from '@zhizao/domain';
import { afterAll, beforeAll, describe } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createUser } from '../src/modules/accounts/users.service.ts';
import { insertEnterprise } from '../src/modules/registry/enterprise.repo.ts';
import type { AppContext } from '../src/platform/context.ts';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from './databases.ts';

export const TEST_PASSWORD = 'Test@pass1';

/** A real server on a free port, over a fresh database, with a few fixture accounts and enterprises. */
export interface TestServer {
  url: string;
  ctx: AppContext;
  database: TestDatabase;
  /** Fixture enterprises: one in 环翠 (371002), one in 文登 (371003). */
  enterprises: { huancui: number; wendeng: number };
  client(): TestClient;
  /** A client already logged in as the fixture account of that role. */
  as(role: Role): Promise<TestClient>;
  close(): Promise<void>;
}

export const FIXTURE_USERNAMES: Record<Role, string> = {
  bureau_admin: 't-bureau',
  district_officer: 't-district',
  enterprise_user: 't-enterprise',
  service_provider: 't-provider',
  expert: 't-expert',
  system_admin: 't-sysadmin',
  security_admin: 't-secadmin',
  audit_admin: 't-auditadmin',
};

export function enterpriseInput(overrides: Partial<EnterpriseInput> = {}, serial = 1): EnterpriseInput {
  return {
    creditCode: completeCreditCode(`91371002TE${String(serial).padStart(7, '0')}`),
    name: `测试精密机械制造有限公司${serial}`,
    districtCode: '371002',
    chainCodes: [],
    clusterCode: null,
    sizeClass: 'above_designated',
    manufacturingType: 'discrete',
    industryCode: 'C3484',
    address: '威海市环翠区测试路1号',
    mainProducts: '精密轴承',
    contactName: '张测试',
    contactPhone: '13800000001',
    contactEmail: 'test@example.com',
    ...overrides,
  };
}

/** The fixture taxonomy, enterprises and one account per role (password TEST_PASSWORD), in a fresh database. */
export async function seedFixtures(ctx: AppContext): Promise<TestServer['enterprises']> {
  await ctx.db
    .insertInto('industryChain')
    .values([
      { code: 'TC1', nameZh: '测试产业链一', nameEn: 'Test chain 1', isDemo: 1, sortOrder: 1 },
      { code: 'TC2', nameZh: '测试产业链二', nameEn: 'Test chain 2', isDemo: 1, sortOrder: 2 },
    ])
    .execute();
  await ctx.db
    .insertInto('industryCluster')
    .values({ code: 'TK1', nameZh: '测试集群', nameEn: 'Test cluster', chainCode: 'TC1', isDemo: 1, sortOrder: 1 })
    .execute();
  const enterprises = await ctx.db.transaction().execute(async (tx) => ({
    huancui: (await insertEnterprise(tx, ctx.cipher, enterpriseInput({ chainCodes: ['TC1'] }, 9001))).id,
    wendeng: (
      await insertEnterprise(
        tx,
        ctx.cipher,
        enterpriseInput(
          { districtCode: '371003', name: '文登测试纺织有限公司', creditCode: completeCreditCode('91371003TE0009002') },
          9002,
        ),
      )
    ).id,
  }));
  const seed = { userId: null, username: 'test-fixture', role: null, ip: null };
  for (const [role, username] of Object.entries(FIXTURE_USERNAMES) as [Role, string][]) {
    await createUser(ctx, seed, {
      username,
      displayName: username,
      password: TEST_PASSWORD,
      role,
      districtCode: role === 'district_officer' ? '371002' : null,
      enterpriseId: role === 'enterprise_user' ? enterprises.huancui : null,
    });
  }
  return enterprises;
}

export async function startTestServer(kind: 'sqlite' | 'postgres', env: Record<string, string> = {}): Promise<TestServer> {
  const database = await createTestDatabase(kind);
  const config = loadConfig({
    ZHIZAO_DATA_DIR: database.dataDir,
    ZHIZAO_SQLITE_PATH: database.sqlitePath,
    ...(database.databaseUrl ? { DATABASE_URL: database.databaseUrl } : {}),
    ZHIZAO_DEMO: '0',
    LOG_LEVEL: 'silent',
    ZHIZAO_WEB_DIST: '',
    // the suites log in and call from 127.0.0.1 thousands of times; protection.test.ts sets low limits
    ZHIZAO_RATE_LOGIN_PER_SOURCE: '1000000',
    ZHIZAO_RATE_LOGIN_PER_USERNAME: '1000000',
    ZHIZAO_RATE_API_KEY_FAILURES: '1000000',
    ZHIZAO_RATE_PUBLIC_FORMS: '1000000',
    ZHIZAO_RATE_PUBLIC_PAGES: '1000000',
    // many suites run servers side by side: the Handle listeners only where a test asks (HANDLE_PORT=ephemeral)
    HANDLE_PORT: '0',
    HOST: '127.0.0.1',
    ...env,
  });
  const { app, ctx } = await buildApp(config);
  const enterprises = await seedFixtures(ctx);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    url,
    ctx,
    database,
    enterprises,
    client: () => new TestClient(url),
    as: async (role) => {
      const c = new TestClient(url);
      await c.login(FIXTURE_USERNAMES[role], TEST_PASSWORD);
      return c;
    },
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

/**
 * JSON as a test reads it: whatever the server sent, its shape pinned by the assertions that follow rather than
 * by a type written twice.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON read by assertions, see above
export type Json = any;

export interface TestResponse<T = Json> {
  status: number;
  body: T;
  headers: Headers;
}

/** A browser-like HTTP client: keeps the session cookie and sends the CSRF token on writes. */
export class TestClient {
  cookie: string | null = null;
  csrfToken: string | null = null;
  language = 'zh-CN';
  constructor(readonly baseUrl: string) {}

  async login(username: string, password: string): Promise<TestResponse> {
    const res = await this.request('POST', '/api/auth/login', { username, password });
    if (res.status === 200) this.csrfToken = res.body.csrfToken;
    return res;
  }

  async raw(method: string, path: string, init: { body?: RequestInit['body']; headers?: Record<string, string> } = {}): Promise<Response> {
    const headers: Record<string, string> = { 'accept-language': this.language, ...init.headers };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrfToken && method !== 'GET') headers['x-csrf-token'] ??= this.csrfToken;
    const response = await fetch(this.baseUrl + path, { method, headers, body: init.body });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) {
      const pair = setCookie.split(';')[0]!;
      this.cookie = pair.endsWith('=') ? null : pair;
    }
    return response;
  }

  async request<T = Json>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<TestResponse<T>> {
    const init =
      body === undefined ? { headers } : { body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } };
    const response = await this.raw(method, path, init);
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  get = <T = Json>(path: string) => this.request<T>('GET', path);
  post = <T = Json>(path: string, body?: unknown) => this.request<T>('POST', path, body ?? {});
  put = <T = Json>(path: string, body: unknown) => this.request<T>('PUT', path, body);
  delete = <T = Json>(path: string) => this.request<T>('DELETE', path);
}

/**
 * Runs a suite once per available database (SQLite always; PostgreSQL when reachable), each against
 * its own fresh server. `server()` returns the running server inside tests.
 */
export function describeEachDatabase(
  title: string,
  suite: (server: () => TestServer, kind: 'sqlite' | 'postgres') => void,
  env: Record<string, string> = {},
): void {
  const kinds = ['sqlite', 'postgres'] as const;
  for (const kind of kinds) {
    describe(`${title} [${kind}]`, async () => {
      const available = await testDatabaseKinds();
      if (!available.includes(kind)) return;
      let running: TestServer | null = null;
      beforeAll(async () => {
        running = await startTestServer(kind, env);
      });
      afterAll(async () => {
        await running?.close();
      });
      suite(() => running!, kind);
    });
  }
}
