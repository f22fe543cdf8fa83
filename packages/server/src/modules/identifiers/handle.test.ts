import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, type TestClient } from '../../../test/harness.ts';
import { basicAuth, TEMPLATE, tenant, type Tenant } from './fixtures.test-support.ts';

// A Handle.Net REST client against the node (shared/domain/identifiers.md §5): every response code and shape the
// notes list, case-insensitive handles, and who sees non-public values.

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const json = { 'content-type': 'application/json' };

describeEachDatabase('Handle.Net REST API', (server) => {
  let owner: Tenant;
  let other: Tenant;
  let granted: Tenant;
  let anonymous: TestClient;
  const h = (suffix: string) => `${owner.prefix}/${suffix}`;
  const put = (handle: string, body: unknown, auth: string | null = owner.basic, query = '') =>
    anonymous.request('PUT', `/api/handles/${handle}${query}`, body, auth ? { authorization: auth } : {});
  const get = (path: string, auth?: string) => anonymous.request('GET', path, undefined, auth ? { authorization: auth } : {});

  beforeAll(async () => {
    owner = await tenant(server(), 0);
    other = await tenant(server(), 7101);
    granted = await tenant(server(), 7102);
    anonymous = server().client();
    expect((await owner.client.post(`/api/identifiers/prefixes/${owner.prefix}/templates`, TEMPLATE)).status).toBe(200);
    expect(
      (await owner.client.post('/api/identifiers/grants', { prefix: owner.prefix, granteeCreditCode: granted.creditCode })).status,
    ).toBe(200);
  });

  it('creates with PUT (201), resolves with GET in the Handle.Net value JSON, replaces with PUT (200)', async () => {
    const created = await put(h('abc123'), {
      values: [{ index: 1, type: 'URL', data: { format: 'string', value: 'https://example.com/a' } }],
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ responseCode: 1, handle: h('abc123') });
    const res = await get(`/api/handles/${h('abc123')}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.body).toEqual({
      responseCode: 1,
      handle: h('abc123'),
      values: [
        {
          index: 1,
          type: 'URL',
          data: { format: 'string', value: 'https://example.com/a' },
          ttl: 86400,
          timestamp: expect.stringMatching(TIMESTAMP),
          permissions: '1110',
          references: [],
        },
      ],
    });
    // a single value and a bare array are bodies too; plain-string data comes back as {format: string}
    expect(
      (
        await put(h('abc123'), [
          { index: 1, type: 'URL', data: 'https://example.com/b' },
          { index: 2, type: 'EMAIL', data: 'a@b.c' },
        ])
      ).status,
    ).toBe(200);
    expect((await put(h('single'), { index: 1, type: 'URL', data: 'https://example.com/s' })).status).toBe(201);
    const after = await get(`/api/handles/${h('abc123')}`);
    expect(after.body.values.map((v: { data: unknown }) => v.data)).toEqual([
      { format: 'string', value: 'https://example.com/b' },
      { format: 'string', value: 'a@b.c' },
    ]);
  });

  it('treats handles case-insensitively and answers with the handle as registered', async () => {
    await put(h('MiXeD'), [{ index: 1, type: 'URL', data: 'https://example.com/m' }]);
    const lower = await get(`/api/handles/${h('mixed')}`);
    expect(lower.status).toBe(200);
    expect(lower.body.handle).toBe(h('MiXeD'));
    expect(
      (await put(h('MIXED'), [{ index: 1, type: 'URL', data: 'https://example.com/m' }], owner.basic, '?overwrite=false')).body
        .responseCode,
    ).toBe(101);
    expect((await get(`/api/handles/${owner.prefix.toLowerCase()}/mixed`)).status).toBe(200);
  });

  it('answers the documented error codes with their HTTP statuses', async () => {
    const missing = await get(`/api/handles/${h('NOPE')}`);
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ responseCode: 100, handle: h('NOPE') });
    const foreign = await get('/api/handles/86.5000.470/x');
    expect(foreign.status).toBe(400);
    expect(foreign.body).toMatchObject({ responseCode: 301, message: "That prefix doesn't live here" });
    const invalid = await get('/api/handles/no-slash-here');
    expect(invalid.status).toBe(400);
    expect(invalid.body.responseCode).toBe(102);
    const exists = await put(h('abc123'), [{ index: 1, type: 'URL', data: 'x' }], owner.basic, '?overwrite=false');
    expect(exists.status).toBe(409);
    expect(exists.body.responseCode).toBe(101);
    const badValue = await put(h('bad'), [{ index: 0, type: 'URL', data: 'x' }]);
    expect(badValue.status).toBe(400);
    expect(badValue.body.responseCode).toBe(202);
    const noType = await anonymous.raw('PUT', `/api/handles/${h('x1')}`, {
      body: '[{"index":1,"type":"URL","data":"x"}]',
      headers: { authorization: owner.basic },
    });
    expect(noType.status).toBe(400);
    expect(((await noType.json()) as { responseCode: number }).responseCode).toBe(4);
    const noAuth = await put(h('x2'), [{ index: 1, type: 'URL', data: 'x' }], null);
    expect(noAuth.status).toBe(401);
    expect(noAuth.body.responseCode).toBe(402);
    expect(noAuth.headers.get('www-authenticate')).toContain('Basic realm="handle"');
    const wrong = await put(h('x3'), [{ index: 1, type: 'URL', data: 'x' }], basicAuth(`300%3A${owner.prefix}/ADMIN`, 'wrong'));
    expect(wrong.status).toBe(401);
    expect(wrong.body).toBeNull();
    expect(wrong.headers.get('www-authenticate')).toContain('Basic realm="handle"');
    const notYours = await put(h('x4'), [{ index: 1, type: 'URL', data: 'x' }], other.basic);
    expect(notYours.status).toBe(403);
    expect(notYours.body.responseCode).toBe(401);
    expect((await get(`/api/handles/${h('x4')}`)).status).toBe(404);
  });

  it('answers CORS preflights', async () => {
    const res = await anonymous.raw('OPTIONS', `/api/handles/${h('abc123')}`, {
      headers: { origin: 'https://example.org', 'access-control-request-method': 'PUT' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-methods')).toContain('PUT');
    expect(res.headers.get('access-control-allow-headers')).toContain('authorization');
  });

  it('accepts the API key id as the Basic user name too', async () => {
    expect((await put(h('bykey'), [{ index: 1, type: 'URL', data: 'x' }], basicAuth(owner.keyId, owner.secret))).status).toBe(201);
  });

  it('mints an upper-case UUID suffix with mintNewSuffix=true', async () => {
    const res = await put(
      `${owner.prefix}/`,
      [{ index: 1, type: 'URL', data: 'https://example.com/minted' }],
      owner.basic,
      '?mintNewSuffix=true',
    );
    expect(res.status).toBe(201);
    expect(res.body.handle).toMatch(
      new RegExp(`^${owner.prefix.replace(/\./g, '\\.')}/[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$`),
    );
    expect((await get(`/api/handles/${res.body.handle.toLowerCase()}`)).status).toBe(200);
  });

  it('filters by index and type (a union), and answers RC 200 with no values when nothing matches', async () => {
    await put(h('filters'), [
      { index: 1, type: 'URL', data: 'u' },
      { index: 2, type: 'URL.alt', data: 'v' },
      { index: 3, type: 'EMAIL', data: 'e' },
    ]);
    expect((await get(`/api/handles/${h('filters')}?type=URL`)).body.values.map((v: { index: number }) => v.index)).toEqual([1]);
    expect((await get(`/api/handles/${h('filters')}?type=URL.`)).body.values.map((v: { index: number }) => v.index)).toEqual([1, 2]);
    expect((await get(`/api/handles/${h('filters')}?index=3&type=URL`)).body.values.map((v: { index: number }) => v.index)).toEqual([1, 3]);
    const none = await get(`/api/handles/${h('filters')}?index=99`);
    expect(none.status).toBe(200);
    expect(none.body).toEqual({ responseCode: 200, handle: h('filters'), values: [] });
  });

  it('shows non-public values to the owner and a granted enterprise only; anonymous callers get no hint', async () => {
    const withTemplate = await put(h('private1'), [
      { index: 1001, type: 'TEMPLATE', data: '1.0' },
      { index: 2000, type: 'name', data: '轴承' },
      { index: 2001, type: 'batch', data: 'B20261127' },
    ]);
    expect(withTemplate.status, JSON.stringify(withTemplate.body)).toBe(201);
    const path = `/api/handles/${h('private1')}`;
    const anon = await get(path);
    expect(anon.body.values.map((v: { index: number }) => v.index)).toEqual([1001, 2000]);
    expect(JSON.stringify(anon.body)).not.toContain('B20261127');
    expect(JSON.stringify(anon.body)).not.toContain('batch');
    const asked = await get(`${path}?index=2001`);
    expect(asked.status).toBe(200);
    expect(asked.body).toEqual({ responseCode: 200, handle: h('private1'), values: [] });
    const stranger = await get(`${path}?index=2001`, other.basic);
    expect(stranger.body.values).toEqual([]);
    const grantee = await get(`${path}?index=2001`, granted.basic);
    expect(grantee.body.values).toEqual([
      expect.objectContaining({ index: 2001, permissions: '1100', data: { format: 'string', value: 'B20261127' } }),
    ]);
    const mine = await get(path, owner.basic);
    expect(mine.body.values.map((v: { index: number }) => v.index)).toEqual([1001, 2000, 2001]);
    expect((await get(`${path}?publicOnly=true`, owner.basic)).body.values.map((v: { index: number }) => v.index)).toEqual([1001, 2000]);
    // a session of the other enterprise's user sees what anonymous sees
    const web = await other.client.get(`/api/identifiers/record?handle=${encodeURIComponent(h('private1'))}`);
    expect(web.body.complete).toBe(false);
    expect(JSON.stringify(web.body)).not.toContain('B20261127');
    const grantedWeb = await granted.client.get(`/api/identifiers/record?handle=${encodeURIComponent(h('private1'))}`);
    expect(grantedWeb.body.complete).toBe(true);
    // withdrawing the grant closes it again
    expect((await owner.client.delete(`/api/identifiers/grants/${owner.prefix}/${granted.enterpriseId}`)).status).toBe(200);
    expect((await get(`${path}?index=2001`, granted.basic)).body.values).toEqual([]);
  });

  it('validates template items: a value breaking the template is RC 202', async () => {
    const bad = await put(h('tpl-bad'), [
      { index: 1001, type: 'TEMPLATE', data: '1.0' },
      { index: 2000, type: 'name', data: 'x' },
      { index: 2001, type: 'batch', data: 'C1' },
    ]);
    expect(bad.status).toBe(400);
    expect(bad.body.responseCode).toBe(202);
    const missing = await put(h('tpl-bad'), [
      { index: 1001, type: 'TEMPLATE', data: '9.9' },
      { index: 2000, type: 'name', data: 'x' },
    ]);
    expect(missing.body.responseCode).toBe(202);
  });

  it('deletes values with ?index= and whole handles (200, then 404)', async () => {
    await put(h('del'), [
      { index: 1, type: 'URL', data: 'u' },
      { index: 2, type: 'EMAIL', data: 'e' },
    ]);
    expect((await anonymous.request('DELETE', `/api/handles/${h('del')}?index=2`, undefined, { authorization: owner.basic })).body).toEqual(
      { responseCode: 1, handle: h('del') },
    );
    expect((await get(`/api/handles/${h('del')}`)).body.values.map((v: { index: number }) => v.index)).toEqual([1]);
    const first = await anonymous.request('DELETE', `/api/handles/${h('DEL')}`, undefined, { authorization: owner.basic });
    expect(first.status).toBe(200);
    expect(first.body.responseCode).toBe(1);
    const second = await anonymous.request('DELETE', `/api/handles/${h('del')}`, undefined, { authorization: owner.basic });
    expect(second.status).toBe(404);
    expect(second.body.responseCode).toBe(100);
    expect((await get(`/api/handles/${h('del')}`)).status).toBe(404);
    expect((await anonymous.request('DELETE', `/api/handles/${h('abc123')}`, undefined, { authorization: other.basic })).status).toBe(403);
  });

  it('lists a prefix for its owner with totalCount as a string; pageSize=0 counts only', async () => {
    const count = await get(`/api/handles?prefix=${owner.prefix}&pageSize=0`, owner.basic);
    expect(count.status).toBe(200);
    expect(count.body).toMatchObject({ responseCode: 1, prefix: owner.prefix, handles: [] });
    expect(typeof count.body.totalCount).toBe('string');
    const total = Number(count.body.totalCount);
    expect(total).toBeGreaterThan(3);
    const page = await get(`/api/handles?prefix=${owner.prefix}&page=0&pageSize=2`, owner.basic);
    expect(page.body.handles).toHaveLength(2);
    expect((await get(`/api/handles?prefix=${owner.prefix}`)).body.responseCode).toBe(402);
    expect((await get(`/api/handles?prefix=${owner.prefix}`, other.basic)).status).toBe(403);
    expect((await get('/api/handles?prefix=99.1')).body.responseCode).toBe(301);
  });

  it('stops writes under a suspended prefix but keeps resolving; a revoked prefix no longer lives here', async () => {
    const t = await tenant(server(), 7103);
    await put(`${t.prefix}/p1`, [{ index: 1, type: 'URL', data: 'u' }], t.basic);
    const bureau = await server().as('bureau_admin');
    const row = (await bureau.get('/api/identifiers/prefixes?status=active&pageSize=200')).body.items.find(
      (p: { prefix: string }) => p.prefix === t.prefix,
    );
    const suspended = await bureau.post(`/api/identifiers/prefixes/${t.prefix}/decision`, { action: 'suspend', version: row.version });
    expect(suspended.body.status).toBe('suspended');
    expect((await put(`${t.prefix}/p2`, [{ index: 1, type: 'URL', data: 'u' }], t.basic)).body.responseCode).toBe(401);
    expect((await get(`/api/handles/${t.prefix}/p1`)).status).toBe(200);
    expect(
      (await bureau.post(`/api/identifiers/prefixes/${t.prefix}/decision`, { action: 'revoke', version: suspended.body.version })).body
        .status,
    ).toBe('revoked');
    expect((await get(`/api/handles/${t.prefix}/p1`)).body.responseCode).toBe(301);
    expect((await t.client.post(`/api/identifiers/prefixes/${t.prefix}/decision`, { action: 'approve', version: 1 })).status).toBe(403);
  });

  it('answers hostile handles and parameters without a 5xx', async () => {
    for (const path of [
      `/api/handles/${h('%00')}`,
      `/api/handles/${'x'.repeat(400)}/y`,
      `/api/handles/${h('a')}?index=abc&type=`,
      `/api/handles/${h('a')}?callback=<script>`,
      '/api/handles?prefix=%27%20or%201=1',
      `/api/handles/${h('abc123')}?pretty&callback=cb`,
    ]) {
      const res = await anonymous.raw('GET', path);
      expect({ path, ok: res.status < 500 }).toEqual({ path, ok: true });
    }
    for (const body of [
      'null',
      '[]',
      '"x"',
      '[1]',
      '{"values":[{"index":"1","type":1}]}',
      '{"index":1,"type":"URL","data":{"format":"weird","value":1}}',
    ]) {
      const res = await anonymous.raw('PUT', `/api/handles/${h('hostile')}`, { body, headers: { ...json, authorization: owner.basic } });
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
    }
  });
});
