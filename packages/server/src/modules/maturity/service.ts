import {
  answerProblems,
  copyModelVersion,
  improvementPlan,
  LEVELS,
  modelProblems,
  ownsEnterprise,
  prepareScoring,
  questionBankVersion,
  type Actor,
  type Answer,
  type Bilingual,
  type Level,
  type Locale,
  type ManufacturingType,
  type MaturityResult,
  type MessageKey,
  type ModelVersion,
  type Requirement,
  type Scorer,
  type ScoringMode,
  type WeightSet,
} from '@zhizao/domain';
import { randomBytes } from 'node:crypto';
import { isUniqueViolation, type Executor } from '../../db/database.ts';
import type { AuditActor } from '../../platform/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, type FieldProblemDetail } from '../../platform/errors.ts';
import {
  bumpDraftVersion,
  findAssessment,
  findModel,
  findRequirement,
  freezeAssessment,
  insertAssessment,
  insertModel,
  insertRequirements,
  listAnswers,
  listRequirements,
  nextSortOrder,
  updateModelDefinition,
  updateRequirement,
  upsertAnswers,
  type AssessmentFilter,
  type AssessmentRow,
  type ModelRecord,
  type RequirementRecord,
  type StoredAnswer,
} from './repo.ts';

export const DEFAULT_MODEL_VERSION = 'CMMM-2020';
const SHIPPED_STATUSES = new Set(['standard', 'draft']);

// ── model versions and their banks ───────────────────────────────────────────────────────────

export async function loadModel(db: Executor, id: string): Promise<ModelRecord> {
  const model = await findModel(db, id);
  if (!model) throw new AppError(404, 'maturity.modelNotFound', { id });
  return model;
}

/** The active items of a version's bank, as the engine reads them (a copy's items carry its shipped bank's id). */
export function scoringBank(definition: ModelVersion, rows: readonly RequirementRecord[]): Requirement[] {
  const bank = questionBankVersion(definition);
  return rows.filter((r) => r.active).map(({ sortOrder: _s, active: _a, ...r }) => ({ ...r, modelVersion: bank }));
}

async function scorerFor(db: Executor, definition: ModelVersion, storedAs: string, type: ManufacturingType): Promise<Scorer> {
  return prepareScoring(definition, scoringBank(definition, await listRequirements(db, storedAs)), type);
}

function assertCustom(model: ModelRecord): void {
  if (SHIPPED_STATUSES.has(model.status) || model.definition.status !== 'custom') throw new AppError(409, 'maturity.modelReadOnly');
}

export async function copyModel(ctx: AppContext, actor: Actor, who: AuditActor, sourceId: string, newId: string, name: Bilingual) {
  const source = await loadModel(ctx.db, sourceId);
  if (await findModel(ctx.db, newId)) throw new AppError(409, 'maturity.modelIdTaken', { id: newId }, 'newId');
  const copy = copyModelVersion(source.definition, newId, name);
  const bank = await listRequirements(ctx.db, sourceId);
  const at = new Date().toISOString();
  try {
    await ctx.db.transaction().execute(async (tx) => {
      await insertModel(tx, copy, actor.userId, at);
      await insertRequirements(tx, newId, bank);
      await ctx.audit.append(tx, who, { action: 'maturity.model.copy', entityType: 'maturityModel', entityId: newId, before: { copiedFrom: sourceId }, after: { ...copy, requirementCount: bank.length } });
    });
  } catch (error) {
    // a parallel copy took the id between the check and the write
    throw isUniqueViolation(error) ? new AppError(409, 'maturity.modelIdTaken', { id: newId }, 'newId') : error;
  }
  return loadModel(ctx.db, newId);
}

const modelProblemMessage: Record<string, Bilingual> = {
  duplicateCode: { zh: '代码重复', en: 'duplicate code' },
  missingWeight: { zh: '缺少权重', en: 'missing weight' },
  negativeWeight: { zh: '权重为负', en: 'negative weight' },
  weightsDoNotSumToOne: { zh: '权重之和不为 1', en: 'weights do not sum to 1' },
  missingApplicability: { zh: '缺少适用性', en: 'missing applicability' },
  badThreshold: { zh: '达级阈值无效', en: 'invalid pass threshold' },
  badLevels: { zh: '级别定义无效', en: 'invalid levels' },
  unknownFormula: { zh: '未知的总分公式', en: 'unknown total-score formula' },
};

export async function setWeights(ctx: AppContext, who: AuditActor, id: string, given: Partial<Record<ManufacturingType, WeightSet>>, locale: Locale) {
  const model = await loadModel(ctx.db, id);
  assertCustom(model);
  const definition = model.definition;
  const domainCodes = new Set(definition.domains.map((d) => d.code));
  const subDomainCodes = new Set(definition.domains.flatMap((d) => d.subDomains.map((s) => s.code)));
  const weights = { ...definition.weights };
  for (const [type, set] of Object.entries(given) as [ManufacturingType, WeightSet][]) {
    for (const code of Object.keys(set.domain)) if (!domainCodes.has(code)) throw new AppError(400, 'maturity.unknownCode', { code }, `weights.${type}.domain`);
    for (const code of Object.keys(set.subDomain)) if (!subDomainCodes.has(code)) throw new AppError(400, 'maturity.unknownCode', { code }, `weights.${type}.subDomain`);
    weights[type] = { domain: { ...weights[type].domain, ...set.domain }, subDomain: { ...weights[type].subDomain, ...set.subDomain } };
  }
  const after: ModelVersion = { ...definition, weights };
  const problems: FieldProblemDetail[] = modelProblems(after).map((p) => ({
    field: 'weights',
    key: 'maturity.modelInvalid',
    params: { problem: modelProblemMessage[p.code]![locale === 'en' ? 'en' : 'zh'], subject: p.subject },
  }));
  if (problems.length) throw new AppError(400, problems[0]!.key, problems[0]!.params, 'weights', problems);
  await ctx.db.transaction().execute(async (tx) => {
    await updateModelDefinition(tx, after, new Date().toISOString());
    await ctx.audit.append(tx, who, { action: 'maturity.model.weights', entityType: 'maturityModel', entityId: id, before: { weights: definition.weights }, after: { weights } });
  });
  return loadModel(ctx.db, id);
}

export interface RequirementTexts {
  text: Bilingual;
  evidence: Bilingual;
  advice: Bilingual;
}

export async function changeRequirement(ctx: AppContext, who: AuditActor, modelId: string, requirementId: string, change: RequirementTexts & { active?: boolean; sortOrder?: number }) {
  const model = await loadModel(ctx.db, modelId);
  assertCustom(model);
  const before = await findRequirement(ctx.db, modelId, requirementId);
  if (!before) throw new AppError(404, 'maturity.requirementNotFound', { requirementId });
  const after: RequirementRecord = { ...before, text: change.text, evidence: change.evidence, advice: change.advice, active: change.active ?? before.active, sortOrder: change.sortOrder ?? before.sortOrder };
  await ctx.db.transaction().execute(async (tx) => {
    await updateRequirement(tx, modelId, after);
    await ctx.audit.append(tx, who, { action: 'maturity.requirement.update', entityType: 'maturityModel', entityId: modelId, before, after });
  });
  return after;
}

export async function addRequirement(ctx: AppContext, who: AuditActor, modelId: string, input: RequirementTexts & { subDomainCode: string; level: Level }) {
  const model = await loadModel(ctx.db, modelId);
  assertCustom(model);
  const known = model.definition.domains.some((d) => d.subDomains.some((s) => s.code === input.subDomainCode));
  if (!known) throw new AppError(400, 'maturity.unknownCode', { code: input.subDomainCode }, 'subDomainCode');
  if (model.definition.applicability[input.subDomainCode]?.[input.level] !== true) throw new AppError(400, 'maturity.notApplicableCell', { requirementId: `${input.subDomainCode}@${input.level}` }, 'level');
  const created: RequirementRecord = {
    id: `U-${input.subDomainCode}-L${input.level}-${randomBytes(3).toString('hex')}`,
    modelVersion: modelId,
    subDomainCode: input.subDomainCode,
    level: input.level,
    text: input.text,
    evidence: input.evidence,
    advice: input.advice,
    sortOrder: await nextSortOrder(ctx.db, modelId),
    active: true,
  };
  await ctx.db.transaction().execute(async (tx) => {
    await insertRequirements(tx, modelId, [created]);
    await ctx.audit.append(tx, who, { action: 'maturity.requirement.create', entityType: 'maturityModel', entityId: modelId, after: created });
  });
  return created;
}

// ── answers ──────────────────────────────────────────────────────────────────────────────────

const PROBLEM_FIELD = { unknownRequirement: 'requirementId', notApplicableCell: 'requirementId', duplicate: 'requirementId', badValue: 'value', naWithoutReason: 'naReason' } as const;

/** 400 naming the first bad answer, with every problem in details. */
export function assertAnswersValid(definition: ModelVersion, bank: readonly Requirement[], answers: readonly Answer[]): void {
  const problems: FieldProblemDetail[] = answerProblems(definition, bank, answers).map((p) => ({
    field: `answers.${p.index}.${PROBLEM_FIELD[p.code]}`,
    key: `maturity.${p.code}` as MessageKey,
    params: { requirementId: p.requirementId },
  }));
  if (problems.length) throw new AppError(400, problems[0]!.key, problems[0]!.params, problems[0]!.field, problems);
}

/** Stateless scoring: any model version stored here, answers in, the full engine result out. */
export async function scoreStateless(ctx: AppContext, input: { modelVersion: string; manufacturingType: ManufacturingType; answers: Answer[]; mode: ScoringMode }): Promise<MaturityResult> {
  const model = await loadModel(ctx.db, input.modelVersion);
  const scorer = await scorerFor(ctx.db, model.definition, model.id, input.manufacturingType);
  assertAnswersValid(model.definition, scorer.requirements, input.answers);
  return scorer.score(input.answers, input.mode);
}

// ── assessments ──────────────────────────────────────────────────────────────────────────────

export async function createAssessment(ctx: AppContext, actor: Actor, who: AuditActor, input: { modelVersion?: string; targetLevel: number }) {
  if (actor.enterpriseId === null) throw new AppError(403, 'maturity.noEnterprise');
  const enterprise = await ctx.db.selectFrom('enterprise').select(['id', 'manufacturingType', 'archived']).where('id', '=', actor.enterpriseId).executeTakeFirst();
  if (!enterprise || enterprise.archived) throw new AppError(403, 'maturity.noEnterprise');
  const model = await loadModel(ctx.db, input.modelVersion ?? DEFAULT_MODEL_VERSION);
  const at = new Date().toISOString();
  const id = await ctx.db.transaction().execute(async (tx) => {
    const values = { enterpriseId: enterprise.id, modelVersion: model.id, manufacturingType: enterprise.manufacturingType, targetLevel: input.targetLevel, createdBy: actor.userId, at };
    const created = await insertAssessment(tx, values);
    await ctx.audit.append(tx, who, { action: 'maturity.assessment.create', entityType: 'maturityAssessment', entityId: created, after: { id: created, ...values } });
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
  if (!row || !ownsEnterprise(actor, { id: row.enterpriseId, districtCode: row.districtCode })) throw new AppError(404, 'maturity.assessmentNotFound');
  return row;
}

function assertDraft(row: AssessmentRow): void {
  if (row.status !== 'draft') throw new AppError(409, 'maturity.locked');
}

/** The model an assessment is scored with: frozen at submit, the live version while a draft. */
function definitionOf(row: AssessmentRow, live: ModelVersion): ModelVersion {
  return row.modelJson ? (JSON.parse(row.modelJson) as ModelVersion) : live;
}

async function assessmentScorer(db: Executor, row: AssessmentRow): Promise<Scorer> {
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

function progressOf(result: MaturityResult) {
  const { items, answered, notApplicable, unanswered, ratio, byDomain } = result.completeness;
  return { items, answered, notApplicable, unanswered, ratio, byDomain };
}

export async function assessmentDetail(db: Executor, actor: Actor, id: number) {
  const row = await loadVisibleAssessment(db, actor, id);
  const [scorer, answers] = await Promise.all([assessmentScorer(db, row), listAnswers(db, id)]);
  const live = scorer.score(answers, 'draft');
  const result = row.resultJson ? (JSON.parse(row.resultJson) as MaturityResult) : live;
  return { ...presentAssessment(row), answers, progress: progressOf(live), result };
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
    await ctx.audit.append(tx, who, { action: 'maturity.answers.save', entityType: 'maturityAssessment', entityId: id, before: { version }, after: { version: version + 1, answers } });
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
    const problems: FieldProblemDetail[] = missing.map((r) => ({ field: 'answers', key: 'maturity.unanswered', params: { requirementId: r.id } }));
    throw new AppError(400, 'maturity.incomplete', { count: missing.length }, 'answers', problems);
  }
  const result = scorer.score(answers, 'final');
  const at = new Date().toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    if (!(await bumpDraftVersion(tx, id, version, at))) await refuseStale(tx, id);
    await freezeAssessment(tx, id, { resultJson: JSON.stringify(result), modelJson: JSON.stringify(scorer.model), formulaId: result.formulaId, at });
    await ctx.audit.append(tx, who, {
      action: 'maturity.assessment.submit',
      entityType: 'maturityAssessment',
      entityId: id,
      before: { status: 'draft', version },
      after: { status: 'submitted', version: version + 1, modelVersion: row.modelVersion, reachedLevel: result.reachedLevel, totalScore: result.totalScore },
    });
  });
  return presentAssessment((await findAssessment(ctx.db, id))!);
}

export async function assessmentResult(db: Executor, actor: Actor, id: number) {
  const row = await loadVisibleAssessment(db, actor, id);
  if (row.resultJson) return { frozen: true, result: JSON.parse(row.resultJson) as MaturityResult };
  const [scorer, answers] = await Promise.all([assessmentScorer(db, row), listAnswers(db, id)]);
  return { frozen: false, result: scorer.score(answers, 'draft') };
}

const pick = (text: Bilingual, locale: Locale) => (locale === 'en' ? text.en : text.zh);

/** The gap list to the next level, texts in the caller's language. */
export async function assessmentAdvice(db: Executor, actor: Actor, id: number, locale: Locale) {
  const row = await loadVisibleAssessment(db, actor, id);
  const [scorer, answers] = await Promise.all([assessmentScorer(db, row), listAnswers(db, id)]);
  const plan = improvementPlan(scorer, answers as StoredAnswer[]);
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
      subDomainName: pick(subDomainNames.get(g.requirement.subDomainCode) ?? { zh: g.requirement.subDomainCode, en: g.requirement.subDomainCode }, locale),
      text: pick(g.requirement.text, locale),
      evidence: pick(g.requirement.evidence, locale),
      advice: pick(g.requirement.advice, locale),
      value: g.value,
      gain: g.gain,
      projectedScore: g.projectedScore,
    })),
  };
}

export const TARGET_LEVELS = LEVELS;
