import type { Kysely } from 'kysely';
import { createRegisterTable, REGISTER_COLUMN as C } from './register-table.ts';

// Titles a firm holds outside the recognition ladder, and projects the city recommends upward
// (domain registers/titles, registers/recommendations).
export async function up(db: Kysely<any>): Promise<void> {
  await createRegisterTable(db, 'register_title', (t) =>
    t
      .addColumn('kind', C.enum, (c) => c.notNull())
      .addColumn('level', C.enum, (c) => c.notNull())
      .addColumn('name', C.text, (c) => c.notNull())
      .addColumn('awarding_body', C.text, (c) => c.notNull())
      .addColumn('year', C.year, (c) => c.notNull())
      .addColumn('document_number', C.text)
      .addColumn('policy_id', C.reference, (c) => c.references('register_policy.id'))
      .addColumn('awarded_on', C.date)
      .addColumn('valid_until', C.date)
      .addColumn('renewed_on', C.date)
      .addColumn('status', C.enum, (c) => c.notNull())
      .addColumn('note', C.text),
  );
  await db.schema.createIndex('register_title_kind_idx').on('register_title').columns(['kind', 'level', 'archived']).execute();

  await createRegisterTable(db, 'register_upward_recommendation', (t) =>
    t
      .addColumn('programme', C.enum, (c) => c.notNull())
      .addColumn('level', C.enum, (c) => c.notNull())
      .addColumn('year', C.year, (c) => c.notNull())
      .addColumn('project_name', C.text, (c) => c.notNull())
      .addColumn('funding_project_id', C.integer, (c) => c.references('funding_project.id'))
      .addColumn('recommended_on', C.date, (c) => c.notNull())
      .addColumn('outcome', C.enum, (c) => c.notNull())
      .addColumn('amount_won', C.money)
      .addColumn('decided_on', C.date)
      .addColumn('note', C.text),
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['register_upward_recommendation', 'register_title']) await db.schema.dropTable(table).execute();
}
