import { completeCreditCode, type EnterpriseInput } from '@zhizao/domain';
import { beforeAll, expect, it } from 'vitest';
import { expectError } from '../../../test/expect.ts';
import { describeEachDatabase, enterpriseInput, type Json, type TestClient } from '../../../test/harness.ts';

const INPUT_FIELDS = Object.keys(enterpriseInput()) as (keyof EnterpriseInput)[];
let serial = 100;

/** The writable part of an enterprise as the API shows it, ready to send back with its version. */
function forUpdate(view: Record<string, unknown>, changes: Partial<EnterpriseInput> = {}) {
  const input = Object.fromEntries(INPUT_FIELDS.map((k) => [k, view[k]]));
  return { ...input, ...changes, version: view.version as number };
}

async function create(c: TestClient, overrides: Partial<EnterpriseInput> = {}) {
  const res = await c.post('/api/enterprises', enterpriseInput(overrides, serial++));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

/** Every enterprise the caller can list with `query`, walking all pages. */
async function listAll(c: TestClient, query = ''): Promise<Json[]> {
  const items: Json[] = [];
  for (let page = 1; ; page++) {
    const res = await c.get(`/api/enterprises?pageSize=200&page=${page}${query ? '&' + query : ''}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    items.push(...res.body.items);
    if (items.length >= res.body.total) return items;
  }
}

const ids = (items: { id: number }[]) => items.map((e) => e.id).sort((a, b) => a - b);

describeEachDatabase('enterprise registry', (server) => {
  let admin: TestClient;
  beforeAll(async () => {
    admin = await server().as('bureau_admin');
  });

  it('registers an enterprise with normalised input and reads it back', async () => {
    const body = enterpriseInput(
      { chainCodes: ['TC2', 'TC1', 'TC2'], clusterCode: 'TK1', industryCode: 'c3484', address: '  ', name: '  威海规范化测试有限公司  ' },
      serial++,
    );
    const res = await admin.post('/api/enterprises', { ...body, creditCode: body.creditCode.toLowerCase() });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      creditCode: body.creditCode,
      name: '威海规范化测试有限公司',
      chainCodes: ['TC1', 'TC2'],
      clusterCode: 'TK1',
      industryCode: 'C3484',
      address: null,
      contactPhone: '13800000001',
      archived: false,
      isDemo: false,
      version: 1,
    });
    const read = await admin.get(`/api/enterprises/${res.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(res.body);
  });

  it('answers 404 for an enterprise that does not exist', async () => {
    expectError(await admin.get('/api/enterprises/2000000000'), 404, 'enterprise.notFound');
    expectError(
      await admin.put('/api/enterprises/2000000000', { ...enterpriseInput({}, serial++), version: 1 }),
      404,
      'enterprise.notFound',
    );
    expectError(await admin.post('/api/enterprises/2000000000/archive'), 404, 'enterprise.notFound');
  });

  it('changes an enterprise, replaces its chains and bumps the version', async () => {
    const e = await create(admin, { chainCodes: ['TC1'], clusterCode: 'TK1' });
    const res = await admin.put(
      `/api/enterprises/${e.id}`,
      forUpdate(e, {
        name: '威海改名后机械有限公司',
        chainCodes: ['TC2'],
        clusterCode: null,
        sizeClass: 'below_designated',
        manufacturingType: 'process',
        contactEmail: null,
      }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      name: '威海改名后机械有限公司',
      chainCodes: ['TC2'],
      clusterCode: null,
      sizeClass: 'below_designated',
      manufacturingType: 'process',
      contactEmail: null,
      version: 2,
    });
    expect(res.body.updatedAt >= e.updatedAt).toBe(true);
    expect((await admin.get(`/api/enterprises/${e.id}`)).body).toEqual(res.body);
  });

  it('refuses a save based on a stale version with 409 and keeps the newer data', async () => {
    const e = await create(admin);
    const other = await server().as('bureau_admin');
    expect((await other.put(`/api/enterprises/${e.id}`, forUpdate(e, { mainProducts: '先保存的产品' }))).status).toBe(200);
    const stale = await admin.put(`/api/enterprises/${e.id}`, forUpdate(e, { mainProducts: '后保存的产品' }));
    expectError(stale, 409, 'enterprise.versionConflict', 'version');
    expect(stale.body.error.message).toBe('该企业已被他人修改，请刷新后再保存');
    const now = (await admin.get(`/api/enterprises/${e.id}`)).body;
    expect(now).toMatchObject({ mainProducts: '先保存的产品', version: 2 });
  });

  it('archives an enterprise out of the default list and restores it', async () => {
    const e = await create(admin);
    const byCode = (status?: string) => admin.get(`/api/enterprises?q=${e.creditCode}${status ? `&status=${status}` : ''}`);
    const archived = await admin.post(`/api/enterprises/${e.id}/archive`);
    expect(archived.status).toBe(200);
    expect(archived.body).toMatchObject({ id: e.id, archived: true, version: 2 });
    expect((await byCode()).body.total).toBe(0);
    expect(ids((await byCode('archived')).body.items)).toEqual([e.id]);
    expect(ids((await byCode('all')).body.items)).toEqual([e.id]);
    expect((await admin.get(`/api/enterprises/${e.id}`)).body.archived).toBe(true);

    const restored = await admin.post(`/api/enterprises/${e.id}/restore`);
    expect(restored.body).toMatchObject({ archived: false, version: 3 });
    expect(ids((await byCode()).body.items)).toEqual([e.id]);
    expect((await byCode('archived')).body.total).toBe(0);
  });

  it('rejects a credit code with a wrong check character, naming the field in zh and en', async () => {
    const valid = enterpriseInput({}, serial++);
    const last = valid.creditCode.at(-1)!;
    const wrong = valid.creditCode.slice(0, 17) + (last === '0' ? '1' : '0');
    const zh = await admin.post('/api/enterprises', { ...valid, creditCode: wrong });
    expectError(zh, 400, 'enterprise.creditCodeCheck', 'creditCode');
    expect(zh.body.error.message).toBe('统一社会信用代码校验位不正确');
    expect(zh.body.error.details).toEqual([
      { field: 'creditCode', code: 'enterprise.creditCodeCheck', message: '统一社会信用代码校验位不正确' },
    ]);
    admin.language = 'en';
    try {
      const en = await admin.post('/api/enterprises', { ...valid, creditCode: wrong });
      expectError(en, 400, 'enterprise.creditCodeCheck', 'creditCode');
      expect(en.body.error.message).toBe('The credit code check character is wrong');
    } finally {
      admin.language = 'zh-CN';
    }
    expect((await admin.get(`/api/enterprises?q=${wrong}&status=all`)).body.total).toBe(0);
  });

  it('tells a short code and a forbidden character apart from a wrong check character', async () => {
    const valid = enterpriseInput({}, serial++);
    expectError(
      await admin.post('/api/enterprises', { ...valid, creditCode: valid.creditCode.slice(0, 17) }),
      400,
      'enterprise.creditCodeLength',
      'creditCode',
    );
    // I, O, S, V and Z never appear in a credit code (GB 32100-2015)
    expectError(
      await admin.post('/api/enterprises', { ...valid, creditCode: 'I' + valid.creditCode.slice(1) }),
      400,
      'enterprise.creditCodeCharacter',
      'creditCode',
    );
  });

  it('refuses a second enterprise with the same credit code (409), in any letter case', async () => {
    const e = await create(admin);
    const again = await admin.post('/api/enterprises', enterpriseInput({ creditCode: e.creditCode, name: '另一家公司' }, serial++));
    expectError(again, 409, 'enterprise.creditCodeTaken', 'creditCode');
    expect(again.body.error.message).toBe(`统一社会信用代码 ${e.creditCode} 已登记`);
    expectError(
      await admin.post('/api/enterprises', enterpriseInput({ creditCode: e.creditCode.toLowerCase() }, serial++)),
      409,
      'enterprise.creditCodeTaken',
      'creditCode',
    );
    const other = await create(admin);
    expectError(
      await admin.put(`/api/enterprises/${other.id}`, forUpdate(other, { creditCode: e.creditCode })),
      409,
      'enterprise.creditCodeTaken',
      'creditCode',
    );
    expect((await admin.get(`/api/enterprises?q=${e.creditCode}&status=all`)).body.total).toBe(1);
  });

  it('refuses parallel registrations of one credit code with 409, never 500, and keeps one', async () => {
    const body = enterpriseInput({}, serial++);
    const results = await Promise.all(Array.from({ length: 6 }, () => admin.post('/api/enterprises', body)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
    for (const r of results.filter((r) => r.status === 409)) expectError(r, 409, 'enterprise.creditCodeTaken', 'creditCode');
    expect((await admin.get(`/api/enterprises?q=${body.creditCode}&status=all`)).body.total).toBe(1);
  });

  it('lists every field problem of a form in error.details, the first one as the error itself', async () => {
    const bad = enterpriseInput(
      {
        creditCode: '91371002MA3C',
        name: '   ',
        districtCode: '999999',
        chainCodes: ['TC1', 'NOPE'],
        clusterCode: 'NOPE',
        industryCode: 'A0111',
        address: '路'.repeat(201),
        contactPhone: '12345',
        contactEmail: 'not-an-email',
      },
      serial++,
    );
    const res = await admin.post('/api/enterprises', bad);
    expectError(res, 400, 'enterprise.creditCodeLength', 'creditCode');
    expect(res.body.error.details.map((d: Json) => [d.field, d.code])).toEqual([
      ['creditCode', 'enterprise.creditCodeLength'],
      ['name', 'enterprise.required'],
      ['districtCode', 'enterprise.unknownDistrict'],
      ['chainCodes', 'enterprise.unknownChain'],
      ['clusterCode', 'enterprise.unknownCluster'],
      ['industryCode', 'enterprise.invalidIndustryCode'],
      ['contactPhone', 'enterprise.invalidPhone'],
      ['contactEmail', 'enterprise.invalidEmail'],
      ['address', 'enterprise.tooLong'],
    ]);
    expect(res.body.error.details[1].message).toBe('「企业名称」为必填项');
    admin.language = 'en';
    try {
      const en = await admin.post('/api/enterprises', bad);
      expect(en.body.error.details[1].message).toBe('"Name" is required');
      expect(en.body.error.details[8].message).toBe('"Address" is too long');
    } finally {
      admin.language = 'zh-CN';
    }
  });

  it('names the field of a shape problem the schema catches', async () => {
    const { name: _omitted, ...noName } = enterpriseInput({}, serial++);
    expectError(await admin.post('/api/enterprises', noName), 400, 'validation.required', 'name');
    expectError(
      await admin.post('/api/enterprises', { ...enterpriseInput({}, serial++), sizeClass: 'huge' }),
      400,
      'validation.enum',
      'sizeClass',
    );
    expectError(
      await admin.post('/api/enterprises', { ...enterpriseInput({}, serial++), founded: 1990 }),
      400,
      'validation.additionalProperties',
      'founded',
    );
    const e = await create(admin);
    const { version: _v, ...noVersion } = forUpdate(e);
    expectError(await admin.put(`/api/enterprises/${e.id}`, noVersion), 400, 'validation.required', 'version');
  });

  it('filters the list by district, chain, cluster, size, type and status exactly', async () => {
    await create(admin, {
      districtCode: '371003',
      chainCodes: ['TC1', 'TC2'],
      clusterCode: 'TK1',
      sizeClass: 'below_designated',
      manufacturingType: 'process',
    });
    await create(admin, { districtCode: '371082', chainCodes: ['TC2'], sizeClass: 'above_designated', manufacturingType: 'discrete' });
    const gone = await create(admin, { districtCode: '371003', manufacturingType: 'process' });
    await admin.post(`/api/enterprises/${gone.id}/archive`);

    const everything = await listAll(admin, 'status=all');
    const cases: [string, (e: Json) => boolean][] = [
      ['', (e) => !e.archived],
      ['status=active', (e) => !e.archived],
      ['status=archived', (e) => e.archived],
      ['status=all', () => true],
      ['districtCode=371003', (e) => !e.archived && e.districtCode === '371003'],
      ['chainCode=TC2', (e) => !e.archived && e.chainCodes.includes('TC2')],
      ['clusterCode=TK1', (e) => !e.archived && e.clusterCode === 'TK1'],
      ['sizeClass=below_designated', (e) => !e.archived && e.sizeClass === 'below_designated'],
      ['manufacturingType=process', (e) => !e.archived && e.manufacturingType === 'process'],
      ['districtCode=371003&manufacturingType=process&status=all', (e) => e.districtCode === '371003' && e.manufacturingType === 'process'],
      [
        'chainCode=TC1&sizeClass=above_designated',
        (e) => !e.archived && e.chainCodes.includes('TC1') && e.sizeClass === 'above_designated',
      ],
    ];
    for (const [query, keep] of cases) {
      const expected = ids(everything.filter(keep));
      if (query !== 'status=all') expect(expected.length, query).toBeLessThan(everything.length);
      expect(expected.length, query).toBeGreaterThan(0);
      const got = await listAll(admin, query);
      expect(ids(got), query).toEqual(expected);
    }
    expect((await admin.get('/api/enterprises?districtCode=371083')).body).toMatchObject({ items: [], total: 0 });
  });

  it('pages through the list without gaps or repeats, and says past the end is empty', async () => {
    for (let i = 0; i < 5; i++) await create(admin);
    const all = await listAll(admin, 'sort=creditCode');
    expect(all.length).toBeGreaterThanOrEqual(5);
    const pageSize = 3;
    const paged: Json[] = [];
    for (let page = 1; page <= Math.ceil(all.length / pageSize); page++) {
      const res = await admin.get(`/api/enterprises?sort=creditCode&pageSize=${pageSize}&page=${page}`);
      expect(res.body).toMatchObject({ total: all.length, page, pageSize });
      expect(res.body.items.length).toBe(Math.min(pageSize, all.length - (page - 1) * pageSize));
      paged.push(...res.body.items);
    }
    expect(paged.map((e) => e.id)).toEqual(all.map((e) => e.id));
    const past = await admin.get(`/api/enterprises?sort=creditCode&pageSize=${pageSize}&page=${Math.ceil(all.length / pageSize) + 1}`);
    expect(past.body).toMatchObject({ items: [], total: all.length });
    const defaults = await admin.get('/api/enterprises');
    expect(defaults.body).toMatchObject({ page: 1, pageSize: 20 });
    expectError(await admin.get('/api/enterprises?pageSize=201'), 400, 'validation.maximum', 'pageSize');
    expectError(await admin.get('/api/enterprises?page=0'), 400, 'validation.minimum', 'page');
  });

  it('sorts by credit code, name, creation and change time in either order', async () => {
    const byCodeAsc = (await listAll(admin, 'sort=creditCode&order=asc')).map((e) => e.creditCode);
    expect(byCodeAsc).toEqual([...byCodeAsc].sort());
    const byCodeDesc = (await listAll(admin, 'sort=creditCode&order=desc')).map((e) => e.creditCode);
    expect(byCodeDesc).toEqual([...byCodeAsc].reverse());

    // names are all different, so descending is exactly ascending reversed
    const byNameAsc = (await listAll(admin, 'sort=name')).map((e) => e.name);
    expect(new Set(byNameAsc).size).toBe(byNameAsc.length);
    expect((await listAll(admin, 'sort=name&order=desc')).map((e) => e.name)).toEqual([...byNameAsc].reverse());

    const touched = await create(admin, { name: '最后修改的企业' });
    const oldest = (await admin.get('/api/enterprises?sort=createdAt&order=asc&pageSize=1')).body.items[0];
    const detail = (await admin.get(`/api/enterprises/${oldest.id}`)).body; // the list masks phones; edit from the detail
    expect((await admin.put(`/api/enterprises/${oldest.id}`, forUpdate(detail, { mainProducts: '刚刚修改' }))).status).toBe(200);
    const created = (await listAll(admin, 'sort=createdAt&order=desc')).map((e) => e.createdAt);
    expect(created).toEqual([...created].sort().reverse());
    const updated = await listAll(admin, 'sort=updatedAt&order=desc');
    expect(updated[0].id).toBe(oldest.id);
    expect(updated.map((e) => e.updatedAt)).toEqual(
      updated
        .map((e) => e.updatedAt)
        .sort()
        .reverse(),
    );
    expect(updated.findIndex((e) => e.id === touched.id)).toBe(1);
    expectError(await admin.get('/api/enterprises?sort=password'), 400, 'validation.enum', 'sort');
  });

  it('finds enterprises by Chinese words of their name, products and address, and by credit-code prefix', async () => {
    const machine = await create(admin, {
      name: '威海精密机械制造有限公司',
      mainProducts: '数控机床、加工中心',
      address: '高新区火炬路8号',
      districtCode: '371003',
    });
    const food = await create(admin, {
      name: '荣成海洋食品有限公司',
      mainProducts: '海参、鱼糜制品',
      districtCode: '371082',
      creditCode: completeCreditCode('92371082MA0000777'),
    });
    const bearing = await create(admin, { name: '乳山新材料科技有限公司', mainProducts: '高端轴承、精密机械制造', districtCode: '371083' });
    const search = async (q: string, extra = '') => ids(await listAll(admin, `q=${encodeURIComponent(q)}${extra}`));

    const mech = await search('机械');
    expect(mech).toContain(machine.id);
    expect(mech).not.toContain(food.id);

    const bearings = await search('轴承'); // only in main products
    expect(bearings).toContain(bearing.id);
    expect(bearings).not.toContain(machine.id);
    expect(bearings).not.toContain(food.id);

    expect(await search('精密 机床')).toContain(machine.id); // words from the name and from the products
    expect(await search('海参制品')).toEqual([food.id]);
    expect(await search('火炬路')).toEqual([machine.id]); // only in the address
    // jieba cuts 机械制造 as one word, but indexed 精密机械制造 as 精密机械 | 制造: its parts still find it
    expect(await search('机械制造')).toEqual(expect.arrayContaining([machine.id, bearing.id]));
    expect(await search('机械制造')).not.toContain(food.id);
    expect(await search('轴承', '&districtCode=371003')).not.toContain(bearing.id);

    const byPrefix = await listAll(admin, 'q=92371082ma');
    expect(ids(byPrefix)).toEqual([food.id]);

    expect(await search('量子计算机')).toEqual([]);
    expect(await search('%')).toEqual([]);
    expect(await search('_')).toEqual([]);

    // the index follows changes
    await admin.put(`/api/enterprises/${bearing.id}`, forUpdate(bearing, { mainProducts: '风电齿轮箱' }));
    expect(await search('轴承')).not.toContain(bearing.id);
    expect(await search('齿轮箱')).toEqual([bearing.id]);
    await admin.post(`/api/enterprises/${food.id}/archive`);
    expect(await search('海参')).toEqual([]);
    expect(await search('海参', '&status=archived')).toEqual([food.id]);
  });
});
