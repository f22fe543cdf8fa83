import { ALLOCATED_AWARD_STATUSES, CLOSED_AWARD_STATUSES } from '@zhizao/domain';
import type { Insertable } from 'kysely';
import type { DialectName, Executor, Tx } from '../../db/database.ts';
import type { FundingLedgerEntryTable } from './tables.ts';
import type { ActorScope } from './scope.ts';

// Awards, their moves and the ledger: one place per query. Balances are always sums of the ledger.

export interface AwardFilter {
  status?: string;
  year?: number;
  districtCode?: string;
  enterpriseId?: number;
  projectId?: number;
}

function selectAwards(db: Executor, scope: ActorScope, filter: AwardFilter) {
  let query = db
    .selectFrom('fundingAward as a')
    .innerJoin('fundingProject as p', 'p.id', 'a.projectId')
    .innerJoin('enterprise as e', 'e.id', 'a.enterpriseId')
    .innerJoin('fundingPolicy as pol', 'pol.id', 'a.policyId');
  const districtCode = scope.districtCode ?? filter.districtCode;
  if (districtCode !== undefined) query = query.where('e.districtCode', '=', districtCode);
  if (scope.enterpriseId !== undefined) query = query.where('a.enterpriseId', '=', scope.enterpriseId);
  if (filter.enterpriseId !== undefined) query = query.where('a.enterpriseId', '=', filter.enterpriseId);
  if (filter.projectId !== undefined) query = query.where('a.projectId', '=', filter.projectId);
  if (filter.year !== undefined) query = query.where('a.year', '=', filter.year);
  if (filter.status) query = query.where('a.status', '=', filter.status);
  return query;
}

const awardColumns = [
  'a.id',
  'a.projectId',
  'p.name as projectName',
  'p.kind',
  'p.totalInvestmentFen',
  'p.targetsJson',
  'a.enterpriseId',
  'e.name as enterpriseName',
  'e.districtCode',
  'a.year',
  'a.policyId',
  'pol.code as policyCode',
  'pol.version as policyVersion',
  'pol.name as policyName',
  'a.status',
  'a.amountFen',
  'a.calculationJson',
  'a.approvedFen',
  'a.paidFen',
  'a.clawedBackFen',
  'a.envelopeId',
  'a.sampleDrawId',
  'a.sampled',
  'a.noticeStart',
  'a.noticeEnd',
  'a.evaluationJson',
  'a.version',
  'a.createdAt',
  'a.updatedAt',
] as const;

export async function listAwards(db: Executor, scope: ActorScope, filter: AwardFilter, page: { page: number; pageSize: number }) {
  const base = selectAwards(db, scope, filter);
  const [{ total }, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    base
      .select(awardColumns)
      .orderBy('a.updatedAt', 'desc')
      .orderBy('a.id', 'desc')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
  ]);
  return { total: Number(total), rows };
}

export const findAward = (db: Executor, id: number) =>
  selectAwards(db, {}, {}).select(awardColumns).where('a.id', '=', id).executeTakeFirst();
export type AwardRow = NonNullable<Awaited<ReturnType<typeof findAward>>>;

export const listMoves = (db: Executor, awardId: number) =>
  db
    .selectFrom('fundingAwardMove')
    .select(['action', 'fromStatus', 'toStatus', 'amountFen', 'note', 'actorUsername', 'actorRole', 'at'])
    .where('awardId', '=', awardId)
    .orderBy('id')
    .execute();

/**
 * Takes the row lock (PostgreSQL) so two moves on one award, or two approvals on one envelope, run one
 * after the other. SQLite has one writer: a transaction already holds the database (db/database.ts).
 */
export async function lockRow(tx: Tx, dialect: DialectName, table: 'fundingAward' | 'fundingEnvelope', id: number): Promise<boolean> {
  let query = tx.selectFrom(table).select('id').where('id', '=', id);
  if (dialect === 'postgres') query = query.forUpdate();
  return (await query.executeTakeFirst()) !== undefined;
}

/** What an enterprise holds in a year: open and allocated awards (their approved amount once approved). */
export async function awardedThisYear(
  db: Executor,
  enterpriseId: number,
  year: number,
  exceptAwardId = 0,
  allocatedOnly = false,
): Promise<number> {
  const row = await db
    .selectFrom('fundingAward')
    .select((eb) => eb.fn.sum<number>(eb.fn.coalesce('approvedFen', 'amountFen')).as('sum'))
    .where('enterpriseId', '=', enterpriseId)
    .where('year', '=', year)
    .where('id', '!=', exceptAwardId)
    .$call((q) => (allocatedOnly ? q.where('status', 'in', ALLOCATED_AWARD_STATUSES) : q.where('status', 'not in', CLOSED_AWARD_STATUSES)))
    .executeTakeFirst();
  return Number(row?.sum ?? 0);
}

export interface EnvelopeBalance {
  allocatedFen: number;
  paidFen: number;
  clawedBackFen: number;
}

/** Ledger sums per envelope. */
export async function envelopeBalances(db: Executor, envelopeIds: number[]): Promise<Map<number, EnvelopeBalance>> {
  const balances = new Map<number, EnvelopeBalance>(envelopeIds.map((id) => [id, { allocatedFen: 0, paidFen: 0, clawedBackFen: 0 }]));
  if (envelopeIds.length === 0) return balances;
  const rows = await db
    .selectFrom('fundingLedgerEntry')
    .select(['envelopeId', 'kind', (eb) => eb.fn.sum<number>('amountFen').as('sum')])
    .where('envelopeId', 'in', envelopeIds)
    .groupBy(['envelopeId', 'kind'])
    .execute();
  for (const r of rows) {
    const b = balances.get(r.envelopeId)!;
    const key = r.kind === 'allocation' ? 'allocatedFen' : r.kind === 'payment' ? 'paidFen' : 'clawedBackFen';
    b[key] = Number(r.sum);
  }
  return balances;
}

/** What the envelope can still allocate: its amount less allocations, plus what was clawed back. */
export const availableOf = (amountFen: number, b: EnvelopeBalance) => amountFen - b.allocatedFen + b.clawedBackFen;

export async function insertLedgerEntry(tx: Tx, entry: Insertable<FundingLedgerEntryTable>): Promise<void> {
  await tx.insertInto('fundingLedgerEntry').values(entry).execute();
}

export async function insertMove(
  tx: Tx,
  move: {
    awardId: number;
    action: string;
    fromStatus: string | null;
    toStatus: string;
    amountFen?: number | null;
    note?: string | null;
    actor: { userId: number | null; username: string | null; role: string | null };
    at: string;
  },
): Promise<void> {
  await tx
    .insertInto('fundingAwardMove')
    .values({
      awardId: move.awardId,
      action: move.action,
      fromStatus: move.fromStatus,
      toStatus: move.toStatus,
      amountFen: move.amountFen ?? null,
      note: move.note ?? null,
      actorUserId: move.actor.userId,
      actorUsername: move.actor.username,
      actorRole: move.actor.role,
      at: move.at,
    })
    .execute();
}
