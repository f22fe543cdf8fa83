import type { Kysely } from 'kysely';

// Search moves from the database's term table into the in-memory engine (packages/domain/src/search),
// which each server process builds from the database at start. What keeps every process's copy
// fresh: a counter per searchable table, bumped by each write in the writer's transaction, whose new
// value the written rows take as search_version. The counter's row lock (PostgreSQL) or the single
// writer (SQLite) hands out versions in commit order, so a process that has seen version V has seen
// every row up to V, and before searching it reads only the rows above.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('enterprise_search_term').execute();
  await db.schema
    .createTable('search_change')
    .addColumn('name', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.insertInto('search_change').values({ name: 'enterprise', version: 0 }).execute();
  await db.schema
    .alterTable('enterprise')
    .addColumn('search_version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('enterprise_search_version_idx').on('enterprise').columns(['search_version', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('enterprise_search_version_idx').execute();
  await db.schema.alterTable('enterprise').dropColumn('search_version').execute();
  await db.schema.dropTable('search_change').execute();
  await db.schema
    .createTable('enterprise_search_term')
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprise.id').onDelete('cascade'))
    .addColumn('term', 'varchar(64)', (c) => c.notNull())
    .addPrimaryKeyConstraint('enterprise_search_term_pk', ['term', 'enterprise_id'])
    .execute();
  await db.schema.createIndex('enterprise_search_term_enterprise_idx').on('enterprise_search_term').column('enterprise_id').execute();
}
