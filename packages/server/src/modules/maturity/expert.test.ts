import { CMMM_2020, CMMM_2020_REQUIREMENTS, type Answer } from '@zhizao/domain';
import { beforeAll, expect, it } from 'vitest';
import { expectError } from '../../../test/expect.ts';
import { describeEachDatabase, TEST_PASSWORD, type TestClient } from '../../../test/harness.ts';
import { createUser } from '../accounts/users.service.ts';

// Expert assessment over real HTTP: the bureau assigns an expert to a submitted self-assessment, the
// expert re-scores it on site, the verified level sits beside the self-assessed one with the differences.

const domainOf = new Map(CMMM_2020.domains.flatMap((d) => d.subDomains.map((s) => [s.code, d.code] as const)));
const isStrategy = (id: string) => domainOf.get(CMMM_2020_REQUIREMENTS.find((r) => r.id === id)!.subDomainCode) === 'organisation_strategy';
/** The enterprise's answers: organisational strategy fully met, level 1 mostly, the rest partly → level 1. */
const SELF: Answer[] = CMMM_2020_REQUIREMENTS.map((r, i) =>
  i === 5
    ? { requirementId: r.id, value: null, naReason: '本企业无此业务' }
    : { requirementId: r.id, value: domainOf.get(r.subDomainCode) === 'organisation_strategy' ? 1 : r.level <= 1 ? 0.8 : 0.5 },
);
/** The expert finds the strategy only partly in place: A_1 drops under 0.8 → below level 1. */
const EXPERT = SELF.map((a) =>
  isStrategy(a.requirementId) && a.value !== null ? { ...a, value: 0.5 as const, note: '现场未见书面战略，仅口头说明' } : a,
);

describeEachDatabase('maturity expert assessment', (server) => {
  let bureau: TestClient;
  let enterprise: TestClient;
  let expert: TestClient;
  let otherExpert: TestClient;
  let auditor: TestClient;
  let assessmentId: number;
  let draftId: number;
  let expertUserId: number;

  async function submitted(c: TestClient, answers: Answer[]): Promise<number> {
    const created = await c.post('/api/maturity/assessments', { targetLevel: 2 });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const id = created.body.id;
    expect((await c.put(`/api/maturity/assessments/${id}/answers`, { version: 1, answers })).status).toBe(200);
    const done = await c.post(`/api/maturity/assessments/${id}/submit`, { version: 2 });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    return id;
  }

  beforeAll(async () => {
    bureau = await server().as('bureau_admin');
    enterprise = await server().as('enterprise_user');
    expert = await server().as('expert');
    auditor = await server().as('audit_admin');
    const seed = { userId: null, username: 'test-fixture', role: null, ip: null };
    await createUser(server().ctx, seed, {
      username: 't-expert2',
      displayName: '第二位专家',
      password: TEST_PASSWORD,
      role: 'expert',
      districtCode: null,
      enterpriseId: null,
    });
    otherExpert = server().client();
    expect((await otherExpert.login('t-expert2', TEST_PASSWORD)).status).toBe(200);
    expertUserId = (await server().ctx.db.selectFrom('appUser').select('id').where('username', '=', 't-expert').executeTakeFirstOrThrow())
      .id;
    assessmentId = await submitted(enterprise, SELF);
    draftId = (await enterprise.post('/api/maturity/assessments', { targetLevel: 2 })).body.id;
  });

  it('lets only the bureau admin assign, only to an enabled expert, only on a submitted assessment', async () => {
    const url = `/api/maturity/assessments/${assessmentId}/expert-review`;
    for (const c of [enterprise, expert, await server().as('district_officer')])
      expectError(await c.post(url, { expertUserId }), 403, 'auth.forbidden');
    const enterpriseUserId = (
      await server().ctx.db.selectFrom('appUser').select('id').where('username', '=', 't-enterprise').executeTakeFirstOrThrow()
    ).id;
    expectError(await bureau.post(url, { expertUserId: enterpriseUserId }), 400, 'maturity.notAnExpert', 'expertUserId');
    expectError(await bureau.post(url, { expertUserId: 999999 }), 400, 'maturity.notAnExpert', 'expertUserId');
    expectError(await bureau.post(`/api/maturity/assessments/${draftId}/expert-review`, { expertUserId }), 409, 'maturity.notSubmitted');
    expectError(await bureau.post('/api/maturity/assessments/999999/expert-review', { expertUserId }), 404, 'maturity.assessmentNotFound');
    const assigned = await bureau.post(url, { expertUserId });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
    expect(assigned.body).toMatchObject({
      assessmentId,
      expertUserId,
      status: 'assigned',
      version: 1,
      verifiedLevel: null,
      expertName: 't-expert',
    });
    const audit = (await auditor.get(`/api/audit?entityType=maturityAssessment&entityId=${assessmentId}&action=maturity.expert.assign`))
      .body.items;
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorRole: 'bureau_admin', after: { expertUserId } });
  });

  it('shows each expert only their own assignments; another expert gets 404 on every route', async () => {
    const mine = (await expert.get('/api/maturity/expert-reviews')).body;
    expect(mine.items.map((r: { assessmentId: number }) => r.assessmentId)).toEqual([assessmentId]);
    expect(mine.items[0]).toMatchObject({ selfLevel: 1, modelVersion: 'CMMM-2020', status: 'assigned' });
    expect((await otherExpert.get('/api/maturity/expert-reviews')).body).toMatchObject({ items: [], total: 0 });
    const base = `/api/maturity/assessments/${assessmentId}/expert-review`;
    expectError(await otherExpert.get(base), 404, 'maturity.reviewNotFound');
    expectError(await otherExpert.put(`${base}/answers`, { version: 1, answers: [EXPERT[0]] }), 404, 'maturity.reviewNotFound');
    expectError(await otherExpert.post(`${base}/submit`, { version: 1 }), 404, 'maturity.reviewNotFound');
    expectError(await expert.get(`/api/maturity/assessments/${draftId}/expert-review`), 404, 'maturity.reviewNotFound');
    // experts still do not reach the questionnaire routes themselves
    expectError(await expert.get(`/api/maturity/assessments/${assessmentId}`), 403, 'auth.forbidden');
    // the bureau cannot write the expert's answers
    expectError(await bureau.put(`${base}/answers`, { version: 1, answers: [EXPERT[0]] }), 403, 'auth.forbidden');
  });

  it('hides the review from the enterprise until the expert submits', async () => {
    expectError(await enterprise.get(`/api/maturity/assessments/${assessmentId}/expert-review`), 404, 'maturity.reviewNotFound');
    expect((await enterprise.get('/api/maturity/expert-reviews')).body.total).toBe(0);
  });

  it('lets the assigned expert re-score with notes: autosave with a version, 409 when stale, 400 when incomplete, then submit', async () => {
    const base = `/api/maturity/assessments/${assessmentId}/expert-review`;
    const first = await expert.put(`${base}/answers`, { version: 1, answers: EXPERT.slice(0, 100) });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ version: 2, progress: { items: 216, answered: 100 } });
    expectError(
      await expert.put(`${base}/answers`, { version: 1, answers: EXPERT.slice(100) }),
      409,
      'maturity.versionConflict',
      'version',
    );
    expectError(
      await expert.put(`${base}/answers`, { version: 2, answers: [{ requirementId: EXPERT[1]!.requirementId, value: 0.7 }] }),
      400,
      'maturity.badValue',
      'answers.0.value',
    );
    expectError(
      await expert.put(`${base}/answers`, { version: 2, answers: [{ requirementId: EXPERT[1]!.requirementId, value: '0.5' }] }),
      400,
      'validation.type',
      'answers.0.value',
    );
    const incomplete = await expert.post(`${base}/submit`, { version: 2 });
    expectError(incomplete, 400, 'maturity.incomplete', 'answers');
    expect(incomplete.body.error.details).toHaveLength(116);
    const draft = (await expert.get(base)).body;
    expect(draft).toMatchObject({ verified: null, selfAssessed: { reachedLevel: 1 }, review: { status: 'assigned', version: 2 } });
    expect(draft.selfAnswers).toHaveLength(216);
    expect((await expert.put(`${base}/answers`, { version: 2, answers: EXPERT.slice(100) })).body.version).toBe(3);
    const done = await expert.post(`${base}/submit`, { version: 3 });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ status: 'submitted', version: 4, verifiedLevel: 0 });
    expectError(await expert.put(`${base}/answers`, { version: 4, answers: [EXPERT[0]] }), 409, 'maturity.reviewSubmitted');
    expectError(await expert.post(`${base}/submit`, { version: 4 }), 409, 'maturity.reviewSubmitted');
    expectError(await bureau.post(base, { expertUserId }), 409, 'maturity.reviewSubmitted');
    const actions = (await auditor.get(`/api/audit?entityType=maturityAssessment&entityId=${assessmentId}&pageSize=50`)).body.items.map(
      (e: { action: string }) => e.action,
    );
    expect(actions.filter((a: string) => a.startsWith('maturity.expert.'))).toEqual([
      'maturity.expert.submit',
      'maturity.expert.answers',
      'maturity.expert.answers',
      'maturity.expert.assign',
    ]);
  });

  it('records the verified level beside the self-assessed one, scored with the frozen model, and lists the differences by weighted impact', async () => {
    const view = await bureau.get(`/api/maturity/assessments/${assessmentId}/expert-review`);
    expect(view.status, JSON.stringify(view.body)).toBe(200);
    expect(view.body.selfAssessed).toMatchObject({ reachedLevel: 1 });
    expect(view.body.verified).toMatchObject({ reachedLevel: 0 });
    expect(view.body.verifiedResult).toMatchObject({ modelVersion: 'CMMM-2020', mode: 'final', reachedLevel: 0 });
    const stateless = await bureau.post('/api/maturity/score', {
      modelVersion: 'CMMM-2020',
      manufacturingType: 'discrete',
      answers: EXPERT.map(({ requirementId, value, naReason }) => ({ requirementId, value, ...(naReason ? { naReason } : {}) })),
      mode: 'final',
    });
    expect(view.body.verifiedResult).toEqual(stateless.body);
    const expected = EXPERT.filter((a, i) => a.value !== SELF[i]!.value).map((a) => a.requirementId);
    const diffs = view.body.differences;
    expect(diffs.map((d: { requirementId: string }) => d.requirementId).sort()).toEqual(expected.sort());
    expect(
      diffs.every(
        (d: { selfValue: number; expertValue: number; note: string }) =>
          d.selfValue === 1 && d.expertValue === 0.5 && d.note === '现场未见书面战略，仅口头说明',
      ),
    ).toBe(true);
    const impacts = diffs.map((d: { impact: number }) => d.impact);
    expect(impacts).toEqual([...impacts].sort((a, b) => b - a));
    expect(impacts[0]).toBeGreaterThan(0);
    expect(diffs[0]).toMatchObject({ domainCode: 'organisation_strategy', subDomainCode: 'organisation_strategy' });
    expect(typeof diffs[0].text).toBe('string');
    // the city's eligible list shows the verified level beside the self-assessed one (level 1 is below 2, so ask for 1)
    const eligible = (await bureau.get('/api/maturity/eligible?minLevel=1')).body.items.find(
      (e: { assessmentId: number }) => e.assessmentId === assessmentId,
    );
    expect(eligible).toMatchObject({ level: 1, verifiedLevel: 0 });
  });

  it('shows the enterprise the verified result and the differences once submitted (without its answers echoed)', async () => {
    const view = await enterprise.get(`/api/maturity/assessments/${assessmentId}/expert-review`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ selfAssessed: { reachedLevel: 1 }, verified: { reachedLevel: 0 }, selfAnswers: [] });
    expect(view.body.differences.length).toBeGreaterThan(0);
    expect((await enterprise.get('/api/maturity/expert-reviews')).body.total).toBe(1);
    const officer = await server().as('district_officer');
    expect((await officer.get(`/api/maturity/assessments/${assessmentId}/expert-review`)).status).toBe(200);
    // another enterprise's user sees nothing of it
    const seed = { userId: null, username: 'test-fixture', role: null, ip: null };
    await createUser(server().ctx, seed, {
      username: 't-wendeng-x',
      displayName: '文登',
      password: TEST_PASSWORD,
      role: 'enterprise_user',
      districtCode: null,
      enterpriseId: server().enterprises.wendeng,
    });
    const other = server().client();
    await other.login('t-wendeng-x', TEST_PASSWORD);
    expectError(await other.get(`/api/maturity/assessments/${assessmentId}/expert-review`), 404, 'maturity.assessmentNotFound');
  });
});
