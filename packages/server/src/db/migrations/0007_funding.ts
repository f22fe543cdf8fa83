import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import { dialectOf } from '../database.ts';

// Projects and subsidy funds (issue 5). Money is integer fen in bigint columns (a year's fund is billions
// of fen, past PostgreSQL's 32-bit integer); JSON as text, timestamps as ISO text, dates as YYYY-MM-DD.
export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = dialectOf(db) === 'sqlite';
  const id = (c: ColumnDefinitionBuilder) => (sqlite ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity());
  const money = (c: ColumnDefinitionBuilder) => c.notNull().defaultTo(0);

  await db.schema
    .createTable('funding_project')
    .addColumn('id', 'integer', id)
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprise.id'))
    .addColumn('chain_code', 'varchar(20)', (c) => c.references('industry_chain.code'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('kind', 'varchar(32)', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('equipment_fen', 'bigint', money)
    .addColumn('software_fen', 'bigint', money)
    .addColumn('services_fen', 'bigint', money)
    .addColumn('other_fen', 'bigint', money)
    // Stored for the reports' sums; always the four items added on write.
    .addColumn('total_investment_fen', 'bigint', money)
    .addColumn('start_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('completion_date', 'varchar(10)')
    .addColumn('milestones_json', 'text', (c) => c.notNull())
    .addColumn('targets_json', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('funding_project_year_idx').on('funding_project').columns(['year', 'enterprise_id']).execute();
  await db.schema.createIndex('funding_project_enterprise_idx').on('funding_project').columns(['enterprise_id']).execute();

  await db.schema
    .createTable('funding_fund')
    .addColumn('id', 'integer', id)
    .addColumn('year', 'integer', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('total_fen', 'bigint', money)
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('funding_envelope')
    .addColumn('id', 'integer', id)
    .addColumn('fund_id', 'integer', (c) => c.notNull().references('funding_fund.id'))
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', money)
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('funding_envelope_fund_idx').on('funding_envelope').columns(['fund_id']).execute();

  await db.schema
    .createTable('funding_policy')
    .addColumn('id', 'integer', id)
    .addColumn('code', 'varchar(40)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('year', 'integer')
    .addColumn('basis', 'text')
    .addColumn('rules_json', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('funding_policy_code_version_uq', ['code', 'version'])
    .execute();

  await db.schema
    .createTable('funding_sample_draw')
    .addColumn('id', 'integer', id)
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seed', 'varchar(64)', (c) => c.notNull())
    .addColumn('ratio', 'double precision', (c) => c.notNull())
    .addColumn('population_json', 'text', (c) => c.notNull())
    .addColumn('selected_json', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'integer')
    .addColumn('actor_username', 'varchar(64)')
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('funding_award')
    .addColumn('id', 'integer', id)
    .addColumn('project_id', 'integer', (c) => c.notNull().references('funding_project.id'))
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprise.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('policy_id', 'integer', (c) => c.notNull().references('funding_policy.id'))
    .addColumn('status', 'varchar(24)', (c) => c.notNull())
    // Computed under the policy version at application and frozen: a later version never changes it.
    .addColumn('amount_fen', 'bigint', money)
    .addColumn('calculation_json', 'text', (c) => c.notNull())
    .addColumn('approved_fen', 'bigint')
    .addColumn('paid_fen', 'bigint', money)
    .addColumn('clawed_back_fen', 'bigint', money)
    .addColumn('envelope_id', 'integer', (c) => c.references('funding_envelope.id'))
    .addColumn('sample_draw_id', 'integer', (c) => c.references('funding_sample_draw.id'))
    .addColumn('sampled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('notice_start', 'varchar(10)')
    .addColumn('notice_end', 'varchar(10)')
    .addColumn('evaluation_json', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('funding_award_status_idx').on('funding_award').columns(['year', 'status']).execute();
  await db.schema.createIndex('funding_award_project_idx').on('funding_award').columns(['project_id']).execute();
  await db.schema.createIndex('funding_award_enterprise_idx').on('funding_award').columns(['enterprise_id', 'year']).execute();

  await db.schema
    .createTable('funding_award_move')
    .addColumn('id', 'integer', id)
    .addColumn('award_id', 'integer', (c) => c.notNull().references('funding_award.id'))
    .addColumn('action', 'varchar(32)', (c) => c.notNull())
    .addColumn('from_status', 'varchar(24)')
    .addColumn('to_status', 'varchar(24)', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint')
    .addColumn('note', 'text')
    .addColumn('actor_user_id', 'integer')
    .addColumn('actor_username', 'varchar(64)')
    .addColumn('actor_role', 'varchar(32)')
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('funding_award_move_award_idx').on('funding_award_move').columns(['award_id']).execute();

  // The ledger: allocations, payments and claw-backs, each a positive amount; balances are sums of it.
  await db.schema
    .createTable('funding_ledger_entry')
    .addColumn('id', 'integer', id)
    .addColumn('envelope_id', 'integer', (c) => c.notNull().references('funding_envelope.id'))
    .addColumn('award_id', 'integer', (c) => c.notNull().references('funding_award.id'))
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('batch', 'varchar(40)')
    .addColumn('note', 'text')
    .addColumn('actor_user_id', 'integer')
    .addColumn('actor_username', 'varchar(64)')
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('funding_ledger_envelope_idx').on('funding_ledger_entry').columns(['envelope_id', 'kind']).execute();
  await db.schema.createIndex('funding_ledger_award_idx').on('funding_ledger_entry').columns(['award_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'funding_ledger_entry',
    'funding_award_move',
    'funding_award',
    'funding_sample_draw',
    'funding_policy',
    'funding_envelope',
    'funding_fund',
    'funding_project',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
