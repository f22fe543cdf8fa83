import {
  answerProblems,
  copyModelVersion,
  modelProblems,
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
  findModel,
  findRequirement,
  insertModel,
  insertRequirements,
  listRequirements,
  nextSortOrder,
  updateModelDefinition,
  updateRequirement,
  type ModelRecord,
  type RequirementRecord,
} from './repo.ts';

// Model versions and their question banks as data, and the engine over them (stateless scoring).

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

export async function scorerFor(db: Executor, definition: ModelVersion, storedAs: string, type: ManufacturingType): Promise<Scorer> {
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
      await ctx.audit.append(tx, who, {
        action: 'maturity.model.copy',
        entityType: 'maturityModel',
        entityId: newId,
        before: { copiedFrom: sourceId },
        after: { ...copy, requirementCount: bank.length },
      });
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

export async function setWeights(
  ctx: AppContext,
  who: AuditActor,
  id: string,
  given: Partial<Record<ManufacturingType, WeightSet>>,
  locale: Locale,
) {
  const model = await loadModel(ctx.db, id);
  assertCustom(model);
  const definition = model.definition;
  const domainCodes = new Set(definition.domains.map((d) => d.code));
  const subDomainCodes = new Set(definition.domains.flatMap((d) => d.subDomains.map((s) => s.code)));
  const weights = { ...definition.weights };
  for (const [type, set] of Object.entries(given) as [ManufacturingType, WeightSet][]) {
    for (const code of Object.keys(set.domain))
      if (!domainCodes.has(code)) throw new AppError(400, 'maturity.unknownCode', { code }, `weights.${type}.domain`);
    for (const code of Object.keys(set.subDomain))
      if (!subDomainCodes.has(code)) throw new AppError(400, 'maturity.unknownCode', { code }, `weights.${type}.subDomain`);
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
    await ctx.audit.append(tx, who, {
      action: 'maturity.model.weights',
      entityType: 'maturityModel',
      entityId: id,
      before: { weights: definition.weights },
      after: { weights },
    });
  });
  return loadModel(ctx.db, id);
}

export interface RequirementTexts {
  text: Bilingual;
  evidence: Bilingual;
  advice: Bilingual;
}

export async function changeRequirement(
  ctx: AppContext,
  who: AuditActor,
  modelId: string,
  requirementId: string,
  change: RequirementTexts & { active?: boolean; sortOrder?: number },
) {
  const model = await loadModel(ctx.db, modelId);
  assertCustom(model);
  const before = await findRequirement(ctx.db, modelId, requirementId);
  if (!before) throw new AppError(404, 'maturity.requirementNotFound', { requirementId });
  const after: RequirementRecord = {
    ...before,
    text: change.text,
    evidence: change.evidence,
    advice: change.advice,
    active: change.active ?? before.active,
    sortOrder: change.sortOrder ?? before.sortOrder,
  };
  await ctx.db.transaction().execute(async (tx) => {
    await updateRequirement(tx, modelId, after);
    await ctx.audit.append(tx, who, {
      action: 'maturity.requirement.update',
      entityType: 'maturityModel',
      entityId: modelId,
      before,
      after,
    });
  });
  return after;
}

export async function addRequirement(
  ctx: AppContext,
  who: AuditActor,
  modelId: string,
  input: RequirementTexts & { subDomainCode: string; level: Level },
) {
  const model = await loadModel(ctx.db, modelId);
  assertCustom(model);
  const known = model.definition.domains.some((d) => d.subDomains.some((s) => s.code === input.subDomainCode));
  if (!known) throw new AppError(400, 'maturity.unknownCode', { code: input.subDomainCode }, 'subDomainCode');
  if (model.definition.applicability[input.subDomainCode]?.[input.level] !== true)
    throw new AppError(400, 'maturity.notApplicableCell', { requirementId: `${input.subDomainCode}@${input.level}` }, 'level');
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
    await ctx.audit.append(tx, who, {
      action: 'maturity.requirement.create',
      entityType: 'maturityModel',
      entityId: modelId,
      after: created,
    });
  });
  return created;
}

// ── answers ──────────────────────────────────────────────────────────────────────────────────

const PROBLEM_FIELD = {
  unknownRequirement: 'requirementId',
  notApplicableCell: 'requirementId',
  duplicate: 'requirementId',
  badValue: 'value',
  naWithoutReason: 'naReason',
} as const;

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
export async function scoreStateless(
  ctx: AppContext,
  input: { modelVersion: string; manufacturingType: ManufacturingType; answers: Answer[]; mode: ScoringMode },
): Promise<MaturityResult> {
  const model = await loadModel(ctx.db, input.modelVersion);
  const scorer = await scorerFor(ctx.db, model.definition, model.id, input.manufacturingType);
  assertAnswersValid(model.definition, scorer.requirements, input.answers);
  return scorer.score(input.answers, input.mode);
}
