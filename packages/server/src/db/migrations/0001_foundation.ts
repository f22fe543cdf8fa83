import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import { dialectOf } from '../database.ts';

// The foundation: taxonomy, enterprises, accounts, sessions, settings, audit chain, import jobs.
export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = dialectOf(db) === 'sqlite';
  const id = (c: ColumnDefinitionBuilder) => (sqlite ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity());

  await db.schema
    .createTable('district')
    .addColumn('code', 'varchar(12)', (c) => c.primaryKey())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('industry_chain')
    .addColumn('code', 'varchar(20)', (c) => c.primaryKey())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('industry_cluster')
    .addColumn('code', 'varchar(20)', (c) => c.primaryKey())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('chain_code', 'varchar(20)', (c) => c.references('industry_chain.code'))
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('enterprise')
    .addColumn('id', 'integer', id)
    .addColumn('credit_code', 'varchar(18)', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('district_code', 'varchar(12)', (c) => c.notNull().references('district.code'))
    .addColumn('cluster_code', 'varchar(20)', (c) => c.references('industry_cluster.code'))
    .addColumn('size_class', 'varchar(20)', (c) => c.notNull())
    .addColumn('manufacturing_type', 'varchar(20)', (c) => c.notNull())
    .addColumn('industry_code', 'varchar(8)')
    .addColumn('address', 'text')
    .addColumn('main_products', 'text')
    .addColumn('contact_name', 'text')
    .addColumn('contact_phone', 'varchar(32)')
    .addColumn('contact_email', 'text')
    .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('enterprise_district_idx').on('enterprise').columns(['district_code', 'name']).execute();
  await db.schema.createIndex('enterprise_cluster_idx').on('enterprise').column('cluster_code').execute();
  await db.schema.createIndex('enterprise_name_idx').on('enterprise').column('name').execute();

  await db.schema
    .createTable('enterprise_chain')
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprise.id').onDelete('cascade'))
    .addColumn('chain_code', 'varchar(20)', (c) => c.notNull().references('industry_chain.code'))
    .addPrimaryKeyConstraint('enterprise_chain_pk', ['enterprise_id', 'chain_code'])
    .execute();
  await db.schema.createIndex('enterprise_chain_chain_idx').on('enterprise_chain').columns(['chain_code', 'enterprise_id']).execute();

  // The app's own Chinese full-text index (jieba terms), portable where tsvector is not (gov-it.md §3).
  await db.schema
    .createTable('enterprise_search_term')
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprise.id').onDelete('cascade'))
    .addColumn('term', 'varchar(64)', (c) => c.notNull())
    .addPrimaryKeyConstraint('enterprise_search_term_pk', ['term', 'enterprise_id'])
    .execute();
  await db.schema.createIndex('enterprise_search_term_enterprise_idx').on('enterprise_search_term').column('enterprise_id').execute();

  await db.schema
    .createTable('app_user')
    .addColumn('id', 'integer', id)
    .addColumn('username', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'varchar(32)')
    .addColumn('district_code', 'varchar(12)', (c) => c.references('district.code'))
    .addColumn('enterprise_id', 'integer', (c) => c.references('enterprise.id'))
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('failed_login_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'varchar(32)')
    .addColumn('password_changed_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('last_login_at', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('user_session')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('csrf_token', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('last_seen_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('ip', 'varchar(64)')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('user_session_user_idx').on('user_session').column('user_id').execute();

  await db.schema
    .createTable('setting')
    .addColumn('key', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  // Append-only; no route updates or deletes it. Each row's hash chains to the previous one.
  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .addColumn('actor_user_id', 'integer')
    .addColumn('actor_username', 'varchar(64)')
    .addColumn('actor_role', 'varchar(32)')
    .addColumn('action', 'varchar(64)', (c) => c.notNull())
    .addColumn('entity_type', 'varchar(64)', (c) => c.notNull())
    .addColumn('entity_id', 'varchar(64)')
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('ip', 'varchar(64)')
    .addColumn('prev_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('hash', 'varchar(64)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_entity_idx').on('audit_log').columns(['entity_type', 'entity_id']).execute();
  await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute();

  // One row: the chain's head. Updating it first serialises concurrent appends (a row lock in PostgreSQL).
  await db.schema
    .createTable('audit_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'varchar(64)', (c) => c.notNull())
    .execute();
  await db
    .insertInto('audit_head')
    .values({ id: 1, seq: 0, hash: '0'.repeat(64) })
    .execute();

  await db.schema
    .createTable('import_job')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id'))
    .addColumn('kind', 'varchar(32)', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('total_rows', 'integer', (c) => c.notNull())
    .addColumn('valid_rows', 'integer', (c) => c.notNull())
    .addColumn('problems_json', 'text', (c) => c.notNull())
    .addColumn('rows_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('committed_at', 'varchar(32)')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'import_job',
    'audit_head',
    'audit_log',
    'setting',
    'user_session',
    'app_user',
    'enterprise_search_term',
    'enterprise_chain',
    'enterprise',
    'industry_cluster',
    'industry_chain',
    'district',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
