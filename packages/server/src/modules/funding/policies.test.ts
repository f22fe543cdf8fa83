import { beforeAll, expect, it } from 'vitest';
import { expectError } from '../../../test/expect.ts';
import { describeEachDatabase, type TestClient } from '../../../test/harness.ts';
import { created, projectBody, TEN_PERCENT_POLICY, toNotice, yuan } from './funding.test-support.ts';

// Policies as data and funds with envelopes over HTTP: what the bureau may write, what it may not,
// and what the calculator answers for a what-if.

// 沂水 2022 (domain notes §5): equipment ≥ ¥5 M / 30 M / 50 M → 1.5 % / 1.8 % / 2 % of the whole, cap ¥1 M.
const TIERED = {
  code: 'test-yishui',
  name: '测试：沂水分档奖补',
  rules: {
    qualifyingKinds: ['equipment_upgrade'],
    eligibleItems: ['equipment'],
    rate: {
      mode: 'tiered',
      basis: 'whole',
      bands: [
        { fromFen: yuan(5_000_000), rateBp: 150 },
        { fromFen: yuan(30_000_000), rateBp: 180 },
        { fromFen: yuan(50_000_000), rateBp: 200 },
      ],
    },
    minInvestmentFen: 0,
    capPerProjectFen: yuan(1_000_000),
    capPerEnterpriseYearFen: null,
  },
};

describeEachDatabase('funding policies and funds', (server) => {
  let bureau: TestClient;
  let district: TestClient;
  let enterprise: TestClient;

  beforeAll(async () => {
    bureau = await server().as('bureau_admin');
    district = await server().as('district_officer');
    enterprise = await server().as('enterprise_user');
  });

  it('computes a tiered what-if line by line, in the caller’s language', async () => {
    const policy = await created(bureau.post('/api/funding/policies', TIERED));
    const body = {
      kind: 'equipment_upgrade',
      investment: { equipmentFen: yuan(40_000_000), softwareFen: yuan(1_000_000), servicesFen: 0, otherFen: 0 },
    };
    const zh = await created(enterprise.post(`/api/funding/policies/${policy.id}/calculate`, body), 200);
    expect(zh.amountFen).toBe(yuan(720_000));
    expect(zh.lines.map((l: { text: string }) => l.text)).toEqual([
      '项目类型「设备更新」属于本政策支持范围',
      '计入奖补基数：设备 投资 40,000,000.00 元',
      '不计入：软件 投资 1,000,000.00 元（非政策支持的投资项）',
      '奖补基数合计 40,000,000.00 元',
      '基数达到 30,000,000.00 元档，全额按 1.8% 计算：40,000,000.00 元 × 1.8%',
      '核定奖补金额 720,000.00 元',
    ]);
    enterprise.language = 'en';
    const en = await created(enterprise.post(`/api/funding/policies/${policy.id}/calculate`, body), 200);
    enterprise.language = 'zh-CN';
    expect(en.lines.at(-1).text).toBe('Award: ¥720,000.00');
    expectError(await enterprise.post(`/api/funding/policies/${policy.id}/calculate`, {}), 400, 'funding.policyCalcInput', 'projectId');
    expectError(await enterprise.post('/api/funding/policies/999999/calculate', body), 404, 'funding.policyNotFound');
  });

  it('refuses rules that cannot be applied, and only the bureau writes policies', async () => {
    expectError(
      await bureau.post('/api/funding/policies', {
        ...TIERED,
        rules: {
          ...TIERED.rules,
          rate: {
            mode: 'tiered',
            basis: 'whole',
            bands: [
              { fromFen: 10, rateBp: 1 },
              { fromFen: 5, rateBp: 2 },
            ],
          },
        },
      }),
      400,
      'funding.policyBandsOrder',
      'rules.rate.bands',
    );
    expectError(
      await bureau.post('/api/funding/policies', { ...TIERED, rules: { ...TIERED.rules, rate: { mode: 'flat' } } }),
      400,
      'validation.required',
      'rules.rate.rateBp',
    );
    expectError(
      await bureau.post('/api/funding/policies', { ...TIERED, rules: { ...TIERED.rules, qualifyingKinds: [] } }),
      400,
      'funding.policyEmpty',
      'rules.qualifyingKinds',
    );
    expectError(
      await bureau.post('/api/funding/policies', { ...TIERED, rules: { ...TIERED.rules, rate: { mode: 'flat', rateBp: 10001 } } }),
      400,
      'validation.maximum',
      'rules.rate.rateBp',
    );
    expectError(await district.post('/api/funding/policies', TIERED), 403, 'auth.forbidden');
    expectError(await enterprise.post('/api/funding/policies', TIERED), 403, 'auth.forbidden');
  });

  it('a retired version takes no new applications; the versions before stay readable', async () => {
    const v1 = await created(bureau.post('/api/funding/policies', TEN_PERCENT_POLICY));
    await created(bureau.post(`/api/funding/policies/${v1.id}/retire`), 200);
    const project = await created(enterprise.post('/api/funding/projects', projectBody()));
    expectError(
      await enterprise.post('/api/funding/awards', { projectId: project.id, policyId: v1.id }),
      400,
      'funding.policyRetired',
      'policyId',
    );
    const all = (await enterprise.get(`/api/funding/policies?code=${TEN_PERCENT_POLICY.code}&includeRetired=true`)).body;
    expect(all.map((p: { version: number; status: string }) => [p.version, p.status])).toEqual([[1, 'retired']]);
    expect((await enterprise.get(`/api/funding/policies?code=${TEN_PERCENT_POLICY.code}`)).body).toEqual([]);
  });

  it('keeps envelopes within the fund, one fund a year, and never below what they allocated', async () => {
    const body = {
      year: 2030,
      name: '2030年专项资金',
      totalFen: yuan(10_000_000),
      envelopes: [
        { kind: 'smart_digital', name: '智改数转', amountFen: yuan(6_000_000) },
        { kind: 'other', name: '其他', amountFen: yuan(5_000_000) },
      ],
    };
    expectError(await bureau.post('/api/funding/funds', body), 400, 'funding.fundEnvelopesOverTotal', 'envelopes');
    const fund = await created(
      bureau.post('/api/funding/funds', { ...body, envelopes: [body.envelopes[0], { ...body.envelopes[1]!, amountFen: yuan(4_000_000) }] }),
    );
    expect(fund).toMatchObject({ smartDigitalFen: yuan(6_000_000), smartDigitalShare: 0.6, awardedShareOfFund: 0 });
    expectError(await bureau.post('/api/funding/funds', { ...body, envelopes: [] }), 400, 'validation.minItems', 'envelopes');
    expectError(await bureau.post('/api/funding/funds', { ...body, envelopes: [body.envelopes[0]] }), 409, 'funding.fundYearTaken', 'year');
    expectError(await district.post('/api/funding/funds', body), 403, 'auth.forbidden');

    // allocate ¥1 M, then try to shrink the envelope under it, and to remove it
    const policy = (await bureau.get(`/api/funding/policies?code=${TIERED.code}`)).body[0];
    const v2 = policy ?? (await created(bureau.post('/api/funding/policies', TIERED)));
    const project = await created(
      enterprise.post(
        '/api/funding/projects',
        projectBody({ year: 2030, kind: 'equipment_upgrade', name: '2030 设备更新', equipmentFen: yuan(60_000_000) }),
      ),
    );
    const award = await created(enterprise.post('/api/funding/awards', { projectId: project.id, policyId: v2.id }));
    await toNotice(bureau, district, award.id, 2030);
    await created(bureau.post(`/api/funding/awards/${award.id}/moves`, { action: 'approve' }), 200);
    const [smart, other] = fund.envelopes;
    expectError(
      await bureau.put(`/api/funding/funds/${fund.id}`, {
        ...body,
        envelopes: [{ ...smart, amountFen: yuan(999_999) }, other].map(({ id, kind, name, amountFen }) => ({ id, kind, name, amountFen })),
      }),
      409,
      'funding.fundEnvelopeBelowAllocated',
      'envelopes',
    );
    expectError(
      await bureau.put(`/api/funding/funds/${fund.id}`, {
        ...body,
        envelopes: [{ id: other.id, kind: other.kind, name: other.name, amountFen: other.amountFen }],
      }),
      409,
      'funding.fundEnvelopeInUse',
      'envelopes',
    );
    const after = (await bureau.get(`/api/funding/funds/${fund.id}`)).body;
    expect(after.envelopes.map((e: { amountFen: number }) => e.amountFen)).toEqual([yuan(6_000_000), yuan(4_000_000)]);
    expect(after).toMatchObject({ allocatedFen: yuan(1_000_000), awardedShareOfFund: 0.1 });
  });

  it('marks a project completed, and locks what an open award was computed from', async () => {
    const project = await created(enterprise.post('/api/funding/projects', projectBody({ name: '待完工项目' })));
    const done = await created(enterprise.post(`/api/funding/projects/${project.id}/complete`, { completionDate: '2024-12-01' }), 200);
    expect(done).toMatchObject({ status: 'completed', completionDate: '2024-12-01', version: 2 });
    expectError(
      await enterprise.put(`/api/funding/projects/${project.id}`, { ...projectBody(), version: 1 }),
      409,
      'funding.projectVersionConflict',
      'version',
    );
    const policy = await created(bureau.post('/api/funding/policies', { ...TEN_PERCENT_POLICY, code: 'test-lock' }));
    await created(enterprise.post('/api/funding/awards', { projectId: project.id, policyId: policy.id }));
    expectError(
      await enterprise.put(`/api/funding/projects/${project.id}`, { ...projectBody(), version: 2 }),
      409,
      'funding.projectLocked',
    );
    expectError(
      await enterprise.post('/api/funding/awards', { projectId: project.id, policyId: policy.id }),
      409,
      'funding.awardAlreadyOpen',
      'projectId',
    );
  });
});
