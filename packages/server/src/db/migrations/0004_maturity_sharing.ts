import type { Kysely } from 'kysely';

// An enterprise shares a submitted self-diagnosis's full report with the bureau: when and by whom.
// Null = not shared (the bureau then sees only the level and the score).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('maturity_assessment').addColumn('shared_at', 'varchar(32)').execute();
  await db.schema.alterTable('maturity_assessment').addColumn('shared_by', 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('maturity_assessment').dropColumn('shared_by').execute();
  await db.schema.alterTable('maturity_assessment').dropColumn('shared_at').execute();
}
