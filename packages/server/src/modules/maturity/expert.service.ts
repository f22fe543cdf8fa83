import {
  ownsEnterprise,
  type Actor,
  type Answer,
  type Bilingual,
  type Locale,
  type MaturityResult,
  type Requirement,
} from '@zhizao/domain';
import type { Executor } from '../../db/database.ts';
import type { AuditActor } from '../../platform/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, type FieldProblemDetail } from '../../platform/errors.ts';
import { assessmentScorer, loadVisibleAssessment, presentAssessment, progressOf, type AnswerInput } from './assessments.service.ts';
import {
  bumpReviewVersion,
  findEnabledExpert,
  findReviewOfAssessment,
  freezeReview,
  insertReview,
  listExpertAnswers,
  listReviews,
  reassignReview,
  upsertExpertAnswers,
  type ReviewFilter,
  type ReviewRow,
} from './expert.repo.ts';
import { assertAnswersValid } from './models.service.ts';
import { findAssessment, listAnswers, type AssessmentRow, type StoredAnswer } from './repo.ts';

// Expert assessment (issue 3 part 6): the bureau assigns an expert to a submitted self-assessment; the
// expert re-scores it on site with their own answers (autosave with a version check, then submit), scored
// by the engine with the assessment's frozen model. The verified level sits beside the self-assessed one,
// with the item-by-item differences ordered by weighted impact.

// ── who sees which review ────────────────────────────────────────────────────────────────────

/**
 * The review of an assessment as the actor may reach it, or 404. An expert reaches only the reviews
 * assigned to them (another's looks missing); bureau and district see those in their scope; an
 * enterprise sees its own once the expert has submitted.
 */
async function loadReachableReview(db: Executor, actor: Actor, assessmentId: number): Promise<{ row: AssessmentRow; review: ReviewRow }> {
  const row = await findAssessment(db, assessmentId);
  const review = row ? await findReviewOfAssessment(db, assessmentId) : null;
  if (actor.role === 'expert') {
    if (!row || !review || review.expertUserId !== actor.userId) throw new AppError(404, 'maturity.reviewNotFound');
    return { row, review };
  }
  if (!row || !ownsEnterprise(actor, { id: row.enterpriseId, districtCode: row.districtCode }))
    throw new AppError(404, 'maturity.assessmentNotFound');
  if (!review || (actor.role === 'enterprise_user' && review.status !== 'submitted')) throw new AppError(404, 'maturity.reviewNotFound');
  return { row, review };
}

/** The list filter within the actor's scope; a filter reaching outside it narrows to nothing. */
function scopeReviewFilter(actor: Actor, filter: ReviewFilter): ReviewFilter {
  switch (actor.role) {
    case 'expert':
      return { ...filter, expertUserId: actor.userId };
    case 'district_officer':
      return { ...filter, districtCode: actor.districtCode ?? '' };
    case 'enterprise_user':
      return {
        ...filter,
        enterpriseId: actor.enterpriseId ?? -1,
        status: filter.status === 'assigned' ? ('none' as 'submitted') : 'submitted',
      };
    default:
      return filter;
  }
}

function presentReview(review: ReviewRow) {
  return {
    id: review.id,
    assessmentId: review.assessmentId,
    enterpriseId: review.enterpriseId,
    enterpriseName: review.enterpriseName,
    districtCode: review.districtCode,
    expertUserId: review.expertUserId,
    expertName: review.expertName,
    status: review.status,
    version: review.version,
    assignedAt: review.assignedAt,
    updatedAt: review.updatedAt,
    submittedAt: review.submittedAt,
    verifiedLevel: review.reachedLevel,
    verifiedScore: review.totalScore,
  };
}

export async function listExpertReviews(db: Executor, actor: Actor, filter: ReviewFilter, page: { page: number; pageSize: number }) {
  const result = await listReviews(db, scopeReviewFilter(actor, filter), page);
  return {
    items: result.items.map((r) => ({
      ...presentReview(r),
      modelVersion: r.modelVersion,
      manufacturingType: r.manufacturingType,
      selfLevel: r.selfLevel,
      selfScore: r.selfScore,
    })),
    total: result.total,
    ...page,
  };
}

// ── assign ───────────────────────────────────────────────────────────────────────────────────

export async function assignExpert(ctx: AppContext, actor: Actor, who: AuditActor, assessmentId: number, expertUserId: number) {
  const row = await loadVisibleAssessment(ctx.db, actor, assessmentId);
  if (row.status !== 'submitted') throw new AppError(409, 'maturity.notSubmitted');
  const expert = await findEnabledExpert(ctx.db, expertUserId);
  if (!expert) throw new AppError(400, 'maturity.notAnExpert', {}, 'expertUserId');
  const existing = await findReviewOfAssessment(ctx.db, assessmentId);
  if (existing?.status === 'submitted') throw new AppError(409, 'maturity.reviewSubmitted');
  const at = new Date().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    if (existing) {
      if (!(await reassignReview(tx, existing.id, { expertUserId, assignedBy: actor.userId, at })))
        throw new AppError(409, 'maturity.reviewSubmitted');
      await ctx.audit.append(tx, who, {
        action: 'maturity.expert.reassign',
        entityType: 'maturityAssessment',
        entityId: assessmentId,
        before: { expertUserId: existing.expertUserId },
        after: { expertUserId, expert: expert.username },
      });
    } else {
      const id = await insertReview(tx, { assessmentId, expertUserId, assignedBy: actor.userId, at });
      await ctx.audit.append(tx, who, {
        action: 'maturity.expert.assign',
        entityType: 'maturityAssessment',
        entityId: assessmentId,
        after: { reviewId: id, expertUserId, expert: expert.username },
      });
    }
  });
  return presentReview((await findReviewOfAssessment(ctx.db, assessmentId))!);
}

// ── re-score ─────────────────────────────────────────────────────────────────────────────────

function assertOpen(review: ReviewRow): void {
  if (review.status !== 'assigned') throw new AppError(409, 'maturity.reviewSubmitted');
}

async function refuseStale(db: Executor, assessmentId: number): Promise<never> {
  const current = (await findReviewOfAssessment(db, assessmentId))!;
  if (current.status !== 'assigned') throw new AppError(409, 'maturity.reviewSubmitted');
  throw new AppError(409, 'maturity.versionConflict', { version: current.version }, 'version');
}

export async function saveExpertAnswers(
  ctx: AppContext,
  actor: Actor,
  who: AuditActor,
  assessmentId: number,
  version: number,
  answers: AnswerInput[],
) {
  const { row, review } = await loadReachableReview(ctx.db, actor, assessmentId);
  assertOpen(review);
  const scorer = await assessmentScorer(ctx.db, row);
  assertAnswersValid(scorer.model, scorer.requirements, answers as Answer[]);
  const at = new Date().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    if (!(await bumpReviewVersion(tx, review.id, version, at))) await refuseStale(tx, assessmentId);
    await upsertExpertAnswers(tx, review.id, answers, at);
    await ctx.audit.append(tx, who, {
      action: 'maturity.expert.answers',
      entityType: 'maturityAssessment',
      entityId: assessmentId,
      before: { reviewId: review.id, version },
      after: { version: version + 1, answers },
    });
  });
  const stored = await listExpertAnswers(ctx.db, review.id);
  return { version: version + 1, progress: progressOf(scorer.score(stored, 'draft')) };
}

export async function submitExpertReview(ctx: AppContext, actor: Actor, who: AuditActor, assessmentId: number, version: number) {
  const { row, review } = await loadReachableReview(ctx.db, actor, assessmentId);
  assertOpen(review);
  // the assessment's frozen model: the expert's result is comparable with the enterprise's
  const scorer = await assessmentScorer(ctx.db, row);
  const answers = await listExpertAnswers(ctx.db, review.id);
  const answered = new Set(answers.map((a) => a.requirementId));
  const missing = scorer.requirements.filter((r) => !answered.has(r.id));
  if (missing.length) {
    const problems: FieldProblemDetail[] = missing.map((r) => ({
      field: 'answers',
      key: 'maturity.unanswered',
      params: { requirementId: r.id },
    }));
    throw new AppError(400, 'maturity.incomplete', { count: missing.length }, 'answers', problems);
  }
  const result = scorer.score(answers, 'final');
  const at = new Date().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    if (!(await bumpReviewVersion(tx, review.id, version, at))) await refuseStale(tx, assessmentId);
    await freezeReview(tx, review.id, {
      resultJson: JSON.stringify(result),
      reachedLevel: result.reachedLevel,
      totalScore: result.totalScore,
      at,
    });
    await ctx.audit.append(tx, who, {
      action: 'maturity.expert.submit',
      entityType: 'maturityAssessment',
      entityId: assessmentId,
      before: { reviewId: review.id, status: 'assigned', version },
      after: {
        status: 'submitted',
        version: version + 1,
        selfLevel: row.reachedLevel,
        verifiedLevel: result.reachedLevel,
        verifiedScore: result.totalScore,
      },
    });
  });
  return presentReview((await findReviewOfAssessment(ctx.db, assessmentId))!);
}

// ── the two results side by side ─────────────────────────────────────────────────────────────

export interface Difference {
  requirementId: string;
  level: number;
  domainCode: string;
  subDomainCode: string;
  text: string;
  selfValue: number | null;
  expertValue: number | null;
  note: string | null;
  /** |X_expert − X_self| · α · γ / n_c at the item's level: how much the item moves A_level. */
  impact: number;
}

/** Per level and sub-domain: the weight one item carries in A_level (renormalised α·γ / n_c). */
function itemWeights(result: MaturityResult): Map<string, { domainCode: string; factor: number }> {
  const weights = new Map<string, { domainCode: string; factor: number }>();
  for (const level of result.levels)
    for (const d of level.domains)
      for (const s of d.subDomains)
        weights.set(`${level.level}:${s.code}`, { domainCode: d.code, factor: s.scored > 0 ? (d.weight * s.weight) / s.scored : 0 });
  return weights;
}

const pick = (text: Bilingual, locale: Locale) => (locale === 'en' ? text.en : text.zh);

/** Items where the expert's value differs from the enterprise's, ordered by weighted impact (then bank order). */
export function differences(
  requirements: readonly Requirement[],
  self: readonly StoredAnswer[],
  expert: readonly StoredAnswer[],
  weightsFrom: MaturityResult[],
  locale: Locale,
): Difference[] {
  const selfOf = new Map(self.map((a) => [a.requirementId, a]));
  const expertOf = new Map(expert.map((a) => [a.requirementId, a]));
  const weightMaps = weightsFrom.map(itemWeights);
  const out: Difference[] = [];
  for (const r of requirements) {
    const e = expertOf.get(r.id);
    if (!e) continue; // not re-scored yet
    const s = selfOf.get(r.id);
    const selfValue = s ? s.value : null;
    if (s && selfValue === e.value) continue;
    const key = `${r.level}:${r.subDomainCode}`;
    const weight = weightMaps.map((m) => m.get(key)).find((w) => w && w.factor > 0) ?? weightMaps[0]?.get(key);
    const impact = Math.abs((e.value ?? 0) - (selfValue ?? 0)) * (weight?.factor ?? 0);
    out.push({
      requirementId: r.id,
      level: r.level,
      domainCode: weight?.domainCode ?? '',
      subDomainCode: r.subDomainCode,
      text: pick(r.text, locale),
      selfValue,
      expertValue: e.value,
      note: e.note,
      impact,
    });
  }
  return out
    .map((d, i) => ({ d, i }))
    .sort((a, b) => b.d.impact - a.d.impact || a.i - b.i)
    .map(({ d }) => d);
}

export async function expertReviewDetail(db: Executor, actor: Actor, assessmentId: number, locale: Locale) {
  const { row, review } = await loadReachableReview(db, actor, assessmentId);
  const [scorer, selfAnswers, expertAnswers] = await Promise.all([
    assessmentScorer(db, row),
    listAnswers(db, assessmentId),
    listExpertAnswers(db, review.id),
  ]);
  const selfResult = JSON.parse(row.resultJson!) as MaturityResult;
  const frozen = review.resultJson ? (JSON.parse(review.resultJson) as MaturityResult) : null;
  const verifiedResult = frozen ?? scorer.score(expertAnswers, 'draft');
  return {
    assessment: presentAssessment(row),
    review: presentReview(review),
    selfAssessed: { reachedLevel: selfResult.reachedLevel, totalScore: selfResult.totalScore, submittedAt: row.submittedAt },
    verified: frozen ? { reachedLevel: frozen.reachedLevel, totalScore: frozen.totalScore, submittedAt: review.submittedAt } : null,
    selfResult,
    /** Frozen once submitted; until then the live draft score of the expert's answers. */
    verifiedResult,
    progress: progressOf(verifiedResult),
    answers: expertAnswers,
    // the enterprise's own answers, for the expert to check on site
    selfAnswers: actor.role === 'enterprise_user' ? [] : selfAnswers,
    differences: differences(scorer.requirements, selfAnswers, expertAnswers, [verifiedResult, selfResult], locale),
  };
}
