import type { Actor } from '@zhizao/domain';
import type { DialectName, Executor, Tx } from '../../db/database.ts';
import { availableOf, envelopeBalances, insertLedgerEntry, lockRow } from './awards.repo.ts';

// Money drawn on an envelope: the room left is read under the envelope's lock (PostgreSQL FOR UPDATE;
// SQLite's single writer) and the line written before the lock is let go, so concurrent draws see each
// other and an envelope is never overspent. Awards draw when approved; a register row (a talent
// payment) draws when it is written, as a line naming its source row.

/** What the envelope can still give, read under its lock (the amount as it is now, every line so far). */
export async function lockedRoom(tx: Tx, dialect: DialectName, envelopeId: number): Promise<number> {
  await lockRow(tx, dialect, 'fundingEnvelope', envelopeId);
  const { amountFen } = await tx.selectFrom('fundingEnvelope').select('amountFen').where('id', '=', envelopeId).executeTakeFirstOrThrow();
  return availableOf(amountFen, (await envelopeBalances(tx, [envelopeId])).get(envelopeId)!);
}

export interface LedgerSource {
  register: string;
  entryId: number;
}

/** Who wrote a line: the demo seed's actor (user 0) is no account, so it is kept by name only. */
const actorColumns = (actor: Actor) => ({ actorUserId: actor.userId > 0 ? actor.userId : null, actorUsername: actor.username });

/**
 * A payment made straight from an envelope for a register row: allocated and paid in one step (there is
 * no award to approve first). Returns the room left before, or the shortfall when the envelope is short.
 */
export async function drawForSource(
  tx: Tx,
  dialect: DialectName,
  line: { envelopeId: number; amountFen: number; source: LedgerSource; batch: string | null; note: string | null; actor: Actor },
): Promise<{ ok: true } | { ok: false; available: number }> {
  const available = await lockedRoom(tx, dialect, line.envelopeId);
  if (line.amountFen > available) return { ok: false, available };
  const common = {
    envelopeId: line.envelopeId,
    awardId: null,
    sourceRegister: line.source.register,
    sourceEntryId: line.source.entryId,
    amountFen: line.amountFen,
    batch: line.batch,
    note: line.note,
    ...actorColumns(line.actor),
    at: new Date().toISOString(),
  };
  await insertLedgerEntry(tx, { ...common, kind: 'allocation' });
  await insertLedgerEntry(tx, { ...common, kind: 'payment' });
  return { ok: true };
}

/**
 * Takes back what a source row drew (the row deleted or changed): the ledger keeps every line, so the
 * reversal is a claw-back per envelope of what is still drawn, returning it to the envelope.
 */
export async function reverseForSource(tx: Tx, source: LedgerSource, note: string, actor: Actor): Promise<void> {
  const drawn = await drawnBySource(tx, source);
  for (const { envelopeId, netFen } of drawn) {
    if (netFen <= 0) continue;
    await insertLedgerEntry(tx, {
      envelopeId,
      awardId: null,
      sourceRegister: source.register,
      sourceEntryId: source.entryId,
      kind: 'clawback',
      amountFen: netFen,
      batch: null,
      note,
      ...actorColumns(actor),
      at: new Date().toISOString(),
    });
  }
}

/** Per envelope, what a source row has drawn and not been given back. */
export async function drawnBySource(db: Executor, source: LedgerSource): Promise<{ envelopeId: number; netFen: number }[]> {
  const rows = await db
    .selectFrom('fundingLedgerEntry')
    .select((eb) => [
      'envelopeId',
      eb.fn.sum<number>(eb.case().when('kind', '=', 'allocation').then(eb.ref('amountFen')).else(0).end()).as('allocated'),
      eb.fn.sum<number>(eb.case().when('kind', '=', 'clawback').then(eb.ref('amountFen')).else(0).end()).as('returned'),
    ])
    .where('sourceRegister', '=', source.register)
    .where('sourceEntryId', '=', source.entryId)
    .groupBy('envelopeId')
    .execute();
  return rows.map((r) => ({ envelopeId: r.envelopeId, netFen: Number(r.allocated) - Number(r.returned) }));
}
