import { beforeAll, expect, it } from 'vitest';
import { expectError } from '../../../../test/expect.ts';
import { describeEachDatabase, type TestClient } from '../../../../test/harness.ts';
import { prepareSamples, sampleBody } from './engine.test-support.ts';

// A firm's corrections to its own rows of a register (titles here): proposed with a reason, decided by
// the row's keeper — accepted, the row changes under the same checks as an edit; rejected, with a note —
// and never reachable by another firm or another district.

describeEachDatabase('register corrections', (server) => {
  let bureau: TestClient;
  let district: TestClient;
  let firm: TestClient;
  let titleId: number;

  beforeAll(async () => {
    bureau = await server().as('bureau_admin');
    district = await server().as('district_officer');
    firm = await server().as('enterprise_user');
    await prepareSamples(bureau, server().enterprises.huancui);
    const title = await bureau.post('/api/registers/titles', sampleBody('titles'));
    expect(title.status, JSON.stringify(title.body)).toBe(201);
    titleId = title.body.id;
  });

  it('lets the firm propose a change to its own row, and its district officer accept it: the row changes and both are audited', async () => {
    const proposed = await firm.post(`/api/registers/titles/${titleId}/corrections`, {
      changes: { year: 2023, awardedOn: '2023-11-02' },
      reason: '证书年份登记有误',
    });
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);
    expect(proposed.body).toMatchObject({ status: 'pending', changes: { year: 2023, awardedOn: '2023-11-02' }, current: { year: 2024 } });
    expect((await firm.get('/api/registers/corrections')).body.items.map((c: { id: number }) => c.id)).toContain(proposed.body.id);
    const pending = await district.get('/api/registers/corrections?status=pending');
    expect(pending.body.items.map((c: { id: number }) => c.id)).toContain(proposed.body.id);
    const accepted = await district.post(`/api/registers/corrections/${proposed.body.id}/decide`, { accept: true });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.status).toBe('accepted');
    const row = await firm.get(`/api/registers/titles/${titleId}`);
    expect(row.body).toMatchObject({ year: 2023, awardedOn: '2023-11-02', version: 2 });
    expectError(
      await district.post(`/api/registers/corrections/${proposed.body.id}/decide`, { accept: true }),
      409,
      'registers.correctionNotPending',
    );
    const audit = await server().ctx.db.selectFrom('auditLog').select('action').where('entityType', '=', 'registerCorrection').execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['registers.correction.propose', 'registers.correction.accept']));
  });

  it('checks an accepted correction like an edit, and a rejection needs a note', async () => {
    const bad = await firm.post(`/api/registers/titles/${titleId}/corrections`, { changes: { awardedOn: '2999-01-01' }, reason: '日期' });
    expect(bad.status).toBe(201);
    expectError(
      await bureau.post(`/api/registers/corrections/${bad.body.id}/decide`, { accept: true }),
      400,
      'registers.dateInFuture',
      'awardedOn',
    );
    expectError(
      await bureau.post(`/api/registers/corrections/${bad.body.id}/decide`, { accept: false }),
      400,
      'validation.required',
      'note',
    );
    const rejected = await bureau.post(`/api/registers/corrections/${bad.body.id}/decide`, { accept: false, note: '日期不能晚于今天' });
    expect(rejected.body).toMatchObject({ status: 'rejected', decisionNote: '日期不能晚于今天' });
    expect((await firm.get(`/api/registers/titles/${titleId}`)).body.awardedOn).toBe('2023-11-02');
  });

  it('keeps corrections inside their owners: another firm cannot propose, another district cannot decide, no change is no correction', async () => {
    expectError(
      await firm.post(`/api/registers/titles/${titleId}/corrections`, { changes: { year: 2023 }, reason: '无变化' }),
      400,
      'registers.correctionNothing',
    );
    const wendeng = await bureau.post('/api/registers/titles', { ...sampleBody('titles'), enterpriseId: server().enterprises.wendeng });
    expect(wendeng.status, JSON.stringify(wendeng.body)).toBe(201);
    expectError(
      await firm.post(`/api/registers/titles/${wendeng.body.id}/corrections`, { changes: { year: 2020 }, reason: '不是我的' }),
      404,
      'registers.notFound',
    );
    const own = await firm.post(`/api/registers/titles/${titleId}/corrections`, { changes: { note: '补充说明' }, reason: '补充' });
    expect(own.status).toBe(201);
    // 环翠区's officer sees 环翠区's corrections only; wendeng's enterprise is in 文登区
    const other = await server()
      .ctx.db.selectFrom('enterprise')
      .select('districtCode')
      .where('id', '=', server().enterprises.wendeng)
      .executeTakeFirstOrThrow();
    expect(other.districtCode).not.toBe('371002');
    expect(
      (await district.get('/api/registers/corrections')).body.items.every((c: { districtCode: string }) => c.districtCode === '371002'),
    ).toBe(true);
    expectError(await firm.post(`/api/registers/corrections/${own.body.id}/decide`, { accept: true }), 403, 'auth.forbidden');
  });
});
