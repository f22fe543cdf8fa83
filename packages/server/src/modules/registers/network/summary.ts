import {
  BASE_STATION_REGISTER,
  GIGABIT_INDICATOR_REGISTER,
  KEY_PLACE_REGISTER,
  keyPlaceReach,
  OBSTACLE_REGISTER,
  obstacleAgeDays,
  roundTo,
  stationsPer10k,
  type Actor,
  type RegisterDefinition,
} from '@zhizao/domain';
import { sql } from 'kysely';
import type { Executor } from '../../../db/database.ts';
import { anyDb } from '../engine/repo.ts';
import { readScope } from '../engine/scope.ts';
import { chinaToday } from '../engine/service.ts';

// The network figures counted from the registers' rows, in the caller's scope (a district officer sees
// their district): 5G base stations in service by operator and district, key-place reach, obstacle
// ageing; and the gigabit-city indicators as reported beside what the rows give, city-wide, as the
// indicators are the city's.

const liveRows = (db: Executor, definition: RegisterDefinition, actor: Actor | null) => {
  let query = anyDb(db).selectFrom(definition.table).where('archived', '=', 0);
  const scope = actor ? readScope(definition, actor) : {};
  if (scope.districtCode !== undefined) query = query.where('districtCode', '=', scope.districtCode);
  return query;
};
const count = sql<number>`count(*)`.as('n');

async function stationFigures(db: Executor, actor: Actor) {
  const rows = (await liveRows(db, BASE_STATION_REGISTER, actor)
    .select(['status', 'operator', 'districtCode', count])
    .groupBy(['status', 'operator', 'districtCode'])
    .execute()) as { status: string; operator: string; districtCode: string; n: number }[];
  const byStatus: Record<string, number> = { in_service: 0, planned: 0, decommissioned: 0 };
  const inService = rows.filter((r) => r.status === 'in_service').map((r) => ({ ...r, n: Number(r.n) }));
  for (const r of rows) byStatus[r.status] = (byStatus[r.status] ?? 0) + Number(r.n);
  const tally = (key: 'operator' | 'districtCode') => {
    const totals = new Map<string, number>();
    for (const r of inService) totals.set(r[key], (totals.get(r[key]) ?? 0) + r.n);
    return [...totals].map(([k, n]) => ({ [key]: k, count: n })).sort((a, b) => b.count - a.count);
  };
  return {
    inService: byStatus.in_service!,
    planned: byStatus.planned!,
    decommissioned: byStatus.decommissioned!,
    byOperator: tally('operator'),
    byDistrict: tally('districtCode'),
    byOperatorAndDistrict: inService.map((r) => ({ operator: r.operator, districtCode: r.districtCode, count: r.n })),
  };
}

async function keyPlaceFigures(db: Executor, actor: Actor | null) {
  const rows = (await liveRows(db, KEY_PLACE_REGISTER, actor).select(['coverage', count]).groupBy('coverage').execute()) as {
    coverage: string;
    n: number;
  }[];
  const by = (coverage: string) => Number(rows.find((r) => r.coverage === coverage)?.n ?? 0);
  const total = rows.reduce((sum, r) => sum + Number(r.n), 0);
  return { total, continuous: by('continuous'), partial: by('partial'), none: by('none'), reach: keyPlaceReach(by('continuous'), total) };
}

async function obstacleFigures(db: Executor, actor: Actor) {
  const rows = (await liveRows(db, OBSTACLE_REGISTER, actor).select(['status', 'raisedOn', 'resolvedOn']).execute()) as {
    status: string;
    raisedOn: string;
    resolvedOn: string | null;
  }[];
  const today = chinaToday();
  const ages = (unresolved: boolean) =>
    rows.filter((r) => (r.status !== 'resolved') === unresolved).map((r) => obstacleAgeDays(r, today) ?? 0);
  const open = ages(true);
  const resolved = ages(false);
  const mean = (values: number[]) => (values.length ? roundTo(values.reduce((a, b) => a + b, 0) / values.length, 1) : null);
  return {
    open: rows.filter((r) => r.status === 'open').length,
    assigned: rows.filter((r) => r.status === 'assigned').length,
    resolved: resolved.length,
    averageDaysOpen: mean(open),
    oldestDaysOpen: open.length ? Math.max(...open) : null,
    averageDaysToResolve: mean(resolved),
  };
}

/** Each reported indicator value, and beside it what the rows give where they can: stations per 10,000 people, key-place reach. */
async function gigabitComparison(db: Executor) {
  const reported = (await liveRows(db, GIGABIT_INDICATOR_REGISTER, null)
    .select(['indicator', 'year', 'value', 'source'])
    .orderBy('year')
    .orderBy('indicator')
    .execute()) as { indicator: string; year: number; value: number; source: string }[];
  // stations in service commissioned by each year's end (a decommissioned station's last day is not kept)
  const commissioned = (await liveRows(db, BASE_STATION_REGISTER, null)
    .where('status', '=', 'in_service')
    .select([sql<string>`substr(commissioned_on, 1, 4)`.as('year'), count])
    .groupBy(sql`substr(commissioned_on, 1, 4)`)
    .execute()) as { year: string; n: number }[];
  const stationsBy = (year: number) => commissioned.filter((c) => Number(c.year) <= year).reduce((sum, c) => sum + Number(c.n), 0);
  const population = (year: number) => reported.find((r) => r.indicator === 'population' && Number(r.year) === year)?.value ?? null;
  const places = await keyPlaceFigures(db, null);
  const latestYear = Math.max(...reported.filter((r) => r.indicator === 'key_place_reach').map((r) => Number(r.year)));
  return reported.map((r) => {
    const year = Number(r.year);
    const computed =
      r.indicator === 'stations_per_10k'
        ? stationsPer10k(stationsBy(year), population(year))
        : r.indicator === 'key_place_reach' && year === latestYear
          ? places.reach
          : null;
    return { indicator: r.indicator, year, reported: Number(r.value), computed, source: r.source };
  });
}

export async function networkSummary(db: Executor, actor: Actor) {
  const [baseStations, keyPlaces, obstacles, gigabit] = await Promise.all([
    stationFigures(db, actor),
    keyPlaceFigures(db, actor),
    obstacleFigures(db, actor),
    gigabitComparison(db),
  ]);
  return { baseStations, keyPlaces, obstacles, gigabit };
}
