import type { Summary } from './measure.ts';

export interface ScenarioResult {
  key: string;
  label: string;
  httpPath: string;
  rows: number;
  total: number;
  /** The three ways returned the same page, chain codes and total. */
  match: boolean;
  mismatch?: string;
  raw: Summary;
  repo: Summary;
  http: Summary;
  /** Median over median, and p95 over p95, against the raw SQL baseline. */
  ratios: { repo: number; http: number; repoP95: number; httpP95: number };
  sql: { page: string; count: string };
}

export interface DatabaseResult {
  kind: 'sqlite' | 'postgres';
  version: string;
  fill: { enterprises: number; chainLinks: number; searchTerms: number; ms: number };
  index: { ms: number; rssBeforeMb: number; rssAfterMb: number };
  scenarios: ScenarioResult[];
  ms: number;
}

// East Asian wide characters take two columns in a terminal.
const width = (s: string) =>
  [...s].reduce(
    (w, c) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(c) ? 2 : 1),
    0,
  );
const padEnd = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));
const padStart = (s: string, n: number) => ' '.repeat(Math.max(0, n - width(s))) + s;

export const ms = (v: number) => (v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0));
export const ratio = (v: number) => `${v.toFixed(2)}×`;

export function table(result: DatabaseResult): string {
  const head = ['query', 'page/total', 'raw med', 'raw p95', 'repo med', 'repo p95', 'http med', 'http p95', 'repo/raw', 'http/raw', 'n'];
  const rows = result.scenarios.map((s) => [
    `${s.label}${s.match ? '' : ' ≠!'}`,
    `${s.rows}/${s.total.toLocaleString('en')}`,
    ms(s.raw.median),
    ms(s.raw.p95),
    ms(s.repo.median),
    ms(s.repo.p95),
    ms(s.http.median),
    ms(s.http.p95),
    ratio(s.ratios.repo),
    ratio(s.ratios.http),
    String(s.raw.n),
  ]);
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? padEnd(c, widths[i]!) : padStart(c, widths[i]!))).join('  ');
  const title = `${result.version}: ${result.fill.enterprises.toLocaleString('en')} enterprises (${result.fill.searchTerms.toLocaleString('en')} search terms), filled in ${(result.fill.ms / 1000).toFixed(1)} s; search index built in ${(result.index.ms / 1000).toFixed(1)} s (RSS ${result.index.rssBeforeMb.toFixed(0)} → ${result.index.rssAfterMb.toFixed(0)} MB); times in ms, ratios of medians`;
  return [title, line(head), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
