import { CMMM_2020, CMMM_2020_REQUIREMENTS, type Answer } from '@zhizao/domain';
import { beforeAll, expect, it } from 'vitest';
import { expectError } from '../../../test/expect.ts';
import { describeEachDatabase, TEST_PASSWORD, type TestClient } from '../../../test/harness.ts';
import { createUser } from '../accounts/users.service.ts';

// The maturity self-diagnosis over real HTTP: model versions as data, the questionnaire of an
// enterprise (autosave, version check, submit, frozen result), ownership, and the stateless engine.

const domainOf = new Map(CMMM_2020.domains.flatMap((d) => d.subDomains.map((s) => [s.code, d.code] as const)));
/** Answers that make the weights matter: organisational strategy fully met, everything else partly. */
const ANSWERS: Answer[] = CMMM_2020_REQUIREMENTS.map((r, i) =>
  i === 5
    ? { requirementId: r.id, value: null, naReason: '本企业无此业务' }
    : { requirementId: r.id, value: domainOf.get(r.subDomainCode) === 'organisation_strategy' ? 1 : r.level <= 1 ? 0.8 : 0.5 },
);

describeEachDatabase('maturity self-diagnosis', (server) => {
  let bureau: TestClient;
  let enterprise: TestClient;
  let wendengUser: TestClient;
  let auditor: TestClient;
  const auditOf = async (entityType: string, entityId: string) =>
    (await auditor.get(`/api/audit?entityType=${entityType}&entityId=${entityId}&pageSize=50`)).body.items;

  beforeAll(async () => {
    bureau = await server().as('bureau_admin');
    enterprise = await server().as('enterprise_user');
    auditor = await server().as('audit_admin');
    const seed = { userId: null, username: 'test-fixture', role: null, ip: null };
    await createUser(server().ctx, seed, {
      username: 't-wendeng',
      displayName: '文登企业用户',
      password: TEST_PASSWORD,
      role: 'enterprise_user',
      districtCode: null,
      enterpriseId: server().enterprises.wendeng,
    });
    wendengUser = server().client();
    expect((await wendengUser.login('t-wendeng', TEST_PASSWORD)).status).toBe(200);
  });

  // ── model versions ──
  it('lists the shipped model versions with their default banks, and reads one', async () => {
    const list = await enterprise.get('/api/maturity/models');
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'CMMM-2020', status: 'standard', basedOn: null, requirementCount: 216, provisional: true }),
        expect.objectContaining({ id: 'CMMM-2024draft', status: 'draft', requirementCount: 240 }),
      ]),
    );
    const one = await enterprise.get('/api/maturity/models/CMMM-2020');
    expect(one.status).toBe(200);
    expect(one.body.definition.domains).toHaveLength(12);
    expect(one.body.definition.weights.discrete.domain.data).toBeCloseTo(1 / 12);
    expect(one.body.requirements).toHaveLength(216);
    expect(one.body.requirements[0]).toMatchObject({
      id: CMMM_2020_REQUIREMENTS[0]!.id,
      level: 1,
      active: true,
      text: CMMM_2020_REQUIREMENTS[0]!.text,
    });
    expectError(await enterprise.get('/api/maturity/models/NOPE-1'), 404, 'maturity.modelNotFound');
    expectError(await server().client().get('/api/maturity/models'), 401, 'auth.required');
  });

  it('lets the bureau admin copy a version and edit the copy’s weights, audited; shipped versions stay read-only', async () => {
    expectError(
      await enterprise.post('/api/maturity/models/CMMM-2020/copy', { newId: 'WH-X', name: { zh: '副本', en: 'Copy' } }),
      403,
      'auth.forbidden',
    );
    const copy = await bureau.post('/api/maturity/models/CMMM-2020/copy', {
      newId: 'WH-2020',
      name: { zh: '威海 2020 版', en: 'Weihai 2020' },
    });
    expect(copy.status, JSON.stringify(copy.body)).toBe(200);
    expect(copy.body).toMatchObject({ id: 'WH-2020', status: 'custom', basedOn: 'CMMM-2020' });
    expect(copy.body.requirements).toHaveLength(216);
    expectError(
      await bureau.post('/api/maturity/models/CMMM-2020/copy', { newId: 'WH-2020', name: { zh: '又一个', en: 'Again' } }),
      409,
      'maturity.modelIdTaken',
      'newId',
    );

    const weights = { discrete: { domain: { ...CMMM_2020.weights.discrete.domain }, subDomain: {} } };
    expectError(await bureau.put('/api/maturity/models/CMMM-2020/weights', { weights }), 409, 'maturity.modelReadOnly');
    const unbalanced = await bureau.put('/api/maturity/models/WH-2020/weights', {
      weights: { discrete: { domain: { data: 0.9 }, subDomain: {} } },
    });
    expectError(unbalanced, 400, 'maturity.modelInvalid', 'weights');
    expect(unbalanced.body.error.message).toContain('discrete:domains');
    expectError(
      await bureau.put('/api/maturity/models/WH-2020/weights', { weights: { discrete: { domain: { nowhere: 0.1 }, subDomain: {} } } }),
      400,
      'maturity.unknownCode',
    );

    const audit = await auditOf('maturityModel', 'WH-2020');
    expect(audit.map((e: { action: string }) => e.action)).toEqual(['maturity.model.copy']);
    expect(audit[0]).toMatchObject({
      actorUsername: 't-bureau',
      before: { copiedFrom: 'CMMM-2020' },
      after: { id: 'WH-2020', status: 'custom' },
    });
  });

  it('lets the bureau edit and extend the bank of a custom copy only, audited', async () => {
    await bureau.post('/api/maturity/models/CMMM-2020/copy', { newId: 'WH-BANK', name: { zh: '题库试验', en: 'Bank trial' } });
    const id = CMMM_2020_REQUIREMENTS[0]!.id;
    const texts = {
      text: { zh: '改写的评估项', en: 'Rewritten item' },
      evidence: { zh: '证据', en: 'Evidence' },
      advice: { zh: '建议', en: 'Advice' },
    };
    expectError(await bureau.put(`/api/maturity/models/CMMM-2020/requirements/${id}`, texts), 409, 'maturity.modelReadOnly');
    const changed = await bureau.put(`/api/maturity/models/WH-BANK/requirements/${id}`, { ...texts, active: false });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body).toMatchObject({ id, text: texts.text, active: false });
    expectError(await bureau.put('/api/maturity/models/WH-BANK/requirements/nothing', texts), 404, 'maturity.requirementNotFound');
    const added = await bureau.post('/api/maturity/models/WH-BANK/requirements', { ...texts, subDomainCode: 'data', level: 2 });
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    expect(added.body).toMatchObject({ subDomainCode: 'data', level: 2, active: true });
    expectError(
      await bureau.post('/api/maturity/models/WH-BANK/requirements', { ...texts, subDomainCode: 'nowhere', level: 2 }),
      400,
      'maturity.unknownCode',
    );
    const bank = (await bureau.get('/api/maturity/models/WH-BANK')).body.requirements;
    expect(bank).toHaveLength(217);
    expect((await bureau.get('/api/maturity/models/CMMM-2020')).body.requirements[0].text).toEqual(CMMM_2020_REQUIREMENTS[0]!.text);
    const audit = await auditOf('maturityModel', 'WH-BANK');
    expect(audit.map((e: { action: string }) => e.action).sort()).toEqual([
      'maturity.model.copy',
      'maturity.requirement.create',
      'maturity.requirement.update',
    ]);
    const update = audit.find((e: { action: string }) => e.action === 'maturity.requirement.update');
    expect(update.before).toMatchObject({ id, active: true, text: CMMM_2020_REQUIREMENTS[0]!.text });
    expect(update.after).toMatchObject({ id, active: false, text: texts.text });
  });

  // ── the questionnaire ──
  let assessmentId: number;
  let defaultId: number;
  let frozen: unknown;

  it('lets an enterprise user start an assessment; the manufacturing type comes from the registry', async () => {
    expectError(await bureau.post('/api/maturity/assessments', { targetLevel: 2 }), 403, 'auth.forbidden');
    expectError(
      await enterprise.post('/api/maturity/assessments', { targetLevel: 2, modelVersion: 'NOPE-1' }),
      404,
      'maturity.modelNotFound',
    );
    expectError(await enterprise.post('/api/maturity/assessments', { targetLevel: 6 }), 400, 'validation.maximum', 'targetLevel');
    const byDefault = await enterprise.post('/api/maturity/assessments', { targetLevel: 2 });
    expect(byDefault.status, JSON.stringify(byDefault.body)).toBe(200);
    expect(byDefault.body).toMatchObject({
      modelVersion: 'CMMM-2020',
      manufacturingType: 'discrete',
      status: 'draft',
      version: 1,
      enterpriseId: server().enterprises.huancui,
    });
    defaultId = byDefault.body.id;
    const res = await enterprise.post('/api/maturity/assessments', { targetLevel: 3, modelVersion: 'WH-2020' });
    expect(res.status).toBe(200);
    assessmentId = res.body.id;
    const detail = await enterprise.get(`/api/maturity/assessments/${assessmentId}`);
    expect(detail.body).toMatchObject({ status: 'draft', answers: [], progress: { items: 216, answered: 0, ratio: 0 } });
  });

  it('refuses bad answers with 400 naming the item', async () => {
    const url = `/api/maturity/assessments/${assessmentId}/answers`;
    const unknown = await enterprise.put(url, { version: 1, answers: [{ requirementId: 'C20-nowhere-L1-01', value: 1 }] });
    expectError(unknown, 400, 'maturity.unknownRequirement', 'answers.0.requirementId');
    expect(unknown.body.error.message).toContain('C20-nowhere-L1-01');
    const id = ANSWERS[1]!.requirementId;
    const wrong = await enterprise.put(url, { version: 1, answers: [ANSWERS[0], { requirementId: id, value: 0.7 }] });
    expectError(wrong, 400, 'maturity.badValue', 'answers.1.value');
    expect(wrong.body.error.message).toContain(id);
    const na = await enterprise.put(url, { version: 1, answers: [{ requirementId: id, value: null }] });
    expectError(na, 400, 'maturity.naWithoutReason', 'answers.0.naReason');
    expectError(
      await enterprise.put(url, { version: 1, answers: [{ requirementId: id, value: null, naReason: '   ' }] }),
      400,
      'maturity.naWithoutReason',
    );
    for (const value of [true, '0.8', '1', []])
      expectError(
        await enterprise.put(url, { version: 1, answers: [ANSWERS[0], { requirementId: id, value }] }),
        400,
        'validation.type',
        'answers.1.value',
      );
    enterprise.language = 'en';
    const english = await enterprise.put(url, { version: 1, answers: [{ requirementId: id, value: 0.7 }] });
    expect(english.body.error.message).toBe(`Requirement "${id}" takes 1, 0.8, 0.5, 0 or not applicable`);
    enterprise.language = 'zh-CN';
    expect((await enterprise.get(`/api/maturity/assessments/${assessmentId}`)).body.version).toBe(1);
  });

  it('autosaves in batches, answers 409 with the current version to a stale one, and refuses an incomplete submit', async () => {
    const url = `/api/maturity/assessments/${assessmentId}/answers`;
    const first = await enterprise.put(url, { version: 1, answers: ANSWERS.slice(0, 100) });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ version: 2, progress: { items: 216, answered: 100 } });
    const stale = await enterprise.put(url, { version: 1, answers: ANSWERS.slice(100) });
    expectError(stale, 409, 'maturity.versionConflict', 'version');
    expect(stale.body.error.message).toContain('2');
    const incomplete = await enterprise.post(`/api/maturity/assessments/${assessmentId}/submit`, { version: 2 });
    expectError(incomplete, 400, 'maturity.incomplete', 'answers');
    expect(incomplete.body.error.details).toHaveLength(116);
    expect(incomplete.body.error.details[0].message).toContain(ANSWERS[100]!.requirementId);
    const second = await enterprise.put(url, { version: 2, answers: ANSWERS.slice(100) });
    expect(second.body).toMatchObject({ version: 3, progress: { items: 216, answered: 216, notApplicable: 1, ratio: 1 } });
    const detail = (await enterprise.get(`/api/maturity/assessments/${assessmentId}`)).body;
    expect(detail.answers).toHaveLength(216);
    expect(detail.answers.find((a: Answer) => a.requirementId === ANSWERS[5]!.requirementId)).toMatchObject({
      value: null,
      naReason: '本企业无此业务',
    });
    expect(detail.result.mode).toBe('draft');
    expect(Object.keys(detail.progress.byDomain)).toHaveLength(12);
  });

  it('lets exactly one of two concurrent saves of the same version through; the other gets 409, nothing overwritten silently', async () => {
    const url = `/api/maturity/assessments/${defaultId}/answers`;
    const [a, b] = await Promise.all([
      enterprise.put(url, { version: 1, answers: [{ ...ANSWERS[0], value: 1 }] }),
      enterprise.put(url, { version: 1, answers: [{ ...ANSWERS[0], value: 0 }] }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = a.status === 200 ? 1 : 0;
    const detail = (await enterprise.get(`/api/maturity/assessments/${defaultId}`)).body;
    expect(detail).toMatchObject({ version: 2, answers: [{ requirementId: ANSWERS[0]!.requirementId, value: winner }] });
  });

  it('submits: the result is frozen, matches the stateless engine, survives weight changes, and the assessment is locked', async () => {
    const submitted = await enterprise.post(`/api/maturity/assessments/${assessmentId}/submit`, { version: 3 });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', version: 4, formulaId: 'bandAligned', reachedLevel: 1 });
    const result = await enterprise.get(`/api/maturity/assessments/${assessmentId}/result`);
    expect(result.body.frozen).toBe(true);
    frozen = result.body.result;
    expect(result.body.result).toMatchObject({ modelVersion: 'WH-2020', mode: 'final', reachedLevel: 1, manufacturingType: 'discrete' });
    expect(result.body.result.levels).toHaveLength(5);
    expect(result.body.result.levels[0].domains[0].subDomains[0]).toMatchObject({ code: 'organisation_strategy', score: 1 });

    const stateless = await enterprise.post('/api/maturity/score', {
      modelVersion: 'WH-2020',
      manufacturingType: 'discrete',
      answers: ANSWERS,
      mode: 'final',
    });
    expect(stateless.status).toBe(200);
    expect(stateless.body).toEqual(frozen);

    // the bureau now favours organisational strategy in its copy: live scoring moves, the frozen result does not
    const domain = Object.fromEntries(CMMM_2020.domains.map((d) => [d.code, d.code === 'organisation_strategy' ? 0.5 : 0.5 / 11]));
    const reweighted = await bureau.put('/api/maturity/models/WH-2020/weights', { weights: { discrete: { domain, subDomain: {} } } });
    expect(reweighted.status, JSON.stringify(reweighted.body)).toBe(200);
    expect(reweighted.body.definition.weights.discrete.domain.organisation_strategy).toBe(0.5);
    const audit = await auditOf('maturityModel', 'WH-2020');
    const weightEntry = audit.find((e: { action: string }) => e.action === 'maturity.model.weights');
    expect(weightEntry.before.weights.discrete.domain.organisation_strategy).toBeCloseTo(1 / 12);
    expect(weightEntry.after.weights.discrete.domain.organisation_strategy).toBe(0.5);
    const rescored = await enterprise.post('/api/maturity/score', {
      modelVersion: 'WH-2020',
      manufacturingType: 'discrete',
      answers: ANSWERS,
      mode: 'final',
    });
    expect(rescored.body.totalScore).not.toBeCloseTo((frozen as { totalScore: number }).totalScore, 6);
    expect((await enterprise.get(`/api/maturity/assessments/${assessmentId}/result`)).body.result).toEqual(frozen);
    expect((await enterprise.get(`/api/maturity/assessments/${assessmentId}`)).body.result).toEqual(frozen);

    expectError(
      await enterprise.put(`/api/maturity/assessments/${assessmentId}/answers`, { version: 4, answers: [ANSWERS[0]] }),
      409,
      'maturity.locked',
    );
    expectError(await enterprise.post(`/api/maturity/assessments/${assessmentId}/submit`, { version: 4 }), 409, 'maturity.locked');
  });

  it('gives the gap list to the next level with advice in the caller’s language', async () => {
    const zh = await enterprise.get(`/api/maturity/assessments/${assessmentId}/advice`);
    expect(zh.status, JSON.stringify(zh.body)).toBe(200);
    expect(zh.body).toMatchObject({ reachedLevel: 1, targetLevel: 2, targetLevelName: '二级 规范级', threshold: 0.8 });
    expect(zh.body.gaps.length).toBeGreaterThan(0);
    const gains = zh.body.gaps.map((g: { gain: number }) => g.gain);
    expect(gains).toEqual([...gains].sort((a, b) => b - a));
    const first = CMMM_2020_REQUIREMENTS.find((r) => r.id === zh.body.gaps[0].requirementId)!;
    expect(zh.body.gaps[0]).toMatchObject({ level: 2, text: first.text.zh, advice: first.advice.zh, value: 0.5 });
    enterprise.language = 'en';
    const en = await enterprise.get(`/api/maturity/assessments/${assessmentId}/advice`);
    enterprise.language = 'zh-CN';
    expect(en.body.gaps[0]).toMatchObject({ text: first.text.en, advice: first.advice.en });
    expect(en.body.targetLevelName).toBe('Level 2 Specification');
  });

  // ── ownership and scope ──
  it('keeps another enterprise’s assessment out of reach (404, no data), and shows each role its own scope', async () => {
    const theirs = await wendengUser.post('/api/maturity/assessments', { targetLevel: 1 });
    expect(theirs.status).toBe(200);
    const id = theirs.body.id;
    for (const path of [
      `/api/maturity/assessments/${id}`,
      `/api/maturity/assessments/${id}/result`,
      `/api/maturity/assessments/${id}/advice`,
    ]) {
      const res = await enterprise.get(path);
      expectError(res, 404, 'maturity.assessmentNotFound');
      expect(JSON.stringify(res.body)).not.toContain('文登');
    }
    expectError(
      await enterprise.put(`/api/maturity/assessments/${id}/answers`, { version: 1, answers: [ANSWERS[0]] }),
      404,
      'maturity.assessmentNotFound',
    );
    expectError(await enterprise.post(`/api/maturity/assessments/${id}/submit`, { version: 1 }), 404, 'maturity.assessmentNotFound');
    expect((await wendengUser.get(`/api/maturity/assessments/${id}`)).body.answers).toEqual([]);

    const own = (await enterprise.get('/api/maturity/assessments')).body;
    expect(own.items.every((a: { enterpriseId: number }) => a.enterpriseId === server().enterprises.huancui)).toBe(true);
    expect(own.total).toBe(2);
    expect((await enterprise.get(`/api/maturity/assessments?enterpriseId=${server().enterprises.wendeng}`)).body.total).toBe(0);

    const officer = await server().as('district_officer');
    const district = (await officer.get('/api/maturity/assessments')).body;
    expect(district.total).toBe(2);
    expect(district.items.every((a: { districtCode: string }) => a.districtCode === '371002')).toBe(true);
    expect((await officer.get('/api/maturity/assessments?districtCode=371003')).body.total).toBe(0);
    expectError(await officer.get(`/api/maturity/assessments/${id}`), 404, 'maturity.assessmentNotFound');
    expect((await officer.get(`/api/maturity/assessments/${assessmentId}`)).status).toBe(200);
    expectError(await officer.put(`/api/maturity/assessments/${assessmentId}/answers`, { version: 4, answers: [] }), 403, 'auth.forbidden');

    const all = (await bureau.get('/api/maturity/assessments?pageSize=1')).body;
    expect(all).toMatchObject({ total: 3, page: 1, pageSize: 1 });
    expect(all.items).toHaveLength(1);
    expect((await bureau.get('/api/maturity/assessments?status=submitted')).body.items.map((a: { id: number }) => a.id)).toEqual([
      assessmentId,
    ]);
    expect((await bureau.get(`/api/maturity/assessments/${id}`)).body.enterpriseName).toBe('文登测试纺织有限公司');

    for (const role of ['service_provider', 'expert'] as const) {
      const c = await server().as(role);
      expectError(await c.get('/api/maturity/assessments'), 403, 'auth.forbidden');
      expectError(await c.get(`/api/maturity/assessments/${assessmentId}`), 403, 'auth.forbidden');
    }
  });

  // ── stateless scoring ──
  it('scores statelessly for any logged-in user; unknown model → 404, bad answers → 400 with problems', async () => {
    const expert = await server().as('expert');
    const draft = await expert.post('/api/maturity/score', {
      modelVersion: 'CMMM-2020',
      manufacturingType: 'process',
      answers: ANSWERS.slice(0, 10),
      mode: 'draft',
    });
    expect(draft.status).toBe(200);
    expect(draft.body).toMatchObject({
      modelVersion: 'CMMM-2020',
      manufacturingType: 'process',
      mode: 'draft',
      completeness: { items: 216, answered: 10 },
    });
    expectError(
      await expert.post('/api/maturity/score', { modelVersion: 'NOPE-1', manufacturingType: 'process', answers: [] }),
      404,
      'maturity.modelNotFound',
    );
    const bad = await expert.post('/api/maturity/score', {
      modelVersion: 'CMMM-2020',
      manufacturingType: 'process',
      answers: [
        { requirementId: 'x', value: 1 },
        { requirementId: ANSWERS[0]!.requirementId, value: 0.7 },
      ],
    });
    expectError(bad, 400, 'maturity.unknownRequirement', 'answers.0.requirementId');
    expect(bad.body.error.details.map((d: { code: string }) => d.code)).toEqual(['maturity.unknownRequirement', 'maturity.badValue']);
    expectError(
      await server().client().post('/api/maturity/score', { modelVersion: 'CMMM-2020', manufacturingType: 'process', answers: [] }),
      401,
      'auth.required',
    );
  });
});
