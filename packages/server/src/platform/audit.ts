import type { Executor, Tx } from '../db/database.ts';
import { hmacSm3 } from './crypto.ts';

// The audit log (gov-it.md §1 安全审计): every change, appended in the same transaction as the change,
// each entry chained to the previous one by HMAC-SM3 so an edited or deleted entry is detected.

export interface AuditActor {
  userId: number | null;
  username: string | null;
  role: string | null;
  ip: string | null;
}

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

interface ChainedFields {
  seq: number;
  at: string;
  actorUserId: number | null;
  actorUsername: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  beforeJson: string | null;
  afterJson: string | null;
  ip: string | null;
  prevHash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** The exact bytes hashed: a fixed field order, so verification recomputes the same string. */
export function chainContent(f: ChainedFields): string {
  return JSON.stringify([
    f.seq,
    f.at,
    f.actorUserId,
    f.actorUsername,
    f.actorRole,
    f.action,
    f.entityType,
    f.entityId,
    f.beforeJson,
    f.afterJson,
    f.ip,
    f.prevHash,
  ]);
}

const toJson = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

export class AuditLog {
  constructor(private readonly key: Buffer) {}

  /** Appends one entry. Must run inside the transaction that makes the change. */
  async append(tx: Tx, actor: AuditActor, entry: AuditEntry): Promise<void> {
    // Taking the head row's lock first makes concurrent appends wait their turn.
    await tx
      .updateTable('auditHead')
      .set((eb) => ({ seq: eb('seq', '+', 1) }))
      .where('id', '=', 1)
      .execute();
    const head = await tx.selectFrom('auditHead').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
    const row = this.link(actor, entry, head.seq, new Date().toISOString(), head.hash);
    await tx.insertInto('auditLog').values(row).execute();
    await tx.updateTable('auditHead').set({ hash: row.hash }).where('id', '=', 1).execute();
  }

  /** One entry's chained fields and its hash over them. */
  private link(actor: AuditActor, entry: AuditEntry, seq: number, at: string, prevHash: string): ChainedFields & { hash: string } {
    const fields: ChainedFields = {
      seq,
      at,
      actorUserId: actor.userId,
      actorUsername: actor.username,
      actorRole: actor.role,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
      beforeJson: toJson(entry.before),
      afterJson: toJson(entry.after),
      ip: actor.ip,
      prevHash,
    };
    return { ...fields, hash: hmacSm3(this.key, chainContent(fields)) };
  }

  /**
   * Appends many entries in order, as `append` would one by one, but with one head update and batched
   * inserts: what a bulk import needs to audit every row and stay fast. Same transaction rule.
   */
  async appendMany(tx: Tx, actor: AuditActor, entries: readonly AuditEntry[]): Promise<void> {
    if (!entries.length) return;
    await tx
      .updateTable('auditHead')
      .set((eb) => ({ seq: eb('seq', '+', entries.length) }))
      .where('id', '=', 1)
      .execute();
    const head = await tx.selectFrom('auditHead').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
    const firstSeq = head.seq - entries.length + 1;
    const at = new Date().toISOString();
    let prevHash = head.hash;
    const rows = entries.map((entry, i) => {
      const row = this.link(actor, entry, firstSeq + i, at, prevHash);
      prevHash = row.hash;
      return row;
    });
    // 13 columns a row: 500 rows keep a statement well under SQLite's 32,766 bound parameters.
    for (let i = 0; i < rows.length; i += 500)
      await tx
        .insertInto('auditLog')
        .values(rows.slice(i, i + 500))
        .execute();
    await tx.updateTable('auditHead').set({ hash: prevHash }).where('id', '=', 1).execute();
  }

  /** Walks the whole chain. Reports the first entry that was edited, removed or inserted. */
  async verify(db: Executor): Promise<AuditVerification> {
    let expectedSeq = 1;
    let prevHash = GENESIS_HASH;
    const pageSize = 2000;
    for (;;) {
      const rows = await db.selectFrom('auditLog').selectAll().where('seq', '>=', expectedSeq).orderBy('seq').limit(pageSize).execute();
      for (const row of rows) {
        if (row.seq !== expectedSeq) return { ok: false, checked: expectedSeq - 1, firstBadSeq: expectedSeq, problem: 'missing' };
        if (row.prevHash !== prevHash) return { ok: false, checked: expectedSeq - 1, firstBadSeq: row.seq, problem: 'brokenLink' };
        const { hash, ...fields } = row;
        if (hmacSm3(this.key, chainContent(fields)) !== hash)
          return { ok: false, checked: expectedSeq - 1, firstBadSeq: row.seq, problem: 'altered' };
        prevHash = hash;
        expectedSeq++;
      }
      if (rows.length < pageSize) break;
    }
    const head = await db.selectFrom('auditHead').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
    if (head.seq !== expectedSeq - 1 || head.hash !== prevHash) {
      return { ok: false, checked: expectedSeq - 1, firstBadSeq: expectedSeq, problem: 'missing' };
    }
    return { ok: true, checked: expectedSeq - 1, firstBadSeq: null, problem: null };
  }
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  firstBadSeq: number | null;
  problem: 'missing' | 'brokenLink' | 'altered' | null;
}
