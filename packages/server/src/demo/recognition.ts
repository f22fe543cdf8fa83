import {
  DEFAULT_INDICATORS,
  MOVES,
  addDays,
  aggregateTotals,
  checkGates,
  chinaDate,
  noticePeriod,
  overridesFrom,
  rank,
  reevaluationDue,
  weightedTotal,
  type ApplicationMove,
  type KpiSet,
  type RecognitionKind,
  type RecognitionLevel,
} from '@zhizao/domain';
import type { Tx } from '../db/database.ts';
import { SEALED_COLUMNS } from '../db/sealed-columns.ts';
import { grantRecognition } from '../modules/recognition/grant.ts';
import { insertProgramme } from '../modules/recognition/programmes.service.ts';
import { hashPassword } from '../platform/crypto.ts';
import type { FieldCipher } from '../platform/field-crypto.ts';
import { DEMO_PASSWORD } from './accounts.ts';
import { DEMO_OWN_ENTERPRISE, DEMO_RANDOM_SEED } from './enterprises.ts';
import { seededRandom, type Random } from './random.ts';

// Demo recognition ladder (issue 4). From records: the seed's 110 municipal, 39 provincial and 11 national
// recognitions (seed §一, §二.3). The seed gives no split between smart factories and digital workshops, so
// the demo chooses: municipal 30 factories + 80 workshops (workshops are the common first step: Hefei's
// quotas are 20 factories / 200 workshops, recognition-and-funding.md §2), provincial 12 + 27, national 11
// smart factories (the national demonstration projects). Each higher level is drawn from the level below,
// strongest maturity first, so every climb is a real ladder. Municipal years start 2021 (the first batch of
// 36, recognition-and-funding.md §7). Two further municipal ones were revoked (outside the 110 in force).
// Then the current year: two municipal programmes open, applications in every state, a notice running
// with an objection, expert accounts with a tie. Fictional firms; KPIs drawn around the seed's benchmarks,
// with the seed's three cases (syringe output, glass-line labour and takt, tyre water and CO₂) on three
// demo firms as showcases.

const MUNICIPAL_BY_YEAR: [number, number][] = [
  [2021, 36],
  [2022, 20],
  [2023, 18],
  [2024, 18],
  [2025, 18],
];
const SPLIT: Record<RecognitionLevel, Record<RecognitionKind, number>> = {
  municipal: { smart_factory: 30, digital_workshop: 80 },
  provincial: { smart_factory: 12, digital_workshop: 27 },
  national: { smart_factory: 11, digital_workshop: 0 },
};
const PROVINCIAL_YEARS = [2022, 2023, 2024, 2025];
const NATIONAL_YEARS = [2023, 2024, 2025];
const PROVIDERS = ['华为', '天润智能', '浪潮工业互联网', '海尔卡奥斯', '威海智造科技服务中心'];

/** 2026 public holidays and make-up workdays (国务院办公厅 2026 年部分节假日安排; editable by the bureau). */
const CALENDAR_2026: [string, 'holiday' | 'workday', string][] = [
  ...['01-01', '01-02'].map((d) => [`2026-${d}`, 'holiday', '元旦'] as [string, 'holiday', string]),
  ['2026-01-04', 'workday', '元旦调休'],
  ...['02-16', '02-17', '02-18', '02-19', '02-20', '02-23'].map((d) => [`2026-${d}`, 'holiday', '春节'] as [string, 'holiday', string]),
  ['2026-02-14', 'workday', '春节调休'],
  ['2026-02-28', 'workday', '春节调休'],
  ['2026-04-06', 'holiday', '清明节'],
  ...['05-01', '05-04', '05-05'].map((d) => [`2026-${d}`, 'holiday', '劳动节'] as [string, 'holiday', string]),
  ['2026-05-09', 'workday', '劳动节调休'],
  ['2026-06-19', 'holiday', '端午节'],
  ['2026-09-25', 'holiday', '中秋节'],
  ...['10-01', '10-02', '10-05', '10-06', '10-07'].map((d) => [`2026-${d}`, 'holiday', '国庆节'] as [string, 'holiday', string]),
  ['2026-09-20', 'workday', '国庆节调休'],
  ['2026-10-10', 'workday', '国庆节调休'],
];

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

/** KPIs around the benchmarks (CNC ≥ 70 %, cost −20 %, productivity +20 %: seed §二.3); a few fall short. */
function drawKpis(random: Random, strength: number): KpiSet {
  const short = random.chance(0.08);
  const cost = random.int(600, 20000);
  const prod = random.int(20, 400);
  const labour = random.int(60, 900);
  return {
    cncRate: { before: random.int(35, 60), after: short ? random.int(62, 69) : Math.min(98, random.int(70, 88) + strength * 2) },
    operatingCost: { before: cost, after: Math.round(cost * (1 - (short ? random.int(10, 19) : random.int(20, 34)) / 100)) },
    productivity: { before: prod, after: Math.round(prod * (1 + (short ? random.int(10, 19) : random.int(20, 45) + strength * 3) / 100)) },
    yieldRate: { before: round(90 + random.next() * 6), after: round(96 + random.next() * 3.5) },
    energy: { before: random.int(800, 9000), after: 0 },
    labour: { before: labour, after: Math.round(labour * (1 - random.int(10, 40) / 100)) },
  };
}

function withEnergy(k: KpiSet, random: Random): KpiSet {
  const before = k.energy!.before!;
  return { ...k, energy: { before, after: Math.round(before * (1 - random.int(5, 20) / 100)) } };
}

/** The seed's three cases (seed §二.3) as the KPIs of three demo firms. */
const SEED_CASES: { chain: string; project: string; kpis: KpiSet }[] = [
  {
    chain: 'MEDICAL',
    project: '新型注射器智能工厂',
    kpis: { cncRate: { before: 62, after: 93 }, operatingCost: { before: 52000, after: 40500 }, productivity: { before: 13, after: 17.4 } },
  },
  {
    chain: 'MATERIALS',
    project: '玻璃深加工智能生产线',
    kpis: {
      cncRate: { before: 48, after: 90 },
      operatingCost: { before: 8600, after: 6100 },
      productivity: { before: 0.5, after: 56.25 },
      labour: { before: 80, after: 8 },
      cycleTime: { before: 90, after: 8 },
    },
  },
  {
    chain: 'TYRE',
    project: '高性能商用车胎智能工厂',
    kpis: {
      cncRate: { before: 58, after: 88 },
      operatingCost: { before: 96000, after: 74000 },
      productivity: { before: 100, after: 128 },
      water: { before: 1_200_000, after: 1_000_000 },
      co2: { before: 52000, after: 47900 },
    },
  },
];

interface Candidate {
  id: number;
  name: string;
  districtCode: string;
  chainCode: string | null;
  level: number;
  score: number;
}

async function candidates(tx: Tx): Promise<Candidate[]> {
  const rows = await tx
    .selectFrom('enterprise as e')
    .innerJoin('maturityAssessment as a', (j) => j.onRef('a.enterpriseId', '=', 'e.id').on('a.isLatest', '=', 1))
    .select([
      'e.id',
      'e.name',
      'e.districtCode',
      'a.reachedLevel',
      'a.totalScore',
      (eb) =>
        eb
          .selectFrom('enterpriseChain as c')
          .select((c) => c.fn.min('c.chainCode').as('m'))
          .whereRef('c.enterpriseId', '=', 'e.id')
          .as('chainCode'),
    ])
    .where('e.isDemo', '=', 1)
    .where('e.sizeClass', '=', 'above_designated')
    .where('a.reachedLevel', '>=', 2)
    .orderBy('a.reachedLevel', 'desc')
    .orderBy('a.totalScore', 'desc')
    .orderBy('e.id')
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    name: r.name,
    districtCode: r.districtCode,
    chainCode: (r.chainCode as string | null) ?? null,
    level: Number(r.reachedLevel),
    score: Number(r.totalScore),
  }));
}

const projectName = (random: Random, kind: RecognitionKind) =>
  kind === 'smart_factory'
    ? `${random.pick(['数字孪生', '柔性制造', '绿色低碳', '5G+工业互联网', '全流程数字化'])}智能工厂`
    : `${random.pick(['精密加工', '总装', '注塑成型', '焊接', '检测包装', '缝制'])}数字化车间`;

/** The ladder from records: municipal, then provincial and national drawn from the level below. */
async function seedLadder(tx: Tx, random: Random, pool: Candidate[], at: string) {
  const municipal: { c: Candidate; kind: RecognitionKind; year: number; id: number; kpis: KpiSet; project: string }[] = [];
  const kinds: RecognitionKind[] = [
    ...Array(SPLIT.municipal.smart_factory).fill('smart_factory'),
    ...Array(SPLIT.municipal.digital_workshop).fill('digital_workshop'),
  ];
  const years = MUNICIPAL_BY_YEAR.flatMap(([y, n]) => Array(n).fill(y) as number[]);
  // the strongest firms are drawn first and take the factory titles; the city's first batches come first
  const chosen = pool
    .slice(0, SPLIT.municipal.smart_factory)
    .concat(random.sample(pool.slice(SPLIT.municipal.smart_factory), kinds.length - SPLIT.municipal.smart_factory));
  const order = random.sample([...chosen.keys()], chosen.length);
  for (const [i, index] of order.entries()) {
    const c = chosen[index]!;
    const kind = index < SPLIT.municipal.smart_factory ? 'smart_factory' : 'digital_workshop';
    const seedCase = SEED_CASES.find(
      (s) => s.chain === c.chainCode && kind === 'smart_factory' && !municipal.some((m) => m.project === s.project),
    );
    const kpis = seedCase?.kpis ?? withEnergy(drawKpis(random, c.level), random);
    const project = seedCase?.project ?? projectName(random, kind);
    const year = [...years].sort((a, b) => a - b)[i]!;
    const { id } = await grantRecognition(
      tx,
      {
        enterpriseId: c.id,
        kind,
        level: 'municipal',
        year,
        projectName: project,
        recognisedOn: `${year}-${year === 2021 ? '10' : '09'}-${String(random.int(10, 28))}`,
        source: 'record',
        kpisJson: JSON.stringify(kpis),
      },
      at,
    );
    municipal.push({ c, kind, year, id, kpis, project });
  }
  const climb = async (from: typeof municipal, level: RecognitionLevel, yearsOf: number[]) => {
    const out: typeof municipal = [];
    for (const kind of ['smart_factory', 'digital_workshop'] as RecognitionKind[]) {
      const wanted = SPLIT[level][kind];
      const eligible = from.filter((m) => m.kind === kind).sort((a, b) => b.c.level - a.c.level || b.c.score - a.c.score || a.id - b.id);
      for (const m of eligible.filter((e) => !out.some((o) => o.c.id === e.c.id)).slice(0, wanted)) {
        const year = Math.max(m.year + 1, random.pick(yearsOf));
        const { id } = await grantRecognition(
          tx,
          {
            enterpriseId: m.c.id,
            kind,
            level,
            year: Math.min(year, 2025),
            projectName: m.project,
            recognisedOn: `${Math.min(year, 2025)}-${String(random.int(3, 12)).padStart(2, '0')}-15`,
            source: 'record',
            kpisJson: JSON.stringify(m.kpis),
          },
          at,
        );
        out.push({ ...m, kind, year: Math.min(year, 2025), id });
      }
    }
    return out;
  };
  const provincial = await climb(municipal, 'provincial', PROVINCIAL_YEARS);
  const national = await climb(provincial, 'national', NATIONAL_YEARS);

  // re-evaluations of those recognised two years or more ago; two older ones revoked (beyond the 110 in force)
  let reevaluations = 0;
  for (const m of municipal.filter((x) => x.year <= 2023)) {
    const row = await tx.selectFrom('recognition').select(['recognisedOn']).where('id', '=', m.id).executeTakeFirstOrThrow();
    const evaluatedOn = reevaluationDue(row.recognisedOn);
    if (evaluatedOn > chinaDate(Date.parse(at))) continue;
    await tx
      .insertInto('recognitionReevaluation')
      .values({
        recognitionId: m.id,
        evaluatedOn,
        outcome: random.chance(0.3) ? 'excellent' : 'pass',
        note: '（演示数据）复评',
        recordedBy: null,
        recordedAt: at,
      })
      .execute();
    await tx
      .updateTable('recognition')
      .set({ reevaluationDue: reevaluationDue(evaluatedOn) })
      .where('id', '=', m.id)
      .execute();
    reevaluations++;
  }
  const others = pool.filter((c) => !chosen.includes(c)).slice(0, 2);
  for (const [i, c] of others.entries()) {
    const { id } = await grantRecognition(
      tx,
      {
        enterpriseId: c.id,
        kind: 'digital_workshop',
        level: 'municipal',
        year: 2021,
        projectName: projectName(random, 'digital_workshop'),
        recognisedOn: '2021-10-20',
        source: 'record',
        kpisJson: JSON.stringify(withEnergy(drawKpis(random, c.level), random)),
      },
      at,
    );
    const revoked =
      i === 0
        ? {
            revokedOn: '2023-10-20',
            revokeCause: 'reevaluation_failed',
            revokeNote: '复评不合格：生产线停用（演示数据）',
            banUntil: '2025-10-19',
          }
        : { revokedOn: '2025-04-08', revokeCause: 'closed', revokeNote: '企业搬迁出威海（演示数据）', banUntil: '2027-04-07' };
    await tx
      .updateTable('recognition')
      .set({ status: 'revoked', ...revoked })
      .where('id', '=', id)
      .execute();
  }
  return { municipal, provincial, national, reevaluations, revoked: others.length };
}

const ACTORS = { enterprise_user: '企业申报人（演示）', district_officer: '区市工信干部（演示）', bureau_admin: '演示局管理员' } as const;

/** The current year: open programmes, applications in each state, panels, a running notice, experts. */
async function seedCurrentYear(tx: Tx, cipher: FieldCipher, random: Random, pool: Candidate[], taken: Set<number>, at: string) {
  const today = chinaDate(Date.parse(at));
  const year = Number(today.slice(0, 4));
  const calendar = overridesFrom(CALENDAR_2026.map(([date, kind]) => ({ date, kind })));
  await tx
    .insertInto('recognitionCalendarDay')
    .values(CALENDAR_2026.map(([date, kind, name]) => ({ date, kind, name })))
    .execute();
  const programme = (kind: RecognitionKind) =>
    insertProgramme(
      tx,
      {
        year,
        kind,
        level: 'municipal',
        title: `${year}年度威海市${kind === 'smart_factory' ? '智能工厂' : '数字化车间'}认定（演示）`,
        opensOn: addDays(today, -40),
        closesOn: addDays(today, 45),
        gates: { minMaturityLevel: 2, aboveDesignatedSize: true, noSeriousIncident: true },
        indicators: [...DEFAULT_INDICATORS],
        requiredKpis: ['cncRate', 'operatingCost', 'productivity'],
        noticeWorkingDays: 5,
        quota: kind === 'smart_factory' ? 10 : 30,
      },
      at,
    );
  const factoryProgramme = await programme('smart_factory');
  const workshopProgramme = await programme('digital_workshop');

  // experts: the demo account plus five more, one tied to a service provider and one to an enterprise
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const names = ['二', '三', '四', '五', '六'];
  await tx
    .insertInto('appUser')
    .values(
      names.map((n, i) => ({
        username: `expert${i + 2}`,
        displayName: `演示专家${n}`,
        passwordHash,
        role: 'expert',
        districtCode: null,
        enterpriseId: null,
        enabled: 1,
        failedLoginCount: 0,
        passwordChangedAt: at,
        createdAt: at,
        updatedAt: at,
      })),
    )
    .execute();
  const experts = (await tx.selectFrom('appUser').select(['id', 'username']).where('role', '=', 'expert').orderBy('id').execute()).map(
    (e) => ({ id: Number(e.id), username: e.username }),
  );
  const demoExpert = experts.find((e) => e.username === 'expert')!;
  const admin = await tx.selectFrom('appUser').select('id').where('username', '=', 'admin').executeTakeFirst();
  const district = await tx.selectFrom('appUser').select('id').where('username', '=', 'district').executeTakeFirst();

  const fresh = pool.filter((c) => !taken.has(c.id));
  await tx
    .insertInto('recognitionExpertTie')
    .values([
      { expertUserId: experts[1]!.id, enterpriseId: null, providerName: '天润智能', note: '兼任该服务商技术顾问（演示）', createdAt: at },
      { expertUserId: experts[2]!.id, enterpriseId: fresh[7]!.id, providerName: null, note: '曾在该企业任职（演示）', createdAt: at },
    ])
    .execute();

  const plan: [number, ApplicationMove[]][] = [
    [factoryProgramme, []],
    [factoryProgramme, ['submit']],
    [factoryProgramme, ['submit']],
    [factoryProgramme, ['submit', 'district_return']],
    [factoryProgramme, ['submit', 'district_pass']],
    [factoryProgramme, ['submit', 'district_pass', 'city_pass']],
    [factoryProgramme, ['submit', 'district_pass', 'city_pass']],
    [factoryProgramme, ['submit', 'district_pass', 'city_pass', 'close_scoring', 'publish_notice']],
    [factoryProgramme, ['submit', 'district_pass', 'city_pass', 'close_scoring', 'publish_notice']],
    [factoryProgramme, ['submit', 'district_pass', 'city_pass', 'close_scoring', 'publish_notice']],
    [workshopProgramme, ['submit', 'district_pass', 'city_pass', 'close_scoring']],
    [workshopProgramme, ['submit', 'district_pass', 'city_pass', 'close_scoring']],
    [workshopProgramme, ['submit', 'district_pass', 'city_reject']],
    [workshopProgramme, ['submit']],
  ];
  const reasons: Partial<Record<ApplicationMove, string>> = {
    district_return: '请补充关键设备清单与数控化率计算依据（演示）',
    city_reject: '项目尚未完成验收，不符合认定条件（演示）',
  };
  const start = noticePeriod(addDays(today, -3), 1, calendar).startsOn;
  const period = noticePeriod(start, 5, calendar);
  const { id: noticeId } = await tx
    .insertInto('recognitionNotice')
    .values({
      programmeId: factoryProgramme,
      title: `${year}年度威海市智能工厂拟认定名单公示（演示）`,
      ...period,
      workingDays: 5,
      publishedAt: at,
      publishedBy: admin ? Number(admin.id) : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  const scored: { id: number; programmeId: number; score: number; stddev: number }[] = [];
  for (const [i, [programmeId, moves]] of plan.entries()) {
    const c = fresh[i + 1]!;
    const kind: RecognitionKind = programmeId === factoryProgramme ? 'smart_factory' : 'digital_workshop';
    const kpis = withEnergy(drawKpis(random, c.level), random);
    const state = moves.length ? MOVES[moves[moves.length - 1]!].to : 'draft';
    const gates = checkGates(
      { minMaturityLevel: 2, aboveDesignatedSize: true, noSeriousIncident: true },
      {
        today,
        opensOn: addDays(today, -40),
        closesOn: addDays(today, 45),
        maturityLevel: c.level,
        sizeClass: 'above_designated',
        incidentFreeDeclared: true,
        banUntil: null,
      },
    );
    const { id } = await tx
      .insertInto('recognitionApplication')
      .values({
        programmeId,
        enterpriseId: c.id,
        state,
        version: moves.length + 2,
        projectName: projectName(random, kind),
        projectDescription: '围绕关键工序开展设备联网、数据采集与 MES/WMS 集成，建设生产过程可视化与质量追溯（演示数据）。',
        serviceProviderName: random.pick(PROVIDERS),
        incidentFreeDeclared: 1,
        kpisJson: JSON.stringify(kpis),
        gatesJson: moves.length ? JSON.stringify(gates) : null,
        noticeId: moves.includes('publish_notice') ? Number(noticeId) : null,
        finalScore: null,
        scoreJson: null,
        rank: null,
        submittedAt: moves.length ? at : null,
        createdBy: null,
        createdAt: at,
        updatedAt: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    let from = 'draft';
    for (const m of moves) {
      const role = MOVES[m].role;
      const actorUserId =
        role === 'bureau_admin'
          ? admin
            ? Number(admin.id)
            : null
          : role === 'district_officer' && c.districtCode === '371002' && district
            ? Number(district.id)
            : null;
      await tx
        .insertInto('recognitionMove')
        .values({
          applicationId: Number(id),
          move: m,
          fromState: from,
          toState: MOVES[m].to,
          reason: reasons[m] ?? null,
          actorUserId,
          actorName: ACTORS[role as keyof typeof ACTORS] ?? null,
          actorRole: role,
          at,
        })
        .execute();
      from = MOVES[m].to;
    }
    if (!moves.includes('city_pass') || moves.includes('city_reject')) continue;
    // a panel of three to five experts, none tied to the applicant; the demo expert has one sheet still to fill
    const closed = moves.includes('close_scoring');
    const panel = random.sample(experts.slice(3).concat(i === 5 ? [] : [demoExpert]), random.int(3, 4));
    if (i === 5) panel.push(demoExpert);
    const totals: number[] = [];
    for (const e of panel) {
      const pending = !closed && e.id === demoExpert.id;
      const base = 70 + c.level * 4 + random.int(-6, 6);
      const scores = pending
        ? {}
        : Object.fromEntries(DEFAULT_INDICATORS.map((ind) => [ind.code, Math.max(40, Math.min(98, base + random.int(-8, 8)))]));
      const total = pending ? null : weightedTotal(DEFAULT_INDICATORS, scores);
      if (total !== null) totals.push(total);
      await tx
        .insertInto('recognitionPanelMember')
        .values({
          applicationId: Number(id),
          expertUserId: e.id,
          status: pending ? 'assigned' : 'submitted',
          version: pending ? 1 : 3,
          scoresJson: JSON.stringify(scores),
          total,
          comment: pending ? null : '现场核查情况与申报材料一致（演示）',
          assignedBy: admin ? Number(admin.id) : null,
          assignedAt: at,
          submittedAt: pending ? null : at,
        })
        .execute();
    }
    if (closed) {
      const aggregate = aggregateTotals(totals)!;
      await tx
        .updateTable('recognitionApplication')
        .set({ finalScore: aggregate.score, scoreJson: JSON.stringify(aggregate) })
        .where('id', '=', Number(id))
        .execute();
      scored.push({ id: Number(id), programmeId, score: aggregate.score, stddev: aggregate.stddev });
    }
  }
  for (const programmeId of [factoryProgramme, workshopProgramme]) {
    for (const r of rank(scored.filter((s) => s.programmeId === programmeId)))
      await tx.updateTable('recognitionApplication').set({ rank: r.rank }).where('id', '=', r.id).execute();
  }
  if (period.startsOn <= today)
    await tx
      .insertInto('recognitionObjection')
      .values(
        cipher.sealFields(
          {
            noticeId: Number(noticeId),
            applicationId: scored[0]?.id ?? null,
            reference: `YY${Number(noticeId)}-DEMO0001`,
            objectorName: '张某（演示）',
            objectorIdNumber: '370000000000000000',
            contact: '0631-0000000',
            text: '反映该项目部分设备尚在调试，数控化率数据偏高，请核实（演示数据）。',
            channel: 'online',
            receivedOn: today,
            filedAt: at,
            status: 'open',
            outcome: null,
            handledBy: null,
            handledAt: null,
          },
          SEALED_COLUMNS.recognitionObjection.columns,
        ),
      )
      .execute();
  return { programmes: 2, applications: plan.length, experts: names.length, notices: 1, objections: 1 };
}

/** Recognition ladder (issue 4): demo records of the city, seeded inside the demo transaction. Returns counts for the summary. */
export async function seedDemoRecognition(tx: Tx, cipher: FieldCipher, at: string): Promise<Record<string, number>> {
  const random = seededRandom(DEMO_RANDOM_SEED + 4);
  // the demo account's own firm stays out of the records: it has no maturity assessment yet, so its gate
  // check explains that a level ≥ 2 self-assessment comes first
  const pool = (await candidates(tx)).filter((c) => !c.name.startsWith(DEMO_OWN_ENTERPRISE.name));
  const ladder = await seedLadder(tx, random, pool, at);
  const taken = new Set(ladder.municipal.map((m) => m.c.id));
  const current = await seedCurrentYear(tx, cipher, random, pool, taken, at);
  return {
    municipal: ladder.municipal.length,
    provincial: ladder.provincial.length,
    national: ladder.national.length,
    revoked: ladder.revoked,
    reevaluations: ladder.reevaluations,
    ...current,
  };
}
