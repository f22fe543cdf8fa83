import { handleKey, splitHandle, type HandleValue, type PrefixStatus } from '@zhizao/domain';
import { CompiledQuery, sql, type Selectable } from 'kysely';
import { dialectOf, type Executor } from '../../db/database.ts';
import type { IdIdentifierTable } from './tables.ts';

// One place per query of the identifier node. Every method takes the database or an open transaction.
// Exported for the traceability part too: findIdentifier, prefixOwner, activePrefixesOf.

export interface PrefixOwner {
  prefix: string;
  enterpriseId: number;
  status: PrefixStatus;
}

export interface IdentifierRecord {
  handle: string;
  handleKey: string;
  prefix: string;
  /** The enterprise owning the prefix; null when the prefix is not (or no longer) allocated here. */
  enterpriseId: number | null;
  templateVersion: string | null;
  values: HandleValue[];
  createdAt: string;
  updatedAt: string;
}

/** The owner and status of an enterprise prefix (case-insensitive), or null. */
export async function prefixOwner(db: Executor, prefix: string): Promise<PrefixOwner | null> {
  const row = await db
    .selectFrom('idPrefix')
    .select(['prefix', 'enterpriseId', 'status'])
    .where('prefix', '=', handleKey(prefix))
    .executeTakeFirst();
  return row ? { ...row, status: row.status as PrefixStatus } : null;
}

/** The prefixes an enterprise may write under. */
export async function activePrefixesOf(db: Executor, enterpriseId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('idPrefix')
    .select('prefix')
    .where('enterpriseId', '=', enterpriseId)
    .where('status', '=', 'active')
    .orderBy('serial')
    .execute();
  return rows.map((r) => r.prefix);
}

export async function allPrefixOwners(db: Executor): Promise<PrefixOwner[]> {
  const rows = await db.selectFrom('idPrefix').select(['prefix', 'enterpriseId', 'status']).execute();
  return rows.map((r) => ({ ...r, status: r.status as PrefixStatus }));
}

/** An identifier with its owner (case-insensitive handle), or null. */
export async function findIdentifier(db: Executor, handle: string): Promise<IdentifierRecord | null> {
  const row = await db.selectFrom('idIdentifier').selectAll().where('handleKey', '=', handleKey(handle)).executeTakeFirst();
  if (!row) return null;
  const prefix = splitHandle(row.handleKey)!.prefix;
  const owner = await prefixOwner(db, prefix);
  return {
    handle: row.handle,
    handleKey: row.handleKey,
    prefix,
    enterpriseId: owner?.enterpriseId ?? null,
    templateVersion: row.templateVersion,
    values: JSON.parse(row.valuesJson) as HandleValue[],
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export type IdentifierRow = Selectable<IdIdentifierTable>;

// SQLite allows 32,766 bound variables per statement; 6 columns a row.
const INSERT_CHUNK = 5_000;
const SELECT_CHUNK = 900;

// The multi-row INSERT as text, one per dialect and row count: building 30,000 value nodes through the query builder
// (and the camel-case plugin's copy of them) cost as much as SQLite's own work on a 10,000-identifier batch.
const insertTexts = new Map<string, string>();
const COLUMNS = '(handle_key, handle, template_version, values_json, created_at, updated_at)';

function insertStatement(db: Executor, rows: readonly IdentifierRow[]): CompiledQuery {
  const dialect = dialectOf(db);
  const id = `${dialect}|${rows.length}`;
  let text = insertTexts.get(id);
  if (!text) {
    let n = 0;
    const marker = dialect === 'sqlite' ? () => '?' : () => `$${++n}`;
    const tuples = rows.map(() => `(${Array.from({ length: 6 }, marker).join(', ')})`).join(', ');
    text = `insert into id_identifier ${COLUMNS} values ${tuples} on conflict (handle_key) do nothing`;
    if (insertTexts.size > 16) insertTexts.clear();
    insertTexts.set(id, text);
  }
  const parameters: unknown[] = [];
  for (const r of rows) parameters.push(r.handleKey, r.handle, r.templateVersion, r.valuesJson, r.createdAt, r.updatedAt);
  return CompiledQuery.raw(text, parameters);
}

/** Inserts rows whose key is new; returns the keys that already existed (left untouched). */
export async function insertNewIdentifiers(tx: Executor, rows: readonly IdentifierRow[]): Promise<string[]> {
  const existing: string[] = [];
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const chunk = rows.slice(i, i + INSERT_CHUNK);
    const done = await tx.executeQuery(insertStatement(tx, chunk));
    if (Number(done.numAffectedRows ?? 0) === chunk.length) continue;
    // some existed: those are the stored rows that differ from what this batch wrote (a row identical to it,
    // creation instant included, is the same data either way)
    const mine = new Map(chunk.map((r) => [r.handleKey, r]));
    for (const r of await identifierRows(
      tx,
      chunk.map((c) => c.handleKey),
    )) {
      const written = mine.get(r.handleKey)!;
      if (r.createdAt !== written.createdAt || r.valuesJson !== written.valuesJson || r.templateVersion !== written.templateVersion)
        existing.push(r.handleKey);
    }
  }
  return existing;
}

export async function identifierRows(db: Executor, keys: readonly string[]): Promise<IdentifierRow[]> {
  const rows: IdentifierRow[] = [];
  for (let i = 0; i < keys.length; i += SELECT_CHUNK) {
    rows.push(
      ...(await db
        .selectFrom('idIdentifier')
        .selectAll()
        .where('handleKey', 'in', keys.slice(i, i + SELECT_CHUNK))
        .execute()),
    );
  }
  return rows;
}

export async function identifierRow(db: Executor, key: string): Promise<IdentifierRow | undefined> {
  return db.selectFrom('idIdentifier').selectAll().where('handleKey', '=', key).executeTakeFirst();
}

export async function updateIdentifier(tx: Executor, row: IdentifierRow): Promise<void> {
  await tx
    .updateTable('idIdentifier')
    .set({ valuesJson: row.valuesJson, templateVersion: row.templateVersion, updatedAt: row.updatedAt })
    .where('handleKey', '=', row.handleKey)
    .execute();
}

export async function deleteIdentifiers(tx: Executor, keys: readonly string[]): Promise<number> {
  let n = 0;
  for (let i = 0; i < keys.length; i += SELECT_CHUNK) {
    const r = await tx
      .deleteFrom('idIdentifier')
      .where('handleKey', 'in', keys.slice(i, i + SELECT_CHUNK))
      .executeTakeFirst();
    n += Number(r.numDeletedRows);
  }
  return n;
}

/** The identifiers under a prefix: a range of the primary key ('/' + 1 = '0'), optionally those whose key starts with `startsWith`. */
function underPrefix(db: Executor, prefix: string, startsWith = '') {
  const from = `${handleKey(prefix)}/${handleKey(startsWith)}`;
  const to = startsWith ? `${from}\u{10FFFF}` : `${handleKey(prefix)}0`;
  return db.selectFrom('idIdentifier').where('handleKey', '>=', from).where('handleKey', '<', to);
}

export async function countUnderPrefix(db: Executor, prefix: string, startsWith = ''): Promise<number> {
  const row = await underPrefix(db, prefix, startsWith)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * The count, but no further than `cap` + 1 rows: counting walks every key in the range, which at tens of
 * thousands of identifiers takes tens of milliseconds (on SQLite, of the one event loop) and grows with the prefix.
 */
export async function countUnderPrefixUpTo(db: Executor, prefix: string, startsWith: string, cap: number) {
  const row = await db
    .selectFrom(
      underPrefix(db, prefix, startsWith)
        .select('handleKey')
        .limit(cap + 1)
        .as('capped'),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const n = Number(row.n);
  return { total: Math.min(n, cap), totalCapped: n > cap };
}

export async function pageUnderPrefix(db: Executor, prefix: string, offset: number, limit: number, startsWith = '') {
  return underPrefix(db, prefix, startsWith)
    .select(['handle', 'handleKey', 'templateVersion', 'valuesJson', 'updatedAt'])
    .orderBy('handleKey')
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function countTemplateUse(db: Executor, prefix: string, version: string): Promise<number> {
  const row = await underPrefix(db, prefix)
    .where('templateVersion', '=', version)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function templateRow(db: Executor, prefix: string, version: string) {
  return db.selectFrom('idTemplate').selectAll().where('prefix', '=', handleKey(prefix)).where('version', '=', version).executeTakeFirst();
}

export async function templateRows(db: Executor, prefix: string) {
  return db.selectFrom('idTemplate').selectAll().where('prefix', '=', handleKey(prefix)).orderBy('createdAt').orderBy('version').execute();
}

/** Does `enterpriseId` read the non-public values under `prefix` (a grant from the owner)? */
export async function hasGrant(db: Executor, prefix: string, enterpriseId: number): Promise<boolean> {
  const row = await db
    .selectFrom('idGrant')
    .select('prefix')
    .where('prefix', '=', handleKey(prefix))
    .where('granteeEnterpriseId', '=', enterpriseId)
    .executeTakeFirst();
  return Boolean(row);
}

/** Adds registrations and resolutions to the daily counters (one upsert per row). */
export async function addDailyCounts(
  tx: Executor,
  rows: { day: string; enterpriseId: number; registrations: number; resolutions: number }[],
): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insertInto('idStatDaily')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['day', 'enterpriseId']).doUpdateSet({
        registrations: sql`id_stat_daily.registrations + excluded.registrations`,
        resolutions: sql`id_stat_daily.resolutions + excluded.resolutions`,
      }),
    )
    .execute();
}
