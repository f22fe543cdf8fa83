import type { Kysely } from 'kysely';
import { dialectOf } from '../database.ts';

// Personal fields are now stored sealed (platform/field-crypto.ts), some 100 characters for an 11-digit phone:
// the two varchar(32) phone columns become text. SQLite ignores varchar lengths; the other sealed columns
// (e-mails, the objector's ID number and contact) were text already. The values are sealed at start-up.
const WIDENED = [
  ['enterprise', 'contact_phone'],
  ['id_prefix', 'contact_phone'],
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'sqlite') return;
  for (const [table, column] of WIDENED)
    await db.schema
      .alterTable(table)
      .alterColumn(column, (c) => c.setDataType('text'))
      .execute();
}

// Left as text: sealed values would not fit varchar(32) again.
export async function down(): Promise<void> {}
