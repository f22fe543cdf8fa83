import { meetsThreshold, reachedLevel, totalScore } from './formula.ts';
import {
  isApplicable,
  LEVELS,
  questionBankVersion,
  type Answer,
  type FormulaId,
  type Level,
  type ManufacturingType,
  type ModelVersion,
  type ReachedLevel,
} from './model.ts';
import type { Requirement } from './question-bank/types.ts';

// The scoring engine of GB/T 39117 as summarised in maturity.md §4.2–4.5 and §6. Pure: a model version,
// its requirements and the answers in; every intermediate figure out, so a report can explain any number.
// Each level k is scored on its own requirements only:
//   C (sub-domain) = mean X over its scored requirements at level k, N/A excluded;
//   B (domain)     = Σ γ·C, γ renormalised over the sub-domains that have scored requirements at k;
//   A_k (level)    = Σ α·B, α renormalised likewise over the domains.
// A trimmed sub-domain (all its requirements N/A) thus drops out of the weights instead of scoring 0.

/**
 * draft: the questionnaire is still open; unanswered requirements are left out of every mean and
 * reported as incompleteness. final: submitted; an unanswered requirement counts as 0 (not satisfied).
 */
export type ScoringMode = 'draft' | 'final';

export interface SubDomainScore {
  code: string;
  /** C, or null when nothing is scored here at this level (trimmed, empty, or all unanswered in a draft). */
  score: number | null;
  /** γ after renormalisation within the domain; 0 when the sub-domain drops out. */
  weight: number;
  /** Requirements of the bank in this cell. */
  items: number;
  notApplicable: number;
  unanswered: number;
  /** n_c: the requirements the mean runs over. */
  scored: number;
}

export interface DomainScore {
  code: string;
  /** B, or null when none of its sub-domains is scored at this level. */
  score: number | null;
  /** α after renormalisation; 0 when the domain drops out. */
  weight: number;
  subDomains: SubDomainScore[];
}

export interface LevelScore {
  level: Level;
  /** A_k, or null when the level has nothing scored. */
  score: number | null;
  /** A_k ≥ threshold on its own; the level is reached only if every lower one passes too. */
  passed: boolean;
  items: number;
  notApplicable: number;
  unanswered: number;
  domains: DomainScore[];
}

export interface Completeness {
  /** Requirements in scope: in the bank and in an applicable cell of the model. */
  items: number;
  /** Answered, N/A included. */
  answered: number;
  notApplicable: number;
  unanswered: number;
  /** answered / items (1 for an empty bank). */
  ratio: number;
  byDomain: Record<string, { items: number; answered: number }>;
}

export interface MaturityResult {
  modelVersion: string;
  formulaId: FormulaId;
  manufacturingType: ManufacturingType;
  mode: ScoringMode;
  passThreshold: number;
  provisional: boolean;
  /** n: derived from the level vector, never read back from S (§4.5). */
  reachedLevel: ReachedLevel;
  /** S by the model's formula. */
  totalScore: number;
  levels: LevelScore[];
  completeness: Completeness;
}

interface PreparedSubDomain {
  code: string;
  gamma: number;
  /** Bank positions of the requirements in this cell, in bank order. */
  items: number[];
}
interface PreparedDomain {
  code: string;
  alpha: number;
  subDomains: PreparedSubDomain[];
}

export interface Scorer {
  readonly model: ModelVersion;
  readonly manufacturingType: ManufacturingType;
  /** Requirements in scope, in bank order. */
  readonly requirements: readonly Requirement[];
  score(answers: readonly Answer[], mode: ScoringMode): MaturityResult;
}

const NOT_APPLICABLE = -1;

/**
 * Indexes a bank against a model once, so that many assessments score fast (the 10,000 in under
 * a second). Requirements outside the model — another version's, unknown sub-domain, a cell marked not
 * applicable — are left out here; `bankProblems` names them.
 */
export function prepareScoring(model: ModelVersion, requirements: readonly Requirement[], manufacturingType: ManufacturingType): Scorer {
  const weights = model.weights[manufacturingType];
  const domainOf = new Map<string, number>();
  model.domains.forEach((d, i) => d.subDomains.forEach((s) => domainOf.set(s.code, i)));
  const bank = questionBankVersion(model);
  const inScope = requirements.filter(
    (r) => r.modelVersion === bank && domainOf.has(r.subDomainCode) && isApplicable(model, r.subDomainCode, r.level),
  );
  const position = new Map<string, number>();
  inScope.forEach((r, i) => position.set(r.id, i));

  const levels: PreparedDomain[][] = LEVELS.map(() =>
    model.domains.map((d) => ({
      code: d.code,
      alpha: weights.domain[d.code] ?? 0,
      subDomains: d.subDomains.map((s) => ({ code: s.code, gamma: weights.subDomain[s.code] ?? 0, items: [] as number[] })),
    })),
  );
  inScope.forEach((r, i) => {
    const domain = levels[r.level - 1]![domainOf.get(r.subDomainCode)!]!;
    domain.subDomains.find((s) => s.code === r.subDomainCode)!.items.push(i);
  });
  const domainIndexOfItem = inScope.map((r) => domainOf.get(r.subDomainCode)!);

  function score(answers: readonly Answer[], mode: ScoringMode): MaturityResult {
    // NaN = unanswered, NOT_APPLICABLE = N/A, otherwise X. A later answer to the same id wins.
    const values = new Float64Array(inScope.length).fill(NaN);
    for (const answer of answers) {
      const i = position.get(answer.requirementId);
      if (i !== undefined) values[i] = answer.value === null ? NOT_APPLICABLE : answer.value;
    }
    const levelScores = levels.map((domains, k) => scoreLevel((k + 1) as Level, domains, values, mode, model.passThreshold));
    const vector = levelScores.map((l) => l.score);
    const n = reachedLevel(vector, model.passThreshold);
    return {
      modelVersion: model.id,
      formulaId: model.formulaId,
      manufacturingType,
      mode,
      passThreshold: model.passThreshold,
      provisional: model.provisional,
      reachedLevel: n,
      totalScore: totalScore(model.formulaId, vector, n),
      levels: levelScores,
      completeness: completeness(model, values, domainIndexOfItem),
    };
  }

  return { model, manufacturingType, requirements: inScope, score };
}

/** One-off scoring; prefer `prepareScoring` when scoring many assessments against one bank. */
export function scoreAssessment(
  model: ModelVersion,
  requirements: readonly Requirement[],
  answers: readonly Answer[],
  options: { manufacturingType: ManufacturingType; mode: ScoringMode },
): MaturityResult {
  return prepareScoring(model, requirements, options.manufacturingType).score(answers, options.mode);
}

function scoreLevel(
  level: Level,
  prepared: readonly PreparedDomain[],
  values: Float64Array,
  mode: ScoringMode,
  threshold: number,
): LevelScore {
  let items = 0;
  let notApplicable = 0;
  let unanswered = 0;
  const domains: DomainScore[] = prepared.map((d) => {
    const subDomains: SubDomainScore[] = d.subDomains.map((s) => {
      let sum = 0;
      let scored = 0;
      let na = 0;
      let open = 0;
      for (const i of s.items) {
        const x = values[i]!;
        if (x === NOT_APPLICABLE) na++;
        else if (Number.isNaN(x)) {
          open++;
          if (mode === 'final') scored++; // counts as 0
        } else {
          sum += x;
          scored++;
        }
      }
      items += s.items.length;
      notApplicable += na;
      unanswered += open;
      return {
        code: s.code,
        score: scored > 0 ? sum / scored : null,
        weight: s.gamma,
        items: s.items.length,
        notApplicable: na,
        unanswered: open,
        scored,
      };
    });
    return { code: d.code, score: weightedMean(subDomains), weight: d.alpha, subDomains };
  });
  const score = weightedMean(domains);
  return { level, score, passed: meetsThreshold(score, threshold), items, notApplicable, unanswered, domains };
}

/**
 * Σ w·score over the parts that have a score, with w renormalised over those parts; the parts' weights
 * are rewritten to the renormalised ones (0 for parts that drop out). Null when no weighted part is left.
 */
function weightedMean(parts: { score: number | null; weight: number }[]): number | null {
  let total = 0;
  for (const p of parts) if (p.score !== null) total += p.weight;
  let sum = 0;
  for (const p of parts) {
    p.weight = p.score !== null && total > 0 ? p.weight / total : 0;
    if (p.score !== null) sum += p.weight * p.score;
  }
  return total > 0 ? sum : null;
}

function completeness(model: ModelVersion, values: Float64Array, domainIndexOfItem: readonly number[]): Completeness {
  const byDomain: Completeness['byDomain'] = {};
  for (const d of model.domains) byDomain[d.code] = { items: 0, answered: 0 };
  let answered = 0;
  let notApplicable = 0;
  for (let i = 0; i < values.length; i++) {
    const entry = byDomain[model.domains[domainIndexOfItem[i]!]!.code]!;
    entry.items++;
    if (Number.isNaN(values[i])) continue;
    answered++;
    entry.answered++;
    if (values[i] === NOT_APPLICABLE) notApplicable++;
  }
  return {
    items: values.length,
    answered,
    notApplicable,
    unanswered: values.length - answered,
    ratio: values.length ? answered / values.length : 1,
    byDomain,
  };
}
