import type { Kysely } from 'kysely';

// Conflict ties re-checked on every touch of a score sheet (issue 11, item 5): an expert whose tie is
// recorded after the panel formed is taken off it. The row stays (status 'withdrawn'), with when and the
// tie that barred them, so the sheet is kept and the bureau sees the withdrawal in the panel.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('recognition_panel_member').addColumn('withdrawn_at', 'varchar(32)').execute();
  await db.schema.alterTable('recognition_panel_member').addColumn('withdrawn_reason', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ['withdrawn_reason', 'withdrawn_at'])
    await db.schema.alterTable('recognition_panel_member').dropColumn(column).execute();
}
