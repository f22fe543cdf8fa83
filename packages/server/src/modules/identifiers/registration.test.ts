import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { expectError } from '../../../test/expect.ts';
import { describeEachDatabase, type TestClient } from '../../../test/harness.ts';
import { TEMPLATE, tenant, type Tenant } from './fixtures.test-support.ts';
import { identifierNode } from './node.ts';

// The web side of registration and the node's statistics: batches all or nothing with per-item errors, idempotent
// retries, prefix applications, and resolutions counted in memory then flushed per enterprise per day.

// the periodic flush stays out of the way: the test flushes itself and sees what was buffered before
process.env.ZHIZAO_ID_STATS_FLUSH_MS = '3600000';

describeEachDatabase('identifier registration and statistics', (server) => {
  let owner: Tenant;
  let bureau: TestClient;
  const item = (suffix: string, name = '轴承', extra: object[] = []) => ({
    handle: `${owner.prefix}/${suffix}`,
    templateVersion: '1.0',
    values: [{ index: 2000, type: 'name', data: name }, ...extra],
  });

  beforeAll(async () => {
    owner = await tenant(server(), 0);
    bureau = await server().as('bureau_admin');
    expect((await owner.client.post(`/api/identifiers/prefixes/${owner.prefix}/templates`, TEMPLATE)).status).toBe(200);
  });

  it('keeps a prefix application pending until the operator decides; one pending at a time', async () => {
    const t = await tenant(server(), 7301);
    const applied = await t.client.post('/api/identifiers/prefixes', {
      contactName: '李四',
      contactPhone: '13900000000',
      purpose: '第二条产线',
    });
    expect(applied.body).toMatchObject({ status: 'pending', creditCode: t.creditCode, enterpriseName: '标识测试企业7301' });
    expectError(
      await t.client.post('/api/identifiers/prefixes', { contactName: '李四', contactPhone: '13900000000', purpose: 'x' }),
      409,
      'identifiers.pendingExists',
    );
    expectError(
      await bureau.post(`/api/identifiers/prefixes/${applied.body.prefix}/decision`, { action: 'suspend', version: applied.body.version }),
      409,
      'identifiers.prefixTransition',
      'action',
    );
    expectError(
      await bureau.post(`/api/identifiers/prefixes/${applied.body.prefix}/decision`, { action: 'approve', version: 99 }),
      409,
      'identifiers.stale',
      'version',
    );
    expect(
      (
        await bureau.post(`/api/identifiers/prefixes/${applied.body.prefix}/decision`, {
          action: 'reject',
          note: '材料不全',
          version: applied.body.version,
        })
      ).body.status,
    ).toBe('rejected');
    // an enterprise lists only its own prefixes; another's prefix is not found
    const mine = await owner.client.get('/api/identifiers/prefixes');
    expect(mine.body.items.map((p: { prefix: string }) => p.prefix)).toEqual([owner.prefix]);
    expectError(await owner.client.get(`/api/identifiers/prefixes/${t.prefix}/templates`), 404, 'identifiers.prefixNotFound');
  });

  it('registers a batch all or nothing, naming every refused item', async () => {
    const bad = await owner.client.post('/api/identifiers/records/batch', {
      items: [item('W1'), item('W2', ''), item('W3', 'x', [{ index: 2002, type: 'weight', data: 'heavy' }]), item('w1')],
    });
    expectError(bad, 400, 'identifiers.handlesInvalid', 'items');
    expect(bad.body.error.details.map((d: { field: string; code: string }) => [d.field, d.code])).toEqual([
      ['items.1', 'identifiers.problem.tooShort'],
      ['items.2', 'identifiers.problem.notNumber'],
      ['items.3', 'identifiers.problem.duplicateHandle'],
    ]);
    expect((await owner.client.get(`/api/identifiers/prefixes/${owner.prefix}/identifiers`)).body.total).toBe(0);
    const good = await owner.client.post('/api/identifiers/records/batch', { items: [item('W1'), item('W2'), item('W3')] });
    expect(good.body).toEqual({ created: 3, replaced: 0, unchanged: 0 });
    // a retry (say after a 504) is a success and changes nothing; other data under an existing handle is refused
    expect((await owner.client.post('/api/identifiers/records/batch', { items: [item('w1'), item('W2'), item('W3')] })).body).toEqual({
      created: 0,
      replaced: 0,
      unchanged: 3,
    });
    const clash = await owner.client.post('/api/identifiers/records/batch', { items: [item('W4'), item('W1', '别的')] });
    expectError(clash, 409, 'identifiers.handlesInvalid', 'items');
    expect(clash.body.error.details).toEqual([expect.objectContaining({ field: 'items.1', code: 'identifiers.problem.exists' })]);
    expect((await owner.client.get(`/api/identifiers/prefixes/${owner.prefix}/identifiers?q=W`)).body.total).toBe(3);
  });

  it('refuses identifiers under another enterprise’s prefix and a batch over 10,000', async () => {
    const other = await tenant(server(), 7302);
    expectError(await other.client.post('/api/identifiers/records', item('X1')), 403, 'identifiers.prefixNotYours', 'handle');
    const big = Array.from({ length: 10_001 }, (_, i) => ({ handle: `${owner.prefix}/N${i}`, values: [] }));
    expectError(await owner.client.post('/api/identifiers/records/batch', { items: big }), 400, 'validation.maxItems', 'items');
    expectError(await bureau.post('/api/identifiers/records', item('X2')), 403, 'auth.forbidden');
  });

  it('registers a CSV or Excel file as a job the web polls, reporting refused rows and registering the rest', async () => {
    const poll = async (jobId: string) => {
      for (let i = 0; i < 100; i++) {
        const job = await owner.client.get(`/api/identifiers/uploads/${jobId}`);
        if (job.body.status === 'done' || job.body.status === 'failed') return job.body;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error('upload job did not finish');
    };
    const send = async (name: string, data: Blob, fields = { prefix: owner.prefix, templateVersion: '1.0' }) => {
      const form = new FormData();
      for (const [k, v] of Object.entries(fields)) form.append(k, v);
      form.append('file', data, name);
      const res = await owner.client.raw('POST', '/api/identifiers/uploads', { body: form });
      return { status: res.status, body: (await res.json()) as { jobId: string; error?: { code: string } } };
    };
    const template = await owner.client.raw('GET', `/api/identifiers/uploads/template.csv?prefix=${owner.prefix}&version=1.0`);
    expect((await template.text()).replace(/^\ufeff/, '')).toBe('handle,URL,name,batch,weight\r\n');
    const csv = await send('ids.csv', new Blob(['handle,产品名称,batch,URL\nU1,轴承,B1,https://x/1\nU2,,B2,\nU3,"轴承, 深沟",B3,\n']));
    expect(csv.status).toBe(202);
    const job = await poll(csv.body.jobId);
    expect(job).toMatchObject({
      status: 'done',
      total: 3,
      processed: 3,
      registered: 2,
      errors: [{ row: 3, handle: `${owner.prefix}/U2`, message: expect.any(String) }],
    });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('标识');
    sheet.addRow(['handle', 'name', 'weight']);
    sheet.addRow(['X1', '轴承', '1.5']);
    sheet.addRow([`${owner.prefix}/X2`, '轴承', '2']);
    const xlsx = await send('ids.xlsx', new Blob([new Uint8Array(await workbook.xlsx.writeBuffer())]));
    expect(await poll(xlsx.body.jobId)).toMatchObject({ status: 'done', total: 2, registered: 2, errors: [] });
    expect((await send('bad.csv', new Blob(['name\nx\n']))).body.error?.code).toBe('identifiers.uploadNoHandleColumn');
    expect((await send('bad.csv', new Blob(['handle,colour\nx,red\n']))).body.error?.code).toBe('identifiers.uploadUnknownColumn');
    expect((await send('ids.csv', new Blob(['handle\nx\n']), { prefix: owner.prefix, templateVersion: '9' })).body.error?.code).toBe(
      'identifiers.templateNotFound',
    );
    const other = await tenant(server(), 7303);
    expectError(await other.client.get(`/api/identifiers/uploads/${csv.body.jobId}`), 404, 'identifiers.uploadNotFound');
    bureau = await server().as('bureau_admin'); // one session per account: tenant() logged the operator in anew
  });

  it('counts resolutions and registrations per enterprise per day, flushed in batches', async () => {
    const anonymous = server().client();
    for (let i = 0; i < 5; i++) expect((await anonymous.get(`/api/handles/${owner.prefix}/w${(i % 3) + 1}`)).status).toBe(200);
    await anonymous.get(`/api/handles/${owner.prefix}/missing`); // a miss is not a resolution
    const { db } = server().ctx;
    const before = await db.selectFrom('idStatDaily').selectAll().where('enterpriseId', '=', owner.enterpriseId).execute();
    expect(before.reduce((n, r) => n + Number(r.resolutions), 0)).toBe(0); // still in memory
    await identifierNode(server().ctx).flushStats();
    const rows = await db.selectFrom('idStatDaily').selectAll().where('enterpriseId', '=', owner.enterpriseId).execute();
    expect(rows.reduce((n, r) => n + Number(r.resolutions), 0)).toBe(5);
    expect(rows.reduce((n, r) => n + Number(r.registrations), 0)).toBe(7); // 3 by batch, 4 by files
    const stats = await bureau.get('/api/identifiers/stats');
    expect(stats.body.byEnterprise.find((e: { enterpriseId: number }) => e.enterpriseId === owner.enterpriseId)).toMatchObject({
      registrations: 7,
      resolutions: 5,
      prefix: owner.prefix,
    });
    expect(stats.body.totals.resolutions).toBeGreaterThanOrEqual(5);
    const node = await owner.client.get('/api/identifiers/node');
    expect(node.body).toMatchObject({ nodePrefix: '88.999', demoPrefix: true });
    expectError(await owner.client.get('/api/identifiers/stats'), 403, 'auth.forbidden');
  });

  it('exports the statistics for the national top-level node as JSON and CSV', async () => {
    const json = await bureau.get('/api/identifiers/stats/export?format=json');
    expect(json.status).toBe(200);
    expect(json.headers.get('content-disposition')).toMatch(/attachment; filename="identifier-statistics-88\.999-/);
    expect(json.body).toMatchObject({
      node: '88.999',
      demoPrefix: true,
      rows: expect.arrayContaining([expect.objectContaining({ prefix: owner.prefix, registrations: 7 })]),
    });
    const text = await (await bureau.raw('GET', '/api/identifiers/stats/export?format=csv')).text();
    expect(text.replace(/^\ufeff/, '').split('\r\n')[0]).toBe('day,prefix,credit_code,enterprise_name,registrations,resolutions');
    expect(text).toContain(owner.prefix);
    // an enterprise name that a spreadsheet would run as a formula is written as text
    const evil = '=HYPERLINK("http://evil.example","点我")';
    const before = await server()
      .ctx.db.selectFrom('enterprise')
      .select('name')
      .where('id', '=', owner.enterpriseId)
      .executeTakeFirstOrThrow();
    await server().ctx.db.updateTable('enterprise').set({ name: evil }).where('id', '=', owner.enterpriseId).execute();
    const neutralised = await (await bureau.raw('GET', '/api/identifiers/stats/export?format=csv')).text();
    await server().ctx.db.updateTable('enterprise').set({ name: before.name }).where('id', '=', owner.enterpriseId).execute();
    expect(neutralised).toContain(`"'=HYPERLINK(""http://evil.example"",""点我"")"`);
    expect(neutralised).not.toMatch(/(^|,)=HYPERLINK/m);
    expectError(
      await server()
        .as('district_officer')
        .then((c) => c.get('/api/identifiers/stats/export')),
      403,
      'auth.forbidden',
    );
  });

  it('counts a large prefix in the list only up to the cap, and says there are more', async () => {
    const big = await tenant(server(), 7309);
    expect((await big.client.post(`/api/identifiers/prefixes/${big.prefix}/templates`, TEMPLATE)).status).toBe(200);
    const batch = (tag: string, n: number) => ({
      items: Array.from({ length: n }, (_, i) => ({
        handle: `${big.prefix}/${tag}${i}`,
        templateVersion: TEMPLATE.version,
        values: [{ index: 2000, type: 'name', data: `轴承${i}` }],
      })),
    });
    expect((await big.client.post('/api/identifiers/records/batch', batch('A', 10_000))).status).toBe(200);
    const exact = await big.client.get(`/api/identifiers/prefixes/${big.prefix}/identifiers?pageSize=20`);
    expect(exact.body).toMatchObject({ total: 10_000, totalCapped: false });
    expect((await big.client.post('/api/identifiers/records/batch', batch('B', 5))).status).toBe(200);
    const capped = await big.client.get(`/api/identifiers/prefixes/${big.prefix}/identifiers?pageSize=20`);
    expect(capped.body).toMatchObject({ total: 10_000, totalCapped: true });
    expect(capped.body.items).toHaveLength(20);
    // a filter narrows it below the cap, counted exactly
    const filtered = await big.client.get(`/api/identifiers/prefixes/${big.prefix}/identifiers?q=B`);
    expect(filtered.body).toMatchObject({ total: 5, totalCapped: false });
  });
});
