import type { EnterpriseInput, ManufacturingType, SizeClass } from '@zhizao/domain';
import type { Executor, Tx } from '../../db/database.ts';
import type { EnterpriseRow } from '../../db/schema.ts';
import { SEALED_COLUMNS } from '../../db/sealed-columns.ts';
import type { AppContext } from '../../platform/context.ts';
import type { FieldCipher } from '../../platform/field-crypto.ts';
import { nextSearchVersion } from './enterprise-search.ts';

export interface EnterpriseRecord extends EnterpriseInput {
  id: number;
  archived: boolean;
  isDemo: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface EnterpriseFilter {
  q?: string;
  districtCode?: string;
  chainCode?: string;
  clusterCode?: string;
  sizeClass?: SizeClass;
  manufacturingType?: ManufacturingType;
  /** 'active' (default), 'archived' or 'all'. */
  status?: 'active' | 'archived' | 'all';
}

export type EnterpriseSort = 'name' | 'createdAt' | 'updatedAt' | 'creditCode';

// Contacts are sealed here on every write and opened on every read, so callers only ever see plaintext.
const SEALED = SEALED_COLUMNS.enterprise.columns;

const toColumns = (cipher: FieldCipher, input: EnterpriseInput) => ({
  creditCode: input.creditCode,
  name: input.name,
  districtCode: input.districtCode,
  clusterCode: input.clusterCode,
  sizeClass: input.sizeClass,
  manufacturingType: input.manufacturingType,
  industryCode: input.industryCode,
  address: input.address,
  mainProducts: input.mainProducts,
  contactName: input.contactName,
  ...cipher.sealFields({ contactPhone: input.contactPhone, contactEmail: input.contactEmail }, SEALED),
});

/** The record as the audit log keeps it: contacts sealed as in the table, so the log holds no plaintext copy. */
export const auditedEnterprise = (cipher: FieldCipher, e: EnterpriseRecord) => cipher.sealFields(e, SEALED);

function toRecord(cipher: FieldCipher, stored: EnterpriseRow, chainCodes: string[]): EnterpriseRecord {
  const row = cipher.openFields(stored, SEALED);
  return {
    id: row.id,
    creditCode: row.creditCode,
    name: row.name,
    districtCode: row.districtCode,
    chainCodes,
    clusterCode: row.clusterCode,
    sizeClass: row.sizeClass as SizeClass,
    manufacturingType: row.manufacturingType as ManufacturingType,
    industryCode: row.industryCode,
    address: row.address,
    mainProducts: row.mainProducts,
    contactName: row.contactName,
    contactPhone: row.contactPhone,
    contactEmail: row.contactEmail,
    archived: row.archived === 1,
    isDemo: row.isDemo === 1,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

async function writeChains(tx: Tx, id: number, input: EnterpriseInput): Promise<void> {
  await tx.deleteFrom('enterpriseChain').where('enterpriseId', '=', id).execute();
  if (input.chainCodes.length)
    await tx
      .insertInto('enterpriseChain')
      .values(input.chainCodes.map((chainCode) => ({ enterpriseId: id, chainCode })))
      .execute();
}

export async function insertEnterprise(
  tx: Tx,
  cipher: FieldCipher,
  input: EnterpriseInput,
  options: { isDemo?: boolean; at?: string } = {},
): Promise<EnterpriseRecord> {
  const at = options.at ?? new Date().toISOString();
  const row = await tx
    .insertInto('enterprise')
    .values({
      ...toColumns(cipher, input),
      archived: 0,
      isDemo: options.isDemo ? 1 : 0,
      createdAt: at,
      updatedAt: at,
      version: 1,
      searchVersion: await nextSearchVersion(tx),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await writeChains(tx, row.id, input);
  return toRecord(cipher, row, input.chainCodes);
}

// Bound parameters per statement: well under SQLite's 32,766 (since 3.32) and PostgreSQL's 65,535.
const MAX_PARAMS = 8000;

async function insertInChunks<T extends object>(rows: T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  if (!rows.length) return;
  const size = Math.max(1, Math.floor(MAX_PARAMS / Object.keys(rows[0]!).length));
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

/**
 * Inserts many new enterprises in a few statements (bulk import): the same rows `insertEnterprise`
 * writes — enterprise, enterprise_chain — batched, under one search version. Credit codes must be unique.
 */
export async function insertEnterprises(
  tx: Tx,
  cipher: FieldCipher,
  inputs: readonly EnterpriseInput[],
  options: { isDemo?: boolean; at?: string } = {},
): Promise<EnterpriseRecord[]> {
  const at = options.at ?? new Date().toISOString();
  const byCode = new Map<string, EnterpriseRow>();
  const searchVersion = await nextSearchVersion(tx);
  const rows = inputs.map((input) => ({
    ...toColumns(cipher, input),
    archived: 0,
    isDemo: options.isDemo ? 1 : 0,
    createdAt: at,
    updatedAt: at,
    version: 1,
    searchVersion,
  }));
  await insertInChunks(rows, async (chunk) => {
    // RETURNING order is not promised for multi-row inserts: match rows back by credit code.
    for (const row of await tx.insertInto('enterprise').values(chunk).returningAll().execute()) byCode.set(row.creditCode, row);
  });
  const records = inputs.map((input) => toRecord(cipher, byCode.get(input.creditCode)!, input.chainCodes));
  const links = records.flatMap((r) => r.chainCodes.map((chainCode) => ({ enterpriseId: r.id, chainCode })));
  await insertInChunks(links, (chunk) => tx.insertInto('enterpriseChain').values(chunk).execute());
  return records;
}

/** Updates only when the stored version is `expectedVersion`; returns null on a lost race. */
export async function updateEnterprise(
  tx: Tx,
  cipher: FieldCipher,
  id: number,
  input: EnterpriseInput,
  expectedVersion: number,
): Promise<EnterpriseRecord | null> {
  const row = await tx
    .updateTable('enterprise')
    .set({
      ...toColumns(cipher, input),
      updatedAt: new Date().toISOString(),
      version: expectedVersion + 1,
      searchVersion: await nextSearchVersion(tx),
    })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
  if (!row) return null;
  await writeChains(tx, id, input);
  return toRecord(cipher, row, input.chainCodes);
}

export async function setArchived(tx: Tx, cipher: FieldCipher, id: number, archived: boolean): Promise<EnterpriseRecord | null> {
  const searchVersion = await nextSearchVersion(tx);
  const row = await tx
    .updateTable('enterprise')
    .set((eb) => ({ archived: archived ? 1 : 0, updatedAt: new Date().toISOString(), version: eb('version', '+', 1), searchVersion }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row ? (await withChains(tx, cipher, [row]))[0]! : null;
}

async function withChains(db: Executor, cipher: FieldCipher, rows: EnterpriseRow[]): Promise<EnterpriseRecord[]> {
  if (!rows.length) return [];
  const links = await db
    .selectFrom('enterpriseChain')
    .select(['enterpriseId', 'chainCode'])
    .where(
      'enterpriseId',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('chainCode')
    .execute();
  const byId = new Map<number, string[]>();
  for (const l of links) byId.set(l.enterpriseId, [...(byId.get(l.enterpriseId) ?? []), l.chainCode]);
  return rows.map((r) => toRecord(cipher, r, byId.get(r.id) ?? []));
}

export async function findEnterprise(db: Executor, cipher: FieldCipher, id: number): Promise<EnterpriseRecord | undefined> {
  const row = await db.selectFrom('enterprise').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? (await withChains(db, cipher, [row]))[0] : undefined;
}

export const findEnterpriseIdByCreditCode = (db: Executor, creditCode: string) =>
  db.selectFrom('enterprise').select('id').where('creditCode', '=', creditCode).executeTakeFirst();

/** Which of these credit codes are already registered (bulk checks of an import). */
export async function findRegisteredCreditCodes(db: Executor, creditCodes: readonly string[]): Promise<Set<string>> {
  const taken = new Set<string>();
  for (let i = 0; i < creditCodes.length; i += 500) {
    const rows = await db
      .selectFrom('enterprise')
      .select('creditCode')
      .where('creditCode', 'in', creditCodes.slice(i, i + 500))
      .execute();
    for (const r of rows) taken.add(r.creditCode);
  }
  return taken;
}

/** The filtered set of enterprises without a search text, as a query to page, count or export. */
export function filteredEnterprises(db: Executor, filter: Omit<EnterpriseFilter, 'q'>) {
  let query = db.selectFrom('enterprise');
  const status = filter.status ?? 'active';
  if (status !== 'all') query = query.where('archived', '=', status === 'archived' ? 1 : 0);
  if (filter.districtCode) query = query.where('districtCode', '=', filter.districtCode);
  if (filter.clusterCode) query = query.where('clusterCode', '=', filter.clusterCode);
  if (filter.sizeClass) query = query.where('sizeClass', '=', filter.sizeClass);
  if (filter.manufacturingType) query = query.where('manufacturingType', '=', filter.manufacturingType);
  if (filter.chainCode) {
    const chainCode = filter.chainCode;
    query = query.where('id', 'in', (eb) => eb.selectFrom('enterpriseChain').select('enterpriseId').where('chainCode', '=', chainCode));
  }
  return query;
}

/** What the registry's reads take: the database, the field cipher, and the search index. */
export type RegistryReader = Pick<AppContext, 'db' | 'cipher' | 'enterpriseSearch'>;

/** The rows of these ids, in this order (an id no longer there is left out). */
async function rowsInOrder(db: Executor, cipher: FieldCipher, ids: readonly number[]): Promise<EnterpriseRecord[]> {
  if (!ids.length) return [];
  const byId = new Map((await db.selectFrom('enterprise').selectAll().where('id', 'in', ids).execute()).map((r) => [r.id, r]));
  return withChains(
    db,
    cipher,
    ids.flatMap((id) => byId.get(id) ?? []),
  );
}

export async function listEnterprises(
  { db, cipher, enterpriseSearch }: RegistryReader,
  filter: EnterpriseFilter,
  page: { page: number; pageSize: number; sort: EnterpriseSort; order: 'asc' | 'desc' },
) {
  const q = filter.q?.trim();
  if (q) {
    // The search answers the page's ids and the total from memory; only the page's rows are read.
    const found = await enterpriseSearch.search({ ...filter, q }, page.sort, page.order, page.page * page.pageSize);
    return { items: await rowsInOrder(db, cipher, found.ids.slice((page.page - 1) * page.pageSize)), total: found.total };
  }
  const base = filteredEnterprises(db, filter);
  const [rows, count] = await Promise.all([
    base
      .selectAll()
      .orderBy(page.sort, page.order)
      .orderBy('id')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: await withChains(db, cipher, rows), total: Number(count.n) };
}

/** Every enterprise of the filter, in pages, for exports: memory stays flat however many there are. */
export async function* iterateEnterprises(
  { db, cipher, enterpriseSearch }: RegistryReader,
  filter: EnterpriseFilter,
  batch = 1000,
): AsyncGenerator<EnterpriseRecord[]> {
  const q = filter.q?.trim();
  if (q) {
    const { ids } = await enterpriseSearch.search({ ...filter, q });
    for (let i = 0; i < ids.length; i += batch) yield await rowsInOrder(db, cipher, ids.slice(i, i + batch));
    return;
  }
  let lastId = 0;
  for (;;) {
    const rows = await filteredEnterprises(db, filter).selectAll().where('id', '>', lastId).orderBy('id').limit(batch).execute();
    if (!rows.length) return;
    yield await withChains(db, cipher, rows);
    lastId = rows[rows.length - 1]!.id;
  }
}
