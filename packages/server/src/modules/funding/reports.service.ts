import type { Actor } from '@zhizao/domain';
import type { Executor } from '../../db/database.ts';
import { figureRecords, figuresBy, fundTotals, type RecordMetric, type ReportFilter } from './reports.repo.ts';
import { scopedDistrict } from './scope.ts';
import { AppError } from '../../platform/errors.ts';

const MAX_YEAR_SPAN = 200;

// Reports (issue 5 part 6): per year with the share of the fund, the project trend, per chain and
// district, cumulative since a year; every figure has its records behind it (figureRecords).
// "Awarded" is what was allocated (approved) for the year's awards; claw-backs are shown beside it.

const scoped = (actor: Actor, f: ReportFilter): ReportFilter => ({ ...f, districtCode: scopedDistrict(actor, f.districtCode) });

export async function yearRows(db: Executor, actor: Actor, filter: ReportFilter) {
  const f = scoped(actor, filter);
  const [groups, totals] = await Promise.all([figuresBy(db, 'year', f), fundTotals(db)]);
  const byYear = new Map(groups.map((g) => [Number(g.key), g]));
  const years = [...byYear.keys()];
  const from = filter.from ?? Math.min(...years, new Date().getFullYear());
  const to = filter.to ?? Math.max(...years, from);
  // the schema bounds both years; this keeps the loop bounded whatever reaches it
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || to - from > MAX_YEAR_SPAN)
    throw new AppError(400, 'validation.invalid', {}, 'to');
  const rows = [];
  for (let year = from; year <= to; year++) {
    const g = byYear.get(year);
    const fundTotalFen = totals.get(year) ?? null;
    const awardedFen = g?.awardedFen ?? 0;
    rows.push({
      year,
      projects: g?.projects ?? 0,
      investmentFen: g?.investmentFen ?? 0,
      awards: g?.awards ?? 0,
      awardedFen,
      paidFen: g?.paidFen ?? 0,
      clawedBackFen: g?.clawedBackFen ?? 0,
      fundTotalFen,
      // The share of the whole fund is only meaningful city-wide; a district's slice is not a share of it.
      shareOfFund: fundTotalFen && !f.districtCode && !f.chainCode ? awardedFen / fundTotalFen : null,
    });
  }
  return { rows };
}

export async function breakdownRows(db: Executor, actor: Actor, by: 'chain' | 'district', filter: ReportFilter) {
  const f = scoped(actor, filter);
  const groups = await figuresBy(db, by, f);
  const names =
    by === 'chain'
      ? await db.selectFrom('industryChain').select(['code', 'nameZh', 'nameEn', 'sortOrder']).execute()
      : await db.selectFrom('district').select(['code', 'nameZh', 'nameEn', 'sortOrder']).execute();
  const nameOf = new Map(names.map((n) => [n.code, n]));
  const rows = groups.map((g) => {
    const n = nameOf.get(g.key);
    return { code: g.key || null, nameZh: n?.nameZh ?? '未归属', nameEn: n?.nameEn ?? 'Unassigned', sortOrder: n?.sortOrder ?? 9999, ...g };
  });
  rows.sort((a, b) => a.sortOrder - b.sortOrder);
  return { rows: rows.map(({ sortOrder: _s, key: _k, ...r }) => r) };
}

export async function cumulative(db: Executor, actor: Actor, filter: ReportFilter & { since: number }) {
  const { rows } = await yearRows(db, actor, { ...filter, from: filter.since });
  const sum = (k: 'projects' | 'investmentFen' | 'awardedFen' | 'paidFen' | 'clawedBackFen' | 'awards') =>
    rows.reduce((s, r) => s + r[k], 0);
  return {
    since: filter.since,
    through: rows.at(-1)?.year ?? filter.since,
    projects: sum('projects'),
    investmentFen: sum('investmentFen'),
    awards: sum('awards'),
    awardedFen: sum('awardedFen'),
    paidFen: sum('paidFen'),
    clawedBackFen: sum('clawedBackFen'),
  };
}

export async function recordsBehind(
  db: Executor,
  actor: Actor,
  metric: RecordMetric,
  filter: ReportFilter & { since?: number },
  page: { page: number; pageSize: number },
) {
  const { since, ...rest } = filter;
  const f = scoped(actor, since !== undefined ? { ...rest, from: since } : rest);
  return { ...(await figureRecords(db, metric, f, page)), ...page };
}
