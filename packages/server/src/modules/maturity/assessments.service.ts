import {
  improvementPlan,
  ownsEnterprise,
  type Actor,
  type Answer,
  type Bilingual,
  type Locale,
  type ManufacturingType,
  type MaturityResult,
  type ModelVersion,
  type Scorer,
} from '@zhizao/domain';
import type { Executor } from '../../db/database.ts';
import type { AuditActor } from '../../platform/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, type FieldProblemDetail } from '../../platform/errors.ts';
import { DEFAULT_MODEL_VERSION, assertAnswersValid, loadModel, scorerFor } from './models.service.ts';
import {
  bumpDraftVersion,
  findAssessment,
  freezeAssessment,
  insertAssessment,
  listAnswers,
  upsertAnswers,
  type AssessmentFilter,
  type AssessmentRow,
} from './repo.ts';
import { accessTo, summaryOnly } from './sharing.ts';

// The questionnaire of one enterprise: start, autosave with a version check, submit (frozen result), advice.

// ── assessments ──────────────────────────────────────────────────────────────────────────────

export async function createAssessment(
  ctx: AppContext,
  actor: Actor,
  who: AuditActor,
  input: { modelVersion?: string; targetLevel: number },
) {
  if (actor.enterpriseId === null) throw new AppError(403, 'maturity.noEnterprise');
  const enterprise = await ctx.db
    .selectFrom('enterprise')
    .select(['id', 'manufacturingType', 'archived'])
    .where('id', '=', actor.enterpriseId)
    .executeTakeFirst();
  if (!enterprise || enterprise.archived) throw new AppError(403, 'maturity.noEnterprise');
  const model = await loadModel(ctx.db, input.modelVersion ?? DEFAULT_MODEL_VERSION);
  const at = new Date().toISOString();
  const id = await ctx.db.transaction().execute(async (tx) => {
    const values = {
      enterpriseId: enterprise.id,
      modelVersion: model.id,
      manufacturingType: enterprise.manufacturingType,
      targetLevel: input.targetLevel,
      createdBy: actor.userId,
      at,
    };
    const created = await insertAssessment(tx, values);
    await ctx.audit.append(tx, who, {
      action: 'maturity.assessment.create',
      entityType: 'maturityAssessment',
      entityId: created,
      after: { id: created, ...values },
    });
    return created;
  });
  return (await findAssessment(ctx.db, id))!;
}

/** The caller's scope laid over a list filter: a filter reaching outside the scope narrows to nothing rather than widening. */
export function scopeFilter(actor: Actor, filter: AssessmentFilter): AssessmentFilter {
  const nothing = -1;
  if (actor.role === 'enterprise_user') {
    const own = actor.enterpriseId ?? nothing;
    return { ...filter, enterpriseId: filter.enterpriseId === undefined || filter.enterpriseId === own ? own : nothing };
  }
  if (actor.role === 'district_officer') {
    const own = actor.districtCode ?? '';
    return { ...filter, districtCode: filter.districtCode === undefined || filter.districtCode === own ? own : '' };
  }
  return filter;
}

/** An assessment the actor may see, or 404 — another enterprise's looks exactly like a missing one. */
export async function loadVisibleAssessment(db: Executor, actor: Actor, id: number): Promise<AssessmentRow> {
  const row = await findAssessment(db, id);
  if (!row || !ownsEnterprise(actor, { id: row.enterpriseId, districtCode: row.districtCode }))
    throw new AppError(404, 'maturity.assessmentNotFound');
  return row;
}

function assertDraft(row: AssessmentRow): void {
  if (row.status !== 'draft') throw new AppError(409, 'maturity.locked');
}

/** The model an assessment is scored with: frozen at submit, the live version while a draft. */
function definitionOf(row: AssessmentRow, live: ModelVersion): ModelVersion {
  return row.modelJson ? (JSON.parse(row.modelJson) as ModelVersion) : live;
}

export async function assessmentScorer(db: Executor, row: AssessmentRow): Promise<Scorer> {
  const model = await loadModel(db, row.modelVersion);
  return scorerFor(db, definitionOf(row, model.definition), row.modelVersion, row.manufacturingType as ManufacturingType);
}

export function presentAssessment(row: AssessmentRow) {
  const result = row.resultJson ? (JSON.parse(row.resultJson) as MaturityResult) : null;
  return {
    id: row.id,
    enterpriseId: row.enterpriseId,
    enterpriseName: row.enterpriseName,
    districtCode: row.districtCode,
    modelVersion: row.modelVersion,
    manufacturingType: row.manufacturingType,
    targetLevel: row.targetLevel,
    status: row.status,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    submittedAt: row.submittedAt,
    formulaId: row.formulaId,
    reachedLevel: result?.reachedLevel ?? null,
    totalScore: result?.totalScore ?? null,
  };
}

export function progressOf(result: MaturityResult) {
  const { items, answered, notApplicable, unanswered, ratio, byDomain } = result.completeness;
  return { items, answered, notApplicable, unanswered, ratio, byDomain };
}

export async function assessmentDetail(db: Executor, actor: Actor, id: number) {
  const row = await loadVisibleAssessment(db, actor, id);
  const [scorer, answers] = await Promise.all([assessmentScorer(db, row), listAnswers(db, id)]);
  const live = scorer.score(answers, 'draft');
  const result = row.resultJson ? (JSON.parse(row.resultJson) as MaturityResult) : live;
  const access = await accessTo(db, actor, id);
  if (access === 'summary')
    return { ...presentAssessment(row), access, answers: [], progress: progressOf(live), result: summaryOnly(result) };
  return { ...presentAssessment(row), access, answers, progress: progressOf(live), result };
}

export interface AnswerInput {
  requirementId: string;
  value: number | null;
  naReason?: string;
  note?: string;
}

export async function saveAnswers(ctx: AppContext, actor: Actor, who: AuditActor, id: number, version: number, answers: AnswerInput[]) {
  const row = await loadVisibleAssessment(ctx.db, actor, id);
  assertDraft(row);
  const scorer = await assessmentScorer(ctx.db, row);
  assertAnswersValid(scorer.model, scorer.requirements, answers as Answer[]);
  const at = new Date().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    if (!(await bumpDraftVersion(tx, id, version, at))) await refuseStale(tx, id);
    await upsertAnswers(tx, id, answers, at);
    await ctx.audit.append(tx, who, {
      action: 'maturity.answers.save',
      entityType: 'maturityAssessment',
      entityId: id,
      before: { version },
      after: { version: version + 1, answers },
    });
  });
  const stored = await listAnswers(ctx.db, id);
  return { version: version + 1, progress: progressOf(scorer.score(stored, 'draft')) };
}

/** Why the conditional update took no row: submitted meanwhile (locked) or saved elsewhere (stale version). */
async function refuseStale(db: Executor, id: number): Promise<never> {
  const current = (await findAssessment(db, id))!;
  if (current.status !== 'draft') throw new AppError(409, 'maturity.locked');
  throw new AppError(409, 'maturity.versionConflict', { version: current.version }, 'version');
}

export async function submitAssessment(ctx: AppContext, actor: Actor, who: AuditActor, id: number, version: number) {
  const row = await loadVisibleAssessment(ctx.db, actor, id);
  assertDraft(row);
  const scorer = await assessmentScorer(ctx.db, row);
  const answers = await listAnswers(ctx.db, id);
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
    if (!(await bumpDraftVersion(tx, id, version, at))) await refuseStale(tx, id);
    await freezeAssessment(tx, id, {
      resultJson: JSON.stringify(result),
      modelJson: JSON.stringify(scorer.model),
      formulaId: result.formulaId,
      at,
      reachedLevel: result.reachedLevel,
      totalScore: result.totalScore,
    });
    await ctx.audit.append(tx, who, {
      action: 'maturity.assessment.submit',
      entityType: 'maturityAssessment',
      entityId: id,
      before: { status: 'draft', version },
      after: {
        status: 'submitted',
        version: version + 1,
        modelVersion: row.modelVersion,
        reachedLevel: result.reachedLevel,
        totalScore: result.totalScore,
      },
    });
  });
  return presentAssessment((await findAssessment(ctx.db, id))!);
}

export async function assessmentResult(db: Executor, actor: Actor, id: number) {
  const row = await loadVisibleAssessment(db, actor, id);
  const visible = (await accessTo(db, actor, id)) === 'full' ? (r: MaturityResult) => r : summaryOnly;
  if (row.resultJson) return { frozen: true, result: visible(JSON.parse(row.resultJson) as MaturityResult) };
  const [scorer, answers] = await Promise.all([assessmentScorer(db, row), listAnswers(db, id)]);
  return { frozen: false, result: visible(scorer.score(answers, 'draft')) };
}

const pick = (text: Bilingual, locale: Locale) => (locale === 'en' ? text.en : text.zh);

/** The gap list to the next level, texts in the caller's language. */
export async function assessmentAdvice(db: Executor, actor: Actor, id: number, locale: Locale) {
  const row = await loadVisibleAssessment(db, actor, id);
  if ((await accessTo(db, actor, id)) === 'summary') throw new AppError(403, 'maturity.reportNotShared');
  const [scorer, answers] = await Promise.all([assessmentScorer(db, row), listAnswers(db, id)]);
  const plan = improvementPlan(scorer, answers);
  const subDomainNames = new Map(scorer.model.domains.flatMap((d) => d.subDomains.map((s) => [s.code, s.name] as const)));
  const domainNames = new Map(scorer.model.domains.map((d) => [d.code, d.name] as const));
  const levelName = plan.targetLevel ? scorer.model.levels.find((l) => l.level === plan.targetLevel)?.name : undefined;
  return {
    reachedLevel: plan.result.reachedLevel,
    targetLevel: plan.targetLevel,
    targetLevelName: levelName ? pick(levelName, locale) : null,
    currentScore: plan.currentScore,
    threshold: plan.threshold,
    reachesThresholdAfter: plan.reachesThresholdAfter,
    gaps: plan.gaps.map((g) => ({
      requirementId: g.requirement.id,
      level: g.requirement.level,
      domainCode: g.domainCode,
      domainName: pick(domainNames.get(g.domainCode) ?? { zh: g.domainCode, en: g.domainCode }, locale),
      subDomainCode: g.requirement.subDomainCode,
      subDomainName: pick(
        subDomainNames.get(g.requirement.subDomainCode) ?? { zh: g.requirement.subDomainCode, en: g.requirement.subDomainCode },
        locale,
      ),
      text: pick(g.requirement.text, locale),
      evidence: pick(g.requirement.evidence, locale),
      advice: pick(g.requirement.advice, locale),
      value: g.value,
      gain: g.gain,
      projectedScore: g.projectedScore,
    })),
  };
}
