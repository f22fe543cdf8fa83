import { beforeAll, expect, it } from 'vitest';
import { expectError } from '../../../../test/expect.ts';
import { describeEachDatabase, type Json, type TestClient } from '../../../../test/harness.ts';
import { filledTemplate, registerTemplateOf, uploadRegister } from '../engine/engine.test-support.ts';

// Showcases and their KPIs through the register engine: coverage of chains and segments moving as a
// case is published, the seed's cases worked out from KPI rows, an implausible KPI change held until
// the user confirms it with the rule shown, and a KPI belonging to its showcase's firm.

const SHOWCASES = '/api/registers/showcases';
const KPIS = '/api/registers/showcase-kpis';
let serial = 0;
const showcase = (over: Record<string, unknown> = {}) => ({
  name: `示范案例 ${++serial}`,
  enterpriseId: 0,
  chain: 'TC1',
  segment: '精密轴承',
  status: 'candidate',
  publishedOn: null,
  problem: '人工装配，节拍慢',
  solution: '自动化装配线',
  ...over,
});
const kpi = (showcaseId: number, over: Record<string, unknown> = {}) => ({
  showcase: showcaseId,
  kind: 'productivity',
  name: `年产量 ${++serial}`,
  unit: '亿支/年',
  beforeValue: 13,
  afterValue: 17.4,
  measuredBefore: '2020-10-26',
  measuredAfter: '2021-10-26',
  source: null,
  ...over,
});

const segmentOf = (coverage: Json, chain: string, segment: string) =>
  coverage.chains.find((c: Json) => c.code === chain)?.segments.find((s: Json) => s.segment === segment);

describeEachDatabase('showcases (register engine)', (server) => {
  let bureau: TestClient;
  let district: TestClient;
  let huancui: number;
  let wendeng: number;

  beforeAll(async () => {
    bureau = await server().as('bureau_admin');
    district = await server().as('district_officer');
    ({ huancui, wendeng } = server().enterprises);
  });

  const created = async (client: TestClient, path: string, body: unknown) => {
    const res = await client.post(path, body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };

  it('shows every chain and the segments its showcases name, and moves when a showcase is published', async () => {
    const before = (await bureau.get(`${SHOWCASES}/coverage`)).body;
    expect(before.chains.map((c: Json) => c.code)).toEqual(['TC1', 'TC2']);
    const candidate = await created(bureau, SHOWCASES, showcase({ enterpriseId: huancui, segment: '数控机床' }));
    const pending = (await bureau.get(`${SHOWCASES}/coverage`)).body;
    expect(segmentOf(pending, 'TC1', '数控机床')).toMatchObject({ state: 'candidate', candidates: 1, published: [] });
    expect(pending.totals.segments).toBe(before.totals.segments + 1);
    expect(pending.totals.segmentsCovered).toBe(before.totals.segmentsCovered);

    expectError(
      await bureau.put(`${SHOWCASES}/${candidate.id}`, {
        ...showcase({ name: candidate.name, enterpriseId: huancui, segment: '数控机床', status: 'published' }),
        version: 1,
      }),
      400,
      'showcases.publishedOnRequired',
      'publishedOn',
    );
    const published = await bureau.put(`${SHOWCASES}/${candidate.id}`, {
      ...showcase({ name: candidate.name, enterpriseId: huancui, segment: '数控机床', status: 'published', publishedOn: '2024-03-01' }),
      version: 1,
    });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    const after = (await bureau.get(`${SHOWCASES}/coverage`)).body;
    expect(segmentOf(after, 'TC1', '数控机床')).toMatchObject({
      state: 'covered',
      published: [{ id: candidate.id, name: candidate.name }],
    });
    expect(after.chains.find((c: Json) => c.code === 'TC1').state).toBe('covered');
    expect(after.totals.segmentsCovered).toBe(before.totals.segmentsCovered + 1);
    expect(after.totals.chainsCovered).toBeGreaterThanOrEqual(1);

    // withdrawn, the niche is a gap again; every reader of the register sees the city's coverage
    const withdrawn = await bureau.put(`${SHOWCASES}/${candidate.id}`, {
      ...showcase({ name: candidate.name, enterpriseId: huancui, segment: '数控机床', status: 'withdrawn', publishedOn: '2024-03-01' }),
      version: 2,
    });
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
    const provider = await server().as('service_provider');
    const seen = (await provider.get(`${SHOWCASES}/coverage`)).body;
    expect(segmentOf(seen, 'TC1', '数控机床').state).toBe('gap');
  });

  it('works out the seed’s cases from KPI rows: +33.8 %, −90 % labour, 200,000 m³ water and 4,100 t CO₂ saved', async () => {
    const syringe = await created(bureau, SHOWCASES, showcase({ enterpriseId: huancui, name: '新型注射器智能工厂' }));
    const output = await created(bureau, KPIS, kpi(syringe.id));
    expect(output).toMatchObject({ changePct: 33.8, change: 4.4, enterpriseId: huancui, districtCode: '371002' });
    const glass = await created(bureau, SHOWCASES, showcase({ enterpriseId: huancui, name: '玻璃深加工智能生产线' }));
    const labour = await created(bureau, KPIS, kpi(glass.id, { kind: 'labour', unit: '人', beforeValue: 80, afterValue: 8 }));
    const takt = await created(bureau, KPIS, kpi(glass.id, { kind: 'cycleTime', unit: '秒/片', beforeValue: 90, afterValue: 8 }));
    expect([labour.changePct, takt.changePct]).toEqual([-90, -91.1]);
    const tyre = await created(bureau, SHOWCASES, showcase({ enterpriseId: wendeng, name: '高性能商用车胎智能工厂' }));
    const water = await created(
      bureau,
      KPIS,
      kpi(tyre.id, { kind: 'water', unit: '立方米/年', beforeValue: 1_200_000, afterValue: 1_000_000 }),
    );
    const co2 = await created(bureau, KPIS, kpi(tyre.id, { kind: 'co2', unit: '吨CO₂/年', beforeValue: 52_000, afterValue: 47_900 }));
    expect([water.change, co2.change]).toEqual([-200_000, -4_100]);
    const listed = (await bureau.get(`${KPIS}?showcase=${glass.id}`)).body.items;
    expect(listed.map((k: Json) => k.changePct).sort()).toEqual([-90, -91.1]);
  });

  it('holds an implausible KPI change until the user confirms it, showing the rule; refuses a measurement in the future', async () => {
    const glass = await created(bureau, SHOWCASES, showcase({ enterpriseId: huancui }));
    const perWorker = kpi(glass.id, { name: '人均产出', unit: '片/人·时', beforeValue: 0.5, afterValue: 56.25 });
    const held = await bureau.post(KPIS, perWorker);
    expectError(held, 400, 'registers.confirmWarnings', 'afterValue');
    expect(held.body.error.details).toHaveLength(1);
    expect(held.body.error.details[0].message).toContain('+11150%');
    expect(held.body.error.details[0].rule).toContain('-50% 至 +300%');
    expect((await bureau.get(`${KPIS}?showcase=${glass.id}`)).body.total).toBe(0);
    const confirmed = await bureau.post(KPIS, { ...perWorker, confirmWarnings: true });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(201);
    expect(confirmed.body.changePct).toBe(11150);

    expectError(await bureau.post(KPIS, kpi(glass.id, { measuredAfter: '2999-01-01' })), 400, 'registers.dateInFuture', 'measuredAfter');
    expectError(
      await bureau.post(SHOWCASES, showcase({ enterpriseId: huancui, status: 'published', publishedOn: '2999-01-01' })),
      400,
      'registers.dateInFuture',
      'publishedOn',
    );

    // the same on import: the sheet is held with its warning, then taken once confirmed
    const template = await registerTemplateOf(bureau, 'showcase-kpis');
    const sheet = await filledTemplate(template, [
      [glass.name, '生产效率', '人均产出（导入）', '片/人·时', 0.5, 56.25, '2023-01-01', '2024/1/1', ''],
    ]);
    const warned = await uploadRegister(bureau, 'showcase-kpis', sheet);
    expectError(warned, 400, 'registers.importWarnings', 'file');
    expect(warned.body.error.details[0]).toMatchObject({ field: 'rows.2.afterValue' });
    expect(warned.body.error.details[0].rule).toContain('生产效率');
    const taken = await uploadRegister(bureau, 'showcase-kpis', sheet, '?confirmWarnings=true');
    expect(taken.status, JSON.stringify(taken.body)).toBe(200);
  });

  it('keeps a KPI as its showcase’s firm’s: the district sees and keeps its own, not another district’s', async () => {
    const own = await created(bureau, SHOWCASES, showcase({ enterpriseId: huancui }));
    const other = await created(bureau, SHOWCASES, showcase({ enterpriseId: wendeng }));
    const mine = await created(district, KPIS, kpi(own.id));
    expect(mine.districtCode).toBe('371002');
    expectError(await district.post(KPIS, kpi(other.id)), 400, 'registers.referenceNotFound', 'showcase');
    const theirs = await created(bureau, KPIS, kpi(other.id));
    expect(theirs).toMatchObject({ enterpriseId: wendeng, districtCode: '371003' });
    expect((await district.get(`${KPIS}/${theirs.id}`)).status).toBe(404);
    const firm = await server().as('enterprise_user');
    expect((await firm.get(`${KPIS}/${mine.id}`)).status).toBe(200);
    expect((await firm.get(`${KPIS}/${theirs.id}`)).status).toBe(404);

    // the showcase passes to the other firm: its KPIs follow
    const moved = await bureau.put(`${SHOWCASES}/${own.id}`, {
      ...showcase({ name: own.name, enterpriseId: wendeng }),
      version: 1,
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect((await bureau.get(`${KPIS}/${mine.id}`)).body).toMatchObject({ enterpriseId: wendeng, districtCode: '371003' });
    expect((await district.get(`${KPIS}/${mine.id}`)).status).toBe(404);
  });
});
