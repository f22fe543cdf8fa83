import { sql, type Kysely } from 'kysely';
import type { Db } from '../db/database.ts';
import { SEALED_COLUMNS, type SealedTable } from '../db/sealed-columns.ts';
import type { AuditActor, AuditLog } from './audit.ts';
import type { FieldCipher } from './field-crypto.ts';

// Brings every sealed column under the current key: plaintext rows (written before encryption) are sealed,
// rows under an older key are re-sealed. Runs at every start, so rotating is "put the new key first and
// restart". Batches keep transactions short; each update is a compare-and-swap on the old values, so a
// request writing the same row meanwhile wins and the row is simply taken again at the next start.

export interface ResealReport {
  table: SealedTable;
  /** Rows now sealed under the current key. */
  resealed: number;
  /** Rows that could not be opened (altered, or under a key no longer given): left as they are. */
  unreadable: number;
}

const SYSTEM: AuditActor = { userId: null, username: 'system', role: null, ip: null };

export async function resealAll(db: Db, cipher: FieldCipher, audit: AuditLog, batchSize = 500): Promise<ResealReport[]> {
  const reports: ResealReport[] = [];
  for (const table of Object.keys(SEALED_COLUMNS) as SealedTable[]) reports.push(await resealTable(db, cipher, audit, table, batchSize));
  return reports;
}

async function resealTable(db: Db, cipher: FieldCipher, audit: AuditLog, table: SealedTable, batchSize: number): Promise<ResealReport> {
  // The table is chosen from a fixed list, so the loose typing stays inside this function.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- columns named by the list, as in a migration
  const loose = db as unknown as Kysely<any>;
  const { key, columns } = SEALED_COLUMNS[table];
  const prefix = cipher.currentPrefix;
  const report: ResealReport = { table, resealed: 0, unreadable: 0 };
  let after: string | number | null = null;
  for (;;) {
    // substr rather than LIKE: a key id may hold "_", a LIKE wildcard.
    const stale = (c: string) =>
      sql<boolean>`(${sql.ref(c)} is not null and substr(${sql.ref(c)}, 1, ${sql.lit(prefix.length)}) <> ${prefix})`;
    let query = loose
      .selectFrom(table)
      .select([key, ...columns])
      .where((eb) => eb.or(columns.map(stale)))
      .orderBy(key)
      .limit(batchSize);
    if (after !== null) query = query.where(key, '>', after);
    const rows: Record<string, string | number | null>[] = await query.execute();
    if (!rows.length) return report;
    after = rows[rows.length - 1]![key] as string | number;
    await loose.transaction().execute(async (tx) => {
      let resealed = 0;
      for (const row of rows) {
        let next: Record<string, string | null>;
        try {
          next = Object.fromEntries(columns.map((c) => [c, cipher.seal(cipher.open(row[c] as string | null))]));
        } catch {
          report.unreadable++;
          continue;
        }
        let update = tx.updateTable(table).set(next).where(key, '=', row[key]);
        for (const c of columns) update = row[c] === null ? update.where(c, 'is', null) : update.where(c, '=', row[c]);
        resealed += Number((await update.executeTakeFirst()).numUpdatedRows);
      }
      if (!resealed) return;
      report.resealed += resealed;
      await audit.append(tx, SYSTEM, { action: 'data.reseal', entityType: table, after: { keyId: cipher.currentKeyId, rows: resealed } });
    });
  }
}
