import { UPWARD_RECOMMENDATION_REGISTER, type Actor } from '@zhizao/domain';
import type { Executor } from '../../../db/database.ts';
import { anyDb } from '../engine/repo.ts';
import { readScope } from '../engine/scope.ts';

// "Help firms win support at every level" (seed §三.(一)), measured: how many projects the city
// recommended, how many won, and the money won — in all, by level, by year and by programme.

export interface RecommendationTally {
  recommended: number;
  won: number;
  notSelected: number;
  pending: number;
  /** Fen. */
  amountWon: number;
  /** Won among the decided, or null before any is decided. */
  winRate: number | null;
}

const empty = (): RecommendationTally => ({ recommended: 0, won: 0, notSelected: 0, pending: 0, amountWon: 0, winRate: null });

function add(tally: RecommendationTally, row: { outcome: string; amountWon: number | null }) {
  tally.recommended++;
  if (row.outcome === 'won') tally.won++;
  else if (row.outcome === 'not_selected') tally.notSelected++;
  else tally.pending++;
  tally.amountWon += Number(row.amountWon ?? 0);
  const decided = tally.won + tally.notSelected;
  tally.winRate = decided ? Math.round((tally.won / decided) * 1000) / 1000 : null;
}

function groupBy<K extends string | number>(rows: Row[], key: (r: Row) => K) {
  const groups = new Map<K, RecommendationTally>();
  for (const row of rows) {
    const k = key(row);
    if (!groups.has(k)) groups.set(k, empty());
    add(groups.get(k)!, row);
  }
  return [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

interface Row {
  programme: string;
  level: string;
  year: number;
  outcome: string;
  amountWon: number | null;
}

export async function recommendationSummary(db: Executor, actor: Actor) {
  const scope = readScope(UPWARD_RECOMMENDATION_REGISTER, actor);
  let query = anyDb(db)
    .selectFrom(UPWARD_RECOMMENDATION_REGISTER.table)
    .select(['programme', 'level', 'year', 'outcome', 'amountWon'])
    .where('archived', '=', 0);
  if (scope.districtCode !== undefined) query = query.where('districtCode', '=', scope.districtCode);
  if (scope.enterpriseId !== undefined) query = query.where('enterpriseId', '=', scope.enterpriseId);
  const rows = ((await query.execute()) as Row[]).map((r) => ({ ...r, year: Number(r.year) }));
  const total = empty();
  for (const row of rows) add(total, row);
  return {
    total,
    byLevel: groupBy(rows, (r) => r.level).map(([level, tally]) => ({ level, ...tally })),
    byYear: groupBy(rows, (r) => r.year).map(([year, tally]) => ({ year, ...tally })),
    byProgramme: groupBy(rows, (r) => r.programme).map(([programme, tally]) => ({ programme, ...tally })),
  };
}
