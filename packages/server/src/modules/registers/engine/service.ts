import { type Actor, type EntryProblem, type EntryValues, type RegisterDefinition } from '@zhizao/domain';
import type { Executor, Tx } from '../../../db/database.ts';
import type { AuditActor } from '../../../platform/audit.ts';
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { columnsOfValues, presentEntry, type Entry } from './entries.ts';
import { anyDb, findRow, listRows, type RegisterFilter } from './repo.ts';
import { mayKeep, mayRead, readScope } from './scope.ts';
import { vetEntries, type Owner } from './vetting.ts';

export { invalid, keyLabels, unconfirmed, type Owner } from './vetting.ts';

// Adding, changing and deleting a register's rows: the domain checks, then what needs the database
// (the enterprise and district in the keeper's scope, chains and referenced rows that exist, no
// duplicate), warnings the user must confirm, one transaction with its audit entry.

export interface RegisterHooks {
  /** Runs in the write's transaction after the row is stored (a payment posts its ledger line). */
  afterWrite?: (tx: Tx, entry: Entry, before: Entry | null, actor: Actor) => Promise<void>;
  /** Runs in the delete's transaction. */
  afterArchive?: (tx: Tx, entry: Entry, actor: Actor) => Promise<void>;
  /** Checks that need the database beyond the shared ones. */
  check?: (db: Executor, values: EntryValues, existingId: number | null) => Promise<EntryProblem[]>;
}

export interface WriteOptions {
  confirmWarnings?: boolean;
}

/** Today in China, as YYYY-MM-DD: what "not in the future" is measured against. */
export function chinaToday(at = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

export async function listEntries(
  ctx: AppContext,
  definition: RegisterDefinition,
  actor: Actor,
  filter: RegisterFilter,
  page: { page: number; pageSize: number },
) {
  const { rows, total } = await listRows(ctx.db, definition, readScope(definition, actor), filter, page);
  const today = chinaToday();
  return { items: rows.map((r) => presentEntry(definition, r, r.enterpriseName, today)), total, page: page.page, pageSize: page.pageSize };
}

export async function loadEntry(db: Executor, definition: RegisterDefinition, actor: Actor, id: number): Promise<Entry> {
  const row = await findRow(db, definition, id);
  if (!row || !mayRead(definition, actor, row)) throw new AppError(404, 'registers.notFound');
  return presentEntry(definition, row, row.enterpriseName, chinaToday());
}

/** Every check a row must pass before it is written (vetting.ts); returns its owner. Throws 400 / 409 otherwise. */
export async function vetEntry(
  db: Executor,
  definition: RegisterDefinition,
  actor: Actor,
  values: EntryValues,
  existingId: number | null,
  hooks: RegisterHooks,
  options: WriteOptions,
): Promise<Owner> {
  const [verdict] = await vetEntries(db, definition, actor, [{ values, existingId }], hooks.check, { ...options, today: chinaToday() });
  if (verdict instanceof AppError) throw verdict;
  return verdict!;
}

const auditAction = (definition: RegisterDefinition, verb: string) => `registers.${definition.key}.${verb}`;
const nowIso = () => new Date().toISOString();

export async function createEntry(
  ctx: AppContext,
  definition: RegisterDefinition,
  hooks: RegisterHooks,
  actor: Actor,
  who: AuditActor,
  values: EntryValues,
  options: WriteOptions,
): Promise<Entry> {
  const owner = await vetEntry(ctx.db, definition, actor, values, null, hooks, options);
  return ctx.db.transaction().execute(async (tx) => {
    const entry = await insertEntry(tx, definition, values, owner, actor.userId, false);
    await hooks.afterWrite?.(tx, entry, null, actor);
    await ctx.audit.append(tx, who, {
      action: auditAction(definition, 'create'),
      entityType: definition.key,
      entityId: entry.id,
      after: values,
    });
    return entry;
  });
}

/**
 * Inserts vetted rows many at a time (an import, the demo data); their ids in the rows' order. Ids grow in
 * the order of a statement's rows on both databases, though RETURNING promises no order: hence the sort.
 */
export async function insertEntries(
  tx: Tx,
  definition: RegisterDefinition,
  rows: readonly { values: EntryValues; owner: Owner }[],
  userId: number | null,
  isDemo: boolean,
): Promise<number[]> {
  const at = nowIso();
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const inserted = (await anyDb(tx)
      .insertInto(definition.table)
      .values(
        rows.slice(i, i + INSERT_CHUNK).map(({ values, owner }) => ({
          ...columnsOfValues(definition, values),
          ...owner,
          isDemo: isDemo ? 1 : 0,
          createdBy: userId,
          createdAt: at,
          updatedAt: at,
        })),
      )
      .returning('id')
      .execute()) as { id: number }[];
    ids.push(...inserted.map((r) => Number(r.id)).sort((a, b) => a - b));
  }
  return ids;
}
// rows a statement: well inside both databases' bound-parameter limits for any register's columns
const INSERT_CHUNK = 200;

/** Inserts a vetted row. */
export async function insertEntry(
  tx: Tx,
  definition: RegisterDefinition,
  values: EntryValues,
  owner: Owner,
  userId: number | null,
  isDemo: boolean,
): Promise<Entry> {
  const at = nowIso();
  const { id } = (await anyDb(tx)
    .insertInto(definition.table)
    .values({ ...columnsOfValues(definition, values), ...owner, isDemo: isDemo ? 1 : 0, createdBy: userId, createdAt: at, updatedAt: at })
    .returning('id')
    .executeTakeFirstOrThrow()) as { id: number };
  const row = (await findRow(tx, definition, id))!;
  return presentEntry(definition, row, row.enterpriseName, chinaToday());
}

export async function updateEntry(
  ctx: AppContext,
  definition: RegisterDefinition,
  hooks: RegisterHooks,
  actor: Actor,
  who: AuditActor,
  id: number,
  values: EntryValues,
  version: number,
  options: WriteOptions,
): Promise<Entry> {
  const before = await keptEntry(ctx.db, definition, actor, id);
  const owner = await vetEntry(ctx.db, definition, actor, values, id, hooks, options);
  return ctx.db.transaction().execute((tx) => applyUpdate(tx, ctx, definition, hooks, actor, who, before, values, owner, version));
}

/** Writes a vetted change inside the caller's transaction (a correction accepted is written with its decision). */
export async function applyUpdate(
  tx: Tx,
  ctx: AppContext,
  definition: RegisterDefinition,
  hooks: RegisterHooks,
  actor: Actor,
  who: AuditActor,
  before: Entry,
  values: EntryValues,
  owner: Owner,
  version: number,
): Promise<Entry> {
  const result = await anyDb(tx)
    .updateTable(definition.table)
    .set({ ...columnsOfValues(definition, values), ...owner, version: before.version + 1, updatedAt: nowIso() })
    .where('id', '=', before.id)
    .where('version', '=', version)
    .where('archived', '=', 0)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new AppError(409, 'registers.versionConflict', {}, 'version');
  const row = (await findRow(tx, definition, before.id))!;
  const entry = presentEntry(definition, row, row.enterpriseName, chinaToday());
  await hooks.afterWrite?.(tx, entry, before, actor);
  await ctx.audit.append(tx, who, {
    action: auditAction(definition, 'update'),
    entityType: definition.key,
    entityId: before.id,
    before: valuesOfEntry(definition, before),
    after: values,
  });
  return entry;
}

export async function archiveEntry(
  ctx: AppContext,
  definition: RegisterDefinition,
  hooks: RegisterHooks,
  actor: Actor,
  who: AuditActor,
  id: number,
): Promise<void> {
  const before = await keptEntry(ctx.db, definition, actor, id);
  await ctx.db.transaction().execute(async (tx) => {
    const result = await anyDb(tx)
      .updateTable(definition.table)
      .set({ archived: 1, version: before.version + 1, updatedAt: nowIso() })
      .where('id', '=', id)
      .where('archived', '=', 0)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new AppError(404, 'registers.notFound');
    await hooks.afterArchive?.(tx, before, actor);
    await ctx.audit.append(tx, who, {
      action: auditAction(definition, 'delete'),
      entityType: definition.key,
      entityId: id,
      before: valuesOfEntry(definition, before),
    });
  });
}

/** A row the actor may change: 404 if they cannot see it, 403 if they see it but do not keep it. */
export async function keptEntry(db: Executor, definition: RegisterDefinition, actor: Actor, id: number): Promise<Entry> {
  const entry = await loadEntry(db, definition, actor, id);
  if (!mayKeep(definition, actor, entry)) throw new AppError(403, 'auth.forbidden');
  return entry;
}

export const valuesOfEntry = (definition: RegisterDefinition, entry: Entry): EntryValues =>
  Object.fromEntries(definition.fields.map((f) => [f.key, (entry[f.key] ?? null) as EntryValues[string]]));
