import { beforeAll, expect, it } from 'vitest';
import { expectError } from '../../../../test/expect.ts';
import { describeEachDatabase, type Json, type TestClient } from '../../../../test/harness.ts';
import { chinaToday } from '../engine/service.ts';

// The talent registers' own rules through HTTP: an honour's tenure warning and its duplicates, a
// carrier's host, and a payment as a ledger line of the talent fund — refused beyond the envelope's room,
// given back when changed or deleted, and refused in a year without a talent fund.

const addDays = (days: number) => new Date(Date.parse(`${chinaToday()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describeEachDatabase('talent registers', (server) => {
  let bureau: TestClient;
  let district: TestClient;
  const honour = (overrides: Record<string, unknown> = {}) => ({
    personName: '周海涛',
    honour: 'municipal_chief_technician',
    year: 2021,
    occupation: '焊工',
    employerName: '测试企业',
    enterpriseId: server().enterprises.huancui,
    districtCode: '371002',
    tenureEnd: '2024-12-31',
    ...overrides,
  });

  beforeAll(async () => {
    bureau = await server().as('bureau_admin');
    district = await server().as('district_officer');
  });

  it('shows an honour’s level and its tenure ending within 90 days, and lists it among the expiring', async () => {
    const soon = await district.post('/api/registers/skill-honours', honour({ personName: '王立新', year: 2023, tenureEnd: addDays(30) }));
    expect(soon.status, JSON.stringify(soon.body)).toBe(201);
    expect(soon.body).toMatchObject({ level: 'municipal', tenureState: 'expiring' });
    const lapsed = await district.post('/api/registers/skill-honours', honour({ personName: '李春梅', tenureEnd: '2023-12-31' }));
    expect(lapsed.body.tenureState).toBe('expired');
    const expert = await district.post(
      '/api/registers/skill-honours',
      honour({ personName: '陈振华', honour: 'national_technical_expert', tenureEnd: null }),
    );
    expect(expert.body).toMatchObject({ level: 'national', tenureState: 'open' });
    const figures = (await district.get('/api/registers/talent/figures')).body;
    expect(figures.honours.expiring.map((h: Json) => h.id)).toContain(soon.body.id);
    expect(figures.honours.expiring.map((h: Json) => h.id)).not.toContain(lapsed.body.id);
  });

  it('refuses the same person honoured twice for the same honour and year, a tenure before the honour, another district', async () => {
    const first = await district.post('/api/registers/skill-honours', honour({ personName: '赵国栋' }));
    expect(first.status).toBe(201);
    expectError(
      await district.post('/api/registers/skill-honours', honour({ personName: '赵国栋' })),
      409,
      'registers.duplicate',
      'personName',
    );
    // the same name at another employer is another person
    expect((await district.post('/api/registers/skill-honours', honour({ personName: '赵国栋', employerName: '另一企业' }))).status).toBe(
      201,
    );
    const early = await district.post('/api/registers/skill-honours', honour({ personName: '孙红霞', tenureEnd: '2020-06-30' }));
    expectError(early, 400, 'registers.tenureBeforeYear', 'tenureEnd');
    expect(early.body.error.message).toContain('聘期届满');
    expectError(
      await district.post('/api/registers/skill-honours', honour({ personName: '孙红霞', districtCode: '371082', enterpriseId: null })),
      400,
      'registers.districtOutOfScope',
      'districtCode',
    );
  });

  it('asks a carrier for its host: a firm of the registry or a school by name', async () => {
    const carrier = {
      name: '测试技能大师工作室',
      kind: 'master_studio',
      level: 'provincial',
      enterpriseId: null,
      hostSchool: null,
      districtCode: '371002',
      establishedYear: 2020,
      tenureEnd: '2023-12-31',
      note: null,
    };
    expectError(await district.post('/api/registers/training-carriers', carrier), 400, 'registers.carrierHostRequired', 'hostSchool');
    const hosted = await district.post('/api/registers/training-carriers', { ...carrier, hostSchool: '测试技师学院' });
    expect(hosted.status, JSON.stringify(hosted.body)).toBe(201);
    expect(hosted.body.tenureState).toBe('expired');
  });

  it('posts a payment as ledger lines of the talent fund, never beyond the envelope, and gives it back when changed or deleted', async () => {
    const fund = await bureau.post('/api/funding/funds', {
      year: 2022,
      purpose: 'talent',
      name: '2022年人才发展专项资金',
      totalFen: 2_000_000,
      envelopes: [
        { kind: 'talent_reward', name: '高技能人才奖励', amountFen: 1_000_000 },
        { kind: 'graduate_allowance', name: '高校毕业生生活补贴', amountFen: 1_000_000 },
      ],
    });
    expect(fund.status, JSON.stringify(fund.body)).toBe(201);
    // a special fund of the same year is another purpose; a second talent fund is not
    expect(
      (
        await bureau.post('/api/funding/funds', {
          year: 2022,
          name: '专项资金',
          totalFen: 100,
          envelopes: [{ kind: 'smart_digital', name: '智改数转', amountFen: 100 }],
        })
      ).status,
    ).toBe(201);
    const twin = {
      year: 2022,
      purpose: 'talent',
      name: '另一人才资金',
      totalFen: 100,
      envelopes: [{ kind: 'talent_reward', name: '奖励', amountFen: 100 }],
    };
    expectError(await bureau.post('/api/funding/funds', twin), 409, 'funding.fundYearTaken', 'year');
    const envelopeId = fund.body.envelopes[0].id;
    const room = async () => (await bureau.get(`/api/funding/funds/${fund.body.id}`)).body.envelopes[0].availableFen;

    const person = await bureau.post('/api/registers/skill-honours', honour({ personName: '吴鹏飞', year: 2022, tenureEnd: null }));
    const policy = await bureau.post('/api/registers/policies', {
      title: '人才新政',
      issuer: '威海市人民政府',
      documentNumber: '测试〔2022〕20号',
      level: 'municipal',
      kind: 'talent',
      issuedOn: '2022-01-10',
      effectiveFrom: null,
      effectiveTo: null,
      status: 'in_force',
      url: null,
      summary: null,
    });
    const payment = (overrides: Record<string, unknown> = {}) => ({
      kind: 'high_skill_reward',
      honourId: person.body.id,
      recipientGroup: null,
      recipients: 1,
      policyId: policy.body.id,
      paidOn: '2022-06-15',
      amountFen: 600_000,
      batch: '2022-奖励-01',
      ...overrides,
    });
    const paid = await bureau.post('/api/registers/talent-payments', payment());
    expect(paid.status, JSON.stringify(paid.body)).toBe(201);
    expect(await room()).toBe(400_000);
    const ledger = (await bureau.get(`/api/funding/funds/${fund.body.id}/ledger`)).body.items;
    expect(ledger.map((l: Json) => [l.kind, l.amountFen, l.awardId, l.sourceRegister, l.sourceEntryId])).toEqual([
      ['payment', 600_000, null, 'talent-payments', paid.body.id],
      ['allocation', 600_000, null, 'talent-payments', paid.body.id],
    ]);

    const total = async () => (await bureau.get('/api/registers/talent-payments?pageSize=1')).body.total;
    const rows = await total();
    const over = await bureau.post('/api/registers/talent-payments', payment({ paidOn: '2022-07-15', amountFen: 500_000 }));
    expectError(over, 409, 'registers.paymentOverEnvelope', 'amountFen');
    expect(over.body.error.message).toContain('发放金额');
    expect(await total()).toBe(rows);
    expect(await room()).toBe(400_000);

    expectError(
      await bureau.post('/api/registers/talent-payments', payment({ paidOn: '2021-06-15' })),
      400,
      'registers.paymentNoEnvelope',
      'paidOn',
    );
    expectError(
      await bureau.post('/api/registers/talent-payments', payment({ honourId: null })),
      400,
      'registers.paymentHonourRequired',
      'honourId',
    );
    expectError(await bureau.post('/api/registers/talent-payments', payment()), 409, 'registers.duplicate', 'honourId');

    const changed = await bureau.put(`/api/registers/talent-payments/${paid.body.id}`, { ...payment({ amountFen: 300_000 }), version: 1 });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(await room()).toBe(700_000);
    expect((await bureau.delete(`/api/registers/talent-payments/${paid.body.id}`)).status).toBe(200);
    expect(await room()).toBe(1_000_000);
    const after = (await bureau.get(`/api/funding/funds/${fund.body.id}/ledger?envelopeId=${envelopeId}`)).body;
    expect(after.items.map((l: Json) => l.kind)).toEqual(['clawback', 'payment', 'allocation', 'clawback', 'payment', 'allocation']);
    expect((await bureau.get('/api/registers/talent/figures?year=2022')).body.payments[0]).toMatchObject({
      kind: 'high_skill_reward',
      paidFen: 0,
      payments: 0,
    });
  });

  it('lets district staff read the payments but not make them', async () => {
    expect((await district.get('/api/registers/talent-payments')).status).toBe(200);
    expect((await district.post('/api/registers/talent-payments', {})).status).toBe(403);
    expect((await (await server().as('enterprise_user')).get('/api/registers/talent/figures')).status).toBe(403);
  });
});
