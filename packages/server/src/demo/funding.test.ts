import { drawSample } from '@zhizao/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../test/databases.ts';
import { startDemoServer } from '../../test/demo-server.ts';
import { TestClient } from '../../test/harness.ts';
import type { AppContext } from '../platform/context.ts';
import { DEMO_PASSWORD } from './accounts.ts';

// The demo city's 智改数转 programme reproduces the seed's §二.1 from its records, read through the
// report routes as the bureau reads them, and each figure's drill-down adds up to the figure.
for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`the demo funding programme [${kind}]`, async () => {
    if (!(await testDatabaseKinds()).includes(kind)) return;
    let ctx: AppContext;
    let bureau: TestClient;
    let close: () => Promise<void>;

    beforeAll(async () => {
      const demo = await startDemoServer(kind);
      ctx = demo.ctx;
      expect(demo.summary).not.toBeNull();
      bureau = new TestClient(demo.url);
      expect((await bureau.login('admin', DEMO_PASSWORD)).status).toBe(200);
      close = demo.close;
    }, 120_000);
    afterAll(async () => close?.());

    it('2023: ¥35.89 M awarded = 42.2 % of the special fund; projects 60 (2019) → 166 (2024)', async () => {
      const { rows } = (await bureau.get('/api/funding/reports/years?from=2019&to=2024')).body;
      expect(rows.map((r: { projects: number }) => r.projects)).toEqual([60, 74, 92, 118, 143, 166]);
      const y2023 = rows.find((r: { year: number }) => r.year === 2023);
      expect(y2023.awardedFen).toBe(35_890_000 * 100);
      expect(Math.round(y2023.shareOfFund * 1000) / 10).toBe(42.2);
      const fund = (await bureau.get('/api/funding/funds')).body.find(
        (f: { year: number; purpose: string }) => f.year === 2023 && f.purpose === 'manufacturing',
      );
      expect(Math.round(fund.awardedShareOfFund * 1000) / 10).toBe(42.2);
    });

    it('almost ¥300 M awarded since the programme began (2019)', async () => {
      const total = (await bureau.get('/api/funding/reports/cumulative?since=2019')).body;
      expect(total.awardedFen).toBe(296_190_000 * 100);
      expect(total.awardedFen).toBeGreaterThan(290_000_000 * 100);
      expect(total.awardedFen).toBeLessThan(300_000_000 * 100);
      expect(total.projects).toBe(653);
    });

    it('drill-downs list the records behind a figure, and they add up to it', async () => {
      const awards = (await bureau.get('/api/funding/reports/records?metric=awards&year=2023&pageSize=200')).body;
      expect(awards.total).toBe(96);
      expect(awards.items.reduce((s: number, r: { awardedFen: number }) => s + r.awardedFen, 0)).toBe(35_890_000 * 100);
      const projects = (await bureau.get('/api/funding/reports/records?metric=projects&year=2019&pageSize=200')).body;
      expect(projects.total).toBe(60);
      const byChain = (await bureau.get('/api/funding/reports/breakdown?by=chain&year=2023')).body.rows;
      expect(byChain.reduce((s: number, r: { awardedFen: number }) => s + r.awardedFen, 0)).toBe(35_890_000 * 100);
      const byDistrict = (await bureau.get('/api/funding/reports/breakdown?by=district&year=2024')).body.rows;
      expect(byDistrict.reduce((s: number, r: { projects: number }) => s + r.projects, 0)).toBe(166);
      expect(byDistrict.length).toBeGreaterThan(3);
    });

    it('leaves the demo enterprise a 2024 project it can apply on in the browser', async () => {
      const enterprise = new TestClient(bureau.baseUrl);
      expect((await enterprise.login('enterprise', DEMO_PASSWORD)).status).toBe(200);
      const projects = (await enterprise.get('/api/funding/projects?year=2024')).body.items;
      expect(projects).toHaveLength(1);
      const policy = (await enterprise.get('/api/funding/policies')).body.find((p: { code: string }) => p.code === 'weihai-zgsz');
      expect(policy.version).toBe(2);
      const award = await enterprise.post('/api/funding/awards', { projectId: projects[0].id, policyId: policy.id });
      expect(award.status, JSON.stringify(award.body)).toBe(201);
      expect(award.body.amountFen).toBe(420_000 * 100);
    });

    it('every demo award is the calculator’s, every draw re-runs from its seed, no envelope overspent', async () => {
      const draws = await ctx.db.selectFrom('fundingSampleDraw').selectAll().execute();
      expect(draws).toHaveLength(6);
      for (const d of draws) expect(drawSample(JSON.parse(d.populationJson), d.seed, d.ratio)).toEqual(JSON.parse(d.selectedJson));
      for (const fund of (await bureau.get('/api/funding/funds')).body)
        for (const e of fund.envelopes) expect(e.availableFen).toBeGreaterThanOrEqual(0);
      const export_ = await bureau.raw('GET', '/api/funding/reports/export.xlsx?from=2019&to=2024');
      expect(export_.status).toBe(200);
      expect(export_.headers.get('content-type')).toContain('spreadsheetml');
    });
  });
}
