import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, enterpriseInput, type TestClient, type TestResponse } from '../../../test/harness.ts';

/** The status, error code and (when given) the field of a refusal. */
function expectError(res: TestResponse, status: number, code: string, field?: string) {
  const got = { status: res.status, code: res.body?.error?.code, ...(field ? { field: res.body?.error?.field } : {}) };
  expect(got, JSON.stringify(res.body)).toEqual({ status, code, ...(field ? { field } : {}) });
  expect(res.body.error.message).toBeTruthy();
}

// The bureau administers the taxonomy; nobody else may. The harness's fixtures: chains TC1 (used by the
// 环翠 enterprise) and TC2 (unused), cluster TK1 → TC1 (no enterprise in it).
describeEachDatabase('taxonomy administration', (server) => {
  let bureau: TestClient;
  let auditor: TestClient;
  const taxonomy = async () => (await server().client().get('/api/registry/taxonomy')).body;
  const auditOf = async (entityType: string, entityId: string) =>
    (await auditor.get(`/api/audit?entityType=${entityType}&entityId=${entityId}&pageSize=50`)).body.items;

  beforeAll(async () => {
    bureau = await server().as('bureau_admin');
    auditor = await server().as('audit_admin');
  });

  it('lets the bureau admin create an industry chain, code upper-cased, and audits it', async () => {
    const res = await bureau.post('/api/registry/chains', { code: 'bio-1', nameZh: '生物医药', nameEn: 'Biomedicine' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ code: 'BIO-1', nameZh: '生物医药', nameEn: 'Biomedicine', isDemo: false, sortOrder: 3 });
    expect((await taxonomy()).chains.map((c: { code: string }) => c.code)).toContain('BIO-1');
    const [entry] = await auditOf('chain', 'BIO-1');
    expect(entry).toMatchObject({
      action: 'chain.create',
      actorUsername: 't-bureau',
      actorRole: 'bureau_admin',
      before: null,
      after: res.body,
    });
  });

  it('refuses a chain whose code or Chinese name is taken (409)', async () => {
    expectError(
      await bureau.post('/api/registry/chains', { code: 'tc1', nameZh: '另一条链', nameEn: 'Another' }),
      409,
      'taxonomy.codeTaken',
      'code',
    );
    expectError(
      await bureau.post('/api/registry/chains', { code: 'NEW1', nameZh: '测试产业链一', nameEn: 'Same name' }),
      409,
      'taxonomy.nameTaken',
      'nameZh',
    );
  });

  it('validates the body against its schema (400 naming the field)', async () => {
    expectError(
      await bureau.post('/api/registry/chains', { code: 'OK1', nameEn: 'No Chinese name' }),
      400,
      'validation.required',
      'nameZh',
    );
    expectError(
      await bureau.post('/api/registry/chains', { code: '链码', nameZh: '坏代码', nameEn: 'Bad code' }),
      400,
      'validation.pattern',
      'code',
    );
    expectError(
      await bureau.post('/api/registry/chains', { code: 'OK2', nameZh: '   ', nameEn: 'Blank' }),
      400,
      'validation.pattern',
      'nameZh',
    );
    expectError(
      await bureau.post('/api/registry/chains', { code: 'OK2', nameZh: '控制\u0000字符', nameEn: 'NUL' }),
      400,
      'validation.pattern',
      'nameZh',
    );
    expectError(
      await bureau.post('/api/registry/chains', { code: 'OK3', nameZh: '多余', nameEn: 'Extra', isDemo: true }),
      400,
      'validation.additionalProperties',
      'isDemo',
    );
    expectError(
      await bureau.put('/api/registry/chains/TC2', { nameZh: 'x'.repeat(51), nameEn: 'Too long' }),
      400,
      'validation.maxLength',
      'nameZh',
    );
  });

  it('renames a chain, keeps its code, clears the demo mark and audits before → after', async () => {
    const res = await bureau.put('/api/registry/chains/tc2', {
      nameZh: '测试产业链二（正式）',
      nameEn: 'Test chain 2 (official)',
      sortOrder: 9,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({
      code: 'TC2',
      nameZh: '测试产业链二（正式）',
      nameEn: 'Test chain 2 (official)',
      isDemo: false,
      sortOrder: 9,
    });
    const [entry] = await auditOf('chain', 'TC2');
    expect(entry.action).toBe('chain.update');
    expect(entry.before).toMatchObject({ nameZh: '测试产业链二', isDemo: true, sortOrder: 2 });
    expect(entry.after).toEqual(res.body);
    expectError(await bureau.put('/api/registry/chains/NOPE', { nameZh: '无', nameEn: 'None' }), 404, 'taxonomy.notFound');
  });

  it('refuses to delete a chain enterprises still use (409 taxonomy.inUse) and keeps it', async () => {
    expectError(await bureau.delete('/api/registry/chains/TC1'), 409, 'taxonomy.inUse');
    expect((await taxonomy()).chains.map((c: { code: string }) => c.code)).toContain('TC1');
  });

  it('refuses to delete a chain clusters belong to, then deletes it once they are gone', async () => {
    expect((await bureau.post('/api/registry/chains', { code: 'TCX', nameZh: '待删产业链', nameEn: 'Chain to delete' })).status).toBe(200);
    expect(
      (await bureau.post('/api/registry/clusters', { code: 'TKX', nameZh: '待删集群', nameEn: 'Cluster to delete', chainCode: 'TCX' }))
        .status,
    ).toBe(200);
    expectError(await bureau.delete('/api/registry/chains/TCX'), 409, 'taxonomy.hasClusters');
    expect((await bureau.delete('/api/registry/clusters/TKX')).body).toEqual({ ok: true });
    expect((await bureau.delete('/api/registry/chains/TCX')).body).toEqual({ ok: true });
    const codes = (await taxonomy()).chains.map((c: { code: string }) => c.code);
    expect(codes).not.toContain('TCX');
    const [entry] = await auditOf('chain', 'TCX');
    expect(entry).toMatchObject({ action: 'chain.delete', before: { code: 'TCX', nameZh: '待删产业链' }, after: null });
    expectError(await bureau.delete('/api/registry/chains/TCX'), 404, 'taxonomy.notFound');
  });

  it('creates and changes clusters, checking the chain they belong to', async () => {
    expectError(
      await bureau.post('/api/registry/clusters', { code: 'TK2', nameZh: '无链集群', nameEn: 'Orphan', chainCode: 'NOCHAIN' }),
      400,
      'taxonomy.unknownChain',
      'chainCode',
    );
    const created = await bureau.post('/api/registry/clusters', {
      code: 'TK2',
      nameZh: '第二集群',
      nameEn: 'Second cluster',
      chainCode: 'tc2',
    });
    expect(created.body).toEqual({
      code: 'TK2',
      nameZh: '第二集群',
      nameEn: 'Second cluster',
      chainCode: 'TC2',
      isDemo: false,
      sortOrder: 2,
    });
    expectError(
      await bureau.post('/api/registry/clusters', { code: 'TK2', nameZh: '重复集群', nameEn: 'Duplicate' }),
      409,
      'taxonomy.codeTaken',
      'code',
    );
    const changed = await bureau.put('/api/registry/clusters/TK2', {
      nameZh: '第二集群（无链）',
      nameEn: 'Second cluster, no chain',
      chainCode: null,
    });
    expect(changed.body).toMatchObject({ code: 'TK2', chainCode: null });
    const [entry] = await auditOf('cluster', 'TK2');
    expect(entry).toMatchObject({ action: 'cluster.update', before: { chainCode: 'TC2' }, after: { chainCode: null } });
  });

  it('refuses to delete a cluster an enterprise belongs to, archived or not', async () => {
    const created = await bureau.post('/api/enterprises', enterpriseInput({ clusterCode: 'TK1', chainCodes: [] }, 7101));
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    expect((await bureau.post(`/api/enterprises/${created.body.id}/archive`)).status).toBe(200);
    expectError(await bureau.delete('/api/registry/clusters/TK1'), 409, 'taxonomy.inUse');
    const usage = await bureau.get('/api/registry/taxonomy/usage');
    expect(usage.body.clusters.TK1).toBe(1);
    expect(usage.body.chains.TC1).toBeGreaterThanOrEqual(1);
    expect(usage.body.districts['371002']).toBeGreaterThanOrEqual(2);
  });

  it('renames a district for display but never its code', async () => {
    const res = await bureau.put('/api/registry/districts/371083', { nameZh: '乳山市（测试名）', nameEn: 'Rushan (test)' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ code: '371083', nameZh: '乳山市（测试名）', nameEn: 'Rushan (test)', kind: 'county_city', sortOrder: 4 });
    expect((await taxonomy()).districts.find((d: { code: string }) => d.code === '371083').nameZh).toBe('乳山市（测试名）');
    expectError(
      await bureau.put('/api/registry/districts/371083', { nameZh: '乳山市（测试名）', nameEn: 'x', code: '371099' }),
      400,
      'validation.additionalProperties',
      'code',
    );
    expectError(await bureau.put('/api/registry/districts/371099', { nameZh: '不存在', nameEn: 'Nowhere' }), 404, 'taxonomy.notFound');
    expectError(
      await bureau.put('/api/registry/districts/371083', { nameZh: '环翠区', nameEn: 'Clash' }),
      409,
      'taxonomy.nameTaken',
      'nameZh',
    );
    const [entry] = await auditOf('district', '371083');
    expect(entry).toMatchObject({ action: 'district.rename', before: { nameZh: '乳山市' }, after: { nameZh: '乳山市（测试名）' } });
  });

  it('refuses every taxonomy change to anyone but the bureau admin, whatever the body', async () => {
    const attempts = [
      ['POST', '/api/registry/chains', { code: 'DX1', nameZh: '区市建的链', nameEn: 'District chain' }],
      ['PUT', '/api/registry/chains/TC2', { nameZh: '区市改名', nameEn: 'Renamed by district' }],
      ['DELETE', '/api/registry/chains/TC2', undefined],
      ['POST', '/api/registry/clusters', { code: 'DX2', nameZh: '区市建的集群', nameEn: 'District cluster', chainCode: null }],
      ['PUT', '/api/registry/clusters/TK1', { nameZh: '区市改名集群', nameEn: 'Renamed', chainCode: null }],
      ['DELETE', '/api/registry/clusters/TK2', undefined],
      ['PUT', '/api/registry/districts/371002', { nameZh: '区市改名区', nameEn: 'Renamed district' }],
      ['GET', '/api/registry/taxonomy/usage', undefined],
      ['POST', '/api/registry/chains', { nonsense: true }],
    ] as const;
    for (const role of [
      'district_officer',
      'enterprise_user',
      'service_provider',
      'expert',
      'system_admin',
      'security_admin',
      'audit_admin',
    ] as const) {
      const c = await server().as(role);
      for (const [method, path, body] of attempts) expectError(await c.request(method, path, body), 403, 'auth.forbidden');
    }
    for (const [method, path, body] of attempts) expectError(await server().client().request(method, path, body), 401, 'auth.required');
    const t = await taxonomy();
    expect(t.chains.map((c: { code: string }) => c.code)).not.toContain('DX1');
    expect(t.chains.find((c: { code: string }) => c.code === 'TC2').nameZh).toBe('测试产业链二（正式）');
    expect(t.districts.find((d: { code: string }) => d.code === '371002').nameZh).toBe('环翠区');
  });
});
