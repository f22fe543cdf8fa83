import type { KpiTarget } from './kinds.ts';

// Completion and performance evaluation against the project's targets (issue 5 part 4; KPI model from
// shared/domain/recognition-and-funding.md §6: baseline, target, actual; the change % is computed).

export interface KpiActual {
  code: string;
  actual: number;
}

export interface EvaluationLine extends KpiTarget {
  actual: number | null;
  met: boolean;
  /** Change from the baseline in %, one decimal; null when the baseline is 0. */
  changePct: number | null;
}

export type EvaluationResult = 'met' | 'partial' | 'missed';

export interface Evaluation {
  lines: EvaluationLine[];
  metCount: number;
  total: number;
  result: EvaluationResult;
  /** Paid × share of targets missed, rounded down: the reviewer's starting point for a claw-back. */
  suggestedClawBackFen: number;
}

export function evaluatePerformance(targets: readonly KpiTarget[], actuals: readonly KpiActual[], paidFen: number): Evaluation {
  const byCode = new Map(actuals.map((a) => [a.code, a.actual]));
  const lines = targets.map((t): EvaluationLine => {
    const actual = byCode.get(t.code) ?? null;
    const met = actual !== null && (t.direction === 'up' ? actual >= t.target : actual <= t.target);
    const changePct = actual === null || t.baseline === 0 ? null : Math.round(((actual - t.baseline) / Math.abs(t.baseline)) * 1000) / 10;
    return { ...t, actual, met, changePct };
  });
  const metCount = lines.filter((l) => l.met).length;
  const total = lines.length;
  const result: EvaluationResult = metCount === total ? 'met' : metCount === 0 ? 'missed' : 'partial';
  const suggestedClawBackFen = total === 0 ? 0 : Math.floor((paidFen * (total - metCount)) / total);
  return { lines, metCount, total, result, suggestedClawBackFen };
}

/** Actuals naming a KPI the project does not have: the codes, so the caller can refuse them. */
export const unknownKpiCodes = (targets: readonly KpiTarget[], actuals: readonly KpiActual[]): string[] =>
  actuals.filter((a) => !targets.some((t) => t.code === a.code)).map((a) => a.code);
