import { addDays } from './calendar.ts';
import type { RecognitionKind, RecognitionLevel } from './types.ts';

// After recognition (issue 4 part 6): the number, re-evaluation every two years, revocation and the
// reapply ban. Dynamic management after the Hefei precedent: recognition-and-funding.md §3 — re-evaluated
// every 2 years (优秀 / 合格 / 不合格); revoked on no re-evaluation, 不合格, request, closure, fraud; reapply
// ban 2 years, 3 years after fraud.

export const REEVALUATION_YEARS = 2;
export const REEVALUATION_OUTCOMES = ['excellent', 'pass', 'fail'] as const;
export type ReevaluationOutcome = (typeof REEVALUATION_OUTCOMES)[number];

export const REVOCATION_CAUSES = ['no_reevaluation', 'reevaluation_failed', 'enterprise_request', 'closed', 'fraud'] as const;
export type RevocationCause = (typeof REVOCATION_CAUSES)[number];

export const BAN_YEARS: Record<RevocationCause, number> = {
  no_reevaluation: 2,
  reevaluation_failed: 2,
  enterprise_request: 2,
  closed: 2,
  fraud: 3,
};

export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  // 29 February plus a year lands on 28 February, never on 1 March
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return `${String(y + years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** When the next re-evaluation is due: two years after recognition or after the last re-evaluation. */
export const reevaluationDue = (since: string): string => addYears(since, REEVALUATION_YEARS);

/** The last day of the ban that a revocation on `revokedOn` for `cause` sets. */
export const banUntil = (cause: RevocationCause, revokedOn: string): string => addDays(addYears(revokedOn, BAN_YEARS[cause]), -1);

/** A re-evaluation that fails revokes the recognition. */
export const revokesOnReevaluation = (outcome: ReevaluationOutcome): boolean => outcome === 'fail';

// ── recognition numbers: WH-<year>-<SF|DW>-<M|P|N>-<serial, 3+ digits>, e.g. WH-2026-SF-M-007 ──
const KIND_CODE: Record<RecognitionKind, string> = { smart_factory: 'SF', digital_workshop: 'DW' };
const LEVEL_CODE: Record<RecognitionLevel, string> = { municipal: 'M', provincial: 'P', national: 'N' };
const NUMBER = /^WH-(\d{4})-(SF|DW)-([MPN])-(\d{3,})$/;

export function formatRecognitionNumber(p: { year: number; kind: RecognitionKind; level: RecognitionLevel; serial: number }): string {
  if (!Number.isInteger(p.serial) || p.serial < 1) throw new RangeError('serial must be a positive integer');
  return `WH-${p.year}-${KIND_CODE[p.kind]}-${LEVEL_CODE[p.level]}-${String(p.serial).padStart(3, '0')}`;
}

export function parseRecognitionNumber(
  value: string,
): { year: number; kind: RecognitionKind; level: RecognitionLevel; serial: number } | null {
  const m = NUMBER.exec(value);
  if (!m) return null;
  const kind = (Object.keys(KIND_CODE) as RecognitionKind[]).find((k) => KIND_CODE[k] === m[2])!;
  const level = (Object.keys(LEVEL_CODE) as RecognitionLevel[]).find((l) => LEVEL_CODE[l] === m[3])!;
  return { year: Number(m[1]), kind, level, serial: Number(m[4]) };
}

/** The prefix shared by every number of one year, kind and level (to find the next serial). */
export const recognitionNumberPrefix = (year: number, kind: RecognitionKind, level: RecognitionLevel): string =>
  `WH-${year}-${KIND_CODE[kind]}-${LEVEL_CODE[level]}-`;
