import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../test/databases.ts';
import { startDemoServer } from '../../test/demo-server.ts';
import { type Json, TestClient } from '../../test/harness.ts';
import { SEED_CASES } from '../modules/registers/showcases/demo.ts';
import { DEMO_CONTEST, DEMO_COURSE } from '../modules/registers/training/demo.ts';
import { DEMO_PASSWORD } from './accounts.ts';
import { DEMO_CHAINS } from './taxonomy.ts';

// The demo city's showcases and training as the bureau meets them: the seed's three cases (§二.3) as
// showcase rows whose KPI rows give the seed's figures, coverage of the ten chains with its gaps, the
// university's digital-engineer course with firms' maturity before and after, site visits to the three
// showcases followed by projects, and the first municipal skills contest (§二.5).
for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`the demo showcases and training [${kind}]`, async () => {
    if (!(await testDatabaseKinds()).includes(kind)) return;
    let admin: TestClient;
    let close: () => Promise<void>;

    beforeAll(async () => {
      const demo = await startDemoServer(kind);
      expect(demo.summary).not.toBeNull();
      close = demo.close;
      admin = new TestClient(demo.url);
      expect((await admin.login('admin', DEMO_PASSWORD)).status).toBe(200);
    }, 120_000);
    afterAll(async () => close?.());

    const kpisOf = async (caseName: string) => {
      const found = (await admin.get(`/api/registers/showcases?q=${encodeURIComponent(caseName)}`)).body.items;
      expect(found, caseName).toHaveLength(1);
      expect(found[0]).toMatchObject({ status: 'published', enterpriseName: expect.stringContaining('演示') });
      const rows = (await admin.get(`/api/registers/showcase-kpis?showcase=${found[0].id}`)).body.items;
      return new Map<string, Json>(rows.map((k: Json) => [k.kind, k]));
    };

    it('keeps the seed’s three cases as showcases whose KPI rows give the seed’s figures', async () => {
      const syringe = await kpisOf(SEED_CASES[0]!.project);
      // 年产量由13亿支提高到17.4亿支，效率提高33.8%
      expect(syringe.get('productivity')).toMatchObject({ beforeValue: 13, afterValue: 17.4, unit: '亿支/年', changePct: 33.8 });
      const glass = await kpisOf(SEED_CASES[1]!.project);
      // 一条线80人、90秒生产一片 → 8人、8秒，用工数量减少90%
      expect(glass.get('labour')).toMatchObject({ beforeValue: 80, afterValue: 8, changePct: -90 });
      expect(glass.get('cycleTime')).toMatchObject({ beforeValue: 90, afterValue: 8, unit: '秒/片' });
      const tyre = await kpisOf(SEED_CASES[2]!.project);
      // 年节约用水20万立方米以上、减少碳排放4000多吨
      expect(-tyre.get('water').change).toBeGreaterThanOrEqual(200_000);
      expect(-tyre.get('co2').change).toBeGreaterThan(4_000);
    });

    it('shows the ten chains’ coverage with its gaps, and a published candidate closes one', async () => {
      const coverage = (await admin.get('/api/registers/showcases/coverage')).body;
      expect(coverage.chains.map((c: Json) => c.code)).toEqual(DEMO_CHAINS.map((c) => c.code));
      const state = new Map(coverage.chains.map((c: Json) => [c.code, c.state]));
      for (const seed of SEED_CASES) expect(state.get(seed.chain), seed.chain).toBe('covered');
      expect([...state.values()]).toContain('gap');
      const candidate = (await admin.get('/api/registers/showcases?status=candidate&pageSize=1')).body.items[0];
      const { id, version, enterpriseId, name, chain, segment, problem, solution } = candidate;
      const published = await admin.put(`/api/registers/showcases/${id}`, {
        ...{ enterpriseId, name, chain, segment, problem, solution },
        status: 'published',
        publishedOn: '2025-06-30',
        version,
      });
      expect(published.status, JSON.stringify(published.body)).toBe(200);
      const after = (await admin.get('/api/registers/showcases/coverage')).body;
      expect(after.totals.segmentsCovered).toBe(coverage.totals.segmentsCovered + 1);
    });

    it('gives the university’s digital-engineer course its firms’ maturity before and after', async () => {
      const course = (await admin.get(`/api/registers/training-events?q=${encodeURIComponent(DEMO_COURSE.name)}`)).body.items[0];
      expect(course).toMatchObject({ kind: 'course', organiser: '哈尔滨工业大学（威海）', state: 'held' });
      const outcomes = (await admin.get(`/api/registers/training-events/${course.id}/outcomes`)).body;
      expect(outcomes.summary.withBoth).toBeGreaterThan(0);
      expect(outcomes.summary.withBoth).toBeLessThan(outcomes.summary.firms);
      for (const firm of outcomes.firms.filter((f: Json) => f.scoreChange !== null)) {
        expect(firm.before.on < DEMO_COURSE.startDate).toBe(true);
        expect(firm.after.on > DEMO_COURSE.endDate).toBe(true);
      }
    });

    it('follows the site visits to the seed’s showcases with the projects visitors started afterwards', async () => {
      const visits = (await admin.get('/api/registers/training-events?kind=site_visit')).body.items;
      expect(visits.map((v: Json) => v.hostShowcase)).toHaveLength(SEED_CASES.length);
      for (const visit of visits) {
        const outcomes = (await admin.get(`/api/registers/training-events/${visit.id}/outcomes`)).body;
        expect(outcomes.summary.startedProject, visit.name).toBeGreaterThan(0);
        expect(outcomes.summary.startedProject).toBeLessThan(outcomes.summary.firms);
        for (const firm of outcomes.firms) for (const p of firm.projectsAfter) expect(p.startDate > visit.startDate).toBe(true);
      }
    });

    it('keeps the first municipal vocational skills contest with its results', async () => {
      const contest = (await admin.get(`/api/registers/skills-contests?q=${encodeURIComponent('第一届')}`)).body.items[0];
      expect(contest).toMatchObject({ name: DEMO_CONTEST, level: 'municipal', organiser: '威海市人民政府' });
      const results = (await admin.get(`/api/registers/contest-results?contest=${contest.id}&award=first&pageSize=100`)).body;
      expect(results.total).toBe(contest.events.split('、').length);
    });
  });
}
