import type { Executor } from '../../db/database.ts';

// The report queries (issue 5 part 6), one per question. Award money comes from the ledger, attributed
// to the award's year; projects and investment from the projects; both narrowed the same way.

export interface ReportFilter {
  from?: number;
  to?: number;
  year?: number;
  districtCode?: string;
  chainCode?: string;
}

export type GroupBy = 'year' | 'chain' | 'district';

function projectsOf(db: Executor, f: ReportFilter) {
  let q = db.selectFrom('fundingProject as p').innerJoin('enterprise as e', 'e.id', 'p.enterpriseId');
  if (f.districtCode) q = q.where('e.districtCode', '=', f.districtCode);
  if (f.chainCode) q = q.where('p.chainCode', '=', f.chainCode);
  if (f.year !== undefined) q = q.where('p.year', '=', f.year);
  if (f.from !== undefined) q = q.where('p.year', '>=', f.from);
  if (f.to !== undefined) q = q.where('p.year', '<=', f.to);
  return q;
}

const groupColumn = { year: 'p.year', chain: 'p.chainCode', district: 'e.districtCode' } as const;

export interface GroupFigures {
  key: string;
  projects: number;
  investmentFen: number;
  awards: number;
  awardedFen: number;
  paidFen: number;
  clawedBackFen: number;
}

/** Projects, investment and ledger sums grouped by year, chain or district. */
export async function figuresBy(db: Executor, by: GroupBy, f: ReportFilter): Promise<GroupFigures[]> {
  const col = groupColumn[by];
  const [projects, money] = await Promise.all([
    projectsOf(db, f)
      .select([
        `${col} as key`,
        (eb) => eb.fn.countAll<number>().as('projects'),
        (eb) => eb.fn.sum<number>('p.totalInvestmentFen').as('investment'),
      ])
      .groupBy(col)
      .execute(),
    projectsOf(db, f)
      .innerJoin('fundingAward as a', 'a.projectId', 'p.id')
      .innerJoin('fundingLedgerEntry as l', 'l.awardId', 'a.id')
      .select([
        `${col} as key`,
        'l.kind',
        (eb) => eb.fn.sum<number>('l.amountFen').as('sum'),
        (eb) => eb.fn.count<number>('a.id').distinct().as('awards'),
      ])
      .groupBy([col, 'l.kind'])
      .execute(),
  ]);
  const out = new Map<string, GroupFigures>();
  const at = (key: unknown) => {
    const k = key === null || key === undefined ? '' : String(key);
    if (!out.has(k)) out.set(k, { key: k, projects: 0, investmentFen: 0, awards: 0, awardedFen: 0, paidFen: 0, clawedBackFen: 0 });
    return out.get(k)!;
  };
  for (const r of projects) Object.assign(at(r.key), { projects: Number(r.projects), investmentFen: Number(r.investment ?? 0) });
  for (const r of money) {
    const g = at(r.key);
    if (r.kind === 'allocation') Object.assign(g, { awardedFen: Number(r.sum), awards: Number(r.awards) });
    else if (r.kind === 'payment') g.paidFen = Number(r.sum);
    else g.clawedBackFen = Number(r.sum);
  }
  return [...out.values()];
}

export async function fundTotals(db: Executor): Promise<Map<number, number>> {
  // the special fund the 智改数转 shares are of, not the talent fund
  const rows = await db.selectFrom('fundingFund').select(['year', 'totalFen']).where('purpose', '=', 'manufacturing').execute();
  return new Map(rows.map((r) => [r.year, Number(r.totalFen)]));
}

export type RecordMetric = 'projects' | 'awards' | 'payments';

/** The records behind a figure: projects, with what their awards were allocated and paid and their latest award. */
export async function figureRecords(db: Executor, metric: RecordMetric, f: ReportFilter, page: { page: number; pageSize: number }) {
  // Ledger sums and the latest award per project, each grouped once and joined (not a subquery per row).
  const money = db
    .selectFrom('fundingLedgerEntry as l')
    .innerJoin('fundingAward as la', 'la.id', 'l.awardId')
    .select((eb) => [
      'la.projectId',
      eb.fn.sum<number>(eb.case().when('l.kind', '=', 'allocation').then(eb.ref('l.amountFen')).else(0).end()).as('awardedFen'),
      eb.fn.sum<number>(eb.case().when('l.kind', '=', 'payment').then(eb.ref('l.amountFen')).else(0).end()).as('paidFen'),
    ])
    .groupBy('la.projectId');
  const latest = db
    .selectFrom('fundingAward')
    .select(['projectId', (eb) => eb.fn.max('id').as('awardId')])
    .groupBy('projectId');
  let base = projectsOf(db, f)
    .leftJoin(money.as('m'), 'm.projectId', 'p.id')
    .leftJoin(latest.as('last'), 'last.projectId', 'p.id')
    .leftJoin('fundingAward as a', 'a.id', 'last.awardId');
  if (metric === 'awards') base = base.where('m.awardedFen', '>', 0);
  if (metric === 'payments') base = base.where('m.paidFen', '>', 0);
  const [{ total }, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    base
      .select([
        'p.id as projectId',
        'p.name as projectName',
        'p.enterpriseId',
        'e.name as enterpriseName',
        'e.districtCode',
        'p.chainCode',
        'p.year',
        'p.kind',
        'p.totalInvestmentFen as investmentFen',
        'a.id as awardId',
        'a.status as awardStatus',
        'm.awardedFen',
        'm.paidFen',
      ])
      .orderBy('p.year', 'desc')
      .orderBy('p.id')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
  ]);
  return {
    total: Number(total),
    items: rows.map((r) => ({
      ...r,
      awardId: r.awardId ?? null,
      awardStatus: r.awardStatus ?? null,
      awardedFen: Number(r.awardedFen ?? 0),
      paidFen: Number(r.paidFen ?? 0),
    })),
  };
}
