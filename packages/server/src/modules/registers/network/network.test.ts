import { OPERATORS, stationsPer10k, WEIHAI_DISTRICTS } from '@zhizao/domain';
import { beforeAll, expect, it } from 'vitest';
import { expectError } from '../../../../test/expect.ts';
import { describeEachDatabase, type TestClient } from '../../../../test/harness.ts';
import { filledTemplate, registerTemplateOf, uploadRegister } from '../engine/engine.test-support.ts';
import { seedRegisters } from '../engine/seed.ts';
import { SEED_BASE_STATIONS } from './demo.ts';
import { NETWORK_REGISTERS } from './index.ts';

// The network registers and their figures: the demo network seeded through the same checks as typed rows
// gives the seed's 7,243 base stations in service and 100 % key-place reach; each figure moves with a row;
// district staff keep only their own district; an operator's whole network imports in one sheet.

const SUMMARY = '/api/registers/network/summary';
const STATIONS = '/api/registers/base-stations';
const station = (overrides: Record<string, unknown> = {}) => ({
  operator: 'china_telecom',
  siteCode: `CT-T-${Math.floor(Math.random() * 1e9)}`,
  siteName: '环翠区测试站',
  districtCode: '371002',
  band: 'n78',
  commissionedOn: '2023-06-01',
  status: 'in_service',
  keyPlaceId: null,
  ...overrides,
});
const place = (overrides: Record<string, unknown> = {}) => ({
  name: `测试港区 ${Math.floor(Math.random() * 1e9)}`,
  kind: 'port',
  districtCode: '371002',
  coverage: 'partial',
  checkedOn: '2024-02-01',
  note: null,
  ...overrides,
});
const obstacle = (overrides: Record<string, unknown> = {}) => ({
  kind: 'permit',
  site: '环翠区测试山体站',
  description: '林地审批未办结',
  districtCode: '371002',
  raisedOn: '2024-01-10',
  department: '自然资源局',
  status: 'assigned',
  resolvedOn: null,
  resolution: null,
  ...overrides,
});

describeEachDatabase('the network registers and their figures', (server, kind) => {
  let bureau: TestClient;
  let district: TestClient;
  const summary = async (client = bureau) => {
    const res = await client.get(SUMMARY);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    const started = performance.now();
    const counts = await server()
      .ctx.db.transaction()
      .execute((tx) => seedRegisters(tx, NETWORK_REGISTERS));
    console.info(`network demo seed on ${kind}: ${Math.round(performance.now() - started)} ms, ${JSON.stringify(counts)}`);
    bureau = await server().as('bureau_admin');
    district = await server().as('district_officer');
  });

  it('counts the seed’s 7,243 base stations in service over the seven districts, and 100 % key-place reach', async () => {
    const figures = await summary();
    expect(figures.baseStations.inService).toBe(SEED_BASE_STATIONS);
    expect(figures.baseStations.byDistrict.map((d: { districtCode: string }) => d.districtCode).sort()).toEqual(
      WEIHAI_DISTRICTS.map((d) => d.code).sort(),
    );
    const total = (list: { count: number }[]) => list.reduce((sum, d) => sum + d.count, 0);
    expect(total(figures.baseStations.byDistrict)).toBe(SEED_BASE_STATIONS);
    expect(total(figures.baseStations.byOperator)).toBe(SEED_BASE_STATIONS);
    expect(total(figures.baseStations.byOperatorAndDistrict)).toBe(SEED_BASE_STATIONS);
    expect(figures.keyPlaces.total).toBeGreaterThan(0);
    expect(figures.keyPlaces.continuous).toBe(figures.keyPlaces.total);
    expect(figures.keyPlaces.reach).toBe(100);
    // the list agrees with the figures
    expect((await bureau.get(`${STATIONS}?status=in_service&pageSize=1`)).body.total).toBe(SEED_BASE_STATIONS);
  });

  it('shows the gigabit indicators as reported beside what the rows give', async () => {
    const { gigabit } = await summary();
    const row = (indicator: string, year: number) =>
      gigabit.find((g: { indicator: string; year: number }) => g.indicator === indicator && g.year === year);
    const population = row('population', 2023).reported;
    const by2023 = (await bureau.get(`${STATIONS}?status=in_service&commissionedOnTo=2023-12-31&pageSize=1`)).body.total;
    expect(by2023).toBeGreaterThan(0);
    expect(by2023).toBeLessThan(SEED_BASE_STATIONS);
    expect(row('stations_per_10k', 2023).computed).toBe(stationsPer10k(by2023, population));
    expect(row('key_place_reach', 2023)).toMatchObject({ reported: 100, computed: 100 });
    expect(row('five_g_user_share', 2023).computed).toBeNull();
  });

  it('moves each figure with a row: a station added, a place partly covered, an obstacle resolved', async () => {
    const before = await summary();
    const added = await bureau.post(STATIONS, station({ districtCode: '371083' }));
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const planned = await bureau.post(STATIONS, station({ status: 'planned', commissionedOn: null }));
    expect(planned.status, JSON.stringify(planned.body)).toBe(201);
    const gap = await bureau.post('/api/registers/key-places', place());
    expect(gap.status, JSON.stringify(gap.body)).toBe(201);
    const open = await bureau.post('/api/registers/network-obstacles', obstacle());
    expect(open.status, JSON.stringify(open.body)).toBe(201);
    expect(open.body.ageDays).toBeGreaterThan(0);

    const after = await summary();
    expect(after.baseStations.inService).toBe(before.baseStations.inService + 1);
    expect(after.baseStations.planned).toBe(before.baseStations.planned + 1);
    const rushan = (s: typeof before) => s.baseStations.byDistrict.find((d: { districtCode: string }) => d.districtCode === '371083').count;
    expect(rushan(after)).toBe(rushan(before) + 1);
    expect(after.keyPlaces.total).toBe(before.keyPlaces.total + 1);
    expect(after.keyPlaces.reach).toBe(Math.round((before.keyPlaces.continuous / (before.keyPlaces.total + 1)) * 1000) / 10);
    expect(after.keyPlaces.reach).toBeLessThan(100);
    expect(after.obstacles.assigned).toBe(before.obstacles.assigned + 1);

    const resolved = await bureau.put(`/api/registers/network-obstacles/${open.body.id}`, {
      ...obstacle({ status: 'resolved', resolvedOn: '2024-01-20', resolution: '完成审批' }),
      version: 1,
    });
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
    expect(resolved.body.ageDays).toBe(10);
    const later = await summary();
    expect(later.obstacles.resolved).toBe(after.obstacles.resolved + 1);
    expect(later.obstacles.assigned).toBe(before.obstacles.assigned);
    expect((await bureau.delete(`${STATIONS}/${added.body.id}`)).status).toBe(200);
    expect((await summary()).baseStations.inService).toBe(before.baseStations.inService);
  });

  it('refuses a commissioning date before the 5G licences or in the future, a repeated site, an obstacle’s dates out of order', async () => {
    const early = await bureau.post(STATIONS, station({ commissionedOn: '2019-06-05' }));
    expectError(early, 400, 'registers.network.beforeLicence', 'commissionedOn');
    expect(early.body.error.message).toContain('开通日期');
    expectError(await bureau.post(STATIONS, station({ commissionedOn: '2999-01-01' })), 400, 'registers.dateInFuture', 'commissionedOn');
    expectError(
      await bureau.post(STATIONS, station({ commissionedOn: null })),
      400,
      'registers.network.commissioningNeeded',
      'commissionedOn',
    );
    const first = await bureau.post(STATIONS, station({ siteCode: 'CT-DUP-1' }));
    expect(first.status).toBe(201);
    expectError(await bureau.post(STATIONS, station({ siteCode: 'CT-DUP-1', siteName: '另一站' })), 409, 'registers.duplicate', 'operator');
    // the same code under another operator is another site
    expect((await bureau.post(STATIONS, station({ siteCode: 'CT-DUP-1', operator: 'china_unicom' }))).status).toBe(201);
    const obstacles = '/api/registers/network-obstacles';
    expectError(await bureau.post(obstacles, obstacle({ status: 'resolved' })), 400, 'registers.network.resolvedNeedsDate', 'resolvedOn');
    expectError(
      await bureau.post(obstacles, obstacle({ status: 'resolved', resolvedOn: '2024-01-01' })),
      400,
      'registers.dateBefore',
      'resolvedOn',
    );
    expectError(await bureau.post(obstacles, obstacle({ department: null })), 400, 'registers.network.departmentNeeded', 'department');
    const share = await bureau.post('/api/registers/gigabit-indicators', {
      indicator: 'five_g_user_share',
      year: 2021,
      value: 130,
      source: '测试',
      note: null,
    });
    expectError(share, 400, 'registers.confirmWarnings', 'value');
  });

  it('lets a district officer keep base stations of their own district only, and count only those', async () => {
    const own = await district.post(STATIONS, station({ districtCode: '371002' }));
    expect(own.status, JSON.stringify(own.body)).toBe(201);
    expectError(await district.post(STATIONS, station({ districtCode: '371003' })), 400, 'registers.districtOutOfScope', 'districtCode');
    const wendeng = (await bureau.get(`${STATIONS}?districtCode=371003&pageSize=1`)).body.items[0];
    expect((await district.get(`${STATIONS}/${wendeng.id}`)).status).toBe(404);
    const mine = await summary(district);
    expect(mine.baseStations.byDistrict.map((d: { districtCode: string }) => d.districtCode)).toEqual(['371002']);
    const listed = (await district.get(`${STATIONS}?status=in_service&pageSize=1`)).body.total;
    expect(mine.baseStations.inService).toBe(listed);
    expect((await district.post('/api/registers/gigabit-indicators', {})).status).toBe(403);
  });

  it('imports an operator’s whole network of 7,000 stations in one sheet, and reports a bad or repeated row', async () => {
    const template = await registerTemplateOf(bureau, 'base-stations');
    const row = (serial: number, date = '2022-08-01'): (string | number)[] => [
      '中国广电',
      `CB-IMPORT-${serial}`,
      `导入测试站 ${serial}`,
      WEIHAI_DISTRICTS[serial % WEIHAI_DISTRICTS.length]!.nameZh,
      '700 MHz（n28）',
      date,
      '在网运行',
      '',
    ];
    const bad = await uploadRegister(bureau, 'base-stations', await filledTemplate(template, [row(1), row(2, '2019-01-01'), row(1)]));
    expectError(bad, 400, 'registers.importInvalid', 'file');
    expect(bad.body.error.details.map((d: { field: string }) => d.field)).toEqual(['rows.3.commissionedOn', 'rows.4.operator']);
    expect(bad.body.error.details[0].message).toContain('2019-06-06');

    const before = (await summary()).baseStations.inService;
    const sheet = await filledTemplate(
      template,
      Array.from({ length: 7000 }, (_, i) => row(i + 10)),
    );
    const started = performance.now();
    const imported = await uploadRegister(bureau, 'base-stations', sheet);
    const ms = Math.round(performance.now() - started);
    console.info(`7,000-station import on ${kind}: ${ms} ms`);
    expect(imported.status, JSON.stringify(imported.body).slice(0, 500)).toBe(200);
    expect(imported.body.imported).toBe(7000);
    expect(ms).toBeLessThan(30_000);
    const after = await summary();
    expect(after.baseStations.inService).toBe(before + 7000);
    const broadnet = OPERATORS.find((o) => o.label.zh === '中国广电')!.value;
    expect((await bureau.get(`${STATIONS}?operator=${broadnet}&q=CB-IMPORT&pageSize=1`)).body.total).toBe(7000);
  });
});
