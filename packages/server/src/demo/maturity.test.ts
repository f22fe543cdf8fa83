import { prepareScoring, type Answer, type ManufacturingType, type MaturityResult, type ModelVersion } from '@zhizao/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../test/databases.ts';
import { startDemoServer } from '../../test/demo-server.ts';
import { TestClient } from '../../test/harness.ts';
import { scoringBank } from '../modules/maturity/models.service.ts';
import { listAnswers, listRequirements } from '../modules/maturity/repo.ts';
import type { AppContext } from '../platform/context.ts';
import { DEMO_PASSWORD } from './accounts.ts';
import { DEMO_OWN_ENTERPRISE } from './enterprises.ts';
import { seedDemoAssessments } from './maturity.ts';

// The demo city's maturity self-assessments: a few hundred, plausibly spread, each with a frozen result
// the real engine gives for its stored answers.
for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`the demo maturity assessments [${kind}]`, async () => {
    if (!(await testDatabaseKinds()).includes(kind)) return;
    let ctx: AppContext;
    let url: string;
    let close: () => Promise<void>;

    beforeAll(async () => {
      const demo = await startDemoServer(kind);
      ctx = demo.ctx;
      expect(demo.summary).not.toBeNull();
      url = demo.url;
      close = demo.close;
    }, 60_000);
    afterAll(async () => close?.());

    const submitted = () => ctx.db.selectFrom('maturityAssessment').selectAll().where('status', '=', 'submitted').orderBy('id').execute();

    it('creates a few hundred submitted assessments, one latest per assessed firm, none for the demo account’s own firm', async () => {
      const rows = await submitted();
      expect(rows.length).toBeGreaterThanOrEqual(200);
      expect(rows.length).toBeLessThan(600);
      const latest = rows.filter((r) => r.isLatest === 1);
      expect(new Set(latest.map((r) => r.enterpriseId)).size).toBe(latest.length);
      expect(new Set(rows.map((r) => r.enterpriseId)).size).toBe(latest.length);
      expect(rows.length).toBeGreaterThan(latest.length); // some firms have a history
      const own = await ctx.db
        .selectFrom('enterprise')
        .select('id')
        .where('creditCode', '=', DEMO_OWN_ENTERPRISE.creditCode)
        .executeTakeFirstOrThrow();
      expect(rows.some((r) => r.enterpriseId === own.id)).toBe(false);
    });

    it('stores with each a frozen result that the engine gives again for its stored answers', async () => {
      const rows = await submitted();
      const definition = JSON.parse(rows[0]!.modelJson!) as ModelVersion;
      const bank = scoringBank(definition, await listRequirements(ctx.db, definition.id));
      const scorers = Object.fromEntries(
        (['discrete', 'process'] as ManufacturingType[]).map((t) => [t, prepareScoring(definition, bank, t)]),
      );
      for (const row of rows) {
        const frozen = JSON.parse(row.resultJson!) as MaturityResult;
        expect(frozen).toMatchObject({ modelVersion: 'CMMM-2020', mode: 'final', manufacturingType: row.manufacturingType });
        expect(row.reachedLevel).toBe(frozen.reachedLevel);
        expect(row.totalScore).toBeCloseTo(frozen.totalScore, 9);
        const answers = await listAnswers(ctx.db, row.id);
        expect(answers).toHaveLength(bank.length);
        expect(scorers[row.manufacturingType]!.score(answers as Answer[], 'final')).toEqual(frozen);
      }
    });

    it('spreads levels as a city like Weihai might: most at 1–2, some at 3, few at 4–5, better in electronics than in food', async () => {
      const latest = (await submitted()).filter((r) => r.isLatest === 1);
      const share = (f: (l: number) => boolean) => latest.filter((r) => f(r.reachedLevel!)).length / latest.length;
      expect(share((l) => l === 1 || l === 2)).toBeGreaterThan(0.55);
      expect(share((l) => l === 3)).toBeGreaterThan(0.05);
      expect(share((l) => l === 3)).toBeLessThan(0.3);
      expect(share((l) => l >= 4)).toBeGreaterThan(0);
      expect(share((l) => l >= 4)).toBeLessThan(0.12);
      expect(share((l) => l === 0)).toBeGreaterThan(0);
      const admin = new TestClient(url);
      expect((await admin.login('admin', DEMO_PASSWORD)).status).toBe(200);
      const byChain = (await admin.get('/api/maturity/distribution?groupBy=chain')).body;
      const mean = (code: string) => {
        const g = byChain.groups.find((x: { code: string }) => x.code === code);
        return g.levels.reduce((sum: number, n: number, level: number) => sum + n * level, 0) / g.total;
      };
      expect(mean('ELECTRONICS')).toBeGreaterThan(mean('FOOD'));
      expect(byChain.city.total).toBe(latest.length);
      const eligible = (await admin.get('/api/maturity/eligible?pageSize=200')).body;
      expect(eligible.total).toBe(latest.filter((r) => r.reachedLevel! >= 2).length);
      expect(eligible.items.some((e: { verifiedLevel: number | null }) => e.verifiedLevel !== null)).toBe(true);
      const expert = new TestClient(url);
      expect((await expert.login('expert', DEMO_PASSWORD)).status).toBe(200);
      const reviews = (await expert.get('/api/maturity/expert-reviews?pageSize=50')).body;
      expect(reviews.items.map((r: { status: string }) => r.status)).toContain('assigned');
    });

    it('comes out the same on every install, quickly', async () => {
      const existing = await submitted();
      const before = existing.map((r) => [r.enterpriseId, r.reachedLevel, r.totalScore]);
      const lastId = existing[existing.length - 1]!.id;
      const again = await ctx.db
        .transaction()
        .execute(async (tx) => {
          const summary = await seedDemoAssessments(tx);
          const rows = await tx
            .selectFrom('maturityAssessment')
            .select(['enterpriseId', 'reachedLevel', 'totalScore'])
            .where('id', '>', lastId)
            .orderBy('id')
            .execute();
          // roll the second copy back: this was only to compare
          throw Object.assign(new Error('rollback'), { summary, rows: rows.map((r) => [r.enterpriseId, r.reachedLevel, r.totalScore]) });
        })
        .catch((e: { summary: { ms: number; assessments: number }; rows: unknown[] }) => e);
      expect(again.rows, String(again)).toEqual(before);
      console.info(`demo maturity on ${kind}: ${again.summary.assessments} assessments in ${again.summary.ms} ms`);
      if (kind === 'sqlite') expect(again.summary.ms).toBeLessThan(3000);
    });
  });
}
