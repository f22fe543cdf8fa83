import type { KpiTarget, Milestone } from '@zhizao/domain';
import type { Executor } from '../../db/database.ts';
import type { ActorScope } from './scope.ts';

// The funding_project table: one place per query.

export interface ProjectFilter {
  year?: number;
  kind?: string;
  districtCode?: string;
  chainCode?: string;
  enterpriseId?: number;
  q?: string;
}

export interface ProjectRecord {
  enterpriseId: number;
  chainCode: string | null;
  year: number;
  kind: string;
  name: string;
  description: string | null;
  equipmentFen: number;
  softwareFen: number;
  servicesFen: number;
  otherFen: number;
  startDate: string;
  completionDate: string | null;
  milestones: Milestone[];
  targets: KpiTarget[];
  /** Registered unless said otherwise (past demo years are completed). */
  status?: 'registered' | 'completed';
}

const projectColumns = [
  'p.id',
  'p.enterpriseId',
  'e.name as enterpriseName',
  'e.districtCode',
  'p.chainCode',
  'p.year',
  'p.kind',
  'p.name',
  'p.description',
  'p.equipmentFen',
  'p.softwareFen',
  'p.servicesFen',
  'p.otherFen',
  'p.totalInvestmentFen',
  'p.startDate',
  'p.completionDate',
  'p.milestonesJson',
  'p.targetsJson',
  'p.status',
  'p.version',
  'p.createdAt',
  'p.updatedAt',
] as const;

export function selectProjects(db: Executor, scope: ActorScope, filter: ProjectFilter) {
  let query = db.selectFrom('fundingProject as p').innerJoin('enterprise as e', 'e.id', 'p.enterpriseId');
  const districtCode = scope.districtCode ?? filter.districtCode;
  if (districtCode !== undefined) query = query.where('e.districtCode', '=', districtCode);
  if (scope.enterpriseId !== undefined) query = query.where('p.enterpriseId', '=', scope.enterpriseId);
  if (filter.enterpriseId !== undefined) query = query.where('p.enterpriseId', '=', filter.enterpriseId);
  if (filter.year !== undefined) query = query.where('p.year', '=', filter.year);
  if (filter.kind) query = query.where('p.kind', '=', filter.kind);
  if (filter.chainCode) query = query.where('p.chainCode', '=', filter.chainCode);
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('p.name', 'like', like), eb('e.name', 'like', like)]));
  }
  return query;
}

export async function listProjects(db: Executor, scope: ActorScope, filter: ProjectFilter, page: { page: number; pageSize: number }) {
  const base = selectProjects(db, scope, filter);
  const [{ total }, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    base
      .select(projectColumns)
      .orderBy('p.year', 'desc')
      .orderBy('p.id', 'desc')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
  ]);
  return { total: Number(total), rows };
}

export async function allProjects(db: Executor, scope: ActorScope, filter: ProjectFilter) {
  return selectProjects(db, scope, filter).select(projectColumns).orderBy('p.year').orderBy('p.id').execute();
}

export function findProject(db: Executor, id: number) {
  return db
    .selectFrom('fundingProject as p')
    .innerJoin('enterprise as e', 'e.id', 'p.enterpriseId')
    .select(projectColumns)
    .where('p.id', '=', id)
    .executeTakeFirst();
}

export const projectValues = (r: ProjectRecord) => ({
  enterpriseId: r.enterpriseId,
  chainCode: r.chainCode,
  year: r.year,
  kind: r.kind,
  name: r.name,
  description: r.description,
  equipmentFen: r.equipmentFen,
  softwareFen: r.softwareFen,
  servicesFen: r.servicesFen,
  otherFen: r.otherFen,
  totalInvestmentFen: r.equipmentFen + r.softwareFen + r.servicesFen + r.otherFen,
  startDate: r.startDate,
  completionDate: r.completionDate,
  milestonesJson: JSON.stringify(r.milestones),
  targetsJson: JSON.stringify(r.targets),
});

export async function insertProjects(
  db: Executor,
  records: ProjectRecord[],
  meta: { at: string; createdBy: number | null; isDemo?: boolean },
): Promise<number[]> {
  const ids: number[] = [];
  // 500 rows a statement: a whole import (2,000 rows × 19 columns) would pass SQLite's 32,766 bound parameters
  for (let from = 0; from < records.length; from += 500) {
    const rows = await db
      .insertInto('fundingProject')
      .values(
        records.slice(from, from + 500).map((r) => ({
          ...projectValues(r),
          status: r.status ?? 'registered',
          isDemo: meta.isDemo ? 1 : 0,
          createdBy: meta.createdBy,
          createdAt: meta.at,
          updatedAt: meta.at,
        })),
      )
      .returning('id')
      .execute();
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}

/** The first chain of an enterprise (by code): a project's default chain for the per-chain reports. */
export async function firstChainOf(db: Executor, enterpriseId: number): Promise<string | null> {
  const row = await db
    .selectFrom('enterpriseChain')
    .select('chainCode')
    .where('enterpriseId', '=', enterpriseId)
    .orderBy('chainCode')
    .limit(1)
    .executeTakeFirst();
  return row?.chainCode ?? null;
}
