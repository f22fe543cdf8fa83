import { CMMM_2020_REQUIREMENTS, completeCreditCode } from '@zhizao/domain';
import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { expectError } from '../../../test/expect.ts';
import { describeEachDatabase, enterpriseInput, type TestClient } from '../../../test/harness.ts';
import { insertEnterprise } from '../registry/enterprise.repo.ts';

// The bureau's city-wide view over real HTTP: level counts per chain / district / type over each
// enterprise's latest submitted assessment, next to the national snapshot; the eligible list; Excel.

describeEachDatabase('maturity bureau view', (server) => {
  let bureau: TestClient;
  let officer: TestClient;
  const ids: Record<string, number> = {};

  /** A submitted assessment row as the submit service leaves it (level and score on the row). */
  async function assessment(
    enterpriseId: number,
    level: number,
    options: { latest?: boolean; model?: string; at?: string; type?: string } = {},
  ) {
    const at = options.at ?? '2026-06-01T02:00:00.000Z';
    await server()
      .ctx.db.insertInto('maturityAssessment')
      .values({
        enterpriseId,
        modelVersion: options.model ?? 'CMMM-2020',
        manufacturingType: options.type ?? 'discrete',
        targetLevel: 2,
        status: 'submitted',
        version: 2,
        createdBy: null,
        createdAt: at,
        updatedAt: at,
        submittedAt: at,
        resultJson: '{}',
        modelJson: null,
        formulaId: 'bandAligned',
        reachedLevel: level,
        totalScore: level + 0.1,
        isLatest: options.latest === false ? 0 : 1,
      })
      .execute();
  }

  beforeAll(async () => {
    bureau = await server().as('bureau_admin');
    officer = await server().as('district_officer');
    const { db, cipher } = server().ctx;
    const make = (serial: number, district: string, chains: string[], type: 'discrete' | 'process', archived = false) =>
      db.transaction().execute(async (tx) => {
        const e = await insertEnterprise(
          tx,
          cipher,
          enterpriseInput(
            {
              districtCode: district,
              chainCodes: chains,
              manufacturingType: type,
              name: `分布测试企业${serial}`,
              creditCode: completeCreditCode(`91${district}TE${String(serial).padStart(7, '0')}`),
            },
            serial,
          ),
        );
        if (archived) await tx.updateTable('enterprise').set({ archived: 1 }).where('id', '=', e.id).execute();
        return e.id;
      });
    ids.e1 = server().enterprises.huancui; // 371002, TC1, discrete
    ids.e2 = await make(9101, '371002', ['TC1', 'TC2'], 'process');
    ids.e3 = await make(9102, '371003', ['TC2'], 'discrete');
    ids.e4 = server().enterprises.wendeng; // 371003, no chain, discrete in the registry
    ids.e5 = await make(9103, '371003', ['TC1'], 'discrete');
    ids.e6 = await make(9104, '371002', ['TC1'], 'discrete', true);
    await assessment(ids.e1, 1, { latest: false, at: '2025-05-01T02:00:00.000Z' });
    await assessment(ids.e1, 2);
    await assessment(ids.e2, 3, { type: 'process' });
    await assessment(ids.e3, 1);
    await assessment(ids.e4, 0, { type: 'process' });
    await assessment(ids.e5, 4, { model: 'CMMM-2024draft', at: '2025-09-01T02:00:00.000Z' });
    await assessment(ids.e6, 5); // archived: not part of the city any more
  });

  const levelsOf = (body: { groups: { code: string; levels: number[] }[] }, code: string) =>
    body.groups.find((g) => g.code === code)?.levels;

  it('counts levels per district, chain and manufacturing type over each enterprise’s latest submitted assessment', async () => {
    const byDistrict = await bureau.get('/api/maturity/distribution?groupBy=district');
    expect(byDistrict.status, JSON.stringify(byDistrict.body)).toBe(200);
    expect(byDistrict.body.city).toMatchObject({
      total: 5,
      levels: [1, 1, 1, 1, 1, 0],
      bins: { upToL1: 2, l2: 1, l3: 1, l4Plus: 1 },
      atLeastL2: 0.6,
    });
    expect(levelsOf(byDistrict.body, '371002')).toEqual([0, 0, 1, 1, 0, 0]);
    expect(levelsOf(byDistrict.body, '371003')).toEqual([1, 1, 0, 0, 1, 0]);
    expect(byDistrict.body.groups).toHaveLength(7); // every district, assessed or not
    expect(levelsOf(byDistrict.body, '371082')).toEqual([0, 0, 0, 0, 0, 0]);
    const byChain = (await bureau.get('/api/maturity/distribution?groupBy=chain')).body;
    expect(levelsOf(byChain, 'TC1')).toEqual([0, 0, 1, 1, 1, 0]);
    expect(levelsOf(byChain, 'TC2')).toEqual([0, 1, 0, 1, 0, 0]);
    expect(byChain.groups.find((g: { code: string }) => g.code === 'TC1')).toMatchObject({ name: '测试产业链一', total: 3 });
    expect(byChain.countsEnterprisesInEachChain).toBe(true);
    const byType = (await bureau.get('/api/maturity/distribution?groupBy=manufacturingType')).body;
    expect(levelsOf(byType, 'discrete')).toEqual([0, 1, 1, 0, 1, 0]);
    expect(levelsOf(byType, 'process')).toEqual([1, 0, 0, 1, 0, 0]);
    expect(byType.groups.map((g: { name: string }) => g.name)).toEqual(['离散型', '流程型']);
  });

  it('filters by model version and year', async () => {
    expect((await bureau.get('/api/maturity/distribution?modelVersion=CMMM-2020')).body.city).toMatchObject({
      total: 4,
      levels: [1, 1, 1, 1, 0, 0],
    });
    expect((await bureau.get('/api/maturity/distribution?year=2025')).body.city).toMatchObject({ total: 1, levels: [0, 0, 0, 0, 1, 0] });
    expect((await bureau.get('/api/maturity/distribution?year=2026&groupBy=district&districtCode=371002')).body).toMatchObject({
      city: { total: 2 },
      filters: { year: 2026, districtCode: '371002' },
    });
    expectError(await bureau.get('/api/maturity/distribution?groupBy=size'), 400, 'validation.enum', 'groupBy');
    expectError(await bureau.get('/api/maturity/distribution?year=1999'), 400, 'validation.minimum', 'year');
  });

  it('puts the national c3mep snapshot beside the city, with its sources, and names which one', async () => {
    const body = (await bureau.get('/api/maturity/distribution')).body;
    expect(body.national).toMatchObject({
      id: 'c3mep-2022',
      label: '2022 年度报告',
      shares: { upToL1: 0.63, l2: 0.21, l3: 0.12, l4Plus: 0.04 },
    });
    expect(body.national.sources[0]).toMatch(/^https?:\/\//);
    const older = (await bureau.get('/api/maturity/distribution?national=c3mep-2020')).body.national;
    expect(older).toMatchObject({ id: 'c3mep-2020', shares: { upToL1: 0.75 } });
    const latest = (await bureau.get('/api/maturity/distribution?national=c3mep-2024-10')).body.national;
    expect(latest).toMatchObject({ atLeastL2: 0.42, shares: { l2: null } });
    expectError(await bureau.get('/api/maturity/distribution?national=nope'), 400, 'validation.enum', 'national');
  });

  it('scopes a district officer to their district; other roles are refused', async () => {
    const body = (await officer.get('/api/maturity/distribution?groupBy=district')).body;
    expect(body.city).toMatchObject({ total: 2, levels: [0, 0, 1, 1, 0, 0] });
    expect(body.groups.map((g: { code: string }) => g.code)).toEqual(['371002']);
    expect((await officer.get('/api/maturity/distribution?groupBy=chain')).body.city.total).toBe(2);
    expectError(await officer.get('/api/maturity/distribution?districtCode=371003'), 403, 'enterprise.outOfScope', 'districtCode');
    expect((await officer.get('/api/maturity/eligible')).body.items.map((e: { enterpriseId: number }) => e.enterpriseId)).toEqual([
      ids.e2,
      ids.e1,
    ]);
    for (const role of ['enterprise_user', 'expert', 'service_provider'] as const) {
      const c = await server().as(role);
      expectError(await c.get('/api/maturity/distribution'), 403, 'auth.forbidden');
      expectError(await c.get('/api/maturity/eligible'), 403, 'auth.forbidden');
      expectError(await c.get('/api/maturity/eligible.xlsx'), 403, 'auth.forbidden');
    }
    expectError(await server().client().get('/api/maturity/distribution'), 401, 'auth.required');
  });

  it('lists the enterprises at level ≥ 2 (eligible for recognition), best first, with level, score, date and verified level', async () => {
    const res = await bureau.get('/api/maturity/eligible');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ total: 3, minLevel: 2 });
    expect(res.body.items.map((e: { enterpriseId: number }) => e.enterpriseId)).toEqual([ids.e5, ids.e2, ids.e1]);
    expect(res.body.items[0]).toMatchObject({
      level: 4,
      score: 4.1,
      submittedAt: '2025-09-01T02:00:00.000Z',
      verifiedLevel: null,
      modelVersion: 'CMMM-2024draft',
      enterpriseName: '分布测试企业9103',
    });
    expect((await bureau.get('/api/maturity/eligible?minLevel=3')).body.total).toBe(2);
    expect(
      (await bureau.get('/api/maturity/eligible?minLevel=2&pageSize=1&page=2')).body.items.map(
        (e: { enterpriseId: number }) => e.enterpriseId,
      ),
    ).toEqual([ids.e2]);
    expectError(await bureau.get('/api/maturity/eligible?minLevel=6'), 400, 'validation.maximum', 'minLevel');
  });

  async function workbook(path: string) {
    const res = await bureau.raw('GET', path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="maturity-.*\.xlsx"; filename\*=UTF-8''/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    return book.worksheets[0]!;
  }

  it('exports the eligible list as a workbook in the house style: title row, then 序号 first', async () => {
    const sheet = await workbook('/api/maturity/eligible.xlsx');
    expect(String(sheet.getRow(1).getCell(1).value)).toContain('成熟度 2 级及以上企业');
    expect((sheet.getRow(2).values as unknown[]).slice(1, 4)).toEqual(['序号', '企业名称', '统一社会信用代码']);
    expect((sheet.getRow(3).values as unknown[]).slice(1, 3)).toEqual([1, '分布测试企业9103']);
    expect(sheet.getRow(3).getCell(6).value).toBe('四级');
    expect(sheet.getRow(5).getCell(1).value).toBe(3);
    expect(sheet.getRow(6).getCell(1).value ?? null).toBeNull();
  });

  it('exports the distribution with the city total and the national snapshot beneath', async () => {
    const sheet = await workbook('/api/maturity/distribution.xlsx?groupBy=district');
    expect(String(sheet.getRow(1).getCell(1).value)).toContain('按区市');
    expect((sheet.getRow(2).values as unknown[]).slice(1, 4)).toEqual(['序号', '区市', '企业数']);
    const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
    const city = rows.find((r) => r[2] === '全市合计')!;
    expect(city.slice(3, 10)).toEqual([5, 1, 1, 1, 1, 1, 0]);
    expect(rows.some((r) => String(r[2] ?? '').startsWith('全国参照：2022 年度报告'))).toBe(true);
    expect(rows.find((r) => r[2] === '全国占比（%）')!.slice(3, 7)).toEqual([63, 21, 12, 4]);
    const audit = (await (await server().as('audit_admin')).get('/api/audit?action=maturity.distribution.export')).body;
    expect(audit.total).toBe(1);
  });

  it('takes a real submit into the view: the level lands on the row and the newest assessment replaces the older one', async () => {
    const enterprise = await server().as('enterprise_user');
    const created = (await enterprise.post('/api/maturity/assessments', { targetLevel: 2 })).body;
    const answers = CMMM_2020_REQUIREMENTS.map((r) => ({ requirementId: r.id, value: r.level <= 3 ? 1 : 0 }));
    expect((await enterprise.put(`/api/maturity/assessments/${created.id}/answers`, { version: 1, answers })).status).toBe(200);
    const submitted = await enterprise.post(`/api/maturity/assessments/${created.id}/submit`, { version: 2 });
    expect(submitted.body).toMatchObject({ reachedLevel: 3 });
    const row = await server()
      .ctx.db.selectFrom('maturityAssessment')
      .select(['reachedLevel', 'totalScore', 'isLatest'])
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ reachedLevel: 3, isLatest: 1 });
    expect(row.totalScore).toBeCloseTo(submitted.body.totalScore, 9);
    const body = (await bureau.get('/api/maturity/distribution?groupBy=district')).body;
    expect(body.city).toMatchObject({ total: 5, levels: [1, 1, 0, 2, 1, 0] });
    expect(levelsOf(body, '371002')).toEqual([0, 0, 0, 2, 0, 0]);
  });
});
