import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../database.ts';

// Identifier resolution secondary node (issue 6, parts 1–6): enterprise prefixes, metadata templates, identifiers
// (one row per handle, values as Handle.Net JSON text), read grants, API keys, SNMS tokens, daily statistics and
// upload jobs. Portable types only; the handle key sorts bytewise on both databases so a prefix is a key range.
export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = dialectOf(db) === 'sqlite';
  // PostgreSQL's default collation would not order '/' and '0' bytewise: the prefix range scan needs "C".
  const keyType = sqlite ? 'text' : sql`text collate "C"`;

  await db.schema
    .createTable('id_prefix')
    .addColumn('prefix', keyType, (c) => c.primaryKey())
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprise.id'))
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('credit_code', 'varchar(18)', (c) => c.notNull())
    .addColumn('enterprise_name', 'text', (c) => c.notNull())
    .addColumn('contact_name', 'text', (c) => c.notNull())
    .addColumn('contact_phone', 'varchar(32)', (c) => c.notNull())
    .addColumn('contact_email', 'text')
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('applied_by', 'integer')
    .addColumn('applied_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('decided_by', 'integer')
    .addColumn('decided_at', 'varchar(32)')
    .addColumn('decision_note', 'text')
    .addColumn('serial', 'integer', (c) => c.notNull().unique())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('id_prefix_enterprise_idx').on('id_prefix').columns(['enterprise_id', 'status']).execute();

  await db.schema
    .createTable('id_template')
    .addColumn('prefix', keyType, (c) => c.notNull().references('id_prefix.prefix'))
    .addColumn('version', 'varchar(128)', (c) => c.notNull())
    .addColumn('definition_json', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('id_template_pk', ['prefix', 'version'])
    .execute();

  // No foreign key and no second index: registration writes 50,000+ rows a second; the prefix is the key's head.
  let identifier = db.schema
    .createTable('id_identifier')
    .addColumn('handle_key', keyType, (c) => c.primaryKey())
    .addColumn('handle', 'text', (c) => c.notNull())
    .addColumn('template_version', 'varchar(128)')
    .addColumn('values_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull());
  if (sqlite) identifier = identifier.modifyEnd(sql`without rowid`);
  await identifier.execute();

  await db.schema
    .createTable('id_grant')
    .addColumn('prefix', keyType, (c) => c.notNull().references('id_prefix.prefix'))
    .addColumn('grantee_enterprise_id', 'integer', (c) => c.notNull().references('enterprise.id'))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('id_grant_pk', ['prefix', 'grantee_enterprise_id'])
    .execute();

  await db.schema
    .createTable('id_api_key')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprise.id'))
    .addColumn('secret_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('revoked_at', 'varchar(32)')
    .addColumn('last_used_at', 'varchar(32)')
    .execute();
  await db.schema.createIndex('id_api_key_enterprise_idx').on('id_api_key').column('enterprise_id').execute();

  await db.schema
    .createTable('id_token')
    .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'integer', (c) => c.notNull())
    .addColumn('api_key_id', 'varchar(40)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('id_stat_daily')
    .addColumn('day', 'varchar(10)', (c) => c.notNull())
    .addColumn('enterprise_id', 'integer', (c) => c.notNull())
    .addColumn('registrations', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('resolutions', 'bigint', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('id_stat_daily_pk', ['day', 'enterprise_id'])
    .execute();
  await db.schema.createIndex('id_stat_daily_enterprise_idx').on('id_stat_daily').columns(['enterprise_id', 'day']).execute();

  await db.schema
    .createTable('id_upload_job')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('template_version', 'varchar(128)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('processed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('registered', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('errors_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('finished_at', 'varchar(32)')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'id_upload_job',
    'id_stat_daily',
    'id_token',
    'id_api_key',
    'id_grant',
    'id_identifier',
    'id_template',
    'id_prefix',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
