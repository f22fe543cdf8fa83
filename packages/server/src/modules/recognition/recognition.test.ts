import { chinaDate, DEFAULT_INDICATORS, addDays } from '@zhizao/domain';
import { beforeAll, expect, it } from 'vitest';
import { expectError } from '../../../test/expect.ts';
import { describeEachDatabase, type TestClient } from '../../../test/harness.ts';

// One application's walk over real HTTP: programme, draft with autosave, gates, submit, district review.

export function programmeBody(overrides: Record<string, unknown> = {}) {
  const today = chinaDate();
  return {
    year: Number(today.slice(0, 4)),
    kind: 'smart_factory',
    level: 'municipal',
    title: '测试年度市级智能工厂认定',
    opensOn: addDays(today, -10),
    closesOn: addDays(today, 30),
    gates: { minMaturityLevel: 2, aboveDesignatedSize: true, noSeriousIncident: true },
    indicators: DEFAULT_INDICATORS,
    requiredKpis: ['cncRate', 'operatingCost', 'productivity'],
    noticeWorkingDays: 5,
    quota: null,
    ...overrides,
  };
}

describeEachDatabase('recognition: programmes and applications', (server) => {
  let bureau: TestClient;
  let enterprise: TestClient;
  let officer: TestClient;
  let programmeId: number;

  beforeAll(async () => {
    bureau = await server().as('bureau_admin');
    enterprise = await server().as('enterprise_user');
    officer = await server().as('district_officer');
    await server()
      .ctx.db.insertInto('maturityAssessment')
      .values({ enterpriseId: server().enterprises.huancui, modelVersion: 'CMMM-2020', manufacturingType: 'discrete', targetLevel: 2, status: 'submitted', version: 2, createdBy: null, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', submittedAt: '2026-01-01T00:00:00Z', resultJson: '{}', modelJson: null, formulaId: 'bandAligned', reachedLevel: 2, totalScore: 2.3, isLatest: 1 })
      .execute();
  });

  it('lets the bureau open a programme and refuses bad indicator tables', async () => {
    const res = await bureau.post('/api/recognition/programmes', programmeBody());
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    programmeId = res.body.id;
    expect(res.body).toMatchObject({ isOpen: true, version: 1, gates: { minMaturityLevel: 2 } });
    expectError(await bureau.post('/api/recognition/programmes', programmeBody()), 409, 'recognition.programmeExists', 'year');
    expectError(await bureau.post('/api/recognition/programmes', programmeBody({ level: 'provincial', indicators: [{ ...DEFAULT_INDICATORS[0], weight: 50 }] })), 400, 'recognition.weightsSum', 'indicators');
    expectError(await enterprise.post('/api/recognition/programmes', programmeBody({ level: 'national' })), 403, 'auth.forbidden');
  });

  it('walks draft → submitted → district passed', async () => {
    const gates = await enterprise.get(`/api/recognition/programmes/${programmeId}/gates`);
    expect(gates.status, JSON.stringify(gates.body)).toBe(200);
    expect(gates.body.gates.find((g: { code: string }) => g.code === 'incident')).toMatchObject({ passed: false });
    const created = await enterprise.post('/api/recognition/applications', { programmeId });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const id = created.body.id;
    expect(created.body).toMatchObject({ state: 'draft', version: 1, allowedMoves: ['submit', 'withdraw'] });
    const saved = await enterprise.put(`/api/recognition/applications/${id}`, { version: 1, projectName: '精密轴承智能工厂', projectDescription: '建设 MES', incidentFreeDeclared: true, kpis: { cncRate: { before: 50, after: 80 }, operatingCost: { before: 1000, after: 750 }, productivity: { before: 10, after: 13 } } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.benchmarks).toMatchObject({ cncRate: { met: true }, operatingCost: { value: -0.25, met: true }, productivity: { value: 0.3, met: true } });
    expect(saved.body.gates.eligible).toBe(true);
    const submitted = await enterprise.post(`/api/recognition/applications/${id}/moves`, { move: 'submit', version: 2 });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    const passed = await officer.post(`/api/recognition/applications/${id}/moves`, { move: 'district_pass', version: 3, reason: '材料齐全' });
    expect(passed.status, JSON.stringify(passed.body)).toBe(200);
    expect(passed.body.history.map((h: { move: string }) => h.move)).toEqual(['submit', 'district_pass']);
  });
});
