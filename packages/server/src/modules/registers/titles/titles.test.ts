import { addDays } from '@zhizao/domain';
import { beforeAll, expect, it } from 'vitest';
import { expectError } from '../../../../test/expect.ts';
import { describeEachDatabase, type TestClient } from '../../../../test/harness.ts';
import { grantRecognition } from '../../recognition/grant.ts';
import { chinaToday } from '../engine/service.ts';

// Titles a firm holds: the rules named in the user's language, the derived validity, the seed's figures
// counted from rows (a title or a ladder recognition added moves them, a revoked one leaves), and the
// enterprise's timeline with the ladder's recognitions, seen only by those who see the enterprise.

const BASE = '/api/registers/titles';
let serial = 0;
const title = (enterpriseId: number, overrides: Record<string, unknown> = {}) => ({
  enterpriseId,
  kind: 'morning_star',
  level: 'provincial',
  name: `山东省数字经济“晨星工厂”（${++serial}）`,
  awardingBody: '山东省工业和信息化厅',
  year: 2023,
  documentNumber: null,
  policyId: null,
  awardedOn: '2023-08-16',
  validUntil: null,
  renewedOn: null,
  status: 'held',
  note: null,
  ...overrides,
});

describeEachDatabase('titles a firm holds (register)', (server) => {
  let bureau: TestClient;
  let district: TestClient;
  let firm: TestClient;
  let huancui: number;
  let wendeng: number;

  beforeAll(async () => {
    bureau = await server().as('bureau_admin');
    district = await server().as('district_officer');
    firm = await server().as('enterprise_user');
    ({ huancui, wendeng } = server().enterprises);
  });

  const figures = async (client = bureau) => (await client.get(`${BASE}/summary`)).body;

  it('counts the seed’s figures from rows: a title or a ladder recognition added moves its figure, a revoked one leaves it', async () => {
    const before = await figures();
    const star = await bureau.post(BASE, title(huancui));
    expect(star.status, JSON.stringify(star.body)).toBe(201);
    await bureau.post(
      BASE,
      title(huancui, { kind: 'ii_pilot', level: 'national', name: '工业互联网试点示范项目', awardingBody: '工业和信息化部' }),
    );
    await bureau.post(BASE, title(wendeng, { kind: 'sm_other_demonstration', name: '山东省智能制造标杆企业' }));
    await server()
      .ctx.db.transaction()
      .execute((tx) =>
        grantRecognition(
          tx,
          {
            enterpriseId: huancui,
            kind: 'digital_workshop',
            level: 'municipal',
            year: 2024,
            projectName: '精密加工数字化车间',
            recognisedOn: '2024-09-20',
            source: 'record',
            kpisJson: '{}',
          },
          new Date().toISOString(),
        ),
      );
    const after = await figures();
    expect(after.morningStar.total).toBe(before.morningStar.total + 1);
    expect(after.industrialInternet).toMatchObject({
      total: before.industrialInternet.total + 1,
      national: before.industrialInternet.national + 1,
    });
    expect(after.smartManufacturing).toMatchObject({
      total: before.smartManufacturing.total + 2,
      municipal: before.smartManufacturing.municipal + 1,
      other: before.smartManufacturing.other + 1,
    });
    expect(after.smartManufacturing.fromLadder.municipal).toBe(before.smartManufacturing.fromLadder.municipal + 1);
    // the district officer of 环翠区 counts their district only: the 文登 firm's title is not theirs
    const mine = await figures(district);
    expect(mine.smartManufacturing.other).toBe(after.smartManufacturing.other - 1);

    const revoked = await bureau.put(`${BASE}/${star.body.id}`, {
      ...title(huancui, { name: star.body.name, status: 'revoked' }),
      version: 1,
    });
    expect(revoked.status, JSON.stringify(revoked.body)).toBe(200);
    expect(revoked.body.validity).toBe('revoked');
    expect((await figures()).morningStar.total).toBe(before.morningStar.total);
  });

  it('names the broken field: a level the kind has not, an end before the award, a renewal without an end, a duplicate', async () => {
    const level = await bureau.post(BASE, title(huancui, { level: 'national' }));
    expectError(level, 400, 'registers.titles.levelOfKind', 'level');
    expect(level.body.error.message).toContain('省级');
    expectError(await bureau.post(BASE, title(huancui, { validUntil: '2023-01-01' })), 400, 'registers.dateBefore', 'validUntil');
    expectError(
      await bureau.post(BASE, title(huancui, { renewedOn: '2024-01-01' })),
      400,
      'registers.titles.renewalNeedsExpiry',
      'renewedOn',
    );
    expectError(
      await bureau.post(BASE, title(huancui, { awardedOn: '2022-12-30' })),
      400,
      'registers.titles.awardedBeforeYear',
      'awardedOn',
    );
    expectError(await bureau.post(BASE, title(huancui, { year: 2999 })), 400, 'validation.maximum', 'year');
    const body = title(huancui);
    expect((await bureau.post(BASE, body)).status).toBe(201);
    expectError(await bureau.post(BASE, body), 409, 'registers.duplicate', 'enterpriseId');
    // a 专精特新 title without its end date is a warning the user confirms
    const specialised = title(huancui, { kind: 'specialised', name: '山东省专精特新中小企业' });
    const warned = await bureau.post(BASE, specialised);
    expectError(warned, 400, 'registers.confirmWarnings', 'validUntil');
    expect(warned.body.error.details[0].rule).toContain('有效期三年');
    expect((await bureau.post(BASE, { ...specialised, confirmWarnings: true })).status).toBe(201);
  });

  it('derives validity from the end date: valid, expiring within 90 days, expired', async () => {
    const today = chinaToday();
    const add = async (validUntil: string) =>
      (
        await bureau.post(
          BASE,
          title(huancui, { kind: 'specialised', name: `专精特新 ${validUntil}`, validUntil, year: 2021, awardedOn: '2021-06-01' }),
        )
      ).body;
    expect((await add(addDays(today, 200))).validity).toBe('valid');
    expect((await add(addDays(today, 30))).validity).toBe('expiring');
    expect((await add(addDays(today, -1))).validity).toBe('expired');
    const expiring = await bureau.get(`${BASE}?kind=specialised&pageSize=100`);
    expect(expiring.body.items.filter((t: { validity: string }) => t.validity === 'expiring').length).toBeGreaterThanOrEqual(1);
    const byKind = (await figures()).byKind.find(
      (f: { kind: string; level: string }) => f.kind === 'specialised' && f.level === 'provincial',
    );
    expect(byKind.validity.expiring).toBeGreaterThanOrEqual(1);
    expect(byKind.validity.expired).toBeGreaterThanOrEqual(1);
  });

  it('lets the district keep its own firms’ titles only, and the firm read its own', async () => {
    expectError(await district.post(BASE, title(wendeng)), 400, 'registers.enterpriseNotFound', 'enterpriseId');
    const own = await district.post(BASE, title(huancui));
    expect(own.status).toBe(201);
    expect((await firm.get(`${BASE}/${own.body.id}`)).status).toBe(200);
    expect((await firm.post(BASE, title(huancui))).status).toBe(403);
  });

  it('shows an enterprise’s timeline, the ladder’s recognitions among its titles, in the order won, to those who see the firm', async () => {
    const name = `5G工厂（时间线 ${++serial}）`;
    await bureau.post(BASE, title(huancui, { kind: 'five_g_factory', level: 'national', name, year: 2025, awardedOn: '2025-01-10' }));
    const timeline = await firm.get(`${BASE}/enterprises/${huancui}/timeline`);
    expect(timeline.status, JSON.stringify(timeline.body)).toBe(200);
    const items = timeline.body.items as { source: string; name: string; year: number; date: string | null }[];
    expect(items.some((i) => i.source === 'ladder' && i.name === '精密加工数字化车间')).toBe(true);
    expect(items.some((i) => i.source === 'title' && i.name === name)).toBe(true);
    const keys = items.map((i) => `${i.year}/${i.date ?? `${i.year}-12-31`}`);
    expect(keys).toEqual([...keys].sort());
    expect((await district.get(`${BASE}/enterprises/${huancui}/timeline`)).status).toBe(200);
    expect((await district.get(`${BASE}/enterprises/${wendeng}/timeline`)).status).toBe(404);
    expect((await firm.get(`${BASE}/enterprises/${wendeng}/timeline`)).status).toBe(404);
    expect((await bureau.get(`${BASE}/enterprises/${wendeng}/timeline`)).status).toBe(200);
  });
});

describeEachDatabase('a title’s award document (register files)', (server) => {
  it('takes a PDF from the keeper, lists and returns it to readers, refuses a file whose content is not its type', async () => {
    const bureau = await server().as('bureau_admin');
    const firm = await server().as('enterprise_user');
    const { huancui, wendeng } = server().enterprises;
    const own = (await bureau.post(BASE, title(huancui))).body;
    const other = (await bureau.post(BASE, title(wendeng))).body;
    const upload = async (client: TestClient, id: number, name: string, bytes: string) => {
      const form = new FormData();
      form.append('file', new Blob([Buffer.from(bytes)]), name);
      const res = await client.raw('POST', `${BASE}/${id}/files`, { body: form });
      return { status: res.status, body: (await res.json()) as { id: string } & Record<string, unknown>, headers: res.headers };
    };
    const pdf = '%PDF-1.4\n% 晨星工厂认定文件\n';
    const stored = await upload(bureau, own.id, '认定文件.pdf', pdf);
    expect(stored.status, JSON.stringify(stored.body)).toBe(201);
    expect(stored.body).toMatchObject({ fileName: '认定文件.pdf', contentType: 'application/pdf', size: Buffer.byteLength(pdf) });
    expectError(await upload(bureau, own.id, 'fake.pdf', 'not a pdf'), 400, 'maturity.evidenceType', 'file');
    expect((await upload(firm, own.id, 'mine.pdf', pdf)).status).toBe(403);
    const listed = await firm.get(`${BASE}/${own.id}/files`);
    expect(listed.body.items.map((f: { id: string }) => f.id)).toEqual([stored.body.id]);
    const file = await firm.raw('GET', `${BASE}/${own.id}/files/${stored.body.id}`);
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).toString()).toBe(pdf);
    // another firm's row, and a file asked for under the wrong row, look missing
    expect((await firm.get(`${BASE}/${other.id}/files`)).status).toBe(404);
    expect((await bureau.raw('GET', `${BASE}/${other.id}/files/${stored.body.id}`)).status).toBe(404);
  });
});
