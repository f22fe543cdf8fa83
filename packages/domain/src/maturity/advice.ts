import { meetsThreshold } from './formula.ts';
import type { Answer, Level } from './model.ts';
import type { Requirement } from './question-bank/types.ts';
import type { MaturityResult, Scorer } from './score.ts';

// The gap list to the next level, maturity.md §12.3 (prioritisation as in SIRI, §10): the unmet
// requirements of level n+1 ordered by weighted shortfall (1 − X)·γ·α / n_c — exactly what A_(n+1)
// gains if that requirement became fully satisfied, with γ and α the renormalised weights of the
// scoring. Gains add up, since raising X changes no weight, so the cumulative projection is exact.

export interface Gap {
  requirement: Requirement;
  domainCode: string;
  /** X now; null when unanswered (it scores 0 once submitted). */
  value: number | null;
  /** Increase of A_(n+1) when this requirement is fully met. */
  gain: number;
  /** A_(n+1) once this and every gap before it are fully met. */
  projectedScore: number;
}

export interface ImprovementPlan {
  /** n + 1; null at level 5. */
  targetLevel: Level | null;
  /** A_(n+1) now (null when nothing is scored at that level: every requirement N/A). */
  currentScore: number | null;
  threshold: number;
  gaps: Gap[];
  /** How many gaps, taken in order, lift A_(n+1) to the threshold; null if it cannot be reached this way. */
  reachesThresholdAfter: number | null;
  result: MaturityResult;
}

/** The plan for a submitted assessment: scored in final mode, so an unanswered requirement is a gap at 0. */
export function improvementPlan(scorer: Scorer, answers: readonly Answer[]): ImprovementPlan {
  const result = scorer.score(answers, 'final');
  const threshold = result.passThreshold;
  const n = result.reachedLevel;
  if (n === 5) return { targetLevel: null, currentScore: null, threshold, gaps: [], reachesThresholdAfter: null, result };
  const targetLevel = (n + 1) as Level;
  const levelScore = result.levels[n]!;

  const weightOf = new Map<string, { domainCode: string; factor: number }>();
  for (const d of levelScore.domains)
    for (const s of d.subDomains) if (s.scored > 0) weightOf.set(s.code, { domainCode: d.code, factor: (d.weight * s.weight) / s.scored });
  const valueOf = new Map<string, number | null>();
  for (const a of answers) valueOf.set(a.requirementId, a.value);

  const gaps: Omit<Gap, 'projectedScore'>[] = [];
  for (const requirement of scorer.requirements) {
    if (requirement.level !== targetLevel) continue;
    const value = valueOf.has(requirement.id) ? valueOf.get(requirement.id)! : undefined;
    const weight = weightOf.get(requirement.subDomainCode);
    if (value === null || !weight) continue; // N/A, or a sub-domain outside the level's weights
    const gain = (1 - (value ?? 0)) * weight.factor;
    // Fully met, or weighing 0 (e.g. an optional sub-domain): nothing to gain for this level.
    if (gain > 0) gaps.push({ requirement, domainCode: weight.domainCode, value: value ?? null, gain });
  }
  gaps.sort((a, b) => b.gain - a.gain); // stable: ties keep bank order

  let projected = levelScore.score ?? 0;
  let reachesThresholdAfter: number | null = null;
  const planned = gaps.map((gap, i) => {
    projected += gap.gain;
    if (reachesThresholdAfter === null && meetsThreshold(projected, threshold)) reachesThresholdAfter = i + 1;
    return { ...gap, projectedScore: projected };
  });
  return { targetLevel, currentScore: levelScore.score, threshold, gaps: planned, reachesThresholdAfter, result };
}
