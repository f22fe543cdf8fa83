import {
  checkEntry,
  enterpriseFieldOf,
  fieldOf,
  labelIn,
  registerByKey,
  type Actor,
  type EntryProblem,
  type EntryValues,
  type EntryWarning,
  type RegisterDefinition,
} from '@zhizao/domain';
import type { Executor, Tx } from '../../../db/database.ts';
import type { AuditActor } from '../../../platform/audit.ts';
import type { AppContext } from '../../../platform/context.ts';
import { AppError, type FieldProblemDetail } from '../../../platform/errors.ts';
import { columnsOfValues, labelsOf, presentEntry, valuesOfRow, type Entry } from './entries.ts';
import { anyDb, findDuplicate, findRow, listRows, type RegisterFilter } from './repo.ts';
import { mayKeep, mayRead, readScope } from './scope.ts';

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

export const invalid = (definition: RegisterDefinition, problems: readonly EntryProblem[]) =>
  new AppError(400, problems[0]!.key, problems[0]!.params ?? {}, problems[0]!.field, problems.map(detail), labelsOf(definition));

const detail = (p: EntryProblem | EntryWarning): FieldProblemDetail => ({
  field: p.field,
  key: p.key,
  params: p.params,
  ...('rule' in p ? { rule: p.description } : {}),
});

export function unconfirmed(definition: RegisterDefinition, warnings: readonly EntryWarning[]) {
  return new AppError(
    400,
    'registers.confirmWarnings',
    { count: warnings.length },
    warnings[0]!.field,
    warnings.map(detail),
    labelsOf(definition),
  );
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

export interface Owner {
  enterpriseId: number | null;
  districtCode: string | null;
}

/** The row's enterprise and district, checked against the keeper's scope and the registry. */
async function ownerOf(db: Executor, definition: RegisterDefinition, actor: Actor, values: EntryValues): Promise<Owner | EntryProblem> {
  if (definition.ownerFrom) return ownerOfReferenced(db, definition, actor, values, definition.ownerFrom);
  const enterpriseField = enterpriseFieldOf(definition);
  const enterpriseId = enterpriseField ? ((values[enterpriseField.key] as number | null) ?? null) : null;
  let districtCode = (values.districtCode as string | null | undefined) ?? null;
  if (enterpriseId !== null) {
    const enterprise = await db
      .selectFrom('enterprise')
      .select(['id', 'districtCode'])
      .where('id', '=', enterpriseId)
      .where('archived', '=', 0)
      .executeTakeFirst();
    const outOfScope =
      definition.ownership === 'enterprise' && actor.role === 'district_officer' && enterprise?.districtCode !== actor.districtCode;
    if (!enterprise || outOfScope) return { field: enterpriseField!.key, key: 'registers.enterpriseNotFound' };
    if (!fieldOf(definition, 'districtCode')) districtCode = enterprise.districtCode;
  }
  if (districtCode !== null && fieldOf(definition, 'districtCode')) {
    const district = await db.selectFrom('district').select('code').where('code', '=', districtCode).executeTakeFirst();
    if (!district) return { field: 'districtCode', key: 'registers.districtUnknown', params: { text: districtCode } };
    if (actor.role === 'district_officer' && districtCode !== actor.districtCode)
      return { field: 'districtCode', key: 'registers.districtOutOfScope' };
  }
  return { enterpriseId, districtCode };
}

/** The owner of the row the `ownerFrom` field points at, which must lie in a district officer's district. */
async function ownerOfReferenced(
  db: Executor,
  definition: RegisterDefinition,
  actor: Actor,
  values: EntryValues,
  key: string,
): Promise<Owner | EntryProblem> {
  const field = fieldOf(definition, key);
  const target = field?.type === 'reference' ? registerByKey(field.register) : undefined;
  if (!target) throw new Error(`register ${definition.key}: ownerFrom ${key} is not a reference field`);
  const row = await findRow(db, target, Number(values[key]));
  const outOfScope = actor.role === 'district_officer' && row?.districtCode !== actor.districtCode;
  if (!row || outOfScope) return { field: key, key: 'registers.referenceNotFound' };
  return { enterpriseId: row.enterpriseId, districtCode: row.districtCode };
}

/** Chains and referenced rows that exist; the register's own database checks. */
async function referenceProblems(db: Executor, definition: RegisterDefinition, values: EntryValues): Promise<EntryProblem[]> {
  const problems: EntryProblem[] = [];
  for (const field of definition.fields) {
    const value = values[field.key];
    if (value === null || value === undefined) continue;
    if (field.type === 'chain') {
      const chain = await db.selectFrom('industryChain').select('code').where('code', '=', String(value)).executeTakeFirst();
      if (!chain) problems.push({ field: field.key, key: 'registers.chainUnknown', params: { text: String(value) } });
    } else if (field.type === 'reference') {
      const target = registerByKey(field.register);
      const row = target && (await findRow(db, target, Number(value)));
      if (!row) problems.push({ field: field.key, key: 'registers.referenceNotFound' });
    }
  }
  return problems;
}

/** The labels of a duplicate's key fields, in both languages (the message picks one). */
export const keyLabels = (definition: RegisterDefinition, keys: readonly string[]) => ({
  fieldsZh: keys.map((k) => labelIn(fieldOf(definition, k)!.label, 'zh-CN')).join('、'),
  fieldsEn: keys.map((k) => labelIn(fieldOf(definition, k)!.label, 'en')).join(', '),
});

async function duplicateProblem(
  db: Executor,
  definition: RegisterDefinition,
  values: EntryValues,
  exceptId: number | null,
): Promise<EntryProblem | null> {
  for (const keys of definition.uniqueBy ?? []) {
    if (keys.some((k) => values[k] === null || values[k] === undefined || values[k] === '')) continue;
    const twin = await findDuplicate(db, definition, keys, values, exceptId);
    if (twin)
      return {
        field: keys[0]!,
        key: 'registers.duplicate',
        params: {
          ...keyLabels(definition, keys),
          title: String(valuesOfRow(definition, twin)[definition.titleField] ?? `#${twin.id}`),
        },
      };
  }
  return null;
}

/** Every check a row must pass before it is written; returns its owner. Throws 400 / 409 otherwise. */
export async function vetEntry(
  db: Executor,
  definition: RegisterDefinition,
  actor: Actor,
  values: EntryValues,
  existingId: number | null,
  hooks: RegisterHooks,
  options: WriteOptions,
): Promise<Owner> {
  const { problems, warnings } = checkEntry(definition, values, chinaToday());
  if (problems.length) throw invalid(definition, problems);
  const owner = await ownerOf(db, definition, actor, values);
  if ('key' in owner) throw invalid(definition, [owner]);
  const more = [...(await referenceProblems(db, definition, values)), ...((await hooks.check?.(db, values, existingId)) ?? [])];
  if (more.length) throw invalid(definition, more);
  const duplicate = await duplicateProblem(db, definition, values, existingId);
  if (duplicate) throw new AppError(409, duplicate.key, duplicate.params, duplicate.field, undefined, labelsOf(definition));
  if (warnings.length && !options.confirmWarnings) throw unconfirmed(definition, warnings);
  return owner;
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

/** Inserts a vetted row (the demo data and imports come through here too). */
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
