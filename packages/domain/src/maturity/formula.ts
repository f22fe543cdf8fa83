import type { FormulaId, ReachedLevel } from './model.ts';

// The total score S ∈ [0, 5] and its bands, maturity.md §4.4–4.5. Which formula the standard uses is
// unconfirmed, so the model version names one (formulaId) and both live here side by side.

/**
 * Sums of 0.8s land a hair below 0.8 in floating point (0.8·3/3 ≠ 0.8 in general); a level score within
 * this distance of the threshold counts as reaching it, so "all mostly satisfied" reaches the level.
 */
export const SCORE_EPSILON = 1e-9;

export function meetsThreshold(score: number | null, threshold: number): boolean {
  return score !== null && score >= threshold - SCORE_EPSILON;
}

/** The highest k with A_1 … A_k all at or above the threshold (§4.3); 0 when A_1 falls short. */
export function reachedLevel(levelScores: readonly (number | null)[], threshold: number): ReachedLevel {
  let n = 0;
  while (n < 5 && meetsThreshold(levelScores[n] ?? null, threshold)) n++;
  return n as ReachedLevel;
}

/**
 * S from the level vector A_1 … A_5 (index 0 … 4) and the reached level n. A level without scorable
 * items (null) and A_6 count as 0.
 *  - bandAligned (formula A): S = (n − 1) + A_n + A_(n+1); n = 0 → S = A_1.
 *  - popular (formula B):     S = n + A_(n+1).
 */
export function totalScore(formulaId: FormulaId, levelScores: readonly (number | null)[], n: ReachedLevel): number {
  const a = (k: number) => (k >= 1 && k <= 5 ? (levelScores[k - 1] ?? 0) : 0);
  switch (formulaId) {
    case 'bandAligned':
      return n === 0 ? a(1) : n - 1 + a(n) + a(n + 1);
    case 'popular':
      return n + a(n + 1);
  }
}

export interface ScoreBand {
  level: ReachedLevel;
  min: number;
  /** Exclusive, except for level 5 where the band is closed at 5. */
  max: number;
  maxInclusive: boolean;
}

/**
 * The band of S a reached level produces under a formula and threshold t. Formula A gives
 * [n − 1 + t, n + t) — with t = 0.8 exactly the table of §4.4; formula B gives [n, n + t).
 */
export function scoreBand(formulaId: FormulaId, n: ReachedLevel, threshold: number): ScoreBand {
  if (n === 0) return { level: 0, min: 0, max: threshold, maxInclusive: false };
  if (n === 5) return { level: 5, min: formulaId === 'bandAligned' ? 4 + threshold : 5, max: 5, maxInclusive: true };
  const min = formulaId === 'bandAligned' ? n - 1 + threshold : n;
  return { level: n, min, max: n + threshold, maxInclusive: false };
}

export function inBand(score: number, band: ScoreBand, epsilon = SCORE_EPSILON): boolean {
  const belowMax = band.maxInclusive ? score <= band.max + epsilon : score < band.max;
  return score >= band.min - epsilon && belowMax;
}
