import { createHash } from 'node:crypto';
import { chinaDay } from '@zhizao/domain';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, type TestClient } from '../../../test/harness.ts';
import { TEMPLATE, tenant, type Tenant } from './fixtures.test-support.ts';

// An SNMS client against the node: token, register, resolve, batch, update, delete, templates — the JSON shapes and
// status codes 1 / −1 / −2 / −3 of the id-guide documents (teleinfo-dev/id-guide docs/dev-tools/snms: v3
// identity-auth.md 身份认证, v3 template.md, v5 handle-operate.md 标识操作接口, v5 template.md 数据模板相关接口).

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

  it('batch-creates what passes and names each item’s outcome (v5 批量注册标识: status 1, data[{handle, msg}])', async () => {
    const bad = await c.request(
      'POST',
      '/identityv2/data/batchCreate',
      [record('B1'), { ...record('B2'), value: [{ index: 2000, type: 'name', data: { value: '' } }] }, record('B3')],
      bearer(token),
    );
    expect(bad.body).toEqual({
      message: 'success',
      status: 1,
      data: [
        { handle: `${owner.prefix}/B1`, msg: 'success' },
        { handle: `${owner.prefix}/B2`, msg: expect.not.stringMatching(/^success$/) },
        { handle: `${owner.prefix}/B3`, msg: 'success' },
      ],
    });
    expect((await c.request('GET', `/identityv2/data/detail?handle=${owner.prefix}/B1`, undefined, bearer(token))).body.status).toBe(1);
    const again = await c.request('POST', '/identityv2/data/batchCreate', [record('B1'), record('B2'), record('B1', 'B5')], bearer(token));
    expect(again.body.data.map((d: { msg: string }) => d.msg === 'success')).toEqual([true, true, false]); // the last: exists, other data
    const tooMany = Array.from({ length: 2001 }, (_, i) => record(`MANY${i}`));
    expect((await c.request('POST', '/identityv2/data/batchCreate', tooMany, bearer(token))).body).toMatchObject({
      status: -2,
      data: null,
    });
  });

  it('logs in with the digest form: password = sha256(sha256(secret) + yyyy-MM-dd) (v3 身份认证 «密文传输»)', async () => {
    const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
    // the formula as written; the document's sample digest (58e2c92c…) matches no reading of it, so it is not pinned
    const password = sha256(sha256(owner.secret) + chinaDay(Date.now()));
    const t = await c.post('/identity/token/v1', { username: owner.keyId, password });
    expect(t.body).toEqual({ message: 'success', status: 1, data: { token: expect.any(String) } });
    expect(
      (await c.request('GET', `/identityv2/data/detail?handle=${owner.prefix}/S1`, undefined, bearer(t.body.data.token))).body.status,
    ).toBe(1);
    const stale = sha256(sha256(owner.secret) + '2019-08-15');
    expect((await c.post('/identity/token/v1', { username: owner.keyId, password: stale })).body).toMatchObject({ status: -2, data: null });
    expect((await c.post('/identity/token/v1', { username: owner.keyId, password: owner.secret })).body.status).toBe(-2);
  });

  it('updates only what exists: PUT of a missing handle is −2 and creates nothing (v5 更新标识)', async () => {
    const missing = await c.request('PUT', '/identityv2/data', record('NEVER'), bearer(token));
    expect(missing.body).toMatchObject({ status: -2, data: null });
    expect((await c.request('GET', `/identityv2/data/detail?handle=${owner.prefix}/NEVER`, undefined, bearer(token))).body.status).toBe(-2);
    const batch = await c.request('PUT', '/identityv2/data/batchUpdate', [record('S1'), record('NEVER2')], bearer(token));
    expect(batch.body.data.map((d: { msg: string }) => d.msg === 'success')).toEqual([true, false]);
  });

  it('reads `auth` as the reserved field it is: visibility comes from the template (v5 标识操作接口 value[i].auth)', async () => {
    const open = { ...record('AUTH1'), value: record('AUTH1').value.map((v) => ({ ...v, auth: '1' })) };
    expect((await c.request('POST', '/identityv2/data', open, bearer(token))).body.status).toBe(1);
    const seen = await c.request('GET', `/identityv2/data/detail?handle=${owner.prefix}/AUTH1`, undefined, bearer(otherToken));
    expect(seen.body.data.value.map((v: { index: number }) => v.index)).toEqual([1001, 2000]); // name public, batch not
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
    const foreign = await c.request('DELETE', '/identityv2/data/batchDelete', [`${owner.prefix}/B2`], bearer(otherToken));
    expect(foreign.body).toEqual({
      message: 'success',
      status: 1,
      data: [{ handle: `${owner.prefix}/B2`, code: -3, msg: expect.any(String) }],
    });
    // v5 批量删除标识: data[{handle, code, msg}], code 1 deleted, −2 not there
    const deleted = await c.request('DELETE', '/identityv2/data/batchDelete', [`${owner.prefix}/B2`, `${owner.prefix}/B1`], bearer(token));
    expect(deleted.body).toEqual({
      message: 'success',
      status: 1,
      data: [
        { handle: `${owner.prefix}/B2`, code: 1, msg: 'success' },
        { handle: `${owner.prefix}/B1`, code: -2, msg: expect.any(String) },
      ],
    });
    expect((await c.request('DELETE', '/identityv2/data', { handle: `${owner.prefix}/B3` }, bearer(token))).body.status).toBe(1);
  });

  it('reads, creates and deletes templates in the documented field names (v3 and v5 数据模板相关接口)', async () => {
    const got = await c.request('GET', `/snms/api/v3/template?prefix=${owner.prefix}&version=1.0`, undefined, bearer(token));
    expect(got.body).toMatchObject({ status: 1, data: { prefix: owner.prefix, version: '1.0', industryCategory: 'C' } });
    expect(got.body.data.items[0]).toEqual({
      name: '产品名称',
      idType: 'name',
      idIndex: 2000,
      required: true,
      state: 1,
      metadata: { type: 'string', minLength: 1, maxLength: 50 },
    });
    // the v5 request example as printed (idIndex a string), under our prefix
    const v5 = {
      prefix: owner.prefix,
      version: '1.0.0',
      industryCategory: 'C',
      industrySpecific: '34',
      industryTrade: '348',
      industrySubclass: '3484',
      type: 1,
      description: '测试模板',
      items: [{ name: 'e1', idType: 'ip', idIndex: '2000', metadata: { type: 'string', minLength: 1, maxLength: 10 }, required: false }],
    };
    expect((await c.request('POST', '/snms/api/v5/template', v5, bearer(token))).body).toEqual({
      message: 'success',
      status: 1,
      data: true,
    });
    expect((await c.request('POST', '/snms/api/v5/template', v5, bearer(token))).body.status).toBe(-2); // versions stay unique
    // v3 items carry no idIndex: they get 2000, 2001, …
    const { idIndex: _i, ...v3Item } = v5.items[0]!;
    const v3 = { ...v5, version: '2.0', items: [v3Item, { ...v3Item, name: 'e2', idType: 'mac' }] };
    expect((await c.request('POST', '/snms/api/v3/template', v3, bearer(token))).body.status).toBe(1);
    const v3Got = await c.request('GET', `/snms/api/v3/template?prefix=${owner.prefix}&version=2.0`, undefined, bearer(token));
    expect(v3Got.body.data.items.map((i: { idIndex: number; idType: string }) => [i.idIndex, i.idType])).toEqual([
      [2000, 'ip'],
      [2001, 'mac'],
    ]);
    expect((await c.request('POST', '/snms/api/v3/template', { ...v3, version: '3.0' }, bearer(otherToken))).body.status).toBe(-3);
    // DELETE with the documented body; a version in use stays
    const del = (prefix: string, version: string) => c.request('DELETE', '/snms/api/v3/template', { prefix, version }, bearer(token));
    expect((await del(owner.prefix, '1.0')).body.status).toBe(-2);
    expect((await del(owner.prefix, '2.0')).body.status).toBe(1);
  });

  it('edits a v5 template incrementally: items by idIndex, new ones without, state 0/1 (v5 修改数据模板)', async () => {
    const put = (body: unknown) => c.request('PUT', '/snms/api/v5/template', body, bearer(token));
    const head = {
      prefix: owner.prefix,
      version: '1.0.0',
      industryCategory: 'C',
      industrySpecific: '34',
      industryTrade: '348',
      industrySubclass: '3484',
      type: 1,
    };
    const ip = { name: 'IP 地址', idType: 'ip', idIndex: 2000, metadata: { type: 'string', minLength: 1, maxLength: 10 }, state: 0 };
    const added = { name: '型号', idType: 'model', metadata: { type: 'string', minLength: 1, maxLength: 20 } };
    expect((await put({ ...head, description: '改', items: [ip, added] })).body).toEqual({ message: 'success', status: 1, data: true });
    const got = await c.request('GET', `/snms/api/v5/template?prefix=${owner.prefix}&version=1.0.0`, undefined, bearer(token));
    expect(got.body.data).toMatchObject({ description: '改' });
    expect(
      got.body.data.items.map((i: { idIndex: number; idType: string; name: string; state: number }) => [
        i.idIndex,
        i.idType,
        i.name,
        i.state,
      ]),
    ).toEqual([
      [2000, 'ip', 'IP 地址', 0],
      [2001, 'model', '型号', 1],
    ]);
    expect((await put({ ...head, items: [{ ...ip, idType: 'mac' }] })).body.status).toBe(-2); // idIndex and idType must match
    expect((await put({ ...head, items: [added] })).body.status).toBe(-2); // idType already there
    // a version identifiers use: labels and state only
    const inUse = {
      ...head,
      version: '1.0',
      items: [{ name: '名称', idType: 'name', idIndex: 2000, metadata: { type: 'string', maxLength: 5 } }],
    };
    expect((await put(inUse)).body.status).toBe(-2);
    expect(
      (await put({ ...inUse, items: [{ ...inUse.items[0], metadata: { type: 'string', minLength: 1, maxLength: 50 } }] })).body.status,
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
