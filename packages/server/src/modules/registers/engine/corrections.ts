import { registerByKey, type Actor, type EntryValues, type RegisterDefinition } from '@zhizao/domain';
import type { Kysely } from 'kysely';
import type { Executor } from '../../../db/database.ts';
import type { AuditActor } from '../../../platform/audit.ts';
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { presentEntry, type Entry } from './entries.ts';
import type { RegisterModule } from './module.ts';
import { anyDb, type RowWithName } from './repo.ts';
import { mayKeep, mayRead } from './scope.ts';
import { applyUpdate, chinaToday, loadEntry, valuesOfEntry, vetEntry } from './service.ts';

// A firm sees its own rows in the registers but does not keep them: it proposes a correction with a
// reason, and the row's keeper (the bureau, or the district officer of its district) accepts it — the
// change then goes through the same checks as an edit — or rejects it with a note.

export interface CorrectionTable {
  id: number;
  register: string;
  entryId: number;
  enterpriseId: number;
  districtCode: string | null;
  changesJson: string;
  reason: string;
  status: 'pending' | 'accepted' | 'rejected';
  decisionNote: string | null;
  decidedBy: number | null;
  decidedAt: string | null;
  createdBy: number | null;
  createdAt: string;
}
const cdb = (db: Executor) => db as unknown as Kysely<{ registerCorrection: CorrectionTable }>;

export interface Correction {
  id: number;
  register: string;
  entryId: number;
  entryTitle: string | null;
  enterpriseId: number;
  districtCode: string | null;
  changes: EntryValues;
  current: EntryValues;
  reason: string;
  status: string;
  decisionNote: string | null;
  decidedAt: string | null;
  createdAt: string;
}

function present(row: CorrectionTable, entry: Entry | null, definition: RegisterDefinition | undefined): Correction {
  return {
    id: row.id,
    register: row.register,
    entryId: row.entryId,
    entryTitle: entry?.title ?? null,
    enterpriseId: row.enterpriseId,
    districtCode: row.districtCode,
    changes: JSON.parse(row.changesJson) as EntryValues,
    current: entry && definition ? valuesOfEntry(definition, entry) : {},
    reason: row.reason,
    status: row.status,
    decisionNote: row.decisionNote,
    decidedAt: row.decidedAt,
    createdAt: row.createdAt,
  };
}

export async function proposeCorrection(
  ctx: AppContext,
  definition: RegisterDefinition,
  actor: Actor,
  who: AuditActor,
  entryId: number,
  changes: EntryValues,
  reason: string,
): Promise<Correction> {
  const entry = await loadEntry(ctx.db, definition, actor, entryId);
  if (entry.enterpriseId !== actor.enterpriseId) throw new AppError(404, 'registers.notFound');
  const current = valuesOfEntry(definition, entry);
  const real = Object.fromEntries(Object.entries(changes).filter(([key, value]) => current[key] !== value));
  if (Object.keys(real).length === 0) throw new AppError(400, 'registers.correctionNothing', {}, 'changes');
  return ctx.db.transaction().execute(async (tx) => {
    const row = await cdb(tx)
      .insertInto('registerCorrection')
      .values({
        register: definition.key,
        entryId,
        enterpriseId: entry.enterpriseId!,
        districtCode: entry.districtCode,
        changesJson: JSON.stringify(real),
        reason,
        status: 'pending',
        decisionNote: null,
        decidedBy: null,
        decidedAt: null,
        createdBy: actor.userId,
        createdAt: new Date().toISOString(),
      } as never)
      .returningAll()
      .executeTakeFirstOrThrow();
    await ctx.audit.append(tx, who, {
      action: 'registers.correction.propose',
      entityType: 'registerCorrection',
      entityId: row.id,
      after: { register: definition.key, entryId, changes: real, reason },
    });
    return present(row, entry, definition);
  });
}

export async function listCorrections(ctx: AppContext, actor: Actor, filter: { status?: string; register?: string }) {
  let query = cdb(ctx.db).selectFrom('registerCorrection').selectAll().orderBy('id', 'desc').limit(500);
  if (actor.role === 'district_officer') query = query.where('districtCode', '=', actor.districtCode ?? '-');
  if (actor.role === 'enterprise_user') query = query.where('enterpriseId', '=', actor.enterpriseId ?? -1);
  if (filter.status) query = query.where('status', '=', filter.status as CorrectionTable['status']);
  if (filter.register) query = query.where('register', '=', filter.register);
  const rows = await query.execute();
  // the rows corrected, one query per register rather than one per correction
  const entries = new Map<string, Entry>();
  const today = chinaToday();
  for (const register of new Set(rows.map((r) => r.register))) {
    const definition = registerByKey(register);
    if (!definition) continue;
    const ids = [...new Set(rows.filter((r) => r.register === register).map((r) => r.entryId))];
    const found = (await anyDb(ctx.db)
      .selectFrom(`${definition.table} as r`)
      .leftJoin('enterprise as e', 'e.id', 'r.enterpriseId')
      .selectAll('r')
      .select('e.name as enterpriseName')
      .where('r.id', 'in', ids)
      .where('r.archived', '=', 0)
      .execute()) as RowWithName[];
    for (const row of found)
      if (mayRead(definition, actor, row)) entries.set(`${register}:${row.id}`, presentEntry(definition, row, row.enterpriseName, today));
  }
  return { items: rows.map((row) => present(row, entries.get(`${row.register}:${row.entryId}`) ?? null, registerByKey(row.register))) };
}

export async function decideCorrection(
  ctx: AppContext,
  modules: readonly RegisterModule[],
  actor: Actor,
  who: AuditActor,
  id: number,
  decision: { accept: boolean; note?: string; confirmWarnings?: boolean },
): Promise<Correction> {
  const row = await cdb(ctx.db).selectFrom('registerCorrection').selectAll().where('id', '=', id).executeTakeFirst();
  const module = row && modules.find((m) => m.definition.key === row.register);
  if (!row || !module) throw new AppError(404, 'registers.notFound');
  const { definition } = module;
  const entry = await loadEntry(ctx.db, definition, actor, row.entryId).catch(() => null);
  if (!entry) throw new AppError(404, 'registers.notFound');
  if (!mayKeep(definition, actor, entry)) throw new AppError(403, 'auth.forbidden');
  if (row.status !== 'pending') throw new AppError(409, 'registers.correctionNotPending');
  if (!decision.accept && !decision.note) throw new AppError(400, 'validation.required', {}, 'note');
  const hooks = module.hooks ?? {};
  const values = { ...valuesOfEntry(definition, entry), ...(JSON.parse(row.changesJson) as EntryValues) };
  const owner = decision.accept
    ? await vetEntry(ctx.db, definition, actor, values, entry.id, hooks, { confirmWarnings: decision.confirmWarnings === true })
    : null;
  return ctx.db.transaction().execute(async (tx) => {
    const changed = await cdb(tx)
      .updateTable('registerCorrection')
      .set({
        status: decision.accept ? 'accepted' : 'rejected',
        decisionNote: decision.note ?? null,
        decidedBy: actor.userId,
        decidedAt: new Date().toISOString(),
      })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .returningAll()
      .executeTakeFirst();
    if (!changed) throw new AppError(409, 'registers.correctionNotPending');
    const after = owner ? await applyUpdate(tx, ctx, definition, hooks, actor, who, entry, values, owner, entry.version) : entry;
    await ctx.audit.append(tx, who, {
      action: `registers.correction.${decision.accept ? 'accept' : 'reject'}`,
      entityType: 'registerCorrection',
      entityId: id,
      after: { note: decision.note ?? null },
    });
    return present(changed, after, definition);
  });
}
