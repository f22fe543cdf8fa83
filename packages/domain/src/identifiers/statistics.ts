import { toCsv } from '../files/csv.ts';

// Operations statistics of the node (运营统计, shared/domain/identifiers.md §2): registrations and resolutions per
// enterprise per day, reported upward to the national top-level node as a file (JSON or CSV).

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The calendar day in China (UTC+8, no daylight saving) of an instant: statistics days are Beijing days. */
export function chinaDay(ms: number): string {
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant the China day after the one holding `ms` begins (when a cached day string goes stale). */
export function nextChinaDayStart(ms: number): number {
  const day = Math.floor((ms + CHINA_OFFSET_MS) / 86_400_000);
  return (day + 1) * 86_400_000 - CHINA_OFFSET_MS;
}

export interface EnterpriseStatsRow {
  day: string;
  prefix: string;
  creditCode: string;
  enterpriseName: string;
  registrations: number;
  resolutions: number;
}

export const STATS_CSV_HEADER = ['day', 'prefix', 'credit_code', 'enterprise_name', 'registrations', 'resolutions'] as const;

/** The statistics as CSV with a header row (text cells that a spreadsheet would run as formulas neutralised). */
export function statsCsv(rows: readonly EnterpriseStatsRow[]): string {
  return toCsv(
    STATS_CSV_HEADER,
    rows.map((r) => [r.day, r.prefix, r.creditCode, r.enterpriseName, r.registrations, r.resolutions]),
  );
}
