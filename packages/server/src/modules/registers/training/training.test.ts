import { completeCreditCode } from '@zhizao/domain';
import { beforeAll, expect, it } from 'vitest';
import { expectError } from '../../../../test/expect.ts';
import { describeEachDatabase, enterpriseInput, type Json, type TestClient } from '../../../../test/harness.ts';
import { created, projectBody } from '../../funding/funding.test-support.ts';
import { insertEnterprise } from '../../registry/enterprise.repo.ts';

// Training events, their attendees and skills contests through the register engine, and what the
// outcome view works out from other modules' records: a firm's maturity before and after a course, and
// the projects visitors of a showcase started after the visit.

const EVENTS = '/api/registers/training-events';
const ATTENDEES = '/api/registers/training-attendees';
let serial = 0;
const event = (over: Record<string, unknown> = {}) => ({
  name: `数字技术工程师培育班（第 ${++serial} 期）`,
  kind: 'course',
  organiser: '哈尔滨工业大学（威海）',
  topic: '工业大数据采集与分析',
  startDate: '2025-03-03',
  endDate: '2025-06-27',
  chain: null,
  hostShowcase: null,
  plannedPlaces: 40,
  ...over,
});
const attendee = (eventId: number, enterpriseId: number, over: Record<string, unknown> = {}) => ({
  event: eventId,
  enterpriseId,
  personName: null,
  headcount: 3,
  attendancePct: 95,
  completed: true,
  ...over,
});

describeEachDatabase('training, contests and site visits (register engine)', (server) => {
  let bureau: TestClient;
  let district: TestClient;
  let huancui: number;
  let wendeng: number;

  beforeAll(async () => {
    bureau = await server().as('bureau_admin');
    district = await server().as('district_officer');
    ({ huancui, wendeng } = server().enterprises);
  });

  const made = async (client: TestClient, path: string, body: unknown) => created(client.post(path, body));

  /** A submitted self-diagnosis of the firm on that day, as the maturity module stores one. */
  async function assessed(enterpriseId: number, at: string, totalScore: number, reachedLevel: number) {
    await server()
      .ctx.db.insertInto('maturityAssessment')
      .values({
        enterpriseId,
        modelVersion: 'CMMM-2020',
        manufacturingType: 'discrete',
        targetLevel: reachedLevel + 1,
        status: 'submitted',
        version: 2,
        createdBy: null,
        createdAt: at,
        updatedAt: at,
        submittedAt: at,
        resultJson: '{}',
        modelJson: null,
        formulaId: 'bandAligned',
        reachedLevel,
        totalScore,
        isLatest: 0,
      })
      .execute();
  }

  async function firm(name: string, district = '371002') {
    const { ctx } = server();
    const n = 7700 + ++serial;
    return (
      await ctx.db
        .transaction()
        .execute((tx) =>
          insertEnterprise(
            tx,
            ctx.cipher,
            enterpriseInput(
              { name, districtCode: district, creditCode: completeCreditCode(`91${district}TR${String(n).padStart(7, '0')}`) },
              n,
            ),
          ),
        )
    ).id;
  }

  it('gives each trainee firm its maturity the last time before the course and the first time after it', async () => {
    const course = await made(bureau, EVENTS, event());
    const [both, onlyBefore, none] = [await firm('前后均有自评企业'), await firm('仅课前自评企业'), await firm('未自评企业')];
    await assessed(both, '2024-11-05T02:00:00.000Z', 1.4, 1);
    await assessed(both, '2025-02-20T02:00:00.000Z', 1.6, 1);
    await assessed(both, '2025-05-01T02:00:00.000Z', 1.9, 1); // during the course: neither side
    await assessed(both, '2025-09-10T02:00:00.000Z', 2.45, 2);
    await assessed(both, '2026-03-10T02:00:00.000Z', 3.1, 3);
    await assessed(onlyBefore, '2025-01-08T02:00:00.000Z', 2.2, 2);
    for (const id of [both, onlyBefore, none]) await made(bureau, ATTENDEES, attendee(course.id, id));

    const res = await bureau.get(`${EVENTS}/${course.id}/outcomes`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const byFirm = new Map(res.body.firms.map((f: Json) => [f.enterpriseId, f]));
    expect(byFirm.get(both)).toMatchObject({
      people: 3,
      before: { on: '2025-02-20', totalScore: 1.6, reachedLevel: 1 },
      after: { on: '2025-09-10', totalScore: 2.45, reachedLevel: 2 },
      scoreChange: 0.85,
      levelChange: 1,
    });
    expect(byFirm.get(onlyBefore)).toMatchObject({ before: { totalScore: 2.2 }, after: null, scoreChange: null });
    expect(byFirm.get(none)).toMatchObject({ before: null, after: null });
    expect(res.body.summary).toMatchObject({ firms: 3, withBoth: 1, meanScoreChange: 0.85, improved: 1 });

    // the firm's assessment after the course lands: the summary moves
    await assessed(onlyBefore, '2025-07-15T02:00:00.000Z', 2.35, 2);
    const again = (await bureau.get(`${EVENTS}/${course.id}/outcomes`)).body;
    expect(again.summary).toMatchObject({ withBoth: 2, meanScoreChange: 0.5, improved: 2 });
  });

  it('counts the visitors of a showcase who started a project after the visit', async () => {
    const host = await made(bureau, '/api/registers/showcases', {
      name: '观摩示范智能工厂',
      enterpriseId: huancui,
      chain: 'TC1',
      segment: '精密轴承',
      status: 'published',
      publishedOn: '2023-01-10',
      problem: '人工装配',
      solution: '自动化装配线',
    });
    expectError(
      await bureau.post(EVENTS, event({ kind: 'site_visit', startDate: '2023-06-16', endDate: null })),
      400,
      'training.siteVisitHost',
      'hostShowcase',
    );
    const visit = await made(
      bureau,
      EVENTS,
      event({ name: '智能工厂现场观摩会', kind: 'site_visit', startDate: '2023-06-16', endDate: null, hostShowcase: host.id }),
    );
    const visitors = [await firm('观摩后立项企业'), await firm('观摩前立项企业'), await firm('未立项企业')];
    for (const id of visitors) await made(district, ATTENDEES, attendee(visit.id, id, { headcount: 2, completed: null }));
    const start = async (enterpriseId: number, startDate: string, name: string) =>
      made(bureau, '/api/funding/projects', {
        ...projectBody({ year: Number(startDate.slice(0, 4)), startDate, completionDate: null, name }),
        enterpriseId,
      });
    await start(visitors[1]!, '2023-03-01', '观摩前的项目');
    const outcomes = async () => (await bureau.get(`${EVENTS}/${visit.id}/outcomes`)).body;
    expect((await outcomes()).summary).toMatchObject({ firms: 3, startedProject: 0 });

    const later = await start(visitors[0]!, '2024-02-01', '观摩后的智能工厂项目');
    await start(visitors[0]!, '2023-06-16', '观摩当天的项目');
    const after = await outcomes();
    expect(after.summary).toMatchObject({ firms: 3, startedProject: 1 });
    const follower = after.firms.find((f: Json) => f.enterpriseId === visitors[0]);
    expect(follower.projectsAfter).toEqual([{ id: later.id, name: '观摩后的智能工厂项目', startDate: '2024-02-01' }]);
  });

  it('shows a district officer and a firm only their own attendees; refuses an attendee without a name or a number', async () => {
    const course = await made(bureau, EVENTS, event());
    await made(bureau, ATTENDEES, attendee(course.id, huancui, { personName: '张工', headcount: null }));
    await made(bureau, ATTENDEES, attendee(course.id, wendeng));
    expectError(await district.post(ATTENDEES, attendee(course.id, wendeng)), 400, 'registers.enterpriseNotFound', 'enterpriseId');
    expectError(
      await bureau.post(ATTENDEES, attendee(course.id, huancui, { headcount: null })),
      400,
      'training.personOrHeadcount',
      'personName',
    );
    expectError(
      await bureau.post(ATTENDEES, attendee(course.id, huancui, { personName: '李工', headcount: 4 })),
      400,
      'training.namedIsOne',
      'personName',
    );
    expectError(
      await bureau.post(ATTENDEES, attendee(course.id, huancui, { personName: '张工', headcount: null })),
      409,
      'registers.duplicate',
    );
    const seenBy = async (client: TestClient) =>
      (await client.get(`${EVENTS}/${course.id}/outcomes`)).body.firms.map((f: Json) => f.enterpriseId);
    expect(await seenBy(bureau)).toHaveLength(2);
    expect(await seenBy(district)).toEqual([huancui]);
    expect(await seenBy(await server().as('enterprise_user'))).toEqual([huancui]);
    expect((await (await server().as('expert')).get(`${EVENTS}/${course.id}/outcomes`)).status).toBe(403);
    expect((await bureau.get(`${EVENTS}/999999/outcomes`)).status).toBe(404);
  });

  it('keeps a skills contest with its results, an entrant once per event', async () => {
    const body = {
      name: '“技能兴威”第一届威海市职业技能大赛（测试）',
      year: 2023,
      level: 'municipal',
      organiser: '威海市人民政府',
      heldFrom: '2023-10-10',
      heldTo: '2023-10-12',
      events: '数控车工、电工',
    };
    const contest = await made(bureau, '/api/registers/skills-contests', body);
    expectError(
      await bureau.post('/api/registers/skills-contests', { ...body, name: '另一大赛', heldFrom: '2022-10-10', heldTo: null }),
      400,
      'training.contestOutsideYear',
      'heldFrom',
    );
    const result = { contest: contest.id, personName: '王师傅', enterpriseId: huancui, event: '数控车工', rank: 1, award: 'first' };
    await made(district, '/api/registers/contest-results', result);
    expectError(await district.post('/api/registers/contest-results', { ...result, rank: 2 }), 409, 'registers.duplicate', 'contest');
    const listed = (await bureau.get(`/api/registers/contest-results?contest=${contest.id}&award=first`)).body;
    expect(listed.items.map((r: Json) => [r.personName, r.enterpriseName])).toEqual([['王师傅', expect.stringContaining('测试')]]);
  });
});
