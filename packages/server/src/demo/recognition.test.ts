import { chinaDate } from '@zhizao/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../test/databases.ts';
import { startDemoServer } from '../../test/demo-server.ts';
import { TestClient } from '../../test/harness.ts';
import type { AppContext } from '../platform/context.ts';
import { DEMO_PASSWORD } from './accounts.ts';
import { DEMO_OWN_ENTERPRISE } from './enterprises.ts';

// The demo recognition ladder as visitors meet it: the seed's 110 / 39 / 11 in force, every climb a real
// one, the current year's programmes with applications in each state, a running notice, expert work.
for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`the demo recognition ladder [${kind}]`, async () => {
    if (!(await testDatabaseKinds()).includes(kind)) return;
    let ctx: AppContext;
    let url: string;
    let close: () => Promise<void>;
    const loginAs = async (username: string) => {
      const c = new TestClient(url);
      expect((await c.login(username, DEMO_PASSWORD)).status).toBe(200);
      return c;
    };

    beforeAll(async () => {
      const demo = await startDemoServer(kind);
      ctx = demo.ctx;
      expect(demo.summary).not.toBeNull();
      url = demo.url;
      close = demo.close;
    }, 60_000);
    afterAll(async () => close?.());

    it('fills every level of the ladder with the seed’s figures, each higher level climbed from the one below', async () => {
      const pub = (await new TestClient(url).get('/api/public/recognition/recognised?pageSize=5')).body;
      expect(pub.counts).toEqual({ municipal: 110, provincial: 39, national: 11 });
      const rows = await ctx.db.selectFrom('recognition').select(['enterpriseId', 'level', 'kind', 'status', 'year']).execute();
      const active = rows.filter((r) => r.status === 'active');
      const count = (level: string, k: string) => active.filter((r) => r.level === level && r.kind === k).length;
      expect([
        count('municipal', 'smart_factory'),
        count('municipal', 'digital_workshop'),
        count('provincial', 'smart_factory'),
        count('provincial', 'digital_workshop'),
        count('national', 'smart_factory'),
      ]).toEqual([30, 80, 12, 27, 11]);
      const at = (level: string) => new Set(active.filter((r) => r.level === level).map((r) => `${r.enterpriseId}/${r.kind}`));
      for (const key of at('provincial')) expect(at('municipal').has(key)).toBe(true);
      for (const key of at('national')) expect(at('provincial').has(key)).toBe(true);
      expect(rows.filter((r) => r.status === 'revoked')).toHaveLength(2);
      expect(active.filter((r) => r.level === 'municipal' && r.year === 2021)).toHaveLength(36);
      const bureau = await loginAs('admin');
      const ladder = (await bureau.get('/api/recognition/ladder?groupBy=chain')).body;
      expect(ladder.totals).toEqual({ municipal: 110, provincial: 39, national: 11 });
      expect(ladder.groups.filter((g: { municipal: number }) => g.municipal > 0).length).toBeGreaterThanOrEqual(8);
      const kpis = (await bureau.get('/api/recognition/kpis?level=municipal')).body;
      expect(kpis.summary.n).toBe(110);
      expect(kpis.summary.cncRate.met / kpis.summary.cncRate.reported).toBeGreaterThan(0.85);
      expect(kpis.showcases.length).toBeGreaterThanOrEqual(3);
    });

    it('runs the current year: open programmes, applications in each state, a notice with an objection, expert work', async () => {
      const bureau = await loginAs('admin');
      const programmes = (await bureau.get(`/api/recognition/programmes?year=${chinaDate().slice(0, 4)}`)).body.items;
      expect(programmes.map((p: { kind: string; isOpen: boolean }) => [p.kind, p.isOpen])).toEqual(
        expect.arrayContaining([
          ['smart_factory', true],
          ['digital_workshop', true],
        ]),
      );
      const states = new Set(
        (await bureau.get('/api/recognition/applications?pageSize=200')).body.items.map((a: { state: string }) => a.state),
      );
      for (const s of ['draft', 'submitted', 'returned', 'district_passed', 'expert_scoring', 'shortlisted', 'in_notice', 'rejected'])
        expect(states.has(s), s).toBe(true);
      const notices = (await new TestClient(url).get('/api/public/recognition/notices')).body.items;
      expect(notices[0]).toMatchObject({ status: 'open', workingDays: 5 });
      expect(notices[0].items.length).toBe(3);
      const detail = (await bureau.get(`/api/recognition/notices/${notices[0].id}`)).body;
      expect(detail.objections).toEqual([expect.objectContaining({ status: 'open' })]);
      const expert = await loginAs('expert');
      const work = (await expert.get('/api/recognition/expert/assignments')).body.items;
      expect(work.some((w: { myStatus: string }) => w.myStatus === 'assigned')).toBe(true);
      const experts = (await bureau.get('/api/recognition/experts')).body.items;
      expect(experts.length).toBeGreaterThanOrEqual(6);
      expect(experts.some((e: { ties: unknown[] }) => e.ties.length > 0)).toBe(true);
      expect((await bureau.get('/api/recognition/calendar?year=2026')).body.days.length).toBeGreaterThan(10);
    });

    it('lets the demo enterprise start an application and tells it which gate it still fails', async () => {
      const enterprise = await loginAs('enterprise');
      const programme = (await enterprise.get(`/api/recognition/programmes?year=${chinaDate().slice(0, 4)}&kind=smart_factory`)).body
        .items[0];
      const created = await enterprise.post('/api/recognition/applications', { programmeId: programme.id });
      expect(created.status, JSON.stringify(created.body)).toBe(200);
      expect(created.body.enterpriseName).toBe(DEMO_OWN_ENTERPRISE.name);
      const failing = created.body.gates.gates.filter((g: { passed: boolean }) => !g.passed).map((g: { code: string }) => g.code);
      expect(failing).toEqual(['maturity', 'incident']);
      expect(created.body.gates.gates.find((g: { code: string }) => g.code === 'maturity').message).toContain('请先完成成熟度自评估');
      expect(created.body.gates.gates.find((g: { code: string }) => g.code === 'size').passed).toBe(true);
    });
  });
}
