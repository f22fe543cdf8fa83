import { calculateAward, drawSample, evaluatePerformance, type KpiTarget, type PolicyRules, type ProjectKind } from '@zhizao/domain';
import { sql } from 'kysely';
import type { Tx } from '../db/database.ts';
import { insertProjects, type ProjectRecord } from '../modules/funding/projects.repo.ts';
import { insertPolicyVersion } from '../modules/funding/policies.service.ts';
import { DEMO_OWN_ENTERPRISE, DEMO_RANDOM_SEED } from './enterprises.ts';
import { seededRandom, type Random } from './random.ts';

// The demo city's 智改数转 projects and subsidy awards, 2019–2024, built so the reports reproduce the
// seed's §二.1 from records: 60 projects in 2019 and 166 in 2024; ¥35.89 M awarded in 2023 = 42.2 % of that
// year's special fund (fund total ¥85.05 M); almost ¥300 M awarded since the programme began.
// Where the seed is silent (our choice, illustrative): projects 2020–2023 (74, 92, 118, 143), the other
// years' award totals and fund totals, and "since the programme began" taken as 2019 (the first year the
// seed counts projects) — 2019–2024 awards add up to ¥296.19 M.
// Every award is the calculator's result under the policy version of its year, so the breakdowns are real.

interface DemoYear {
  year: number;
  projects: number;
  /** Projects that got an allocated award. */
  awarded: number;
  awardedYuan: number;
  fundYuan: number;
  smartDigitalYuan: number;
}
export const DEMO_FUNDING_YEARS: readonly DemoYear[] = [
  { year: 2019, projects: 60, awarded: 44, awardedYuan: 45_600_000, fundYuan: 96_000_000, smartDigitalYuan: 46_000_000 },
  { year: 2020, projects: 74, awarded: 53, awardedYuan: 52_300_000, fundYuan: 108_000_000, smartDigitalYuan: 53_000_000 },
  { year: 2021, projects: 92, awarded: 64, awardedYuan: 58_700_000, fundYuan: 120_000_000, smartDigitalYuan: 60_000_000 },
  { year: 2022, projects: 118, awarded: 79, awardedYuan: 61_200_000, fundYuan: 128_000_000, smartDigitalYuan: 62_000_000 },
  // seed §二.1: 35.89 M = 42.2 % of the advanced-manufacturing special fund
  { year: 2023, projects: 143, awarded: 96, awardedYuan: 35_890_000, fundYuan: 85_050_000, smartDigitalYuan: 36_000_000 },
  // 2024: part approved, the rest still on its way through review (the workflow pages have work to show)
  { year: 2024, projects: 166, awarded: 88, awardedYuan: 42_500_000, fundYuan: 98_000_000, smartDigitalYuan: 50_000_000 },
];

const FEN = 100;
const MIN_AWARD_YUAN = 100_000;
const MAX_AWARD_YUAN = 3_000_000;
const POLICY_CODE = 'weihai-zgsz';
const RULES_V1: PolicyRules = {
  qualifyingKinds: [
    'equipment_upgrade',
    'digital_workshop',
    'smart_factory',
    'industrial_internet',
    '5g_application',
    'industrial_software',
    'green_manufacturing',
  ],
  eligibleItems: ['equipment', 'software'],
  rate: { mode: 'flat', rateBp: 1000 },
  minInvestmentFen: 0,
  capPerProjectFen: 5_000_000 * FEN,
  capPerEnterpriseYearFen: 5_000_000 * FEN,
};
// 2023 on: a ¥1 M minimum of eligible investment (illustrative; the rate and caps as Shandong 2021, domain notes §5)
const RULES_V2: PolicyRules = { ...RULES_V1, minInvestmentFen: 1_000_000 * FEN };
const KINDS: Record<ProjectKind, number> = {
  equipment_upgrade: 30,
  digital_workshop: 24,
  smart_factory: 10,
  industrial_internet: 12,
  '5g_application': 8,
  industrial_software: 8,
  green_manufacturing: 6,
  other: 2,
};
const KPIS: Omit<KpiTarget, 'target'>[] = [
  // seed §二.3: recognised firms CNC rate ≥ 70 %, operating cost −20 %, productivity +20 %
  { code: 'cnc_rate', name: '装备数控化率', unit: '%', baseline: 55, direction: 'up' },
  { code: 'productivity', name: '劳动生产率', unit: '万元/人', baseline: 80, direction: 'up' },
  { code: 'operating_cost', name: '运营成本', unit: '万元/年', baseline: 2000, direction: 'down' },
];

/** `n` award amounts (whole thousands of yuan) in [min, max] that add up to exactly `total` yuan. */
function splitAwards(random: Random, n: number, totalYuan: number): number[] {
  const weights = Array.from({ length: n }, () => 0.3 + random.next() ** 2 * 3);
  const sum = weights.reduce((s, w) => s + w, 0);
  const amounts = weights.map((w) => Math.min(MAX_AWARD_YUAN, Math.max(MIN_AWARD_YUAN, Math.round(((w / sum) * totalYuan) / 1000) * 1000)));
  // Walk the remainder onto the awards with room, a thousand at a time at most per pass.
  let diff = totalYuan - amounts.reduce((s, a) => s + a, 0);
  for (let i = 0; diff !== 0; i = (i + 1) % n) {
    const step = Math.sign(diff) * Math.min(Math.abs(diff), 1000);
    const next = amounts[i]! + step;
    if (next >= MIN_AWARD_YUAN && next <= MAX_AWARD_YUAN) {
      amounts[i] = next;
      diff -= step;
    }
  }
  return amounts;
}

const iso = (year: number, month: number, day: number) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
const stamp = (date: string) => `${date}T02:00:00.000Z`;

export async function seedDemoFunding(tx: Tx, at: string): Promise<Record<string, number>> {
  const random = seededRandom(DEMO_RANDOM_SEED + 5);
  const enterprises = await tx
    .selectFrom('enterprise as e')
    .leftJoin('enterpriseChain as c', 'c.enterpriseId', 'e.id')
    .select(['e.id', 'e.creditCode', (eb) => eb.fn.min('c.chainCode').as('chainCode')])
    .where('e.isDemo', '=', 1)
    .where('e.sizeClass', '=', 'above_designated')
    .groupBy(['e.id', 'e.creditCode'])
    .orderBy('e.id')
    .execute();
  const own = enterprises.find((e) => e.creditCode === DEMO_OWN_ENTERPRISE.creditCode)!;

  const v1 = await insertPolicyVersion(
    tx,
    {
      code: POLICY_CODE,
      name: '威海市智改数转项目奖补（演示）',
      year: 2019,
      basis: '演示数据：参照山东省 2021 高水平技改政策，设备与软件投资 10%，单个项目及企业年度上限 500 万元',
      rules: RULES_V1,
    },
    RULES_V1,
    null,
    stamp('2019-01-15'),
  );
  const v2 = await insertPolicyVersion(
    tx,
    {
      code: POLICY_CODE,
      name: '威海市智改数转项目奖补（演示，2023 修订）',
      year: 2023,
      basis: '演示数据：2023 年起增加 100 万元最低投资门槛',
      rules: RULES_V2,
    },
    RULES_V2,
    null,
    stamp('2023-01-16'),
  );
  await tx.updateTable('fundingPolicy').set({ status: 'retired' }).where('id', '=', v1).execute();

  const counts = { projects: 0, awards: 0, ledgerEntries: 0, funds: 0 };
  for (const y of DEMO_FUNDING_YEARS) {
    const fundId = (
      await tx
        .insertInto('fundingFund')
        .values({
          year: y.year,
          name: `${y.year}年威海市先进制造业强市专项资金（演示）`,
          totalFen: y.fundYuan * FEN,
          createdAt: stamp(iso(y.year, 1, 10)),
          updatedAt: stamp(iso(y.year, 1, 10)),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const envelopes = await tx
      .insertInto('fundingEnvelope')
      .values([
        { fundId, kind: 'smart_digital', name: '智改数转奖补', amountFen: y.smartDigitalYuan * FEN, sortOrder: 1 },
        { fundId, kind: 'other', name: '其他先进制造业项目', amountFen: (y.fundYuan - y.smartDigitalYuan) * FEN, sortOrder: 2 },
      ])
      .returning('id')
      .execute();
    const envelopeId = envelopes[0]!.id;
    counts.funds += 1;

    // One project per enterprise a year (the per-enterprise cap never bites); the demo firm has one in 2023 and 2024.
    // 2023: the demo firm's project is awarded and paid; 2024: registered last, not yet applied for (the demo user applies).
    const others = random.sample(
      enterprises.filter((e) => e.id !== own.id),
      y.projects - (y.year >= 2023 ? 1 : 0),
    );
    const owners = y.year === 2023 ? [own, ...others] : y.year === 2024 ? [...others, own] : others;
    const amounts = splitAwards(random, y.awarded, y.awardedYuan);
    const policyId = y.year >= 2023 ? v2 : v1;
    const rules = y.year >= 2023 ? RULES_V2 : RULES_V1;
    const records: ProjectRecord[] = owners.map((owner, i) => {
      const awardYuan = amounts[i];
      const kind = awardYuan ? random.weighted({ ...KINDS, other: 0 }) : random.weighted(KINDS);
      // eligible investment = award ÷ 10 %: the calculator gives back exactly the planned award
      // (the demo firm's 2024 project qualifies under v2: ¥4.2 M eligible → ¥420,000 when it applies)
      const eligibleFen = (awardYuan ?? (owner.id === own.id ? 420_000 : random.int(30, 900) * 1000)) * 10 * FEN;
      const equipmentFen = Math.round((eligibleFen * random.int(60, 90)) / 100 / FEN) * FEN;
      const completed = y.year <= 2023;
      return {
        enterpriseId: owner.id,
        chainCode: owner.chainCode ?? null,
        year: y.year,
        kind,
        name: `${owner.id === own.id ? '精密零部件' : ''}${PROJECT_NAMES[kind as ProjectKind]}项目（${y.year}）`,
        description: '演示数据',
        equipmentFen,
        softwareFen: eligibleFen - equipmentFen,
        servicesFen: random.int(0, 30) * 10_000 * FEN,
        otherFen: random.int(0, 10) * 10_000 * FEN,
        startDate: iso(y.year, random.int(1, 4), random.int(1, 28)),
        completionDate: iso(y.year, random.int(10, 12), random.int(1, 28)),
        milestones: [{ name: '设备到货安装', dueDate: iso(y.year, 7, 31), doneDate: completed ? iso(y.year, 7, random.int(1, 28)) : null }],
        targets: KPIS.map((k) => ({ ...k, target: k.direction === 'up' ? Math.round(k.baseline * 1.2) : Math.round(k.baseline * 0.8) })),
        status: completed ? 'completed' : 'registered',
      };
    });
    const projectIds = await insertProjects(tx, records, { at: stamp(iso(y.year, 2, 20)), createdBy: null, isDemo: true });
    counts.projects += projectIds.length;

    // Applications: every awarded project, and some more — refused in past years, still in review in 2024.
    const extra = y.year === 2024 ? 40 : Math.round(y.projects * 0.08);
    const rows = projectIds.slice(0, y.awarded + extra).flatMap((id, i) => {
      const record = records[i]!;
      const calc = calculateAward(rules, { kind: record.kind as ProjectKind, investment: record, alreadyAwardedFen: 0 });
      const awardYuan = amounts[i];
      if (awardYuan !== undefined && calc.amountFen !== awardYuan * FEN)
        throw new Error(`demo award ${y.year}/${i} computes ${calc.amountFen} fen, planned ${awardYuan * FEN}`);
      return calc.eligible ? [{ projectId: id, record, calc, awarded: awardYuan !== undefined }] : [];
    });
    const inserted = await tx
      .insertInto('fundingAward')
      .values(
        rows.map(({ projectId, record, calc }) => ({
          projectId,
          enterpriseId: record.enterpriseId,
          year: y.year,
          policyId,
          status: 'submitted',
          amountFen: calc.amountFen,
          calculationJson: JSON.stringify(calc),
          isDemo: 1,
          createdAt: stamp(iso(y.year, 3, 15)),
          updatedAt: stamp(iso(y.year, 3, 15)),
        })),
      )
      .returning('id')
      .execute();
    counts.awards += inserted.length;
    const demoAwards = rows.map((r, i) => ({
      id: inserted[i]!.id,
      amountFen: r.calc.amountFen,
      awarded: r.awarded,
      targets: r.record.targets,
    }));
    counts.ledgerEntries += await advanceDemoAwards(tx, random, y.year, envelopeId, demoAwards);
  }
  void at;
  return counts;
}

const PROJECT_NAMES: Record<ProjectKind, string> = {
  equipment_upgrade: '生产线设备更新',
  digital_workshop: '数字化车间建设',
  smart_factory: '智能工厂建设',
  industrial_internet: '工业互联网平台应用',
  '5g_application': '5G+工业互联网应用',
  industrial_software: '工业软件集成应用',
  green_manufacturing: '绿色低碳智能化改造',
  other: '其他智能化改造',
};

interface DemoAward {
  id: number;
  amountFen: number;
  awarded: boolean;
  targets: KpiTarget[];
}

type MoveRow = {
  awardId: number;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  amountFen: number | null;
  note: string | null;
  actorUserId: null;
  actorUsername: string;
  actorRole: string;
  at: string;
};
type LedgerRow = {
  envelopeId: number;
  awardId: number;
  kind: 'allocation' | 'payment' | 'clawback';
  amountFen: number;
  batch: string | null;
  note: string | null;
  actorUserId: null;
  actorUsername: string;
  at: string;
};

/**
 * Takes a year's applications along the real workflow with dated moves: preliminary review, the
 * year's recorded draw (seed `demo-<year>`, 30 %), notice, approval, payment in two batches, evaluation
 * the next year and, where a target was missed, a claw-back. 2024 stops part-way.
 */
async function advanceDemoAwards(tx: Tx, random: Random, year: number, envelopeId: number, awards: DemoAward[]): Promise<number> {
  const moves: MoveRow[] = [];
  const ledger: LedgerRow[] = [];
  const state = new Map(
    awards.map((a) => [
      a.id,
      {
        status: 'submitted',
        approvedFen: null as number | null,
        paidFen: 0,
        clawedBackFen: 0,
        sampled: 0,
        sampleDrawId: null as number | null,
        noticeStart: null as string | null,
        noticeEnd: null as string | null,
        evaluationJson: null as string | null,
      },
    ]),
  );
  const move = (
    a: DemoAward,
    action: string,
    to: string,
    date: string,
    role: string,
    amountFen: number | null = null,
    note: string | null = null,
  ) => {
    const s = state.get(a.id)!;
    moves.push({
      awardId: a.id,
      action,
      fromStatus: action === 'apply' ? null : s.status,
      toStatus: to,
      amountFen,
      note,
      actorUserId: null,
      actorUsername: role === 'district_officer' ? 'demo-district' : role === 'enterprise_user' ? 'demo-enterprise' : 'demo-bureau',
      actorRole: role,
      at: stamp(date),
    });
    s.status = to;
  };
  const money = (a: DemoAward, kind: LedgerRow['kind'], amountFen: number, date: string, batch: string | null = null) =>
    ledger.push({
      envelopeId,
      awardId: a.id,
      kind,
      amountFen,
      batch,
      note: '演示数据',
      actorUserId: null,
      actorUsername: 'demo-bureau',
      at: stamp(date),
    });

  const extras = awards.filter((a) => !a.awarded);
  // 2024's extra applications wait at each step (by their position: a third still submitted, a third passed
  // and waiting for the next draw, a third drawn); earlier years' extras were refused at the preliminary review.
  const step2024 = (a: DemoAward) => (year === 2024 && !a.awarded ? extras.indexOf(a) % 3 : -1);
  for (const a of awards) {
    move(a, 'apply', 'submitted', iso(year, 3, 15), 'enterprise_user', a.amountFen);
    if (a.awarded || step2024(a) > 0) move(a, 'preliminaryPass', 'preliminary_passed', iso(year, 4, 10), 'district_officer');
    else if (year < 2024)
      move(a, 'preliminaryReject', 'rejected', iso(year, 4, 10), 'district_officer', null, '申报材料不完整（演示数据）');
  }
  // The draw: everything past the preliminary review except what 2024 keeps waiting for a later draw.
  const population = awards.filter((a) => state.get(a.id)!.status === 'preliminary_passed' && step2024(a) !== 1);
  const seed = `demo-${year}`;
  const selected = new Set(
    drawSample(
      population.map((a) => a.id),
      seed,
      0.3,
    ),
  );
  const drawId = (
    await tx
      .insertInto('fundingSampleDraw')
      .values({
        year,
        seed,
        ratio: 0.3,
        populationJson: JSON.stringify(population.map((a) => a.id).sort((x, y) => x - y)),
        selectedJson: JSON.stringify([...selected]),
        actorUserId: null,
        actorUsername: 'demo-bureau',
        at: stamp(iso(year, 5, 10)),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  for (const a of population) {
    const s = state.get(a.id)!;
    Object.assign(s, { sampled: selected.has(a.id) ? 1 : 0, sampleDrawId: drawId });
    if (selected.has(a.id)) {
      move(a, 'sampleSelect', 'second_review', iso(year, 5, 10), 'bureau_admin', null, `draw ${drawId}`);
      if (a.awarded) move(a, 'secondPass', 'reviewed', iso(year, 5, 25), 'bureau_admin');
    } else move(a, 'sampleSkip', 'reviewed', iso(year, 5, 10), 'bureau_admin', null, `draw ${drawId}`);
  }
  for (const a of awards) {
    const s = state.get(a.id)!;
    if (s.status !== 'reviewed' || (!a.awarded && extras.indexOf(a) % 2 === 0)) continue;
    Object.assign(s, { noticeStart: iso(year, 6, 3), noticeEnd: iso(year, 6, 9) });
    move(a, 'publishNotice', 'in_notice', iso(year, 6, 3), 'bureau_admin');
    if (!a.awarded) continue;
    s.approvedFen = a.amountFen;
    move(a, 'approve', 'approved', iso(year, 7, 1), 'bureau_admin', a.amountFen);
    money(a, 'allocation', a.amountFen, iso(year, 7, 1));
    if (year === 2024 && a.id % 2 === 0) continue;
    const first = Math.floor((a.amountFen * 0.6) / 100) * 100;
    s.paidFen = first;
    move(a, 'pay', 'paying', iso(year, 8, 15), 'bureau_admin', first);
    money(a, 'payment', first, iso(year, 8, 15), `${year}-1`);
    if (year === 2024) continue;
    s.paidFen = a.amountFen;
    move(a, 'pay', 'paid', iso(year + 1, 3, 15), 'bureau_admin', a.amountFen - first);
    money(a, 'payment', a.amountFen - first, iso(year + 1, 3, 15), `${year}-2`);
    // Evaluation the next December: most meet every target; a few miss one and repay their share.
    const missOne = random.chance(0.06);
    const actuals = a.targets.map((t, i) => ({
      code: t.code,
      actual:
        missOne && i === 2
          ? t.baseline
          : t.direction === 'up'
            ? Math.round(t.target * (1 + random.next() * 0.25))
            : Math.round(t.target * (1 - random.next() * 0.15)),
    }));
    const evaluation = { ...evaluatePerformance(a.targets, actuals, a.amountFen), completionDate: iso(year, 12, 20) };
    s.evaluationJson = JSON.stringify(evaluation);
    move(a, 'evaluate', 'evaluated', iso(year + 1, 12, 20), 'bureau_admin');
    if (evaluation.result !== 'met') {
      s.clawedBackFen = evaluation.suggestedClawBackFen;
      move(
        a,
        'clawBack',
        'clawed_back',
        iso(year + 1, 12, 28),
        'bureau_admin',
        evaluation.suggestedClawBackFen,
        '绩效目标未全部达成，按未达成比例追回（演示数据）',
      );
      money(a, 'clawback', evaluation.suggestedClawBackFen, iso(year + 1, 12, 28));
    }
  }
  const last = new Map<number, { count: number; at: string }>();
  for (const m of moves) last.set(m.awardId, { count: (last.get(m.awardId)?.count ?? 0) + 1, at: m.at });
  // version = moves made (the application is version 1), as the live workflow counts them
  const finals = awards.map((a) => ({
    id: a.id,
    ...state.get(a.id)!,
    envelopeId: state.get(a.id)!.approvedFen === null ? null : envelopeId,
    version: last.get(a.id)!.count,
    updatedAt: last.get(a.id)!.at,
  }));
  // One UPDATE per hundred awards (a CASE per column), not one per award: a round trip each adds up on PostgreSQL.
  for (let i = 0; i < finals.length; i += 100) {
    const chunk = finals.slice(i, i + 100);
    const column = <V extends string | number | null>(type: 'bigint' | 'integer' | 'text', pick: (f: (typeof finals)[number]) => V) =>
      sql<V>`case id ${sql.join(
        chunk.map((f) => sql`when ${f.id} then cast(${pick(f)} as ${sql.raw(type)})`),
        sql` `,
      )} end`;
    await tx
      .updateTable('fundingAward')
      .set({
        status: column('text', (f) => f.status),
        approvedFen: column('bigint', (f) => f.approvedFen),
        paidFen: column('bigint', (f) => f.paidFen),
        clawedBackFen: column('bigint', (f) => f.clawedBackFen),
        sampled: column('integer', (f) => f.sampled),
        sampleDrawId: column('integer', (f) => f.sampleDrawId),
        noticeStart: column('text', (f) => f.noticeStart),
        noticeEnd: column('text', (f) => f.noticeEnd),
        evaluationJson: column('text', (f) => f.evaluationJson),
        envelopeId: column('integer', (f) => f.envelopeId),
        version: column('integer', (f) => f.version),
        updatedAt: column('text', (f) => f.updatedAt),
      })
      .where(
        'id',
        'in',
        chunk.map((f) => f.id),
      )
      .execute();
  }
  for (let i = 0; i < moves.length; i += 500)
    await tx
      .insertInto('fundingAwardMove')
      .values(moves.slice(i, i + 500))
      .execute();
  for (let i = 0; i < ledger.length; i += 500)
    await tx
      .insertInto('fundingLedgerEntry')
      .values(ledger.slice(i, i + 500))
      .execute();
  return ledger.length;
}
