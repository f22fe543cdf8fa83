import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely } from 'kysely';
import { dialectOf } from '../database.ts';

// The columns every register table has (modules/registers/engine): who the row belongs to, its version
// for optimistic locking, soft deletion and who made it. A register's migration adds its own fields.
// Frozen like the migrations that use it: a later change goes into a new migration.
export async function createRegisterTable(
  db: Kysely<any>,
  table: string,
  fields: (builder: CreateTableBuilder<string, never>) => CreateTableBuilder<string, never>,
): Promise<void> {
  const sqlite = dialectOf(db) === 'sqlite';
  const id = (c: ColumnDefinitionBuilder) => (sqlite ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity());
  let builder = db.schema
    .createTable(table)
    .addColumn('id', 'integer', id)
    .addColumn('enterprise_id', 'integer', (c) => c.references('enterprise.id'))
    .addColumn('district_code', 'varchar(12)');
  builder = fields(builder);
  await builder
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex(`${table}_enterprise_idx`).on(table).column('enterprise_id').execute();
  await db.schema.createIndex(`${table}_district_idx`).on(table).columns(['district_code', 'archived']).execute();
}

/** Column types of the field kinds (domain registers/field.ts), for register migrations. */
export const REGISTER_COLUMN = {
  text: 'text',
  integer: 'integer',
  year: 'integer',
  decimal: 'double precision',
  money: 'bigint',
  date: 'varchar(10)',
  enum: 'varchar(40)',
  boolean: 'integer',
  chain: 'varchar(20)',
  reference: 'integer',
} as const;
