import { addDays, chinaDate, DEFAULT_INDICATORS } from '@zhizao/domain';
import { beforeAll, expect, it } from 'vitest';
import { expectError } from '../../../test/expect.ts';
import { describeEachDatabase, type TestClient } from '../../../test/harness.ts';
import { FILLED, giveMaturityLevel, makeExperts, move, programmeBody, submittedApplication } from './test-fixtures.ts';

// The whole walk over real HTTP: enterprise → district → city → a panel of experts (conflicts refused,
// sheets private until submitted) → ranked shortlist → public notice with a real-name objection →
// recognition with its number and certificate; and the refusals on the way.

const sheet = (score: number) => Object.fromEntries(DEFAULT_INDICATORS.map((i) => [i.code, score]));

describeEachDatabase('recognition workflow', (server) => {
  let bureau: TestClient;
  let enterprise: TestClient;
  let officer: TestClient;
  let programmeId: number;
  let experts: { id: number; client: TestClient }[];
  let app: { id: number; version: number };

  beforeAll(async () => {
    bureau = await server().as('bureau_admin');
    enterprise = await server().as('enterprise_user');
    officer = await server().as('district_officer');
    await giveMaturityLevel(server(), server().enterprises.huancui, 3);
    programmeId = (await bureau.post('/api/recognition/programmes', programmeBody())).body.id;
    experts = await makeExperts(server(), 'wf', 5);
  });

  it('refuses to submit while a gate fails, and explains which', async () => {
    const created = await enterprise.post('/api/recognition/applications', { programmeId });
    const { id } = created.body;
    const saved = await enterprise.put(`/api/recognition/applications/${id}`, { version: 1, ...FILLED, incidentFreeDeclared: false });
    expect(saved.body.gates.gates.find((g: { code: string }) => g.code === 'incident')).toMatchObject({
      passed: false,
      message: '需声明近三年未发生重大安全、质量、环保事故',
    });
    expectError(
      await enterprise.post(`/api/recognition/applications/${id}/moves`, { move: 'submit', version: 2 }),
      409,
      'recognition.gatesFailed',
    );
    const partial = await enterprise.put(`/api/recognition/applications/${id}`, {
      version: 2,
      incidentFreeDeclared: true,
      kpis: { productivity: { before: 10, after: null } },
    });
    expect(partial.status).toBe(200);
    expectError(
      await enterprise.post(`/api/recognition/applications/${id}/moves`, { move: 'submit', version: 3 }),
      400,
      'recognition.incomplete',
    );
    // a second open application in the same programme is refused
    expectError(
      await enterprise.post('/api/recognition/applications', { programmeId }),
      409,
      'recognition.applicationExists',
      'programmeId',
    );
    expect((await enterprise.post(`/api/recognition/applications/${id}/moves`, { move: 'withdraw', version: 3 })).body.state).toBe(
      'withdrawn',
    );
  });

  it('keeps edits safe: a stale version is refused, and nothing changes after submit', async () => {
    app = await submittedApplication(enterprise, programmeId);
    expectError(
      await enterprise.put(`/api/recognition/applications/${app.id}`, { version: app.version, projectName: '改名' }),
      409,
      'recognition.locked',
    );
    expectError(
      await enterprise.post(`/api/recognition/applications/${app.id}/moves`, { move: 'submit', version: app.version - 1 }),
      409,
      'recognition.versionConflict',
      'version',
    );
  });

  it('sends the application back with reasons and takes it again once resubmitted', async () => {
    expectError(
      await officer.post(`/api/recognition/applications/${app.id}/moves`, { move: 'district_return', version: app.version }),
      400,
      'recognition.reasonRequired',
      'reason',
    );
    expectError(
      await bureau.post(`/api/recognition/applications/${app.id}/moves`, { move: 'district_pass', version: app.version }),
      403,
      'recognition.moveForbidden',
    );
    let v = await move(officer, app.id, app.version, 'district_return', '请补充设备清单');
    const returned = await enterprise.get(`/api/recognition/applications/${app.id}`);
    expect(returned.body).toMatchObject({ state: 'returned', allowedMoves: ['resubmit', 'withdraw'] });
    expect(returned.body.history.at(-1)).toMatchObject({
      move: 'district_return',
      reason: '请补充设备清单',
      actorRole: 'district_officer',
    });
    v = (
      await enterprise.put(`/api/recognition/applications/${app.id}`, {
        version: v,
        projectDescription: `${FILLED.projectDescription}；设备清单见附件`,
      })
    ).body.version;
    v = await move(enterprise, app.id, v, 'resubmit');
    v = await move(officer, app.id, v, 'district_pass', '同意推荐');
    expectError(
      await bureau.post(`/api/recognition/applications/${app.id}/moves`, { move: 'recognise', version: v }),
      409,
      'recognition.illegalMove',
    );
    v = await move(bureau, app.id, v, 'city_pass');
    app.version = v;
  });

  it('blocks an expert tied to the applicant or to its service provider', async () => {
    const [a, b] = experts;
    expect(
      (await bureau.post(`/api/recognition/experts/${a!.id}/ties`, { enterpriseId: server().enterprises.huancui, note: '曾任该企业顾问' }))
        .status,
    ).toBe(200);
    const providerTie = await bureau.post(`/api/recognition/experts/${b!.id}/ties`, { providerName: ' 天润 智能 ' });
    expect(providerTie.status).toBe(200);
    expectError(
      await bureau.put(`/api/recognition/applications/${app.id}/panel`, { expertUserIds: [a!.id, experts[2]!.id, experts[3]!.id] }),
      409,
      'recognition.expertConflict',
      'expertUserIds',
    );
    const byProvider = await bureau.put(`/api/recognition/applications/${app.id}/panel`, {
      expertUserIds: [b!.id, experts[2]!.id, experts[3]!.id],
    });
    expectError(byProvider, 409, 'recognition.expertConflict', 'expertUserIds');
    expect(byProvider.body.error.message).toContain('天润');
    expectError(await bureau.post(`/api/recognition/experts/${a!.id}/ties`, {}), 400, 'recognition.tieTarget', 'enterpriseId');
    expect((await bureau.delete(`/api/recognition/experts/ties/${providerTie.body.id}`)).status).toBe(200);
  });

  it('lets each expert score alone and see the others only after submitting', async () => {
    const panel = [experts[1]!, experts[2]!, experts[3]!];
    const formed = await bureau.put(`/api/recognition/applications/${app.id}/panel`, { expertUserIds: panel.map((e) => e.id) });
    expect(formed.status, JSON.stringify(formed.body)).toBe(200);
    expectError(
      await bureau.post(`/api/recognition/applications/${app.id}/moves`, { move: 'close_scoring', version: app.version }),
      409,
      'recognition.scoringOpen',
    );
    // an expert off the panel sees nothing of it
    expectError(await experts[4]!.client.get(`/api/recognition/expert/assignments/${app.id}`), 404, 'recognition.assignmentNotFound');
    expectError(await experts[4]!.client.get(`/api/recognition/applications/${app.id}`), 403, 'auth.forbidden');
    const scores = [80, 90, 70];
    for (const [i, e] of panel.entries()) {
      const view = await e.client.get(`/api/recognition/expert/assignments/${app.id}`);
      expect(view.status, JSON.stringify(view.body)).toBe(200);
      expect(view.body.others).toBeNull();
      expect(JSON.stringify(view.body)).not.toContain('"total":8'); // no one else's total leaks
      expect(view.body.application).toMatchObject({ projectName: FILLED.projectName, allowedMoves: [] });
      const half = await e.client.put(`/api/recognition/expert/assignments/${app.id}`, {
        version: view.body.sheet.version,
        scores: { maturity: scores[i] },
      });
      expect(half.body).toMatchObject({ total: null, status: 'assigned' });
      expectError(
        await e.client.post(`/api/recognition/expert/assignments/${app.id}/submit`, { version: half.body.version }),
        400,
        'recognition.scoresIncomplete',
      );
      expectError(
        await e.client.put(`/api/recognition/expert/assignments/${app.id}`, { version: half.body.version, scores: { invented: 5 } }),
        400,
        'recognition.unknownIndicator',
        'scores.invented',
      );
      expectError(
        await e.client.put(`/api/recognition/expert/assignments/${app.id}`, { version: half.body.version, scores: { maturity: 101 } }),
        400,
        'validation.maximum',
      );
      const full = await e.client.put(`/api/recognition/expert/assignments/${app.id}`, {
        version: half.body.version,
        scores: sheet(scores[i]!),
      });
      expect(full.body.total).toBe(scores[i]);
      const done = await e.client.post(`/api/recognition/expert/assignments/${app.id}/submit`, { version: full.body.version });
      expect(done.body).toMatchObject({ status: 'submitted', total: scores[i] });
      expectError(
        await e.client.put(`/api/recognition/expert/assignments/${app.id}`, { version: done.body.version, scores: sheet(100) }),
        409,
        'recognition.sheetSubmitted',
      );
      const after = await e.client.get(`/api/recognition/expert/assignments/${app.id}`);
      expect(after.body.others).toHaveLength(i);
    }
    // a member who submitted cannot be dropped
    expectError(
      await bureau.put(`/api/recognition/applications/${app.id}/panel`, {
        expertUserIds: [experts[2]!.id, experts[3]!.id, experts[4]!.id],
      }),
      409,
      'recognition.panelLocked',
    );
    const view = await bureau.get(`/api/recognition/applications/${app.id}/panel`);
    expect(view.body.aggregate).toMatchObject({ n: 3, dropped: false, score: 80, min: 70, max: 90 });
    app.version = await move(bureau, app.id, app.version, 'close_scoring');
    const ranked = await bureau.get(`/api/recognition/programmes/${programmeId}/shortlist`);
    expect(ranked.body.items).toEqual([
      expect.objectContaining({
        rank: 1,
        applicationId: app.id,
        score: 80,
        state: 'shortlisted',
        spread: expect.objectContaining({ n: 3, stddev: 8.16 }),
      }),
    ]);
  });

  it('publishes a notice in working days, takes real-name objections only in its window, and shows the public nothing private', async () => {
    expectError(
      await bureau.post(`/api/recognition/programmes/${programmeId}/notices`, {
        applicationIds: [app.id],
        startsOn: addDays(chinaDate(), -200),
      }),
      400,
      'recognition.noticeStartRange',
      'startsOn',
    );
    const notice = await bureau.post(`/api/recognition/programmes/${programmeId}/notices`, {
      applicationIds: [app.id],
      startsOn: chinaDate(),
      workingDays: 5,
    });
    expect(notice.status, JSON.stringify(notice.body)).toBe(200);
    const period = (await bureau.get(`/api/recognition/calendar/end-date?start=${chinaDate()}&days=5`)).body;
    expect(notice.body).toMatchObject({ startsOn: period.startsOn, endsOn: period.endsOn, workingDays: 5 });
    app.version = (await bureau.get(`/api/recognition/applications/${app.id}`)).body.version;
    const noticeId = notice.body.id;
    const anonymous = server().client();
    const open = period.startsOn === chinaDate();
    const filed = await anonymous.post(`/api/public/recognition/notices/${noticeId}/objections`, {
      applicationIndex: 1,
      objectorName: '李某',
      objectorIdNumber: '370000199001010000',
      contact: '13900000000',
      text: '该企业设备数控化率数据存疑',
    });
    if (open) {
      expect(filed.status, JSON.stringify(filed.body)).toBe(200);
      expect(Object.keys(filed.body).sort()).toEqual(['receivedOn', 'reference']);
    } else expectError(filed, 409, 'recognition.noticeClosed');
    expectError(
      await anonymous.post(`/api/public/recognition/notices/${noticeId}/objections`, { text: '匿名举报内容' }),
      400,
      'validation.required',
    );
    // the bureau enters a paper objection as well
    const paper = await bureau.post(`/api/recognition/notices/${noticeId}/objections`, {
      applicationId: app.id,
      objectorName: '王某',
      objectorIdNumber: '370000198001010000',
      contact: '威海市某路1号',
      text: '书面异议：项目尚未完工',
      receivedOn: period.startsOn,
    });
    if (open) expect(paper.status, JSON.stringify(paper.body)).toBe(200);
    // the window moved into the past as if its days had run (a direct update: the test cannot wait a week)
    const past = { startsOn: addDays(chinaDate(), -12), endsOn: addDays(chinaDate(), -3) };
    await server().ctx.db.updateTable('recognitionNotice').set(past).where('id', '=', noticeId).execute();
    if (!open)
      expect(
        (
          await bureau.post(`/api/recognition/notices/${noticeId}/objections`, {
            applicationId: app.id,
            objectorName: '王某',
            objectorIdNumber: '370000198001010000',
            contact: '威海市某路1号',
            text: '书面异议：项目尚未完工',
            receivedOn: past.startsOn,
          })
        ).status,
      ).toBe(200);
    expectError(
      await bureau.post(`/api/recognition/notices/${noticeId}/objections`, {
        objectorName: '赵某',
        objectorIdNumber: '3700001',
        contact: '13900000001',
        text: '逾期提交的异议',
        receivedOn: chinaDate(),
      }),
      400,
      'recognition.receivedOutsideWindow',
      'receivedOn',
    );
    expectError(
      await bureau.post(`/api/recognition/notices/${noticeId}/objections`, {
        objectorName: '赵某',
        objectorIdNumber: '3700001',
        contact: '13900000001',
        text: '          ',
        receivedOn: past.startsOn,
      }),
      400,
      'validation.minLength',
      'text',
    );
    expectError(
      await bureau.post(`/api/recognition/notices/${noticeId}/objections`, {
        objectorName: '   ',
        objectorIdNumber: '3700001',
        contact: '13900000001',
        text: '署名为空的异议',
        receivedOn: past.startsOn,
      }),
      400,
      'validation.minLength',
      'objectorName',
    );
    expectError(
      await anonymous.post(`/api/public/recognition/notices/${noticeId}/objections`, {
        objectorName: '李某',
        objectorIdNumber: '370000199001010000',
        contact: '13900000000',
        text: '过期后提交的异议',
      }),
      409,
      'recognition.noticeClosed',
    );

    const pub = await anonymous.get(`/api/public/recognition/notices/${noticeId}`);
    expect(pub.status).toBe(200);
    expect(pub.body.items).toEqual([
      {
        index: 1,
        enterpriseName: expect.any(String),
        projectName: FILLED.projectName,
        districtName: '环翠区',
        kind: 'smart_factory',
        level: 'municipal',
        score: 80,
      },
    ]);
    const publicText = JSON.stringify((await anonymous.get('/api/public/recognition/notices')).body) + JSON.stringify(pub.body);
    for (const secret of ['370000199001010000', '370000198001010000', '13900000000', '13800000001', '91371002', 'kpis', 'contact'])
      expect(publicText).not.toContain(secret);
    expectError(await anonymous.get(`/api/recognition/notices/${noticeId}`), 401, 'auth.required');
    expectError(await enterprise.get(`/api/recognition/notices/${noticeId}`), 403, 'auth.forbidden');
  });

  it('recognises only once every objection is handled and none upheld, then numbers and certifies', async () => {
    const notice = (await bureau.get('/api/recognition/notices')).body.items[0];
    const detail = (await bureau.get(`/api/recognition/notices/${notice.id}`)).body;
    expect(detail.objections.length).toBeGreaterThanOrEqual(1);
    expect(detail.objections[0]).toMatchObject({ status: 'open', objectorIdNumber: expect.stringMatching(/^3700001/) });
    expectError(
      await bureau.post(`/api/recognition/applications/${app.id}/moves`, { move: 'recognise', version: app.version }),
      409,
      'recognition.objectionsOpen',
    );
    for (const o of detail.objections) {
      const handled = await bureau.post(`/api/recognition/objections/${o.id}/handle`, {
        outcome: 'dismissed',
        note: '经现场核查，数据属实',
      });
      expect(handled.body).toMatchObject({ status: 'dismissed', outcome: '经现场核查，数据属实' });
    }
    expectError(
      await bureau.post(`/api/recognition/objections/${detail.objections[0].id}/handle`, { outcome: 'upheld', note: '再次处理' }),
      409,
      'recognition.objectionHandled',
    );
    expectError(
      await officer.post(`/api/recognition/applications/${app.id}/moves`, { move: 'recognise', version: app.version }),
      403,
      'recognition.moveForbidden',
    );
    const done = await bureau.post(`/api/recognition/applications/${app.id}/moves`, { move: 'recognise', version: app.version });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ state: 'recognised', recognitionNumber: `WH-${chinaDate().slice(0, 4)}-SF-M-001`, allowedMoves: [] });
    const mine = await enterprise.get('/api/recognition/recognitions');
    expect(mine.body.items).toHaveLength(1);
    const recognition = mine.body.items[0];
    expect(recognition).toMatchObject({ level: 'municipal', status: 'active', reevaluationDue: expect.stringMatching(/^\d{4}-/) });
    const pdf = await enterprise.raw('GET', `/api/recognition/recognitions/${recognition.id}/certificate.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const listed = (await server().client().get('/api/public/recognition/recognised')).body;
    expect(listed.counts.municipal).toBe(1);
    expect(Object.keys(listed.items[0]).sort()).toEqual([
      'districtName',
      'enterpriseName',
      'kind',
      'level',
      'projectName',
      'recognisedOn',
      'recognitionNumber',
      'year',
    ]);
    // every move is in the audit log with its reason
    const audited = await server()
      .ctx.db.selectFrom('auditLog')
      .select(['action', 'afterJson'])
      .where('entityType', '=', 'recognitionApplication')
      .where('entityId', '=', String(app.id))
      .execute();
    expect(audited.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'recognition.application.district_return',
        'recognition.application.publish_notice',
        'recognition.application.recognise',
      ]),
    );
    expect(audited.find((a) => a.action === 'recognition.application.district_return')!.afterJson).toContain('请补充设备清单');
  });

  it('will not recognise over an upheld objection', async () => {
    // a second enterprise user's application, walked to the notice
    const { enterprises } = server();
    await giveMaturityLevel(server(), enterprises.wendeng, 2);
    const other = server().client();
    const { createUser } = await import('../accounts/users.service.ts');
    await createUser(
      server().ctx,
      { userId: null, username: 'test-fixture', role: null, ip: null },
      {
        username: 'wf-wendeng',
        displayName: '文登企业',
        password: 'Test@pass1',
        role: 'enterprise_user',
        districtCode: null,
        enterpriseId: enterprises.wendeng,
      },
    );
    await other.login('wf-wendeng', 'Test@pass1');
    const second = await submittedApplication(other, programmeId, { ...FILLED, serviceProviderName: '华为' });
    // the Huancui officer cannot see or move a Wendeng application
    expectError(await officer.get(`/api/recognition/applications/${second.id}`), 404, 'recognition.applicationNotFound');
    expectError(
      await officer.post(`/api/recognition/applications/${second.id}/moves`, { move: 'district_pass', version: second.version }),
      404,
      'recognition.applicationNotFound',
    );
    expectError(await enterprise.get(`/api/recognition/applications/${second.id}`), 404, 'recognition.applicationNotFound');
    // move it along as the Wendeng district would (direct state: no Wendeng officer fixture), then the city
    await server()
      .ctx.db.updateTable('recognitionApplication')
      .set({ state: 'district_passed', version: second.version + 1 })
      .where('id', '=', second.id)
      .execute();
    let v = await move(bureau, second.id, second.version + 1, 'city_pass');
    await bureau.put(`/api/recognition/applications/${second.id}/panel`, { expertUserIds: experts.map((e) => e.id) });
    for (const [i, e] of experts.entries()) {
      const s = await e.client.put(`/api/recognition/expert/assignments/${second.id}`, {
        version: 1,
        scores: sheet([60, 95, 70, 75, 72][i]!),
      });
      await e.client.post(`/api/recognition/expert/assignments/${second.id}/submit`, { version: s.body.version });
    }
    await move(bureau, second.id, v, 'close_scoring');
    const panel = (await bureau.get(`/api/recognition/applications/${second.id}/panel`)).body.aggregate;
    expect(panel).toMatchObject({ n: 5, counted: 3, dropped: true, score: 72.33, min: 60, max: 95 });
    const ranked = (await bureau.get(`/api/recognition/programmes/${programmeId}/shortlist`)).body.items;
    expect(ranked.map((r: { applicationId: number; rank: number }) => [r.applicationId, r.rank])).toEqual([
      [app.id, 1],
      [second.id, 2],
    ]);
    const notice = await bureau.post(`/api/recognition/programmes/${programmeId}/notices`, {
      applicationIds: [second.id],
      startsOn: addDays(chinaDate(), -20),
      workingDays: 5,
    });
    expect(notice.status, JSON.stringify(notice.body)).toBe(200);
    const objection = await bureau.post(`/api/recognition/notices/${notice.body.id}/objections`, {
      applicationId: second.id,
      objectorName: '周某',
      objectorIdNumber: '370000197001010000',
      contact: '13700000000',
      text: '申报的成本数据与财务报表不符',
      receivedOn: notice.body.startsOn,
    });
    expect(objection.status, JSON.stringify(objection.body)).toBe(200);
    await bureau.post(`/api/recognition/objections/${objection.body.id}/handle`, { outcome: 'upheld', note: '核查属实' });
    v = (await bureau.get(`/api/recognition/applications/${second.id}`)).body.version;
    expectError(
      await bureau.post(`/api/recognition/applications/${second.id}/moves`, { move: 'recognise', version: v }),
      409,
      'recognition.objectionUpheld',
    );
    expectError(
      await bureau.post(`/api/recognition/applications/${second.id}/moves`, { move: 'reject', version: v }),
      400,
      'recognition.reasonRequired',
    );
    expect(
      (await bureau.post(`/api/recognition/applications/${second.id}/moves`, { move: 'reject', version: v, reason: '异议成立' })).body
        .state,
    ).toBe('rejected');
  });
});
