import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../../../test/databases.ts';
import { startDemoServer } from '../../../../test/demo-server.ts';
import { TestClient, type Json } from '../../../../test/harness.ts';
import { DEMO_PASSWORD } from '../../../demo/accounts.ts';

// The seed's talent figures (§二.(五)) computed from the demo city's rows: 77 carriers, 254 honoured
// people, ¥14.285 M of high-skill rewards and ¥160 M of graduate allowances paid in 2023 — the money as
// lines of the talent fund's ledger; and each figure moves when a row is added.
for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`the demo talent figures [${kind}]`, async () => {
    if (!(await testDatabaseKinds()).includes(kind)) return;
    let bureau: TestClient;
    let close: () => Promise<void>;
    const figures = async (): Promise<Json> => {
      const res = await bureau.get('/api/registers/talent/figures?year=2023');
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body;
    };
    const paidOf = (f: Json, kind: string) => f.payments.find((p: { kind: string }) => p.kind === kind);

    beforeAll(async () => {
      const demo = await startDemoServer(kind);
      expect(demo.summary).not.toBeNull();
      bureau = new TestClient(demo.url);
      expect((await bureau.login('admin', DEMO_PASSWORD)).status).toBe(200);
      close = demo.close;
    }, 120_000);
    afterAll(async () => close?.());

    it('77 talent-training carriers, and one more when a station is added', async () => {
      const before = await figures();
      expect(before.carriers.total).toBe(77);
      expect(before.carriers.byKind.reduce((s: number, k: { count: number }) => s + k.count, 0)).toBe(77);
      expect((await bureau.get('/api/registers/training-carriers?pageSize=1')).body.total).toBe(77);
      const added = await bureau.post('/api/registers/training-carriers', {
        name: '新设技师工作站',
        kind: 'technician_station',
        level: 'municipal',
        enterpriseId: null,
        hostSchool: '威海演示技师学院',
        districtCode: '371002',
        establishedYear: 2024,
        tenureEnd: null,
        note: null,
      });
      expect(added.status, JSON.stringify(added.body)).toBe(201);
      const after = await figures();
      expect(after.carriers.total).toBe(78);
      expect(after.carriers.byKind.find((k: { kind: string }) => k.kind === 'technician_station').count).toBe(
        before.carriers.byKind.find((k: { kind: string }) => k.kind === 'technician_station').count + 1,
      );
    });

    it('254 people with national, provincial or municipal skill honours, and one more when a person is added', async () => {
      const before = await figures();
      expect(before.honours.people).toBe(254);
      expect(before.honours.byLevel.reduce((s: number, l: { count: number }) => s + l.count, 0)).toBe(254);
      for (const level of ['national', 'provincial', 'municipal'])
        expect(before.honours.byLevel.find((l: { level: string }) => l.level === level).count).toBeGreaterThan(0);
      const added = await bureau.post('/api/registers/skill-honours', {
        personName: '新评技师',
        honour: 'municipal_chief_technician',
        year: 2024,
        occupation: null,
        employerName: '威海演示技师学院',
        enterpriseId: null,
        districtCode: '371002',
        tenureEnd: null,
      });
      expect(added.status, JSON.stringify(added.body)).toBe(201);
      expect((await figures()).honours.people).toBe(255);
    });

    it('2023: ¥14.285 M of high-skill rewards and ¥160 M of graduate allowances, from the talent fund’s ledger', async () => {
      const before = await figures();
      expect(paidOf(before, 'high_skill_reward').paidFen).toBe(14_285_000 * 100);
      expect(paidOf(before, 'graduate_allowance').paidFen).toBe(160_000_000 * 100);
      // the same money is in the funding ledger, as lines without an award naming their payment row
      const fund = (await bureau.get('/api/funding/funds')).body.find((f: Json) => f.year === 2023 && f.purpose === 'talent');
      expect(fund.paidFen).toBe((14_285_000 + 160_000_000) * 100);
      const ledger = (await bureau.get(`/api/funding/funds/${fund.id}/ledger?pageSize=1`)).body;
      expect(ledger.items[0]).toMatchObject({ awardId: null, sourceRegister: 'talent-payments' });
      // the special fund's 智改数转 share is of the special fund alone
      const special = (await bureau.get('/api/funding/funds')).body.find((f: Json) => f.year === 2023 && f.purpose === 'manufacturing');
      expect(Math.round(special.awardedShareOfFund * 1000) / 10).toBe(42.2);

      const policy = (await bureau.get(`/api/registers/policies?q=${encodeURIComponent('英才工程')}`)).body.items[0];
      const honour = (await bureau.get('/api/registers/skill-honours?yearFrom=2023&yearTo=2023&pageSize=1')).body.items[0];
      const reward = await bureau.post('/api/registers/talent-payments', {
        kind: 'high_skill_reward',
        honourId: honour.id,
        recipientGroup: null,
        recipients: 1,
        policyId: policy.id,
        paidOn: '2023-12-30',
        amountFen: 5_000 * 100,
        batch: '2023-补发-01',
      });
      expect(reward.status, JSON.stringify(reward.body)).toBe(201);
      const after = await figures();
      expect(paidOf(after, 'high_skill_reward').paidFen).toBe(14_290_000 * 100);
      expect(paidOf(after, 'high_skill_reward').envelope.availableFen).toBe(
        paidOf(before, 'high_skill_reward').envelope.availableFen - 5_000 * 100,
      );
      expect((await bureau.delete(`/api/registers/talent-payments/${reward.body.id}`)).status).toBe(200);
      expect(paidOf(await figures(), 'high_skill_reward').paidFen).toBe(14_285_000 * 100);
    });
  });
}
