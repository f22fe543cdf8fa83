import { DEFAULT_INDICATORS, formatMessage } from '@zhizao/domain';
import { beforeAll, expect, it } from 'vitest';
import { expectError } from '../../../test/expect.ts';
import { describeEachDatabase, type TestClient, type TestResponse } from '../../../test/harness.ts';
import { makeExperts, move, programmeBody, submittedApplication, giveMaturityLevel } from './test-fixtures.ts';

// Conflict ties re-checked on every touch (issue 11, item 5): a tie recorded after the panel formed takes the
// expert off it the moment they open, save or submit their sheet; they get 403, the sheet is kept and
// marked, the withdrawal is audited, and the bureau sees it in the panel.

const sheet = (score: number) => Object.fromEntries(DEFAULT_INDICATORS.map((i) => [i.code, score]));
const ENTERPRISE_NAME = '测试精密机械制造有限公司9001'; // the fixture enterprise in 环翠

describeEachDatabase('conflict ties recorded after the panel formed', (server) => {
  let bureau: TestClient;
  let auditor: TestClient;
  let experts: { id: number; client: TestClient }[];
  let app: { id: number; version: number };

  const sheetUrl = () => `/api/recognition/expert/assignments/${app.id}`;
  const panel = async () => (await bureau.get(`/api/recognition/applications/${app.id}/panel`)).body;
  const tie = async (expertId: number, body: Record<string, unknown>) => {
    const res = await bureau.post(`/api/recognition/experts/${expertId}/ties`, body);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.id as number;
  };
  const withdrawals = async () =>
    (await auditor.get(`/api/audit?entityType=recognitionApplication&entityId=${app.id}&action=recognition.panel.withdrawConflicted`)).body
      .items as { actorUsername: string; before: Record<string, unknown>; after: Record<string, unknown> }[];
  const refused = (res: TestResponse, tieName: string) => {
    expectError(res, 403, 'recognition.withdrawnForConflict');
    expect(res.body.error.message).toBe(formatMessage('recognition.withdrawnForConflict', 'zh-CN', { tie: tieName }));
  };
  /** Every way the expert can touch the application is closed to them. */
  async function expectOffThePanel(expert: { client: TestClient }, tieName: string, version: number) {
    refused(await expert.client.get(sheetUrl()), tieName);
    refused(await expert.client.put(sheetUrl(), { version, scores: sheet(99) }), tieName);
    refused(await expert.client.post(`${sheetUrl()}/submit`, { version }), tieName);
    expectError(await expert.client.get(`/api/recognition/applications/${app.id}/attachments`), 404, 'recognition.applicationNotFound');
    const assignments = (await expert.client.get('/api/recognition/expert/assignments')).body.items;
    expect(assignments.map((a: { applicationId: number }) => a.applicationId)).not.toContain(app.id);
  }

  beforeAll(async () => {
    bureau = await server().as('bureau_admin');
    auditor = await server().as('audit_admin');
    const enterprise = await server().as('enterprise_user');
    const officer = await server().as('district_officer');
    await giveMaturityLevel(server(), server().enterprises.huancui, 3);
    const programmeId = (await bureau.post('/api/recognition/programmes', programmeBody())).body.id;
    app = await submittedApplication(enterprise, programmeId);
    app.version = await move(officer, app.id, app.version, 'district_pass', '同意推荐');
    app.version = await move(bureau, app.id, app.version, 'city_pass');
    experts = await makeExperts(server(), 'cf', 6);
    const formed = await bureau.put(`/api/recognition/applications/${app.id}/panel`, {
      expertUserIds: experts.slice(0, 5).map((e) => e.id),
    });
    expect(formed.status, JSON.stringify(formed.body)).toBe(200);
  });

  it('refuses opening the sheet once a tie to the applicant is recorded, and takes the expert off the panel', async () => {
    const expert = experts[0]!;
    const before = await expert.client.get(sheetUrl());
    expect(before.status).toBe(200);
    const saved = await expert.client.put(sheetUrl(), { version: before.body.sheet.version, scores: { maturity: 60 } });
    expect(saved.status).toBe(200);

    await tie(expert.id, { enterpriseId: server().enterprises.huancui, note: '近期受聘为该企业顾问' });
    await expectOffThePanel(expert, ENTERPRISE_NAME, saved.body.version);

    const seen = await panel();
    expect(seen.members.map((m: { expertUserId: number }) => m.expertUserId)).not.toContain(expert.id);
    expect(seen.withdrawn).toEqual([
      { expertUserId: expert.id, displayName: 'cf专家1', tie: ENTERPRISE_NAME, withdrawnAt: expect.any(String), hadSubmitted: false },
    ]);
    // one audit entry however often they knocked, with the sheet as it was: kept, not deleted
    const entries = await withdrawals();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorUsername: 'cf-expert-1',
      before: { expertUserId: expert.id, status: 'assigned', scores: { maturity: 60 } },
      after: { expertUserId: expert.id, status: 'withdrawn', tie: ENTERPRISE_NAME },
    });
  });

  it('refuses saving once a tie to the service provider is recorded, and changes nothing on the sheet', async () => {
    const expert = experts[1]!;
    const opened = await expert.client.get(sheetUrl());
    const saved = await expert.client.put(sheetUrl(), { version: opened.body.sheet.version, scores: { maturity: 70 } });
    await tie(expert.id, { providerName: ' 天润 智能 ' });
    refused(await expert.client.put(sheetUrl(), { version: saved.body.version, scores: sheet(100) }), '天润 智能');
    await expectOffThePanel(expert, '天润 智能', saved.body.version);
    const entry = (await withdrawals()).find((e) => e.before.expertUserId === expert.id)!;
    expect(entry.before.scores).toEqual({ maturity: 70 });
    expect((await panel()).withdrawn.map((w: { tie: string }) => w.tie)).toContain('天润 智能');
  });

  it('refuses submitting once a tie is recorded, leaving the sheet unsubmitted', async () => {
    const expert = experts[2]!;
    const opened = await expert.client.get(sheetUrl());
    const full = await expert.client.put(sheetUrl(), { version: opened.body.sheet.version, scores: sheet(95) });
    expect(full.body.total).toBe(95);
    await tie(expert.id, { enterpriseId: server().enterprises.huancui });
    refused(await expert.client.post(`${sheetUrl()}/submit`, { version: full.body.version }), ENTERPRISE_NAME);
    await expectOffThePanel(expert, ENTERPRISE_NAME, full.body.version);
    expect((await panel()).withdrawn.find((w: { expertUserId: number }) => w.expertUserId === expert.id)).toMatchObject({
      hadSubmitted: false,
    });
  });

  it('takes a submitted sheet out of the aggregate when its expert turns out tied, and the panel must be made whole', async () => {
    const [tied, clear] = [experts[3]!, experts[4]!];
    for (const [e, score] of [
      [tied, 90],
      [clear, 80],
    ] as const) {
      const opened = await e.client.get(sheetUrl());
      const full = await e.client.put(sheetUrl(), { version: opened.body.sheet.version, scores: sheet(score) });
      expect((await e.client.post(`${sheetUrl()}/submit`, { version: full.body.version })).body.status).toBe('submitted');
    }
    expect((await panel()).aggregate).toMatchObject({ n: 2 });
    await tie(tied.id, { enterpriseId: server().enterprises.huancui });
    refused(await tied.client.get(sheetUrl()), ENTERPRISE_NAME);
    const seen = await panel();
    expect(seen.aggregate).toMatchObject({ n: 1, score: 80 });
    expect(seen.members.map((m: { expertUserId: number }) => m.expertUserId)).toEqual([clear.id]);
    expect(seen.withdrawn.find((w: { expertUserId: number }) => w.expertUserId === tied.id)).toMatchObject({ hadSubmitted: true });
    // the member still clear keeps working, and sees no withdrawn total among the others
    const view = await clear.client.get(sheetUrl());
    expect(view.status).toBe(200);
    expect(view.body.others).toEqual([]);
    // one seated member is not a panel: closing waits until the bureau makes it whole
    expectError(
      await bureau.post(`/api/recognition/applications/${app.id}/moves`, { move: 'close_scoring', version: app.version }),
      409,
      'recognition.panelTooSmall',
    );
  });

  it('refuses seating a tied expert again, and seats one afresh once the tie is removed', async () => {
    const [first, fresh, clear] = [experts[0]!, experts[5]!, experts[4]!];
    expectError(
      await bureau.put(`/api/recognition/applications/${app.id}/panel`, { expertUserIds: [clear.id, fresh.id, experts[1]!.id] }),
      409,
      'recognition.expertConflict',
      'expertUserIds',
    );
    const ties = (await bureau.get('/api/recognition/experts')).body.items.find((e: { userId: number }) => e.userId === first.id).ties;
    for (const t of ties) expect((await bureau.delete(`/api/recognition/experts/ties/${t.id}`)).status).toBe(200);
    const formed = await bureau.put(`/api/recognition/applications/${app.id}/panel`, { expertUserIds: [clear.id, fresh.id, first.id] });
    expect(formed.status, JSON.stringify(formed.body)).toBe(200);
    expect(formed.body.withdrawn.map((w: { expertUserId: number }) => w.expertUserId)).not.toContain(first.id);
    const back = await first.client.get(sheetUrl());
    expect(back.status).toBe(200);
    expect(back.body.sheet).toMatchObject({ status: 'assigned', scores: {}, total: null });
    for (const e of [fresh, first]) {
      const opened = await e.client.get(sheetUrl());
      const full = await e.client.put(sheetUrl(), { version: opened.body.sheet.version, scores: sheet(70) });
      expect((await e.client.post(`${sheetUrl()}/submit`, { version: full.body.version })).status).toBe(200);
    }
    // the withdrawn members neither count nor block the close
    app.version = await move(bureau, app.id, app.version, 'close_scoring');
    expect((await bureau.get(`/api/recognition/applications/${app.id}`)).body).toMatchObject({ state: 'shortlisted' });
  });
});
