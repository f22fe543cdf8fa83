import { TITLE_KINDS, TITLE_REGISTER, titleValidity, type Actor, type RecognitionLevel, type TitleValidity } from '@zhizao/domain';
import type { Executor } from '../../../db/database.ts';
import { anyDb } from '../engine/repo.ts';
import { readScope } from '../engine/scope.ts';
import { chinaToday } from '../engine/service.ts';

// The seed's title figures (seed §一), counted from rows in the caller's scope. Which count comes from
// where: the seed's "188 smart-manufacturing demonstration projects, of which 11 national demonstration
// projects, 39 provincial and 110 municipal smart factories and digital workshops" — the 160 of the three
// levels are the recognition ladder's recognitions in force (the ladder's national level is the national
// demonstration factory); a national demonstration factory awarded outside the ladder (a firm that applied
// directly) is a title of kind sm_demo_factory and adds to the national count; the remaining 28 are titles
// of kind sm_other_demonstration (pilot demonstrations, new-model projects, benchmark firms). Excellent
// scenarios are parts of a factory, not projects, and are counted on their own. "65 industrial-internet
// pilot and demonstration projects" are titles of kind ii_pilot (national and provincial); "100 provincial
// Morning Star Factories" titles of kind morning_star. Every count is cumulative (累计): a revoked title
// or recognition is out, an expired one was still won.

type LevelCounts = Record<RecognitionLevel, number>;
const zeroLevels = (): LevelCounts => ({ national: 0, provincial: 0, municipal: 0 });

export interface TitleKindFigure {
  kind: string;
  level: string;
  held: number;
  validity: Record<TitleValidity, number>;
}

export interface TitleFigures {
  smartManufacturing: {
    total: number;
    national: number;
    provincial: number;
    municipal: number;
    other: number;
    fromLadder: LevelCounts;
    fromTitles: { national: number; other: number };
  };
  industrialInternet: { total: number; national: number; provincial: number };
  morningStar: { total: number };
  byKind: TitleKindFigure[];
}

async function ladderCounts(db: Executor, scope: { districtCode?: string; enterpriseId?: number }): Promise<LevelCounts> {
  let query = db
    .selectFrom('recognition as r')
    .innerJoin('enterprise as e', 'e.id', 'r.enterpriseId')
    .select(['r.level', (eb) => eb.fn.countAll<number>().as('n')])
    .where('r.status', '=', 'active')
    .groupBy('r.level');
  if (scope.districtCode !== undefined) query = query.where('e.districtCode', '=', scope.districtCode);
  if (scope.enterpriseId !== undefined) query = query.where('r.enterpriseId', '=', scope.enterpriseId);
  const counts = zeroLevels();
  for (const row of await query.execute()) if (row.level in counts) counts[row.level as RecognitionLevel] = Number(row.n);
  return counts;
}

async function titleRows(db: Executor, scope: { districtCode?: string; enterpriseId?: number }) {
  let query = anyDb(db)
    .selectFrom(TITLE_REGISTER.table)
    .select(['kind', 'level', 'status', 'validUntil'])
    .where('archived', '=', 0)
    .where('status', '!=', 'revoked');
  if (scope.districtCode !== undefined) query = query.where('districtCode', '=', scope.districtCode);
  if (scope.enterpriseId !== undefined) query = query.where('enterpriseId', '=', scope.enterpriseId);
  return (await query.execute()) as { kind: string; level: string; status: string; validUntil: string | null }[];
}

export async function titleFigures(db: Executor, actor: Actor, today = chinaToday()): Promise<TitleFigures> {
  const scope = readScope(TITLE_REGISTER, actor);
  const [ladder, rows] = await Promise.all([ladderCounts(db, scope), titleRows(db, scope)]);
  const byKind: TitleKindFigure[] = [];
  for (const kind of TITLE_KINDS)
    for (const level of kind.levels) {
      const mine = rows.filter((r) => r.kind === kind.value && r.level === level);
      const validity = { valid: 0, expiring: 0, expired: 0, revoked: 0 };
      for (const r of mine) validity[titleValidity({ status: r.status, validUntil: r.validUntil }, today)]++;
      byKind.push({ kind: kind.value, level, held: mine.length, validity });
    }
  const held = (kind: string, level?: string) =>
    byKind.filter((f) => f.kind === kind && (level === undefined || f.level === level)).reduce((sum, f) => sum + f.held, 0);
  const titled = { national: held('sm_demo_factory'), other: held('sm_other_demonstration') };
  const national = ladder.national + titled.national;
  return {
    smartManufacturing: {
      total: national + ladder.provincial + ladder.municipal + titled.other,
      national,
      provincial: ladder.provincial,
      municipal: ladder.municipal,
      other: titled.other,
      fromLadder: ladder,
      fromTitles: titled,
    },
    industrialInternet: {
      total: held('ii_pilot'),
      national: held('ii_pilot', 'national'),
      provincial: held('ii_pilot', 'provincial'),
    },
    morningStar: { total: held('morning_star') },
    byKind,
  };
}
