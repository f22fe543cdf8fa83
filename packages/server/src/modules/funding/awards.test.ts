import { beforeAll, expect, it } from 'vitest';
import { expectError } from '../../../test/expect.ts';
import { describeEachDatabase, type TestClient } from '../../../test/harness.ts';
import { created, fundFor, projectBody, TEN_PERCENT_POLICY, toNotice, yuan } from './funding.test-support.ts';

// The whole road of an award over real HTTP on each database: the enterprise registers a project and
// applies, the district passes it, the bureau samples, publishes, approves against the budget, pays in two
// batches, evaluates and claws back; a later policy version leaves the approved award as it was.

describeEachDatabase('funding awards end to end', (server) => {
  let bureau: TestClient;
  let district: TestClient;
  let enterprise: TestClient;
  let policyId: number;

  beforeAll(async () => {
    bureau = await server().as('bureau_admin');
    district = await server().as('district_officer');
    enterprise = await server().as('enterprise_user');
    policyId = (await created(bureau.post('/api/funding/policies', TEN_PERCENT_POLICY))).id;
    await fundFor(bureau, 2024, 3_000_000);
  });

  it('runs from application to claw-back, each move audited and in the ledger', async () => {
    const project = await created(enterprise.post('/api/funding/projects', projectBody()));
    expect(project).toMatchObject({
      enterpriseId: server().enterprises.huancui,
      totalInvestmentFen: yuan(10_500_000),
      chainCode: 'TC1',
      status: 'registered',
    });

    const calc = await created(enterprise.post(`/api/funding/policies/${policyId}/calculate`, { projectId: project.id }), 200);
    expect(calc.amountFen).toBe(yuan(1_000_000));

    const award = await created(enterprise.post('/api/funding/awards', { projectId: project.id, policyId }));
    expect(award).toMatchObject({ status: 'submitted', amountFen: yuan(1_000_000), policyVersion: 1, allowedActions: ['withdraw'] });
    expect(award.calculation.lines.map((l: { text: string }) => l.text)).toContain('按 10% 计算：10,000,000.00 元 × 10%');

    // the enterprise may not review its own application
    expectError(await enterprise.post(`/api/funding/awards/${award.id}/moves`, { action: 'preliminaryPass' }), 403, 'auth.forbidden');
    // nor may the bureau approve before the notice
    expectError(await bureau.post(`/api/funding/awards/${award.id}/moves`, { action: 'approve' }), 409, 'funding.awardIllegalMove');

    const noticed = await toNotice(bureau, district, award.id, 2024);
    expect(noticed).toMatchObject({ status: 'in_notice', noticeStart: '2024-09-02', sampleDrawId: expect.any(Number) });

    const approved = await created(bureau.post(`/api/funding/awards/${award.id}/moves`, { action: 'approve' }), 200);
    expect(approved).toMatchObject({ status: 'approved', approvedFen: yuan(1_000_000) });

    const half = await created(
      bureau.post(`/api/funding/awards/${award.id}/moves`, { action: 'pay', amountFen: yuan(600_000), batch: '2024-1' }),
      200,
    );
    expect(half).toMatchObject({ status: 'paying', paidFen: yuan(600_000) });
    expectError(
      await bureau.post(`/api/funding/awards/${award.id}/moves`, { action: 'pay', amountFen: yuan(400_001) }),
      409,
      'funding.awardOverpay',
      'amountFen',
    );
    const paid = await created(
      bureau.post(`/api/funding/awards/${award.id}/moves`, { action: 'pay', amountFen: yuan(400_000), batch: '2024-2' }),
      200,
    );
    expect(paid.status).toBe('paid');

    const evaluated = await created(
      bureau.post(`/api/funding/awards/${award.id}/moves`, {
        action: 'evaluate',
        completionDate: '2024-12-20',
        actuals: [
          { code: 'productivity', actual: 131 },
          { code: 'operating_cost', actual: 900 },
        ],
      }),
      200,
    );
    expect(evaluated.evaluation).toMatchObject({ result: 'partial', metCount: 1, total: 2, suggestedClawBackFen: yuan(500_000) });
    const clawed = await created(
      bureau.post(`/api/funding/awards/${award.id}/moves`, { action: 'clawBack', amountFen: yuan(500_000), note: '运营成本目标未达成' }),
      200,
    );
    expect(clawed).toMatchObject({ status: 'clawed_back', clawedBackFen: yuan(500_000) });
    expect(clawed.moves.map((m: { action: string }) => m.action)).toEqual([
      'apply',
      'preliminaryPass',
      expect.stringMatching(/^sample(Select|Skip)$/),
      ...(clawed.sampled ? ['secondPass'] : []),
      'publishNotice',
      'approve',
      'pay',
      'pay',
      'evaluate',
      'clawBack',
    ]);

    const [fund] = (await bureau.get('/api/funding/funds')).body;
    const envelope = fund.envelopes.find((e: { kind: string }) => e.kind === 'smart_digital');
    expect(envelope).toMatchObject({
      allocatedFen: yuan(1_000_000),
      paidFen: yuan(1_000_000),
      clawedBackFen: yuan(500_000),
      availableFen: yuan(2_500_000),
    });
    const ledger = (await bureau.get(`/api/funding/funds/${fund.id}/ledger`)).body;
    expect(ledger.items.map((l: { kind: string; amountFen: number }) => [l.kind, l.amountFen]).reverse()).toEqual([
      ['allocation', yuan(1_000_000)],
      ['payment', yuan(600_000)],
      ['payment', yuan(400_000)],
      ['clawback', yuan(500_000)],
    ]);

    const audit = await server()
      .ctx.db.selectFrom('auditLog')
      .select('action')
      .where('entityType', '=', 'fundingAward')
      .where('entityId', '=', String(award.id))
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'funding.award.apply',
      'funding.award.preliminaryPass',
      ...(clawed.sampled ? ['funding.award.secondPass'] : []),
      'funding.award.publishNotice',
      'funding.award.approve',
      'funding.award.pay',
      'funding.award.pay',
      'funding.award.evaluate',
      'funding.award.clawBack',
    ]);
  });

  it('a later policy version never changes an award already approved', async () => {
    const project = await created(enterprise.post('/api/funding/projects', projectBody({ name: '数字化车间', kind: 'digital_workshop' })));
    const award = await created(enterprise.post('/api/funding/awards', { projectId: project.id, policyId }));
    await toNotice(bureau, district, award.id, 2024);
    await created(bureau.post(`/api/funding/awards/${award.id}/moves`, { action: 'approve' }), 200);

    const v2 = await created(
      bureau.post('/api/funding/policies', {
        ...TEN_PERCENT_POLICY,
        rules: { ...TEN_PERCENT_POLICY.rules, rate: { mode: 'flat', rateBp: 500 } },
      }),
    );
    expect(v2).toMatchObject({ code: TEN_PERCENT_POLICY.code, version: 2 });
    const after = (await bureau.get(`/api/funding/awards/${award.id}`)).body;
    expect(after).toMatchObject({ policyId, policyVersion: 1, amountFen: yuan(1_000_000), approvedFen: yuan(1_000_000) });
    expect(after.calculation.amountFen).toBe(yuan(1_000_000));
    // the new version computes the new rate for anyone asking now
    expect((await created(bureau.post(`/api/funding/policies/${v2.id}/calculate`, { projectId: project.id }), 200)).amountFen).toBe(
      yuan(500_000),
    );
  });

  it('refuses bad input clearly and changes nothing', async () => {
    const count = async (table: 'fundingProject' | 'fundingAward' | 'fundingLedgerEntry') =>
      Number(
        (
          await server()
            .ctx.db.selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = {
      projects: await count('fundingProject'),
      awards: await count('fundingAward'),
      ledger: await count('fundingLedgerEntry'),
    };

    expectError(
      await enterprise.post('/api/funding/projects', projectBody({ equipmentFen: -100 })),
      400,
      'validation.minimum',
      'equipmentFen',
    );
    expectError(
      await enterprise.post('/api/funding/projects', projectBody({ equipmentFen: 0, softwareFen: 0, servicesFen: 0 })),
      400,
      'funding.projectInvestmentZero',
      'equipmentFen',
    );
    expectError(
      await enterprise.post('/api/funding/projects', projectBody({ completionDate: '2023-01-01' })),
      400,
      'funding.projectDatesOrder',
      'completionDate',
    );
    const project = await created(enterprise.post('/api/funding/projects', projectBody({ name: '5G 车间' })));
    before.projects += 1;
    expectError(
      await enterprise.post('/api/funding/awards', { projectId: project.id, policyId: 999_999 }),
      400,
      'funding.policyNotFound',
      'policyId',
    );
    expectError(
      await enterprise.post('/api/funding/awards', { projectId: project.id, policyId: 0 }),
      400,
      'validation.minimum',
      'policyId',
    );

    // over budget: the 2024 envelope has ¥3 M less what is allocated; an approval beyond it is refused whole
    const big = await created(
      enterprise.post('/api/funding/projects', projectBody({ name: '大型智能工厂', equipmentFen: yuan(48_000_000) })),
    );
    before.projects += 1;
    const bigAward = await created(enterprise.post('/api/funding/awards', { projectId: big.id, policyId }));
    await toNotice(bureau, district, bigAward.id, 2024);
    const [fund] = (await bureau.get('/api/funding/funds')).body;
    const smart = fund.envelopes.find((e: { kind: string }) => e.kind === 'smart_digital');
    expect(smart.availableFen).toBeLessThan(bigAward.amountFen);
    const refused = await bureau.post(`/api/funding/awards/${bigAward.id}/moves`, { action: 'approve' });
    expectError(refused, 409, 'funding.budgetExceeded', 'envelopeId');
    expect(refused.body.error.message).toContain('超出预算');
    expect((await bureau.get(`/api/funding/awards/${bigAward.id}`)).body).toMatchObject({ status: 'in_notice', approvedFen: null });
    expect({
      projects: await count('fundingProject'),
      awards: await count('fundingAward'),
      ledger: await count('fundingLedgerEntry'),
    }).toEqual({ ...before, awards: before.awards + 1 });
  });

  it('keeps another enterprise’s projects and awards out of sight', async () => {
    const other = await created(
      bureau.post(
        '/api/funding/projects',
        projectBody({ enterpriseId: server().enterprises.wendeng, name: '文登纺织数字化车间', kind: 'digital_workshop' }),
      ),
    );
    expect(other.enterpriseId).toBe(server().enterprises.wendeng);
    expectError(await enterprise.get(`/api/funding/projects/${other.id}`), 404, 'request.notFound');
    expectError(await district.get(`/api/funding/projects/${other.id}`), 404, 'request.notFound');
    expectError(await enterprise.put(`/api/funding/projects/${other.id}`, { ...projectBody(), version: 1 }), 404, 'request.notFound');
    expectError(await enterprise.post('/api/funding/awards', { projectId: other.id, policyId }), 404, 'request.notFound');
    const listed = (await enterprise.get('/api/funding/projects?pageSize=200')).body.items;
    expect(listed.every((p: { enterpriseId: number }) => p.enterpriseId === server().enterprises.huancui)).toBe(true);
    expect((await bureau.get(`/api/funding/projects/${other.id}`)).status).toBe(200);
    // an officer may not register for an enterprise outside the district
    expectError(
      await district.post('/api/funding/projects', projectBody({ enterpriseId: server().enterprises.wendeng })),
      400,
      'funding.projectEnterpriseUnknown',
      'enterpriseId',
    );
    // an award on the other enterprise's project: out of the 环翠 officer's and the enterprise's reach
    const at = new Date().toISOString();
    const { id: otherAward } = await server()
      .ctx.db.insertInto('fundingAward')
      .values({
        projectId: other.id,
        enterpriseId: server().enterprises.wendeng,
        year: 2024,
        policyId,
        status: 'submitted',
        amountFen: 100,
        calculationJson: JSON.stringify({ eligible: true, amountFen: 100, lines: [] }),
        createdAt: at,
        updatedAt: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expectError(await district.post(`/api/funding/awards/${otherAward}/moves`, { action: 'preliminaryPass' }), 404, 'request.notFound');
    expectError(await enterprise.post(`/api/funding/awards/${otherAward}/moves`, { action: 'withdraw' }), 404, 'request.notFound');
    expectError(await enterprise.get(`/api/funding/awards/${otherAward}`), 404, 'request.notFound');
    expect((await district.get('/api/funding/awards?pageSize=200')).body.items.map((a: { id: number }) => a.id)).not.toContain(otherAward);
    expectError(await district.get('/api/funding/awards?districtCode=371003'), 403, 'auth.forbidden', 'districtCode');
    expect((await bureau.post(`/api/funding/awards/${otherAward}/moves`, { action: 'preliminaryPass' })).status).toBe(200);
    expectError(await enterprise.get('/api/funding/funds'), 403, 'auth.forbidden');
    expectError(await district.post('/api/funding/sample-draws', { year: 2024 }), 403, 'auth.forbidden');
  });
});
