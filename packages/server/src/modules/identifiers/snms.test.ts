import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, type TestClient } from '../../../test/harness.ts';
import { TEMPLATE, tenant, type Tenant } from './fixtures.test-support.ts';

// An SNMS client (teleinfo-dev/id-guide docs/…/snms; shared/domain/identifiers.md §6) against the node: token,
// register, resolve, batch, update, delete, templates — the documented JSON shapes and status codes 1 / −1 / −2 / −3.

describeEachDatabase('SNMS-compatible API', (server) => {
  let owner: Tenant;
  let other: Tenant;
  let c: TestClient;
  let token: string;
  let otherToken: string;
  const bearer = (t: string) => ({ authorization: `Bearer ${t}` });
  const record = (suffix: string, batch = 'B1') => ({
    handle: `${owner.prefix}/${suffix}`,
    templateVersion: '1.0',
    value: [
      { index: 2000, type: 'name', auth: '', data: { format: 'string', value: '轴承' } },
      { index: 2001, type: 'batch', auth: '1', data: { format: 'string', value: batch } },
    ],
  });

  beforeAll(async () => {
    owner = await tenant(server(), 0);
    other = await tenant(server(), 7201);
    c = server().client();
    expect((await owner.client.post(`/api/identifiers/prefixes/${owner.prefix}/templates`, TEMPLATE)).status).toBe(200);
    const t = await c.post('/identity/token', { username: owner.keyId, password: owner.secret });
    expect(t.body).toEqual({ message: 'success', status: 1, data: { token: expect.any(String) } });
    token = t.body.data.token;
    otherToken = (await c.post('/identity/token', { username: other.keyId, password: other.secret })).body.data.token;
  });

  it('refuses wrong credentials (−2) and calls without a valid token (−1)', async () => {
    expect((await c.post('/identity/token', { username: owner.keyId, password: 'nope' })).body).toMatchObject({ status: -2, data: null });
    const noToken = await c.request('GET', `/identityv2/data/detail?handle=${owner.prefix}/x`);
    expect(noToken.status).toBe(200);
    expect(noToken.body).toMatchObject({ status: -1, data: null });
    expect((await c.request('GET', `/identityv2/data/detail?handle=${owner.prefix}/x`, undefined, bearer('forged'))).body.status).toBe(-1);
  });

  it('registers and resolves with the documented shapes; the same data again is a success', async () => {
    const created = await c.request('POST', '/identityv2/data', record('S1'), bearer(token));
    expect(created.body).toEqual({ message: 'success', status: 1, data: true });
    expect((await c.request('POST', '/identityv2/data', record('S1'), bearer(token))).body.status).toBe(1);
    const detail = await c.request('GET', `/identityv2/data/detail?handle=${owner.prefix}/s1`, undefined, bearer(token));
    expect(detail.body).toEqual({
      message: 'success',
      status: 1,
      data: {
        prefix: owner.prefix,
        handle: `${owner.prefix}/S1`,
        templateVersion: '1.0',
        value: [
          { index: 1001, type: 'TEMPLATE', auth: '', data: { format: 'string', value: '1.0' } },
          { index: 2000, type: 'name', auth: '', data: { format: 'string', value: '轴承' } },
          { index: 2001, type: 'batch', auth: '1', data: { format: 'string', value: 'B1' } },
        ],
      },
    });
    // another enterprise resolves the public values only, with no trace of the others
    const seen = await c.request('GET', `/identityv2/data/detail?handle=${owner.prefix}/S1`, undefined, bearer(otherToken));
    expect(seen.body.data.value.map((v: { index: number }) => v.index)).toEqual([1001, 2000]);
    expect(JSON.stringify(seen.body)).not.toContain('B1"');
  });

  it('answers business failures with −2 and another enterprise’s prefix with −3', async () => {
    expect((await c.request('POST', '/identityv2/data', record('S1', 'B9'), bearer(token))).body.status).toBe(-2); // exists with other data
    expect(
      (
        await c.request(
          'POST',
          '/identityv2/data',
          { ...record('S2'), value: [{ index: 2001, type: 'batch', data: { value: 'B1' } }] },
          bearer(token),
        )
      ).body.status,
    ).toBe(-2); // required item missing
    expect((await c.request('POST', '/identityv2/data', record('S3'), bearer(otherToken))).body.status).toBe(-3);
    expect((await c.request('GET', `/identityv2/data/detail?handle=${owner.prefix}/none`, undefined, bearer(token))).body.status).toBe(-2);
    expect((await c.request('POST', '/identityv2/data', 'x', { ...bearer(token), 'content-type': 'application/json' })).body.status).toBe(
      -2,
    );
  });

  it('batch-creates all or nothing, naming each refused item', async () => {
    const bad = await c.request(
      'POST',
      '/identityv2/data/batchCreate',
      [record('B1'), { ...record('B2'), value: [{ index: 2000, type: 'name', data: { value: '' } }] }, record('B3')],
      bearer(token),
    );
    expect(bad.body.status).toBe(-2);
    expect(bad.body.data).toEqual([{ handle: `${owner.prefix}/B2`, message: expect.any(String) }]);
    expect((await c.request('GET', `/identityv2/data/detail?handle=${owner.prefix}/B1`, undefined, bearer(token))).body.status).toBe(-2);
    const good = await c.request('POST', '/identityv2/data/batchCreate', [record('B1'), record('B2'), record('B3')], bearer(token));
    expect(good.body).toEqual({ message: 'success', status: 1, data: true });
  });

  it('updates (PUT, batchUpdate) and deletes (DELETE, batchDelete)', async () => {
    expect((await c.request('PUT', '/identityv2/data', record('B1', 'B77'), bearer(token))).body.status).toBe(1);
    const after = await c.request('GET', `/identityv2/data/detail?handle=${owner.prefix}/B1`, undefined, bearer(token));
    expect(after.body.data.value.find((v: { index: number }) => v.index === 2001).data.value).toBe('B77');
    expect(
      (await c.request('PUT', '/identityv2/data/batchUpdate', [record('B2', 'B8'), record('B3', 'B8')], bearer(token))).body.status,
    ).toBe(1);
    expect((await c.request('DELETE', `/identityv2/data?handle=${owner.prefix}/B1`, undefined, bearer(token))).body).toEqual({
      message: 'success',
      status: 1,
      data: true,
    });
    expect((await c.request('DELETE', `/identityv2/data?handle=${owner.prefix}/B1`, undefined, bearer(token))).body.status).toBe(-2);
    expect(
      (await c.request('DELETE', '/identityv2/data/batchDelete', [`${owner.prefix}/B2`, `${owner.prefix}/B3`], bearer(otherToken))).body
        .status,
    ).toBe(-3);
    expect(
      (await c.request('DELETE', '/identityv2/data/batchDelete', [`${owner.prefix}/B2`, `${owner.prefix}/B3`], bearer(token))).body.status,
    ).toBe(1);
  });

  it('reads, creates and deletes templates', async () => {
    const got = await c.request('GET', `/snms/api/v3/template?prefix=${owner.prefix}&version=1.0`, undefined, bearer(token));
    expect(got.body).toMatchObject({
      status: 1,
      data: { prefix: owner.prefix, version: '1.0', industryCategory: 'C', items: expect.any(Array) },
    });
    const v2 = { ...TEMPLATE, prefix: owner.prefix, version: '2.0' };
    expect((await c.request('POST', '/snms/api/v3/template', v2, bearer(token))).body.status).toBe(1);
    expect((await c.request('POST', '/snms/api/v3/template', v2, bearer(token))).body.status).toBe(-2); // versions are immutable
    expect((await c.request('POST', '/snms/api/v3/template', { ...v2, version: '3.0' }, bearer(otherToken))).body.status).toBe(-3);
    expect(
      (await c.request('DELETE', `/snms/api/v3/template?prefix=${owner.prefix}&version=1.0`, undefined, bearer(token))).body.status,
    ).toBe(-2); // in use
    expect(
      (await c.request('DELETE', `/snms/api/v3/template?prefix=${owner.prefix}&version=2.0`, undefined, bearer(token))).body.status,
    ).toBe(1);
  });

  it('stops accepting a token once its API key is revoked', async () => {
    const key = await other.client.post('/api/identifiers/api-keys', { label: 'short-lived' });
    const t = (await c.post('/identity/token', { username: key.body.id, password: key.body.secret })).body.data.token;
    expect((await c.request('GET', `/identityv2/data/detail?handle=${owner.prefix}/S1`, undefined, bearer(t))).body.status).toBe(1);
    expect((await other.client.delete(`/api/identifiers/api-keys/${key.body.id}`)).status).toBe(200);
    expect((await c.request('GET', `/identityv2/data/detail?handle=${owner.prefix}/S1`, undefined, bearer(t))).body.status).toBe(-1);
  });
});
