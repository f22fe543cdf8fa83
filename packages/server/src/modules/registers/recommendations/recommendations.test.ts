import { beforeAll, expect, it } from 'vitest';
import { expectError } from '../../../../test/expect.ts';
import { describeEachDatabase, type TestClient } from '../../../../test/harness.ts';
import { created, projectBody } from '../../funding/funding.test-support.ts';

// Upward recommendations: the outcome rules named in the user's language, the funding project checked
// to be the firm's own, and the summary (recommended → won, amount won by level and year) moving with rows.

const BASE = '/api/registers/upward-recommendations';
let serial = 0;
const recommendation = (enterpriseId: number, overrides: Record<string, unknown> = {}) => ({
  enterpriseId,
  programme: 'major_loan_subsidy',
  level: 'provincial',
  year: 2024,
  projectName: `高端装备智能化改造项目 ${++serial}`,
  fundingProjectId: null,
  recommendedOn: '2024-04-15',
  outcome: 'won',
  amountWon: 150_000_000,
  decidedOn: '2024-11-20',
  note: null,
  ...overrides,
});

describeEachDatabase('upward recommendations (register)', (server) => {
  let bureau: TestClient;
  let huancui: number;
  let wendeng: number;

  beforeAll(async () => {
    bureau = await server().as('bureau_admin');
    ({ huancui, wendeng } = server().enterprises);
  });

  it('refuses an amount on a project that did not win, a decision before the recommendation, a pending one with a date', async () => {
    const amount = await bureau.post(BASE, recommendation(huancui, { outcome: 'not_selected' }));
    expectError(amount, 400, 'registers.recommendations.amountNotWon', 'amountWon');
    expect(amount.body.error.message).toContain('获批金额');
    expectError(await bureau.post(BASE, recommendation(huancui, { decidedOn: '2024-01-02' })), 400, 'registers.dateBefore', 'decidedOn');
    expectError(
      await bureau.post(BASE, recommendation(huancui, { outcome: 'pending', amountWon: null })),
      400,
      'registers.recommendations.pendingDecided',
      'decidedOn',
    );
    expectError(await bureau.post(BASE, recommendation(huancui, { decidedOn: null })), 400, 'validation.required', 'decidedOn');
    expectError(await bureau.post(BASE, recommendation(huancui, { level: 'national' })), 400, 'registers.titles.levelOfKind', 'level');
  });

  it('links a funding project only when it is the firm’s own', async () => {
    const project = await created<{ id: number }>(bureau.post('/api/funding/projects', projectBody({ enterpriseId: huancui })));
    expect((await bureau.post(BASE, recommendation(huancui, { fundingProjectId: project.id }))).status).toBe(201);
    expectError(
      await bureau.post(BASE, recommendation(wendeng, { fundingProjectId: project.id })),
      400,
      'registers.recommendations.fundingProjectNotFound',
      'fundingProjectId',
    );
    expectError(
      await bureau.post(BASE, recommendation(huancui, { fundingProjectId: 2_000_000_000 })),
      400,
      'registers.recommendations.fundingProjectNotFound',
      'fundingProjectId',
    );
  });

  it('sums recommended → won and the amount won by level and year, and the sums move with each row', async () => {
    const before = (await bureau.get(`${BASE}/summary`)).body;
    await bureau.post(BASE, recommendation(huancui, { year: 2023, recommendedOn: '2023-05-01', decidedOn: '2023-10-01' }));
    await bureau.post(
      BASE,
      recommendation(wendeng, {
        year: 2023,
        recommendedOn: '2023-05-01',
        outcome: 'not_selected',
        amountWon: null,
        decidedOn: '2023-10-01',
      }),
    );
    await bureau.post(
      BASE,
      recommendation(wendeng, {
        programme: 'pilot_demonstration',
        level: 'national',
        year: 2023,
        recommendedOn: '2023-03-01',
        outcome: 'pending',
        amountWon: null,
        decidedOn: null,
      }),
    );
    const after = (await bureau.get(`${BASE}/summary`)).body;
    expect(after.total).toMatchObject({
      recommended: before.total.recommended + 3,
      won: before.total.won + 1,
      notSelected: before.total.notSelected + 1,
      pending: before.total.pending + 1,
      amountWon: before.total.amountWon + 150_000_000,
    });
    const year = (s: typeof after, y: number) => s.byYear.find((g: { year: number }) => g.year === y) ?? { recommended: 0, won: 0 };
    expect(year(after, 2023).recommended).toBe(year(before, 2023).recommended + 3);
    const national = after.byLevel.find((g: { level: string }) => g.level === 'national');
    expect(national.pending).toBeGreaterThanOrEqual(1);
    const provincial = after.byLevel.find((g: { level: string }) => g.level === 'provincial');
    expect(provincial.winRate).toBeCloseTo(provincial.won / (provincial.won + provincial.notSelected), 3);
  });
});
