import { addDays, chinaDate, SKILLS_CONTEST_REGISTER, TRAINING_EVENT_REGISTER, type EntryValues } from '@zhizao/domain';
import type { Tx } from '../../../db/database.ts';
import { anyDb } from '../engine/repo.ts';
import { demoCases, demoShowcaseIds } from '../showcases/demo.ts';

// The demo city's training (seed §二.5): Harbin Institute of Technology (Weihai)'s digital-technology
// engineer programme around its big-data major and a customised class for advanced-manufacturing firms,
// the city's first vocational skills contest (技能兴威), and site visits to the seed's three showcases.
// Dates, trainees, entrants and results are demo values. Attendees are drawn from the demo registry so
// that the outcome views have something to show: course firms with a self-diagnosis on both sides of
// the course, visitors of whom some started a project the year after.

const UNIVERSITY = '哈尔滨工业大学（威海）';
const BUREAU = '威海市工业和信息化局';
export const DEMO_COURSE = {
  name: '数字技术工程师培育项目（大数据方向·第一期）',
  startDate: '2025-03-03',
  endDate: '2025-06-27',
};
const DEMO_CLASS = { name: '先进制造业企业智能制造定制化培训班（第一期）', startDate: '2025-11-10', endDate: '2025-11-14' };
export const DEMO_CONTEST = '“技能兴威”第一届威海市职业技能大赛';
/** A visit on this many days after the showcase was published. */
const VISIT_AFTER_PUBLISHED = [500, 560, 620];

export async function demoEvents(tx: Tx): Promise<EntryValues[]> {
  const ids = await demoShowcaseIds(tx);
  const cases = (await demoCases(tx)).slice(0, 3);
  return [
    {
      ...DEMO_COURSE,
      kind: 'course',
      organiser: UNIVERSITY,
      topic: '围绕大数据专业开展数字技术工程师培育：工业数据采集、治理与分析',
      chain: null,
      hostShowcase: null,
      plannedPlaces: 60,
    },
    {
      ...DEMO_CLASS,
      kind: 'customised_class',
      organiser: UNIVERSITY,
      topic: '面向先进制造业企业：智能制造能力成熟度自评估与改造路径',
      chain: 'MACHINERY',
      hostShowcase: null,
      plannedPlaces: 40,
    },
    ...cases.map((c, i) => {
      const day = addDays(String(c.values.publishedOn), VISIT_AFTER_PUBLISHED[i]!);
      return {
        name: `${String(c.values.name)}现场观摩会`,
        kind: 'site_visit',
        organiser: BUREAU,
        topic: `${String(c.values.segment)}智能化改造现场观摩与专题培训`,
        startDate: day,
        endDate: null,
        chain: c.values.chain ?? null,
        hostShowcase: ids.get(String(c.values.name))!,
        plannedPlaces: 30,
      };
    }),
  ];
}

const eventIds = async (tx: Tx) =>
  new Map(
    (
      (await anyDb(tx)
        .selectFrom(TRAINING_EVENT_REGISTER.table)
        .select(['id', 'name', 'startDate', 'endDate', 'chain', 'kind'])
        .where('isDemo', '=', 1)
        .execute()) as {
        id: number;
        name: string;
        startDate: string;
        endDate: string | null;
        chain: string | null;
        kind: string;
      }[]
    ).map((e) => [e.name, { ...e, id: Number(e.id) }]),
  );

/** Demo firms with a submitted self-diagnosis before `start` and another after `end`, and firms with only one of them. */
async function courseFirms(tx: Tx, start: string, end: string) {
  const rows = await tx
    .selectFrom('maturityAssessment as a')
    .innerJoin('enterprise as e', 'e.id', 'a.enterpriseId')
    .select(['a.enterpriseId', 'a.submittedAt'])
    .where('a.status', '=', 'submitted')
    .where('e.isDemo', '=', 1)
    .orderBy('a.enterpriseId')
    .execute();
  const days = new Map<number, string[]>();
  for (const r of rows)
    days.set(Number(r.enterpriseId), [...(days.get(Number(r.enterpriseId)) ?? []), chinaDate(Date.parse(r.submittedAt!))]);
  const both = [...days].filter(([, d]) => d.some((x) => x < start) && d.some((x) => x > end)).map(([id]) => id);
  const onlyBefore = [...days].filter(([, d]) => d.every((x) => x < start)).map(([id]) => id);
  return { both, onlyBefore };
}

/** Demo firms of a chain with a funding project started after `day`, and firms of the chain with none. */
async function visitors(tx: Tx, chain: string, day: string, exclude: number) {
  const firms = await tx
    .selectFrom('enterprise as e')
    .innerJoin('enterpriseChain as c', 'c.enterpriseId', 'e.id')
    .select([
      'e.id',
      (eb) =>
        eb
          .selectFrom('fundingProject as p')
          .select((p) => p.fn.countAll<number>().as('n'))
          .whereRef('p.enterpriseId', '=', 'e.id')
          .where('p.startDate', '>', day)
          .as('later'),
    ])
    .where('e.isDemo', '=', 1)
    .where('c.chainCode', '=', chain)
    .where('e.sizeClass', '=', 'above_designated')
    .where('e.id', '!=', exclude)
    .orderBy('e.id')
    .execute();
  return {
    started: firms.filter((f) => Number(f.later) > 0).map((f) => Number(f.id)),
    notStarted: firms.filter((f) => Number(f.later) === 0).map((f) => Number(f.id)),
  };
}

export async function demoAttendees(tx: Tx): Promise<EntryValues[]> {
  const events = await eventIds(tx);
  const rows: EntryValues[] = [];
  const course = events.get(DEMO_COURSE.name)!;
  const { both, onlyBefore } = await courseFirms(tx, DEMO_COURSE.startDate, DEMO_COURSE.endDate);
  for (const [i, id] of [...both.slice(0, 10), ...onlyBefore.slice(0, 2)].entries())
    rows.push({
      event: course.id,
      enterpriseId: id,
      personName: null,
      headcount: 2 + (i % 3),
      attendancePct: 92 - (i % 4) * 3,
      completed: i % 6 !== 5,
    });
  const customised = events.get(DEMO_CLASS.name)!;
  const machinery = await visitors(tx, 'MACHINERY', customised.endDate!, -1);
  for (const [i, id] of machinery.notStarted.slice(0, 4).entries())
    for (const person of ['（演示）学员甲', '（演示）学员乙'])
      rows.push({
        event: customised.id,
        enterpriseId: id,
        personName: `${person}${i + 1}`,
        headcount: null,
        attendancePct: 100,
        completed: true,
      });
  const host = await demoCases(tx);
  for (const c of host.slice(0, 3)) {
    const visit = events.get(`${String(c.values.name)}现场观摩会`)!;
    const { started, notStarted } = await visitors(tx, visit.chain!, visit.startDate, Number(c.values.enterpriseId));
    for (const id of [...started.slice(0, 3), ...notStarted.slice(0, 5)])
      rows.push({ event: visit.id, enterpriseId: id, personName: null, headcount: 2, attendancePct: null, completed: null });
  }
  return rows;
}

const CONTEST_EVENTS = ['数控车工', '工业机器人系统运维员', '电工', '焊工'];

export const demoContests = async (): Promise<EntryValues[]> => [
  {
    name: DEMO_CONTEST,
    year: 2023,
    level: 'municipal',
    organiser: '威海市人民政府',
    heldFrom: null,
    heldTo: null,
    events: CONTEST_EVENTS.join('、'),
  },
];

const AWARDS = ['first', 'second', 'second', 'third', 'third', 'third', 'excellence', 'excellence'];

export async function demoResults(tx: Tx): Promise<EntryValues[]> {
  const contest = (await anyDb(tx)
    .selectFrom(SKILLS_CONTEST_REGISTER.table)
    .select('id')
    .where('name', '=', DEMO_CONTEST)
    .executeTakeFirstOrThrow()) as { id: number };
  const employers = await tx
    .selectFrom('enterprise')
    .select('id')
    .where('isDemo', '=', 1)
    .where('sizeClass', '=', 'above_designated')
    .orderBy('id')
    .limit(AWARDS.length * CONTEST_EVENTS.length)
    .execute();
  return CONTEST_EVENTS.flatMap((event, e) =>
    AWARDS.map((award, rank) => ({
      contest: Number(contest.id),
      personName: `（演示）选手${String(e * AWARDS.length + rank + 1).padStart(2, '0')}`,
      enterpriseId: Number(employers[e * AWARDS.length + rank]!.id),
      event,
      rank: rank + 1,
      award,
    })),
  );
}
