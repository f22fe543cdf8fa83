import { addYears, chinaDate } from '@zhizao/domain';
import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { expectError } from '../../../test/expect.ts';
import { describeEachDatabase, type TestClient } from '../../../test/harness.ts';
import { sm3 } from '../../platform/crypto.ts';
import { grantRecognition } from './grant.ts';
import { manifestContent } from './recommendations.service.ts';
import { giveMaturityLevel, programmeBody } from './test-fixtures.ts';

// After recognition, over real HTTP: the upward recommendation pack (files stored as sent, each hashing to
// its recorded SM3, the snapshot over the manifest), the outcome creating the higher recognition, the
// ladder per enterprise and for the city, the KPI view, re-evaluation and revocation with its ban.

const KPIS = (cnc: number, cost: [number, number], prod: [number, number]) =>
  JSON.stringify({
    cncRate: { before: 40, after: cnc },
    operatingCost: { before: cost[0], after: cost[1] },
    productivity: { before: prod[0], after: prod[1] },
  });

describeEachDatabase('recognition after recognition', (server) => {
  let bureau: TestClient;
  let enterprise: TestClient;
  let officer: TestClient;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    bureau = await server().as('bureau_admin');
    enterprise = await server().as('enterprise_user');
    officer = await server().as('district_officer');
    const { huancui, wendeng } = server().enterprises;
    await server()
      .ctx.db.transaction()
      .execute(async (tx) => {
        const base = { kind: 'smart_factory', level: 'municipal', year: 2024, recognisedOn: '2024-06-30', source: 'record' } as const;
        ids.a = (
          await grantRecognition(tx, {
            ...base,
            enterpriseId: huancui,
            projectName: '轴承智能工厂',
            kpisJson: KPIS(96, [1000, 740], [10, 15.7]),
          })
        ).id;
        ids.b = (
          await grantRecognition(tx, {
            ...base,
            enterpriseId: wendeng,
            projectName: '纺织数字化工厂',
            kpisJson: KPIS(72, [500, 420], [8, 9]),
          })
        ).id;
        ids.c = (
          await grantRecognition(tx, {
            ...base,
            kind: 'digital_workshop',
            enterpriseId: huancui,
            projectName: '装配数字化车间',
            kpisJson: KPIS(75, [300, 230], [5, 6.2]),
          })
        ).id;
      });
  });

  it('numbers records in the city format, serial per year, kind and level', async () => {
    const list = (await bureau.get('/api/recognition/recognitions?year=2024')).body.items.map(
      (r: { recognitionNumber: string }) => r.recognitionNumber,
    );
    expect(list.sort()).toEqual(['WH-2024-DW-M-001', 'WH-2024-SF-M-001', 'WH-2024-SF-M-002']);
  });

  it('builds the recommendation pack from the data and records an SM3 snapshot that the stored files match', async () => {
    expectError(
      await enterprise.post('/api/recognition/recommendations', {
        targetLevel: 'provincial',
        kind: 'smart_factory',
        year: 2026,
        recognitionIds: [ids.a],
      }),
      403,
      'auth.forbidden',
    );
    expectError(
      await bureau.post('/api/recognition/recommendations', {
        targetLevel: 'national',
        kind: 'smart_factory',
        year: 2026,
        recognitionIds: [ids.a],
      }),
      400,
      'recognition.recommendLevel',
      'recognitionIds',
    );
    expectError(
      await bureau.post('/api/recognition/recommendations', {
        targetLevel: 'provincial',
        kind: 'smart_factory',
        year: 2026,
        recognitionIds: [ids.c],
      }),
      400,
      'recognition.recommendLevel',
      'recognitionIds',
    );
    expectError(
      await bureau.post('/api/recognition/recommendations', {
        targetLevel: 'provincial',
        kind: 'smart_factory',
        year: 2026,
        recognitionIds: [999999],
      }),
      400,
      'recognition.recognitionNotFound',
      'recognitionIds',
    );
    expectError(
      await bureau.post('/api/recognition/recommendations', {
        targetLevel: 'municipal',
        kind: 'smart_factory',
        year: 2026,
        recognitionIds: [ids.a],
      }),
      400,
      'validation.enum',
      'targetLevel',
    );

    const res = await bureau.post('/api/recognition/recommendations', {
      targetLevel: 'provincial',
      kind: 'smart_factory',
      year: 2026,
      recognitionIds: [ids.b, ids.a],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    ids.recommendation = res.body.id;
    const { files, snapshotSm3, items } = res.body;
    expect(items.map((i: { rank: number; recognitionId: number; outcome: string }) => [i.rank, i.recognitionId, i.outcome])).toEqual([
      [1, ids.b, 'pending'],
      [2, ids.a, 'pending'],
    ]);
    expect(files.map((f: { name: string }) => f.name)).toEqual([
      'data.json',
      'summary.xlsx',
      '01-WH-2024-SF-M-002.docx',
      '01-WH-2024-SF-M-002.pdf',
      '02-WH-2024-SF-M-001.docx',
      '02-WH-2024-SF-M-001.pdf',
    ]);
    // the snapshot is the SM3 of the manifest; each downloaded file hashes to its manifest SM3
    expect(snapshotSm3).toBe(sm3(manifestContent({ targetLevel: 'provincial', kind: 'smart_factory', year: 2026, files })));
    const bytes: Record<string, Buffer> = {};
    for (const f of files) {
      const download = await bureau.raw(
        'GET',
        `/api/recognition/recommendations/${ids.recommendation}/files/${encodeURIComponent(f.name)}`,
      );
      expect(download.status, f.name).toBe(200);
      bytes[f.name] = Buffer.from(await download.arrayBuffer());
      expect(sm3(bytes[f.name]!), f.name).toBe(f.sm3);
      expect(bytes[f.name]!.length).toBe(f.size);
    }
    // the summary ranks as recommended; the data file holds what the books were drawn from
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes['summary.xlsx']! as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect([sheet.getRow(3).getCell(1).value, sheet.getRow(3).getCell(2).value, sheet.getRow(4).getCell(6).value]).toEqual([
      1,
      '文登测试纺织有限公司',
      'WH-2024-SF-M-001',
    ]);
    const data = JSON.parse(bytes['data.json']!.toString());
    expect(
      data.items.map((i: { recognitionNumber: string; kpis: { cncRate: { after: number } } }) => [
        i.recognitionNumber,
        i.kpis.cncRate.after,
      ]),
    ).toEqual([
      ['WH-2024-SF-M-002', 72],
      ['WH-2024-SF-M-001', 96],
    ]);
    expect(bytes['01-WH-2024-SF-M-002.pdf']!.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes['01-WH-2024-SF-M-002.docx']!.subarray(0, 2).toString()).toBe('PK');
    expectError(
      await bureau.get(`/api/recognition/recommendations/${ids.recommendation}/files/..%2F..%2Fzhizao.db`),
      404,
      'recognition.fileNotFound',
    );
    expectError(await officer.get(`/api/recognition/recommendations/${ids.recommendation}`), 403, 'auth.forbidden');
  });

  it('records the higher level’s outcome: approved creates the provincial recognition, once', async () => {
    const url = (rid: number) => `/api/recognition/recommendations/${ids.recommendation}/items/${rid}/outcome`;
    const approved = await bureau.post(url(ids.a!), {
      outcome: 'approved',
      decidedOn: '2026-03-15',
      recognitionNumber: '鲁工信装〔2026〕12号-07',
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const item = approved.body.items.find((i: { recognitionId: number }) => i.recognitionId === ids.a);
    expect(item).toMatchObject({ outcome: 'approved', decidedOn: '2026-03-15', newRecognitionId: expect.any(Number) });
    expectError(await bureau.post(url(ids.a!), { outcome: 'declined', decidedOn: '2026-03-15' }), 409, 'recognition.outcomeRecorded');
    expect(
      (await bureau.post(url(ids.b!), { outcome: 'declined', decidedOn: '2026-03-15', note: '名额已满' })).body.items[0],
    ).toMatchObject({ outcome: 'declined', newRecognitionId: null });
    expectError(
      await bureau.post(url(ids.c!), { outcome: 'approved', decidedOn: '2026-03-15' }),
      404,
      'recognition.recommendationItemNotFound',
    );
    expectError(await bureau.post(url(ids.a!), { outcome: 'approved', decidedOn: '2026-13-01' }), 400, 'recognition.badDate', 'decidedOn');

    const ladder = await enterprise.get(`/api/recognition/ladder/enterprises/${server().enterprises.huancui}`);
    expect(ladder.status, JSON.stringify(ladder.body)).toBe(200);
    expect(ladder.body.steps.map((s: { level: string; recognitions: unknown[] }) => [s.level, s.recognitions.length])).toEqual([
      ['municipal', 2],
      ['provincial', 1],
      ['national', 0],
    ]);
    expect(ladder.body.steps[1].recognitions[0]).toMatchObject({
      recognitionNumber: '鲁工信装〔2026〕12号-07',
      source: 'recommendation',
      year: 2026,
    });
    expect(ladder.body.recommendations).toEqual([expect.objectContaining({ targetLevel: 'provincial', outcome: 'approved' })]);
    expectError(await enterprise.get(`/api/recognition/ladder/enterprises/${server().enterprises.wendeng}`), 404, 'enterprise.notFound');
  });

  it('shows the whole ladder by district and chain, district officers their own', async () => {
    const city = (await bureau.get('/api/recognition/ladder?groupBy=district')).body;
    expect(city.totals).toEqual({ municipal: 3, provincial: 1, national: 0 });
    expect(city.groups.find((g: { code: string }) => g.code === '371002')).toMatchObject({ municipal: 2, provincial: 1 });
    expect(city.groups.find((g: { code: string }) => g.code === '371003')).toMatchObject({ municipal: 1, provincial: 0 });
    const mine = (await officer.get('/api/recognition/ladder?groupBy=district')).body;
    expect(mine.groups.map((g: { code: string }) => g.code)).toEqual(['371002']);
    expect(mine.totals).toEqual({ municipal: 2, provincial: 1, national: 0 });
    const chains = (await bureau.get('/api/recognition/ladder?groupBy=chain&kind=smart_factory')).body;
    expect(chains.groups.find((g: { code: string }) => g.code === 'TC1')).toMatchObject({ municipal: 1, provincial: 1 });
    expectError(await enterprise.get('/api/recognition/ladder'), 403, 'auth.forbidden');
  });

  it('sets recognised KPIs against the seed benchmarks and picks the best cases', async () => {
    const view = (await bureau.get('/api/recognition/kpis?level=municipal')).body;
    expect(view.benchmarks).toEqual({ cncRate: 70, operatingCostChange: -0.2, productivityChange: 0.2 });
    expect(view.summary).toMatchObject({
      n: 3,
      cncRate: { reported: 3, met: 3 },
      operatingCost: { reported: 3, met: 2 },
      productivity: { reported: 3, met: 2 },
    });
    expect(view.showcases.map((s: { recognitionId: number }) => s.recognitionId)).toEqual([ids.a, ids.c]);
    expect(view.showcases[0]).toMatchObject({ productivityChange: 0.57, operatingCostChange: -0.26, changes: { productivity: 0.57 } });
    expect((await officer.get('/api/recognition/kpis')).body.summary.n).toBe(3); // 2 municipal + 1 provincial in 环翠
  });

  it('re-evaluates every two years; a fail revokes and bars reapplying, fraud for three years', async () => {
    const due = (await bureau.get('/api/recognition/recognitions?dueBy=2026-06-30')).body.items.map((r: { id: number }) => r.id);
    expect(due.sort()).toEqual([ids.a, ids.b, ids.c].sort()); // recognised 2024-06-30: due 2026-06-30
    expect((await bureau.get('/api/recognition/recognitions?dueBy=2026-06-29')).body.total).toBe(0);
    expectError(await bureau.get('/api/recognition/recognitions?dueBy=2026-06-3x'), 400, 'validation.pattern', 'dueBy');
    const passed = await bureau.post(`/api/recognition/recognitions/${ids.c}/reevaluations`, {
      outcome: 'excellent',
      evaluatedOn: '2026-06-01',
      note: '指标持续提升',
    });
    expect(passed.body).toMatchObject({
      status: 'active',
      reevaluationDue: '2028-06-01',
      reevaluations: [{ evaluatedOn: '2026-06-01', outcome: 'excellent', note: '指标持续提升' }],
    });
    const failed = await bureau.post(`/api/recognition/recognitions/${ids.c}/reevaluations`, {
      outcome: 'fail',
      evaluatedOn: chinaDate(),
      note: '设备停用',
    });
    expect(failed.body).toMatchObject({ status: 'revoked', revocation: { cause: 'reevaluation_failed', revokedOn: chinaDate() } });
    expect(failed.body.revocation.banUntil > addYears(chinaDate(), 1)).toBe(true);
    expectError(await bureau.post(`/api/recognition/recognitions/${ids.c}/reevaluations`, { outcome: 'pass' }), 409, 'recognition.revoked');
    // the ban shows as a failed gate of any programme
    await giveMaturityLevel(server(), server().enterprises.huancui, 3);
    const programme = (await bureau.post('/api/recognition/programmes', programmeBody())).body;
    const gates = (await enterprise.get(`/api/recognition/programmes/${programme.id}/gates?incidentFreeDeclared=true`)).body;
    expect(gates.eligible).toBe(false);
    expect(gates.gates.find((g: { code: string }) => g.code === 'ban')).toMatchObject({
      passed: false,
      params: { until: failed.body.revocation.banUntil },
    });
    const fraud = await bureau.post(`/api/recognition/recognitions/${ids.b}/revoke`, {
      cause: 'fraud',
      note: '申报数据造假',
      revokedOn: '2026-06-30',
    });
    expect(fraud.body.revocation).toEqual({ revokedOn: '2026-06-30', cause: 'fraud', note: '申报数据造假', banUntil: '2029-06-29' });
    expectError(
      await bureau.post(`/api/recognition/recognitions/${ids.a}/revoke`, { cause: 'bored', note: 'x' }),
      400,
      'validation.enum',
      'cause',
    );
    expectError(
      await bureau.post(`/api/recognition/recognitions/${ids.a}/revoke`, { cause: 'closed', note: '   ' }),
      400,
      'validation.minLength',
      'note',
    );
    expectError(
      await officer.post(`/api/recognition/recognitions/${ids.a}/revoke`, { cause: 'closed', note: '企业注销' }),
      403,
      'auth.forbidden',
    );
    // revoked ones leave the public list
    const pub = (await server().client().get('/api/public/recognition/recognised?level=municipal')).body;
    expect(pub.items.map((i: { recognitionNumber: string }) => i.recognitionNumber)).toEqual(['WH-2024-SF-M-001']);
    expect(pub.counts).toEqual({ municipal: 1, provincial: 1, national: 0 });
  });
});
