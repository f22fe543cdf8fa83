import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../../../test/databases.ts';
import { startDemoServer } from '../../../../test/demo-server.ts';
import { TestClient } from '../../../../test/harness.ts';
import { DEMO_PASSWORD } from '../../../demo/accounts.ts';

// The seed's title figures (seed §一) as the demo city gives them, each counted from rows: 188 smart-
// manufacturing demonstration projects = the ladder's 11 + 39 + 110 and 28 titles of the "other" kind;
// 65 industrial-internet pilot and demonstration projects; 100 provincial Morning Star Factories. And the
// demo upward recommendations add up: some won, some not, this year's pending.
for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`the demo titles and recommendations [${kind}]`, async () => {
    if (!(await testDatabaseKinds()).includes(kind)) return;
    let bureau: TestClient;
    let close: () => Promise<void>;

    beforeAll(async () => {
      const demo = await startDemoServer(kind);
      close = demo.close;
      bureau = new TestClient(demo.url);
      expect((await bureau.login('admin', DEMO_PASSWORD)).status).toBe(200);
    }, 90_000);
    afterAll(async () => close?.());

    it('gives the seed’s 188 (11 + 39 + 110 + 28), 65 and 100 from rows', async () => {
      const figures = (await bureau.get('/api/registers/titles/summary')).body;
      expect(figures.smartManufacturing).toEqual({
        total: 188,
        national: 11,
        provincial: 39,
        municipal: 110,
        other: 28,
        fromLadder: { national: 11, provincial: 39, municipal: 110 },
        fromTitles: { national: 0, other: 28 },
      });
      expect(figures.industrialInternet.total).toBe(65);
      expect(figures.morningStar.total).toBe(100);
      const listed = await bureau.get('/api/registers/titles?kind=morning_star&pageSize=1');
      expect(listed.body.total).toBe(100);
    });

    it('shows the demo firm its own titles on its timeline, one of them near its renewal', async () => {
      const firm = new TestClient(bureau.baseUrl);
      expect((await firm.login('enterprise', DEMO_PASSWORD)).status).toBe(200);
      const { user } = (await firm.get('/api/auth/me')).body;
      const timeline = (await firm.get(`/api/registers/titles/enterprises/${user.enterpriseId}/timeline`)).body;
      expect(timeline.items.map((i: { kind: string }) => i.kind)).toEqual(expect.arrayContaining(['morning_star', 'specialised']));
      expect(timeline.items.some((i: { validity: string }) => i.validity === 'expiring')).toBe(true);
    });

    it('records upward recommendations with outcomes and amounts won', async () => {
      const { total, byLevel } = (await bureau.get('/api/registers/upward-recommendations/summary')).body;
      expect(total.recommended).toBeGreaterThan(total.won);
      expect(total.won).toBeGreaterThan(0);
      expect(total.pending).toBeGreaterThan(0);
      expect(total.amountWon).toBeGreaterThan(0);
      expect(byLevel.map((g: { level: string }) => g.level).sort()).toEqual(['national', 'provincial']);
    });
  });
}
