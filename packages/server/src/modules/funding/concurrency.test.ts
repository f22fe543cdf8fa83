import { beforeAll, expect, it } from 'vitest';
import { expectError } from '../../../test/expect.ts';
import { describeEachDatabase, type TestClient } from '../../../test/harness.ts';
import { created, fundFor, projectBody, TEN_PERCENT_POLICY, toNotice, yuan } from './funding.test-support.ts';

// Two officers approving at the same moment cannot overspend an envelope (issue 5 part 5): seven ¥1 M
// approvals fired at once against ¥3 M; exactly three win, the others get a clear 409, and the ledger
// never allocates more than the envelope holds — on SQLite (one writer) and PostgreSQL (row lock).

const AWARDS = 7;

describeEachDatabase('funding approvals racing for one envelope', (server) => {
  let bureau: TestClient;
  const awardIds: number[] = [];

  beforeAll(async () => {
    bureau = await server().as('bureau_admin');
    const district = await server().as('district_officer');
    const enterprise = await server().as('enterprise_user');
    const policy = await created(bureau.post('/api/funding/policies', TEN_PERCENT_POLICY));
    await fundFor(bureau, 2025, 3_000_000, 10_000_000);
    for (let i = 0; i < AWARDS; i++) {
      const project = await created(
        enterprise.post(
          '/api/funding/projects',
          projectBody({ year: 2025, name: `并发测试项目${i}`, equipmentFen: yuan(10_000_000), softwareFen: 0 }),
        ),
      );
      const award = await created(enterprise.post('/api/funding/awards', { projectId: project.id, policyId: policy.id }));
      expect(award.amountFen).toBe(yuan(1_000_000));
      await toNotice(bureau, district, award.id, 2025);
      awardIds.push(award.id);
    }
  });

  it('lets exactly as many through as the envelope holds; the losers get 409 and the envelope never goes negative', async () => {
    // all sent at once, each request its own connection and transaction (one login: a new one ends the old session)
    const results = await Promise.all(awardIds.map((id) => bureau.post(`/api/funding/awards/${id}/moves`, { action: 'approve' })));
    const won = results.filter((r) => r.status === 200);
    const lost = results.filter((r) => r.status !== 200);
    expect(won).toHaveLength(3);
    expect(lost).toHaveLength(AWARDS - 3);
    for (const r of lost) expectError(r, 409, 'funding.budgetExceeded', 'envelopeId');

    const fund = (await bureau.get('/api/funding/funds')).body.find((f: { year: number }) => f.year === 2025);
    const envelope = fund.envelopes.find((e: { kind: string }) => e.kind === 'smart_digital');
    expect(envelope).toMatchObject({ amountFen: yuan(3_000_000), allocatedFen: yuan(3_000_000), availableFen: 0 });
    const allocations = await server()
      .ctx.db.selectFrom('fundingLedgerEntry')
      .select(['awardId', 'amountFen'])
      .where('envelopeId', '=', envelope.id)
      .where('kind', '=', 'allocation')
      .execute();
    expect(allocations).toHaveLength(3);
    const statuses = await server().ctx.db.selectFrom('fundingAward').select(['id', 'status']).where('id', 'in', awardIds).execute();
    expect(
      statuses
        .filter((s) => s.status === 'approved')
        .map((s) => s.id)
        .sort(),
    ).toEqual(allocations.map((a) => a.awardId).sort());
    expect(statuses.filter((s) => s.status === 'in_notice')).toHaveLength(AWARDS - 3);
  });

  it('approving the same award twice at once allocates it once', async () => {
    // free room for one more: raise the envelope by ¥1 M
    const fund = (await bureau.get('/api/funding/funds')).body.find((f: { year: number }) => f.year === 2025);
    const envelopes = fund.envelopes.map((e: { id: number; kind: string; name: string; amountFen: number }) => ({
      id: e.id,
      kind: e.kind,
      name: e.name,
      amountFen: e.kind === 'smart_digital' ? e.amountFen + yuan(1_000_000) : e.amountFen - yuan(1_000_000),
    }));
    await created(bureau.put(`/api/funding/funds/${fund.id}`, { year: 2025, name: fund.name, totalFen: fund.totalFen, envelopes }), 200);
    const waiting = await server()
      .ctx.db.selectFrom('fundingAward')
      .select('id')
      .where('id', 'in', awardIds)
      .where('status', '=', 'in_notice')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const results = await Promise.all([0, 1, 2].map(() => bureau.post(`/api/funding/awards/${waiting.id}/moves`, { action: 'approve' })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    for (const r of results.filter((x) => x.status === 409)) expectError(r, 409, 'funding.awardIllegalMove');
    const allocations = await server().ctx.db.selectFrom('fundingLedgerEntry').select('id').where('awardId', '=', waiting.id).execute();
    expect(allocations).toHaveLength(1);
  });
});
