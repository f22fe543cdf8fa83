import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import { dialectOf } from '../database.ts';
import { createRegisterTable, REGISTER_COLUMN as C } from './register-table.ts';

// The registers' shared tables — corrections a firm proposes to its own rows, files attached to rows —
// and the policy library, which the other registers point at.
export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = dialectOf(db) === 'sqlite';
  const id = (c: ColumnDefinitionBuilder) => (sqlite ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity());

  await createRegisterTable(db, 'register_policy', (t) =>
    t
      .addColumn('title', C.text, (c) => c.notNull())
      .addColumn('issuer', C.text, (c) => c.notNull())
      .addColumn('document_number', C.text)
      .addColumn('level', C.enum, (c) => c.notNull())
      .addColumn('kind', C.enum, (c) => c.notNull())
      .addColumn('issued_on', C.date, (c) => c.notNull())
      .addColumn('effective_from', C.date)
      .addColumn('effective_to', C.date)
      .addColumn('status', C.enum, (c) => c.notNull())
      .addColumn('url', C.text)
      .addColumn('summary', C.text),
  );

  await db.schema
    .createTable('register_correction')
    .addColumn('id', 'integer', id)
    .addColumn('register', 'varchar(40)', (c) => c.notNull())
    .addColumn('entry_id', 'integer', (c) => c.notNull())
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprise.id'))
    .addColumn('district_code', 'varchar(12)')
    .addColumn('changes_json', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('decision_note', 'text')
    .addColumn('decided_by', 'integer', (c) => c.references('app_user.id'))
    .addColumn('decided_at', 'varchar(32)')
    .addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('register_correction_entry_idx').on('register_correction').columns(['register', 'entry_id']).execute();
  await db.schema.createIndex('register_correction_status_idx').on('register_correction').columns(['status', 'district_code']).execute();

  // the bytes live on disk under <data dir>/registers/<register>/<entry id>/<id>, as maturity evidence does
  await db.schema
    .createTable('register_file')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('register', 'varchar(40)', (c) => c.notNull())
    .addColumn('entry_id', 'integer', (c) => c.notNull())
    .addColumn('file_name', 'varchar(255)', (c) => c.notNull())
    .addColumn('content_type', 'varchar(120)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('uploaded_by', 'integer', (c) => c.references('app_user.id'))
    .addColumn('uploaded_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('register_file_entry_idx').on('register_file').columns(['register', 'entry_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['register_file', 'register_correction', 'register_policy']) await db.schema.dropTable(table).execute();
}
