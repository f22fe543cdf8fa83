import {
  ANSWER_VALUES,
  FORMULA_IDS,
  isApplicable,
  LEVELS,
  questionBankVersion,
  type Answer,
  type Bilingual,
  type ModelVersion,
} from './model.ts';
import type { Requirement } from './question-bank/types.ts';

// Checks for what comes from outside: answers from the API (each problem is a 4xx), a model version a
// bureau admin edited, and a question bank against its model. They return problems, never throw.

export type AnswerProblemCode = 'unknownRequirement' | 'badValue' | 'naWithoutReason' | 'duplicate' | 'notApplicableCell';
export interface AnswerProblem {
  /** Position in the submitted list. */
  index: number;
  requirementId: string;
  code: AnswerProblemCode;
}

export const ANSWER_PROBLEM_MESSAGES: Record<AnswerProblemCode, Bilingual> = {
  unknownRequirement: {
    zh: '评估项「{requirementId}」不属于该模型版本的题库',
    en: 'Requirement "{requirementId}" is not in the question bank of this model version',
  },
  badValue: {
    zh: '评估项「{requirementId}」的取值应为 1、0.8、0.5、0 或不适用',
    en: 'Requirement "{requirementId}" takes 1, 0.8, 0.5, 0 or not applicable',
  },
  naWithoutReason: {
    zh: '评估项「{requirementId}」标为不适用时须填写理由',
    en: 'Requirement "{requirementId}" needs a reason when marked not applicable',
  },
  duplicate: { zh: '评估项「{requirementId}」重复作答', en: 'Requirement "{requirementId}" is answered more than once' },
  notApplicableCell: {
    zh: '评估项「{requirementId}」所在子域在该级别不适用',
    en: 'Requirement "{requirementId}" lies in a sub-domain and level that do not apply',
  },
};

export function answerProblems(model: ModelVersion, requirements: readonly Requirement[], answers: readonly Answer[]): AnswerProblem[] {
  const byId = new Map(requirements.filter((r) => r.modelVersion === questionBankVersion(model)).map((r) => [r.id, r]));
  const seen = new Set<string>();
  const problems: AnswerProblem[] = [];
  answers.forEach((answer, index) => {
    const requirementId = String(answer.requirementId);
    const add = (code: AnswerProblemCode) => problems.push({ index, requirementId, code });
    const requirement = byId.get(requirementId);
    if (!requirement) add('unknownRequirement');
    else if (!isApplicable(model, requirement.subDomainCode, requirement.level)) add('notApplicableCell');
    if (seen.has(requirementId)) add('duplicate');
    seen.add(requirementId);
    // Values arrive as JSON: check at run time what the type promises.
    const value: unknown = answer.value;
    if (value === null) {
      if (typeof answer.naReason !== 'string' || answer.naReason.trim() === '') add('naWithoutReason');
    } else if (!(ANSWER_VALUES as readonly unknown[]).includes(value)) add('badValue');
  });
  return problems;
}

export type ModelProblemCode =
  | 'duplicateCode'
  | 'missingWeight'
  | 'negativeWeight'
  | 'weightsDoNotSumToOne'
  | 'missingApplicability'
  | 'badThreshold'
  | 'badLevels'
  | 'unknownFormula';
export interface ModelProblem {
  code: ModelProblemCode;
  /** Where: a domain or sub-domain code, with the manufacturing type for weights. */
  subject: string;
}

/** Σα = 1 and Σγ = 1 per domain within this tolerance: percentages typed by hand, equal thirds. */
const WEIGHT_SUM_TOLERANCE = 1e-6;

/** What is wrong with a model version, e.g. after a bureau admin edited its weights. */
export function modelProblems(model: ModelVersion): ModelProblem[] {
  const problems: ModelProblem[] = [];
  const add = (code: ModelProblemCode, subject: string) => problems.push({ code, subject });
  const domainCodes = new Set<string>();
  const subDomainCodes = new Set<string>();
  for (const d of model.domains) {
    if (domainCodes.has(d.code)) add('duplicateCode', d.code);
    domainCodes.add(d.code);
    for (const s of d.subDomains) {
      if (subDomainCodes.has(s.code)) add('duplicateCode', s.code);
      subDomainCodes.add(s.code);
      for (const level of LEVELS)
        if (typeof model.applicability[s.code]?.[level] !== 'boolean') add('missingApplicability', `${s.code}@${level}`);
    }
  }
  for (const [type, weights] of Object.entries(model.weights)) {
    const check = (table: Record<string, number>, codes: readonly string[], group: string) => {
      let sum = 0;
      for (const code of codes) {
        const w = table[code];
        if (typeof w !== 'number' || !Number.isFinite(w)) add('missingWeight', `${type}:${code}`);
        else if (w < 0) add('negativeWeight', `${type}:${code}`);
        else sum += w;
      }
      if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) add('weightsDoNotSumToOne', `${type}:${group}`);
    };
    check(
      weights.domain,
      model.domains.map((d) => d.code),
      'domains',
    );
    for (const d of model.domains)
      check(
        weights.subDomain,
        d.subDomains.map((s) => s.code),
        d.code,
      );
  }
  if (!(model.passThreshold > 0 && model.passThreshold <= 1)) add('badThreshold', String(model.passThreshold));
  if (model.levels.map((l) => l.level).join() !== LEVELS.join()) add('badLevels', model.levels.map((l) => l.level).join());
  if (!(FORMULA_IDS as readonly string[]).includes(model.formulaId)) add('unknownFormula', model.formulaId);
  return problems;
}

export type BankProblemCode = 'duplicateId' | 'otherModelVersion' | 'unknownSubDomain' | 'notApplicableCell' | 'emptyCell';
export interface BankProblem {
  code: BankProblemCode;
  /** A requirement id, or `subDomain@level` for an empty cell. */
  subject: string;
}

/** A bank against its model: every requirement placed in an applicable cell, every applicable cell covered. */
export function bankProblems(model: ModelVersion, requirements: readonly Requirement[]): BankProblem[] {
  const problems: BankProblem[] = [];
  const ids = new Set<string>();
  const covered = new Set<string>();
  const subDomains = new Set(model.domains.flatMap((d) => d.subDomains.map((s) => s.code)));
  for (const r of requirements) {
    if (ids.has(r.id)) problems.push({ code: 'duplicateId', subject: r.id });
    ids.add(r.id);
    if (r.modelVersion !== questionBankVersion(model)) problems.push({ code: 'otherModelVersion', subject: r.id });
    else if (!subDomains.has(r.subDomainCode)) problems.push({ code: 'unknownSubDomain', subject: r.id });
    else if (!isApplicable(model, r.subDomainCode, r.level)) problems.push({ code: 'notApplicableCell', subject: r.id });
    else covered.add(`${r.subDomainCode}@${r.level}`);
  }
  for (const code of subDomains)
    for (const level of LEVELS)
      if (isApplicable(model, code, level) && !covered.has(`${code}@${level}`))
        problems.push({ code: 'emptyCell', subject: `${code}@${level}` });
  return problems;
}
