import { constraintViolated, type Executor, type Tx } from '../../db/database.ts';
import type { AuditActor } from '../../platform/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';

// The bureau's administration of the taxonomy: industry chains and clusters (created, changed,
// deleted) and the display names of districts (their codes are GB/T 2260 and never change). Every
// change is audited before → after in its own transaction; an entry still used cannot be deleted.

export interface NamesInput {
  nameZh: string;
  nameEn: string;
  sortOrder?: number;
}
export interface ChainInput extends NamesInput {
  code: string;
}
export interface ClusterInput extends ChainInput {
  chainCode: string | null;
}
export type ClusterChange = NamesInput & { chainCode: string | null };

type Kind = 'chain' | 'cluster';
// Chains and clusters share code, names, is_demo and sort_order; the queries below touch only those,
// so one table type serves both.
const TABLE = { chain: 'industryChain', cluster: 'industryCluster' } as const satisfies Record<Kind, string>;
const tableOf = (kind: Kind) => TABLE[kind] as 'industryChain';

export const normaliseCode = (code: string) => code.trim().toUpperCase();
const names = (input: NamesInput) => ({ nameZh: input.nameZh.trim(), nameEn: input.nameEn.trim() });

interface EntryRow {
  code: string;
  nameZh: string;
  nameEn: string;
  isDemo: number;
  sortOrder: number;
  chainCode?: string | null;
}
export const presentEntry = ({ isDemo, ...row }: EntryRow) => ({ ...row, isDemo: isDemo === 1 });

const findEntry = (db: Executor, kind: Kind, code: string) =>
  db.selectFrom(tableOf(kind)).selectAll().where('code', '=', code).executeTakeFirst() as Promise<EntryRow | undefined>;

async function assertNameFree(tx: Tx, kind: Kind | 'district', nameZh: string, exceptCode: string | null) {
  const table = kind === 'district' ? 'district' : tableOf(kind);
  let q = tx
    .selectFrom(table as 'industryChain')
    .select('code')
    .where('nameZh', '=', nameZh);
  if (exceptCode) q = q.where('code', '!=', exceptCode);
  if (await q.executeTakeFirst()) throw new AppError(409, 'taxonomy.nameTaken', { name: nameZh }, 'nameZh');
}

async function assertChainExists(tx: Tx, chainCode: string | null) {
  if (chainCode && !(await findEntry(tx, 'chain', chainCode)))
    throw new AppError(400, 'taxonomy.unknownChain', { code: chainCode }, 'chainCode');
}

async function inTransaction<T>(ctx: AppContext, work: (tx: Tx) => Promise<T>, onConflict: () => AppError): Promise<T> {
  try {
    return await ctx.db.transaction().execute(work);
  } catch (error) {
    if (!(error instanceof AppError) && constraintViolated(error)) throw onConflict();
    throw error;
  }
}

async function nextSortOrder(tx: Tx, kind: Kind): Promise<number> {
  const row = await tx
    .selectFrom(tableOf(kind))
    .select((eb) => eb.fn.max('sortOrder').as('max'))
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

async function createEntry(ctx: AppContext, who: AuditActor, kind: Kind, input: ChainInput, chainCode?: string | null) {
  const code = normaliseCode(input.code);
  const codeTaken = () => new AppError(409, 'taxonomy.codeTaken', { code }, 'code');
  return inTransaction(
    ctx,
    async (tx) => {
      if (await findEntry(tx, kind, code)) throw codeTaken();
      await assertNameFree(tx, kind, names(input).nameZh, null);
      if (kind === 'cluster') await assertChainExists(tx, chainCode ?? null);
      const row = {
        code,
        ...names(input),
        isDemo: 0,
        sortOrder: input.sortOrder ?? (await nextSortOrder(tx, kind)),
        ...(kind === 'cluster' ? { chainCode: chainCode ?? null } : {}),
      };
      await tx.insertInto(tableOf(kind)).values(row).execute();
      const after = presentEntry(row);
      await ctx.audit.append(tx, who, { action: `${kind}.create`, entityType: kind, entityId: code, after });
      return after;
    },
    codeTaken,
  );
}

async function updateEntry(ctx: AppContext, who: AuditActor, kind: Kind, rawCode: string, input: NamesInput, chainCode?: string | null) {
  const code = normaliseCode(rawCode);
  return ctx.db.transaction().execute(async (tx) => {
    const before = await findEntry(tx, kind, code);
    if (!before) throw new AppError(404, 'taxonomy.notFound');
    await assertNameFree(tx, kind, names(input).nameZh, code);
    if (kind === 'cluster') await assertChainExists(tx, chainCode ?? null);
    // An entry the bureau has edited is its own: no longer an unconfirmed demo value.
    const patch = {
      ...names(input),
      isDemo: 0,
      sortOrder: input.sortOrder ?? before.sortOrder,
      ...(kind === 'cluster' ? { chainCode: chainCode ?? null } : {}),
    };
    await tx.updateTable(tableOf(kind)).set(patch).where('code', '=', code).execute();
    const after = presentEntry({ ...before, ...patch });
    await ctx.audit.append(tx, who, { action: `${kind}.update`, entityType: kind, entityId: code, before: presentEntry(before), after });
    return after;
  });
}

/** How many enterprises (archived ones included: they still refer to it) use each entry. */
async function usageOf(db: Executor, kind: Kind, code: string): Promise<number> {
  const row =
    kind === 'chain'
      ? await db
          .selectFrom('enterpriseChain')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('chainCode', '=', code)
          .executeTakeFirstOrThrow()
      : await db
          .selectFrom('enterprise')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('clusterCode', '=', code)
          .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function deleteEntry(ctx: AppContext, who: AuditActor, kind: Kind, rawCode: string) {
  const code = normaliseCode(rawCode);
  const inUse = (count = 1) => new AppError(409, 'taxonomy.inUse', { count }, 'code');
  await inTransaction(
    ctx,
    async (tx) => {
      const before = await findEntry(tx, kind, code);
      if (!before) throw new AppError(404, 'taxonomy.notFound');
      const count = await usageOf(tx, kind, code);
      if (count) throw inUse(count);
      if (kind === 'chain' && (await tx.selectFrom('industryCluster').select('code').where('chainCode', '=', code).executeTakeFirst())) {
        throw new AppError(409, 'taxonomy.hasClusters', {}, 'code');
      }
      await tx.deleteFrom(tableOf(kind)).where('code', '=', code).execute();
      await ctx.audit.append(tx, who, { action: `${kind}.delete`, entityType: kind, entityId: code, before: presentEntry(before) });
    },
    inUse,
  );
}

export const createChain = (ctx: AppContext, who: AuditActor, input: ChainInput) => createEntry(ctx, who, 'chain', input);
export const updateChain = (ctx: AppContext, who: AuditActor, code: string, input: NamesInput) =>
  updateEntry(ctx, who, 'chain', code, input);
export const deleteChain = (ctx: AppContext, who: AuditActor, code: string) => deleteEntry(ctx, who, 'chain', code);

export const createCluster = (ctx: AppContext, who: AuditActor, input: ClusterInput) =>
  createEntry(ctx, who, 'cluster', input, input.chainCode && normaliseCode(input.chainCode));
export const updateCluster = (ctx: AppContext, who: AuditActor, code: string, input: ClusterChange) =>
  updateEntry(ctx, who, 'cluster', code, input, input.chainCode && normaliseCode(input.chainCode));
export const deleteCluster = (ctx: AppContext, who: AuditActor, code: string) => deleteEntry(ctx, who, 'cluster', code);

/** Renames a district for display; its code (GB/T 2260 / NBS) is what enterprises refer to and stays. */
export async function renameDistrict(ctx: AppContext, who: AuditActor, code: string, input: { nameZh: string; nameEn: string }) {
  return ctx.db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('district').selectAll().where('code', '=', code).executeTakeFirst();
    if (!before) throw new AppError(404, 'taxonomy.notFound');
    await assertNameFree(tx, 'district', names(input).nameZh, code);
    const after = { ...before, ...names(input) };
    await tx.updateTable('district').set(names(input)).where('code', '=', code).execute();
    await ctx.audit.append(tx, who, { action: 'district.rename', entityType: 'district', entityId: code, before, after });
    return after;
  });
}

/** Enterprises per district, chain and cluster, archived ones included: what blocks a deletion. */
export async function taxonomyUsage(db: Executor) {
  const [districts, chains, clusters] = await Promise.all([
    db
      .selectFrom('enterprise')
      .select(['districtCode as code', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('districtCode')
      .execute(),
    db
      .selectFrom('enterpriseChain')
      .select(['chainCode as code', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('chainCode')
      .execute(),
    db
      .selectFrom('enterprise')
      .select(['clusterCode as code', (eb) => eb.fn.countAll<number>().as('n')])
      .where('clusterCode', 'is not', null)
      .groupBy('clusterCode')
      .execute(),
  ]);
  const toMap = (rows: { code: string | null; n: number }[]) => Object.fromEntries(rows.map((r) => [r.code, Number(r.n)]));
  return { districts: toMap(districts), chains: toMap(chains), clusters: toMap(clusters) };
}
