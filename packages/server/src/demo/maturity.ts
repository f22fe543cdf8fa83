import {
  CMMM_2020,
  type Answer,
  type AnswerValue,
  type ManufacturingType,
  type MaturityResult,
  type ReachedLevel,
  type Requirement,
  type Scorer,
} from '@zhizao/domain';
import type { Tx } from '../db/database.ts';
import { scorerFor } from '../modules/maturity/models.service.ts';
import { DEMO_OWN_ENTERPRISE, DEMO_RANDOM_SEED } from './enterprises.ts';
import { seededRandom, type Random } from './random.ts';

// Demo maturity self-assessments: a few hundred submitted CMMM-2020 assessments spread over the demo
// enterprises as a city like Weihai might look — most at level 1–2, some at 3, few at 4 — with higher
// levels in electronics, medical devices and vehicles, in the high-tech zone and among firms above
// designated size. Answers are generated for an intended level and scored by the real engine (frozen
// result stored); a draw that misses its level is drawn again. Illustrative, not statistics.

const MODEL = CMMM_2020.id;
/** Base shares of the reached level 0…5 (the national 2022 c3mep figures lean the same way, maturity.md §9). */
const BASE_LEVELS = { 0: 10, 1: 44, 2: 30, 3: 12, 4: 4, 5: 0 } as const;
const CHAIN_SHIFT: Record<string, number> = {
  ELECTRONICS: 0.5,
  MEDICAL: 0.4,
  VEHICLE: 0.35,
  TYRE: 0.3,
  MACHINERY: 0.1,
  MATERIALS: 0.05,
  MARINE: -0.1,
  OUTDOOR: -0.2,
  TEXTILE: -0.3,
  FOOD: -0.3,
};
const DISTRICT_SHIFT: Record<string, number> = {
  '371071': 0.35,
  '371072': 0.2,
  '371002': 0.1,
  '371073': 0,
  '371003': -0.1,
  '371082': -0.15,
  '371083': -0.3,
};
const SHARE_ASSESSED = { above_designated: 0.55, below_designated: 0.12 } as const;
const SHARE_WITH_HISTORY = 0.2;
const NA_REASON = '本企业无此业务（演示数据）';
const EXPERT_NOTE = '现场核查：证据不足，按实际情况下调（演示数据）';
/** The window of submit dates (ISO), about twenty months up to the demo's "now". */
const FROM = Date.parse('2025-03-01T02:00:00Z');
const TO = Date.parse('2026-11-15T02:00:00Z');
const DAY = 86_400_000;

export interface DemoMaturitySummary {
  assessments: number;
  enterprises: number;
  byLevel: Record<string, number>;
  expertReviews: number;
  redraws: number;
  ms: number;
}

function intendedLevel(random: Random, shift: number): ReachedLevel {
  let level = Number(random.weighted<string>(BASE_LEVELS));
  if (random.chance(Math.min(0.9, Math.abs(shift)))) level += Math.sign(shift);
  // level 5 (引领级) is rare anywhere: only a few of the strongest firms get there
  if (level >= 5 && !random.chance(0.3)) level = 4;
  return Math.max(0, Math.min(5, level)) as ReachedLevel;
}

type ValueShares = Readonly<Record<string, number>>;
const pass: ValueShares = { '1': 46, '0.8': 44, '0.5': 10 };
const edge: ValueShares = { '1': 12, '0.8': 25, '0.5': 35, '0': 28 };
const beyond: ValueShares = { '0.8': 5, '0.5': 25, '0': 70 };

/** Answers whose level vector passes every level up to n and fails n+1. */
function answersFor(random: Random, bank: readonly Requirement[], n: ReachedLevel, naShare: number): Answer[] {
  return bank.map((r) => {
    if (random.chance(naShare)) return { requirementId: r.id, value: null, naReason: NA_REASON };
    const table = r.level <= n ? pass : r.level === n + 1 ? edge : beyond;
    return { requirementId: r.id, value: Number(random.weighted(table)) as AnswerValue };
  });
}

function scoreAt(
  random: Random,
  scorer: Scorer,
  n: ReachedLevel,
  counter: { redraws: number },
): { answers: Answer[]; result: MaturityResult } {
  for (let attempt = 0; attempt < 30; attempt++) {
    const answers = answersFor(random, scorer.requirements, n, attempt < 10 ? 0.02 : 0);
    const result = scorer.score(answers, 'final');
    if (result.reachedLevel === n) return { answers, result };
    counter.redraws++;
  }
  // never met in practice: the plainest set that has exactly level n
  const answers = scorer.requirements.map((r) => ({ requirementId: r.id, value: (r.level <= n ? 1 : 0) as AnswerValue }));
  return { answers, result: scorer.score(answers, 'final') };
}

const iso = (ms: number) => new Date(ms).toISOString();

async function insertAnswers(tx: Tx, table: 'maturityAnswer' | 'maturityExpertAnswer', rows: Record<string, unknown>[]): Promise<void> {
  // 6 columns a row: 5,000 rows stay under SQLite's 32,766 bound parameters and PostgreSQL's 65,535
  for (let i = 0; i < rows.length; i += 5000)
    await tx
      .insertInto(table)
      .values(rows.slice(i, i + 5000) as never)
      .execute();
}

/**
 * Creates the demo assessments inside the demo seed's transaction. The demo enterprise account's own
 * firm is left without one, so a visitor starts its first assessment from scratch.
 */
export async function seedDemoAssessments(tx: Tx): Promise<DemoMaturitySummary> {
  const started = performance.now();
  const random = seededRandom(DEMO_RANDOM_SEED + 39116);
  const enterprises = await tx
    .selectFrom('enterprise as e')
    .select([
      'e.id',
      'e.creditCode',
      'e.districtCode',
      'e.sizeClass',
      'e.manufacturingType',
      (eb) =>
        eb
          .selectFrom('enterpriseChain as c')
          .select((c) => c.fn.min('c.chainCode').as('m'))
          .whereRef('c.enterpriseId', '=', 'e.id')
          .as('chainCode'),
    ])
    .where('e.isDemo', '=', 1)
    .orderBy('e.creditCode')
    .execute();
  const scorers = new Map<string, Scorer>();
  for (const type of ['discrete', 'process'] as ManufacturingType[]) scorers.set(type, await scorerFor(tx, CMMM_2020, MODEL, type));
  const modelJson = JSON.stringify(CMMM_2020);
  const expert = await tx
    .selectFrom('appUser')
    .select('id')
    .where('username', '=', 'expert')
    .where('role', '=', 'expert')
    .executeTakeFirst();
  const admin = await tx.selectFrom('appUser').select('id').where('username', '=', 'admin').executeTakeFirst();

  const counter = { redraws: 0 };
  const byLevel: Record<string, number> = {};
  const answerRows: Record<string, unknown>[] = [];
  const reviewCandidates: { assessmentId: number; answers: Answer[]; scorer: Scorer; submittedAt: number }[] = [];
  let assessments = 0;
  let assessed = 0;

  for (const e of enterprises) {
    if (e.creditCode === DEMO_OWN_ENTERPRISE.creditCode) continue;
    if (!random.chance(SHARE_ASSESSED[e.sizeClass as keyof typeof SHARE_ASSESSED] ?? 0.1)) continue;
    assessed++;
    const scorer = scorers.get(e.manufacturingType)!;
    const shift =
      (CHAIN_SHIFT[String(e.chainCode)] ?? 0) + (DISTRICT_SHIFT[e.districtCode] ?? 0) + (e.sizeClass === 'above_designated' ? 0.25 : -0.25);
    const level = intendedLevel(random, shift);
    const latestAt = FROM + random.next() * (TO - FROM);
    // some firms assessed a year earlier too, then a level lower or the same: the history of a report
    const history: { level: ReachedLevel; at: number }[] =
      random.chance(SHARE_WITH_HISTORY) && latestAt - 330 * DAY > FROM - 400 * DAY
        ? [{ level: Math.max(0, level - random.int(0, 1)) as ReachedLevel, at: latestAt - random.int(300, 420) * DAY }]
        : [];
    for (const [i, one] of [...history, { level, at: latestAt }].entries()) {
      const isLatest = i === history.length;
      const { answers, result } = scoreAt(random, scorer, one.level, counter);
      const submittedAt = iso(one.at);
      const createdAt = iso(one.at - random.int(1, 25) * DAY);
      const row = await tx
        .insertInto('maturityAssessment')
        .values({
          enterpriseId: e.id,
          modelVersion: MODEL,
          manufacturingType: e.manufacturingType,
          targetLevel: Math.min(5, one.level + 1),
          status: 'submitted',
          version: random.int(3, 12),
          createdBy: null,
          createdAt,
          updatedAt: submittedAt,
          submittedAt,
          resultJson: JSON.stringify(result),
          modelJson,
          formulaId: result.formulaId,
          reachedLevel: result.reachedLevel,
          totalScore: result.totalScore,
          isLatest: isLatest ? 1 : 0,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const a of answers)
        answerRows.push({
          assessmentId: row.id,
          requirementId: a.requirementId,
          value: a.value,
          naReason: a.value === null ? (a.naReason ?? null) : null,
          note: null,
          updatedAt: submittedAt,
        });
      assessments++;
      if (isLatest) byLevel[result.reachedLevel] = (byLevel[result.reachedLevel] ?? 0) + 1;
      if (isLatest && result.reachedLevel >= 2) reviewCandidates.push({ assessmentId: row.id, answers, scorer, submittedAt: one.at });
    }
  }
  await insertAnswers(tx, 'maturityAnswer', answerRows);

  // The demo expert has verified a dozen of the level ≥ 2 firms on site (marking some items down) and
  // has one review still open.
  let expertReviews = 0;
  if (expert) {
    const chosen = random.sample(reviewCandidates, Math.min(13, reviewCandidates.length));
    const expertRows: Record<string, unknown>[] = [];
    for (const [i, c] of chosen.entries()) {
      const open = i === chosen.length - 1;
      const assignedAt = iso(Math.min(c.submittedAt + random.int(5, 30) * DAY, TO));
      const doneAt = iso(Math.min(Date.parse(assignedAt) + random.int(3, 20) * DAY, TO + 5 * DAY));
      const answers = c.answers.map((a) =>
        a.value !== null && a.value > 0 && random.chance(0.12)
          ? { ...a, value: (a.value === 1 ? 0.8 : a.value === 0.8 ? 0.5 : 0) as AnswerValue, note: EXPERT_NOTE }
          : { ...a, note: null },
      );
      const result = open ? null : c.scorer.score(answers, 'final');
      const review = await tx
        .insertInto('maturityExpertReview')
        .values({
          assessmentId: c.assessmentId,
          expertUserId: expert.id,
          status: open ? 'assigned' : 'submitted',
          version: open ? 1 : 3,
          assignedBy: admin?.id ?? null,
          assignedAt,
          updatedAt: open ? assignedAt : doneAt,
          submittedAt: open ? null : doneAt,
          resultJson: result ? JSON.stringify(result) : null,
          reachedLevel: result?.reachedLevel ?? null,
          totalScore: result?.totalScore ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (open) continue;
      for (const a of answers)
        expertRows.push({
          reviewId: review.id,
          requirementId: a.requirementId,
          value: a.value,
          naReason: a.value === null ? (a.naReason ?? null) : null,
          note: a.note,
          updatedAt: doneAt,
        });
      expertReviews++;
    }
    await insertAnswers(tx, 'maturityExpertAnswer', expertRows);
  }
  return {
    assessments,
    enterprises: assessed,
    byLevel,
    expertReviews,
    redraws: counter.redraws,
    ms: Math.round(performance.now() - started),
  };
}
