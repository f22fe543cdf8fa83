import { DEFAULT_INDICATORS } from '@zhizao/domain';
import { beforeAll, expect, it } from 'vitest';
import { expectError } from '../../../test/expect.ts';
import { describeEachDatabase, type TestClient } from '../../../test/harness.ts';
import { FILLED, giveMaturityLevel, programmeBody } from './test-fixtures.ts';

// Programmes and applications over real HTTP: the bureau's programme with its indicator table, the live
// gate check, autosave with versions, attachments, and who may see what.

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describeEachDatabase('recognition programmes and applications', (server) => {
  let bureau: TestClient;
  let enterprise: TestClient;
  let officer: TestClient;
  let programmeId: number;
  let applicationId: number;

  beforeAll(async () => {
    bureau = await server().as('bureau_admin');
    enterprise = await server().as('enterprise_user');
    officer = await server().as('district_officer');
  });

  it('lets the bureau open and edit a programme, refusing bad tables and stale versions', async () => {
    const res = await bureau.post('/api/recognition/programmes', programmeBody());
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    programmeId = res.body.id;
    expect(res.body).toMatchObject({
      isOpen: true,
      version: 1,
      gates: { minMaturityLevel: 2 },
      indicators: DEFAULT_INDICATORS,
      counts: {},
    });
    expectError(await bureau.post('/api/recognition/programmes', programmeBody()), 409, 'recognition.programmeExists', 'year');
    expectError(
      await bureau.post(
        '/api/recognition/programmes',
        programmeBody({ level: 'provincial', indicators: [{ ...DEFAULT_INDICATORS[0], weight: 50 }] }),
      ),
      400,
      'recognition.weightsSum',
      'indicators',
    );
    expectError(
      await bureau.post(
        '/api/recognition/programmes',
        programmeBody({ level: 'provincial', indicators: [DEFAULT_INDICATORS[0], { ...DEFAULT_INDICATORS[0], weight: 80 }] }),
      ),
      400,
      'recognition.indicatorsDuplicate',
      'indicators',
    );
    expectError(
      await bureau.post('/api/recognition/programmes', programmeBody({ level: 'provincial', opensOn: '2026-02-30' })),
      400,
      'recognition.badDate',
      'opensOn',
    );
    expectError(
      await bureau.post(
        '/api/recognition/programmes',
        programmeBody({ level: 'provincial', opensOn: '2026-05-01', closesOn: '2026-04-01' }),
      ),
      400,
      'recognition.windowOrder',
      'closesOn',
    );
    expectError(
      await bureau.post('/api/recognition/programmes', programmeBody({ level: 'provincial', kind: 'robot_lab' })),
      400,
      'validation.enum',
      'kind',
    );
    expectError(await enterprise.post('/api/recognition/programmes', programmeBody({ level: 'national' })), 403, 'auth.forbidden');
    const indicators = DEFAULT_INDICATORS.map((i) => (i.code === 'plan' ? { ...i, guidanceZh: '三年投入计划可行' } : i));
    const edited = await bureau.put(`/api/recognition/programmes/${programmeId}`, { version: 1, indicators, noticeWorkingDays: 7 });
    expect(edited.body).toMatchObject({ version: 2, noticeWorkingDays: 7 });
    expect(edited.body.indicators.at(-1).guidanceZh).toBe('三年投入计划可行');
    expectError(
      await bureau.put(`/api/recognition/programmes/${programmeId}`, { version: 1, title: '旧版本' }),
      409,
      'recognition.programmeVersionConflict',
      'version',
    );
    // the form sends the whole programme back: year, kind and level as read pass, a change is refused
    const whole = programmeBody({ noticeWorkingDays: 6 });
    expect((await bureau.put(`/api/recognition/programmes/${programmeId}`, { ...whole, version: 2 })).body).toMatchObject({
      version: 3,
      noticeWorkingDays: 6,
    });
    expectError(
      await bureau.put(`/api/recognition/programmes/${programmeId}`, { ...whole, level: 'national', version: 3 }),
      400,
      'recognition.programmeFixed',
      'level',
    );
    expect((await enterprise.get('/api/recognition/programmes')).body.items.map((p: { id: number }) => p.id)).toContain(programmeId);
  });

  it('checks the gates live and explains each; the bureau asks for a named enterprise', async () => {
    const none = await enterprise.get(`/api/recognition/programmes/${programmeId}/gates`);
    expect(none.body.eligible).toBe(false);
    expect(none.body.gates.find((g: { code: string }) => g.code === 'maturity')).toMatchObject({
      passed: false,
      key: 'recognition.gate.maturityMissing',
    });
    await giveMaturityLevel(server(), server().enterprises.huancui, 1);
    const low = await enterprise.get(`/api/recognition/programmes/${programmeId}/gates?incidentFreeDeclared=true`);
    expect(low.body.gates.find((g: { code: string }) => g.code === 'maturity')).toMatchObject({
      passed: false,
      params: { level: 1, min: 2 },
    });
    enterprise.language = 'en';
    expect(
      (await enterprise.get(`/api/recognition/programmes/${programmeId}/gates`)).body.gates.find(
        (g: { code: string }) => g.code === 'maturity',
      ).message,
    ).toBe('Latest maturity assessment reached level 1, below the required 2');
    enterprise.language = 'zh-CN';
    await giveMaturityLevel(server(), server().enterprises.huancui, 2);
    expect((await enterprise.get(`/api/recognition/programmes/${programmeId}/gates?incidentFreeDeclared=true`)).body.eligible).toBe(true);
    await server()
      .ctx.db.updateTable('enterprise')
      .set({ sizeClass: 'below_designated' })
      .where('id', '=', server().enterprises.huancui)
      .execute();
    expect(
      (await enterprise.get(`/api/recognition/programmes/${programmeId}/gates?incidentFreeDeclared=true`)).body.gates.find(
        (g: { code: string }) => g.code === 'size',
      ),
    ).toMatchObject({ passed: false });
    await server()
      .ctx.db.updateTable('enterprise')
      .set({ sizeClass: 'above_designated' })
      .where('id', '=', server().enterprises.huancui)
      .execute();
    expectError(
      await bureau.get(`/api/recognition/programmes/${programmeId}/gates`),
      400,
      'recognition.enterpriseRequired',
      'enterpriseId',
    );
    expect((await bureau.get(`/api/recognition/programmes/${programmeId}/gates?enterpriseId=${server().enterprises.wendeng}`)).status).toBe(
      200,
    );
    expectError(
      await officer.get(`/api/recognition/programmes/${programmeId}/gates?enterpriseId=${server().enterprises.wendeng}`),
      404,
      'enterprise.notFound',
    );
  });

  it('autosaves a draft with versions and keeps what was sent', async () => {
    const created = await enterprise.post('/api/recognition/applications', { programmeId });
    applicationId = created.body.id;
    expect(created.body).toMatchObject({
      state: 'draft',
      version: 1,
      allowedMoves: ['submit', 'withdraw'],
      requiredKpis: ['cncRate', 'operatingCost', 'productivity'],
    });
    const first = await enterprise.put(`/api/recognition/applications/${applicationId}`, {
      version: 1,
      projectName: FILLED.projectName,
      kpis: { cncRate: { before: 50, after: 80 } },
    });
    expect(first.body).toMatchObject({
      version: 2,
      projectName: FILLED.projectName,
      kpis: { cncRate: { before: 50, after: 80 }, labour: { before: null, after: null } },
    });
    const second = await enterprise.put(`/api/recognition/applications/${applicationId}`, {
      version: 2,
      kpis: FILLED.kpis,
      incidentFreeDeclared: true,
    });
    expect(second.body).toMatchObject({
      version: 3,
      projectName: FILLED.projectName,
      kpiChanges: { operatingCost: -0.25, productivity: 0.3 },
      benchmarks: { cncRate: { value: 80, met: true } },
    });
    expectError(
      await enterprise.put(`/api/recognition/applications/${applicationId}`, { version: 2, projectName: '另一个标签页' }),
      409,
      'recognition.versionConflict',
      'version',
    );
    // two tabs saving the same version at once: one wins, the other is told
    const race = await Promise.all(
      ['标签页甲', '标签页乙'].map((projectName) =>
        enterprise.put(`/api/recognition/applications/${applicationId}`, { version: 3, projectName }),
      ),
    );
    expect(race.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = race.find((r) => r.status === 200)!.body;
    expect(winner.version).toBe(4);
    await enterprise.put(`/api/recognition/applications/${applicationId}`, { version: 4, projectName: FILLED.projectName });
    expectError(
      await enterprise.put(`/api/recognition/applications/${applicationId}`, { version: 5, kpis: { happiness: { before: 1, after: 2 } } }),
      400,
      'validation.additionalProperties',
      'kpis.happiness',
    );
    expectError(
      await enterprise.put(`/api/recognition/applications/${applicationId}`, {
        version: 5,
        kpis: { cncRate: { before: 'many', after: 2 } },
      }),
      400,
      'validation.type',
      'kpis.cncRate.before',
    );
    expectError(
      await enterprise.put(`/api/recognition/applications/${applicationId}`, { version: 5, state: 'recognised' }),
      400,
      'validation.additionalProperties',
      'state',
    );
    expectError(
      await enterprise.post(`/api/recognition/applications/${applicationId}/moves`, { move: 'publish_notice', version: 5 }),
      400,
      'validation.enum',
      'move',
    );
  });

  it('keeps attachments like maturity evidence: typed by content, locked after submit', async () => {
    const form = new FormData();
    form.append('file', new Blob([PDF], { type: 'application/pdf' }), '信用承诺书.pdf');
    const up = await enterprise.raw('POST', `/api/recognition/applications/${applicationId}/attachments`, { body: form });
    const uploaded = (await up.json()) as { id: string };
    expect(up.status, JSON.stringify(uploaded)).toBe(200);
    expect(uploaded).toMatchObject({ fileName: '信用承诺书.pdf', contentType: 'application/pdf', size: PDF.length });
    const fake = new FormData();
    fake.append('file', new Blob(['not a pdf']), 'fake.pdf');
    expect((await enterprise.raw('POST', `/api/recognition/applications/${applicationId}/attachments`, { body: fake })).status).toBe(400);
    const down = await officer.raw('GET', `/api/recognition/attachments/${uploaded.id}`);
    expect(down.status).toBe(200);
    expect(Buffer.from(await down.arrayBuffer())).toEqual(PDF);
    expect((await (await server().as('expert')).raw('GET', `/api/recognition/attachments/${uploaded.id}`)).status).toBe(404);
    const v = (await enterprise.get(`/api/recognition/applications/${applicationId}`)).body.version;
    await enterprise.put(`/api/recognition/applications/${applicationId}`, { version: v, projectDescription: FILLED.projectDescription });
    const submitted = await enterprise.post(`/api/recognition/applications/${applicationId}/moves`, { move: 'submit', version: v + 1 });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body.attachments).toHaveLength(1);
    expectError(await enterprise.delete(`/api/recognition/attachments/${uploaded.id}`), 409, 'recognition.locked');
  });

  it('shows each caller its own scope: others get 404, wrong roles 403, the anonymous 401', async () => {
    expect((await officer.get('/api/recognition/applications')).body.items.map((a: { id: number }) => a.id)).toContain(applicationId);
    expect((await officer.get('/api/recognition/applications?districtCode=371003')).body.total).toBe(0);
    expect((await enterprise.get('/api/recognition/applications')).body.total).toBe(1);
    expectError(await (await server().as('expert')).get(`/api/recognition/applications/${applicationId}`), 403, 'auth.forbidden');
    expectError(await (await server().as('service_provider')).get('/api/recognition/applications'), 403, 'auth.forbidden');
    expectError(await (await server().as('system_admin')).get('/api/recognition/programmes'), 403, 'auth.forbidden');
    expectError(await server().client().get(`/api/recognition/applications/${applicationId}`), 401, 'auth.required');
    expectError(await enterprise.get('/api/recognition/applications/999999'), 404, 'recognition.applicationNotFound');
    expectError(await bureau.post('/api/recognition/applications', { programmeId }), 403, 'auth.forbidden');
    expectError(await enterprise.post('/api/recognition/applications', { programmeId: 999999 }), 404, 'recognition.programmeNotFound');
  });
});
