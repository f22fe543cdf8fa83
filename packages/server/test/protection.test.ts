import { expect, it } from 'vitest';
import { basicAuth, tenant, type Tenant } from '../src/modules/identifiers/fixtures.test-support.ts';
import { expectError } from './expect.ts';
import { describeEachDatabase, FIXTURE_USERNAMES, TEST_PASSWORD, type TestServer } from './harness.ts';

// Security headers on every answer, Secure cookies behind TLS, and per-source limits on the routes that
// guess at secrets or that anyone may post to. Low limits here; the other suites run with high ones.
// A trusted proxy's X-Forwarded-For gives each test its own source, so limits bite per source.

let source = 0;
const nextSource = () => `203.0.113.${++source}`;

function fromSource(ip: string, extra: Record<string, string> = {}) {
  return { 'x-forwarded-for': ip, ...extra };
}

async function post(server: TestServer, path: string, body: unknown, headers: Record<string, string>) {
  const c = server.client();
  return c.request('POST', path, body, headers);
}

describeEachDatabase(
  'browser headers and request limits',
  (server) => {
    it('sends CSP with frame-ancestors, Referrer-Policy and nosniff, and no HSTS over plain HTTP', async () => {
      const res = await server().client().get('/api/health');
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('strict-transport-security')).toBeNull();
    });

    it('sends HSTS and marks the session cookie Secure when the trusted proxy says the request came over TLS', async () => {
      const c = server().client();
      const overTls = await c.raw('POST', '/api/auth/login', {
        body: JSON.stringify({ username: FIXTURE_USERNAMES.district_officer, password: TEST_PASSWORD }),
        headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https', ...fromSource(nextSource()) },
      });
      expect(overTls.status).toBe(200);
      expect(overTls.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(overTls.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
      const plain = await server()
        .client()
        .raw('POST', '/api/auth/login', {
          body: JSON.stringify({ username: FIXTURE_USERNAMES.district_officer, password: TEST_PASSWORD }),
          headers: { 'content-type': 'application/json', ...fromSource(nextSource()) },
        });
      expect(plain.status).toBe(200);
      expect(plain.headers.get('set-cookie')).not.toMatch(/;\s*Secure/i);
    });

    it('limits logins per source: the next one is 429 with Retry-After, another source still logs in', async () => {
      const ip = nextSource();
      for (let i = 0; i < 5; i++) {
        const res = await post(server(), '/api/auth/login', { username: `nobody-${i}`, password: 'wrong' }, fromSource(ip));
        expect(res.status).not.toBe(429);
      }
      const limited = await post(
        server(),
        '/api/auth/login',
        { username: FIXTURE_USERNAMES.expert, password: TEST_PASSWORD },
        fromSource(ip),
      );
      expectError(limited, 429, 'request.rateLimited');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      const other = await post(
        server(),
        '/api/auth/login',
        { username: FIXTURE_USERNAMES.expert, password: TEST_PASSWORD },
        fromSource(nextSource()),
      );
      expect(other.status).toBe(200);
    });

    it('limits logins per username across sources', async () => {
      const username = 'target-of-a-spray';
      for (let i = 0; i < 3; i++) {
        const res = await post(server(), '/api/auth/login', { username, password: `guess-${i}` }, fromSource(nextSource()));
        expect(res.status).not.toBe(429);
      }
      const limited = await post(
        server(),
        '/api/auth/login',
        { username: username.toUpperCase(), password: 'guess' },
        fromSource(nextSource()),
      );
      expectError(limited, 429, 'request.rateLimited');
    });

    it('limits failed API-key authentications per source, never a good key from another source', async () => {
      const t: Tenant = await tenant(server(), 4701);
      const ip = nextSource();
      const bad = basicAuth(t.keyId, 'not-the-secret');
      for (let i = 0; i < 4; i++) {
        const res = await server()
          .client()
          .request('DELETE', `/api/handles/${t.prefix}/none`, undefined, fromSource(ip, { authorization: bad }));
        expect(res.status).toBe(401);
      }
      const limited = await server()
        .client()
        .request('DELETE', `/api/handles/${t.prefix}/none`, undefined, fromSource(ip, { authorization: t.basic }));
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(limited.body).toMatchObject({ responseCode: 3 });
      const snms = await post(server(), '/identity/token', { username: t.keyId, password: t.secret }, fromSource(ip));
      expect(snms.body.status).not.toBe(1);
      // a good key is never counted: many calls from one source all pass
      const good = nextSource();
      for (let i = 0; i < 10; i++) {
        const res = await server()
          .client()
          .request('DELETE', `/api/handles/${t.prefix}/none`, undefined, fromSource(good, { authorization: t.basic }));
        expect(res.status).toBe(404);
      }
    });

    it('limits the public objection form and the public trace lookups per source', async () => {
      const ip = nextSource();
      const objection = {
        objectorName: '张三',
        objectorIdNumber: '110101199003077777',
        contact: '13800000000',
        text: '这项认定有误，请复核。',
      };
      for (let i = 0; i < 2; i++) {
        const res = await post(server(), '/api/public/recognition/notices/999999/objections', objection, fromSource(ip));
        expect(res.status, JSON.stringify(res.body)).toBe(404);
      }
      expectError(
        await post(server(), '/api/public/recognition/notices/999999/objections', objection, fromSource(ip)),
        429,
        'request.rateLimited',
      );
      const traceIp = nextSource();
      for (let i = 0; i < 4; i++) {
        const res = await server().client().request('GET', '/api/trace?id=88.999.1%2Fnone', undefined, fromSource(traceIp));
        expect(res.status).not.toBe(429);
      }
      expectError(
        await server().client().request('GET', '/api/trace?id=88.999.1%2Fnone', undefined, fromSource(traceIp)),
        429,
        'request.rateLimited',
      );
    });
  },
  {
    ZHIZAO_TRUST_PROXY: '1',
    ZHIZAO_RATE_LOGIN_PER_SOURCE: '5',
    ZHIZAO_RATE_LOGIN_PER_USERNAME: '3',
    ZHIZAO_RATE_API_KEY_FAILURES: '4',
    ZHIZAO_RATE_PUBLIC_FORMS: '2',
    ZHIZAO_RATE_PUBLIC_PAGES: '4',
  },
);
