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
/**
 * Text as the database will keep it: a lone surrogate is stored as U+FFFD, while JSON.stringify would hash
 * it as an escape, so an entry written with one would never verify. Hash what is stored.
 */
const stored = <T extends string | null>(text: T): T => (text === null ? text : (text.toWellFormed() as T));

/** Problems the verifier lists, at most; the count goes on past it. */
const MAX_LISTED_PROBLEMS = 1000;

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
      actorUsername: stored(actor.username),
      actorRole: stored(actor.role),
      action: stored(entry.action),
      entityType: stored(entry.entityType),
      entityId: entry.entityId === undefined || entry.entityId === null ? null : stored(String(entry.entityId)),
      beforeJson: toJson(entry.before),
      afterJson: toJson(entry.after),
      ip: stored(actor.ip),
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

  /**
   * Walks the whole chain and reports every entry that was edited, removed or inserted, going on past each
   * one: a bad row can neither hide later tampering nor stop the check. Each row's own hash covers its
   * content; its link covers its place, so an edited row is one problem, not a cascade.
   */
  async verify(db: Executor): Promise<AuditVerification> {
    const problems: AuditProblem[] = [];
    let problemCount = 0;
    const report = (problem: AuditProblem) => {
      problemCount++;
      if (problems.length < MAX_LISTED_PROBLEMS) problems.push(problem);
    };
    let expectedSeq = 1;
    let prevHash = GENESIS_HASH;
    let checked = 0;
    const pageSize = 2000;
    for (;;) {
      const rows = await db.selectFrom('auditLog').selectAll().where('seq', '>=', expectedSeq).orderBy('seq').limit(pageSize).execute();
      for (const row of rows) {
        const gap = row.seq !== expectedSeq;
        if (gap) report({ seq: expectedSeq, toSeq: row.seq - 1, kind: 'missing' });
        const { hash, ...fields } = row;
        if (hmacSm3(this.key, chainContent(fields)) !== hash) report({ seq: row.seq, kind: 'altered' });
        else if (!gap && row.prevHash !== prevHash) report({ seq: row.seq, kind: 'brokenLink' });
        prevHash = hash;
        expectedSeq = row.seq + 1;
        checked++;
      }
      if (rows.length < pageSize) break;
    }
    const head = await db.selectFrom('auditHead').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
    if (head.seq > expectedSeq - 1) report({ seq: expectedSeq, toSeq: head.seq, kind: 'missing' });
    else if (head.seq !== expectedSeq - 1 || head.hash !== prevHash) report({ seq: head.seq, kind: 'headMismatch' });
    const first = problems[0] ?? null;
    return {
      ok: problemCount === 0,
      checked,
      firstBadSeq: first?.seq ?? null,
      problem: first ? (first.kind === 'headMismatch' ? 'missing' : first.kind) : null,
      problemCount,
      problems,
    };
  }
}

export interface AuditProblem {
  /** The entry (or the first of a missing run, through toSeq). */
  seq: number;
  toSeq?: number;
  /** missing: entries deleted; altered: an entry's content edited; brokenLink: an entry inserted or moved; headMismatch: the chain's head was reset. */
  kind: 'missing' | 'altered' | 'brokenLink' | 'headMismatch';
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  firstBadSeq: number | null;
  problem: 'missing' | 'brokenLink' | 'altered' | null;
  problemCount: number;
  /** Every problem found, in order (the first MAX_LISTED_PROBLEMS). */
  problems: AuditProblem[];
}
