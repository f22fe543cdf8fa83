import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import { dialectOf } from '../database.ts';

// Recognition ladder (issue 4): programmes, applications and their moves, attachments, expert ties,
// panels and score sheets, public notices and objections, the working-day calendar, recognitions with
// re-evaluations, and upward recommendations. Portable types only: JSON as text, booleans 0/1, dates
// as YYYY-MM-DD text, timestamps as ISO text.
export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = dialectOf(db) === 'sqlite';
  const id = (c: ColumnDefinitionBuilder) => (sqlite ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity());
  const ts = 'varchar(32)';
  const date = 'varchar(10)';

  await db.schema
    .createTable('recognition_programme')
    .addColumn('id', 'integer', id)
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('level', 'varchar(20)', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('opens_on', date, (c) => c.notNull())
    .addColumn('closes_on', date, (c) => c.notNull())
    .addColumn('min_maturity_level', 'integer', (c) => c.notNull())
    .addColumn('above_designated_size', 'integer', (c) => c.notNull())
    .addColumn('no_serious_incident', 'integer', (c) => c.notNull())
    .addColumn('indicators_json', 'text', (c) => c.notNull())
    .addColumn('required_kpis_json', 'text', (c) => c.notNull())
    .addColumn('notice_working_days', 'integer', (c) => c.notNull())
    .addColumn('quota', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addUniqueConstraint('recognition_programme_year_kind_level_uq', ['year', 'kind', 'level'])
    .execute();

  await db.schema
    .createTable('recognition_notice')
    .addColumn('id', 'integer', id)
    .addColumn('programme_id', 'integer', (c) => c.notNull().references('recognition_programme.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('starts_on', date, (c) => c.notNull())
    .addColumn('ends_on', date, (c) => c.notNull())
    .addColumn('working_days', 'integer', (c) => c.notNull())
    .addColumn('published_at', ts, (c) => c.notNull())
    .addColumn('published_by', 'integer', (c) => c.references('app_user.id'))
    .execute();

  await db.schema
    .createTable('recognition_application')
    .addColumn('id', 'integer', id)
    .addColumn('programme_id', 'integer', (c) => c.notNull().references('recognition_programme.id'))
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprise.id'))
    .addColumn('state', 'varchar(20)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('project_name', 'text', (c) => c.notNull())
    .addColumn('project_description', 'text', (c) => c.notNull())
    .addColumn('service_provider_name', 'text', (c) => c.notNull())
    .addColumn('incident_free_declared', 'integer', (c) => c.notNull())
    .addColumn('kpis_json', 'text', (c) => c.notNull())
    // the gate report as it stood when the application was (re)submitted
    .addColumn('gates_json', 'text')
    .addColumn('notice_id', 'integer', (c) => c.references('recognition_notice.id'))
    // panel result, fixed when scoring closes
    .addColumn('final_score', 'double precision')
    .addColumn('score_json', 'text')
    .addColumn('rank', 'integer')
    .addColumn('submitted_at', ts)
    .addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('recognition_application_programme_idx')
    .on('recognition_application')
    .columns(['programme_id', 'state'])
    .execute();
  await db.schema.createIndex('recognition_application_enterprise_idx').on('recognition_application').columns(['enterprise_id']).execute();

  await db.schema
    .createTable('recognition_move')
    .addColumn('id', 'integer', id)
    .addColumn('application_id', 'integer', (c) => c.notNull().references('recognition_application.id').onDelete('cascade'))
    .addColumn('move', 'varchar(20)', (c) => c.notNull())
    .addColumn('from_state', 'varchar(20)', (c) => c.notNull())
    .addColumn('to_state', 'varchar(20)', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('actor_user_id', 'integer', (c) => c.references('app_user.id'))
    .addColumn('actor_name', 'text')
    .addColumn('actor_role', 'varchar(20)')
    .addColumn('at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('recognition_move_application_idx').on('recognition_move').columns(['application_id', 'id']).execute();

  await db.schema
    .createTable('recognition_attachment')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('application_id', 'integer', (c) => c.notNull().references('recognition_application.id').onDelete('cascade'))
    .addColumn('file_name', 'varchar(255)', (c) => c.notNull())
    .addColumn('content_type', 'varchar(120)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('uploaded_by', 'integer', (c) => c.references('app_user.id'))
    .addColumn('uploaded_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('recognition_attachment_application_idx').on('recognition_attachment').columns(['application_id']).execute();

  // An expert's ties (employment, shareholding, consulting): to an enterprise, or to a service provider by name.
  await db.schema
    .createTable('recognition_expert_tie')
    .addColumn('id', 'integer', id)
    .addColumn('expert_user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('enterprise_id', 'integer', (c) => c.references('enterprise.id'))
    .addColumn('provider_name', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('recognition_expert_tie_expert_idx').on('recognition_expert_tie').columns(['expert_user_id']).execute();

  await db.schema
    .createTable('recognition_panel_member')
    .addColumn('application_id', 'integer', (c) => c.notNull().references('recognition_application.id').onDelete('cascade'))
    .addColumn('expert_user_id', 'integer', (c) => c.notNull().references('app_user.id'))
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('scores_json', 'text', (c) => c.notNull())
    .addColumn('total', 'double precision')
    .addColumn('comment', 'text')
    .addColumn('assigned_by', 'integer', (c) => c.references('app_user.id'))
    .addColumn('assigned_at', ts, (c) => c.notNull())
    .addColumn('submitted_at', ts)
    .addPrimaryKeyConstraint('recognition_panel_member_pk', ['application_id', 'expert_user_id'])
    .execute();
  await db.schema.createIndex('recognition_panel_member_expert_idx').on('recognition_panel_member').columns(['expert_user_id']).execute();

  await db.schema
    .createTable('recognition_objection')
    .addColumn('id', 'integer', id)
    .addColumn('notice_id', 'integer', (c) => c.notNull().references('recognition_notice.id'))
    .addColumn('application_id', 'integer', (c) => c.references('recognition_application.id'))
    .addColumn('reference', 'varchar(40)', (c) => c.notNull().unique())
    .addColumn('objector_name', 'text', (c) => c.notNull())
    .addColumn('objector_id_number', 'text', (c) => c.notNull())
    .addColumn('contact', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('channel', 'varchar(10)', (c) => c.notNull())
    .addColumn('received_on', date, (c) => c.notNull())
    .addColumn('filed_at', ts, (c) => c.notNull())
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('handled_by', 'integer', (c) => c.references('app_user.id'))
    .addColumn('handled_at', ts)
    .execute();
  await db.schema.createIndex('recognition_objection_notice_idx').on('recognition_objection').columns(['notice_id']).execute();

  await db.schema
    .createTable('recognition_calendar_day')
    .addColumn('date', date, (c) => c.primaryKey())
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('recognition_recommendation')
    .addColumn('id', 'integer', id)
    .addColumn('target_level', 'varchar(20)', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
    // SM3 over the manifest of the files sent, each with its own SM3 (manifest_json)
    .addColumn('snapshot_sm3', 'varchar(64)', (c) => c.notNull())
    .addColumn('manifest_json', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('recognition')
    .addColumn('id', 'integer', id)
    .addColumn('recognition_number', 'varchar(40)', (c) => c.notNull().unique())
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprise.id'))
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('level', 'varchar(20)', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('project_name', 'text', (c) => c.notNull())
    .addColumn('recognised_on', date, (c) => c.notNull())
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('source', 'varchar(20)', (c) => c.notNull())
    .addColumn('application_id', 'integer', (c) => c.references('recognition_application.id'))
    .addColumn('recommendation_id', 'integer', (c) => c.references('recognition_recommendation.id'))
    .addColumn('kpis_json', 'text', (c) => c.notNull())
    .addColumn('reevaluation_due', date, (c) => c.notNull())
    .addColumn('revoked_on', date)
    .addColumn('revoke_cause', 'varchar(24)')
    .addColumn('revoke_note', 'text')
    .addColumn('ban_until', date)
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('recognition_enterprise_idx').on('recognition').columns(['enterprise_id']).execute();
  await db.schema.createIndex('recognition_level_idx').on('recognition').columns(['level', 'kind', 'year']).execute();

  await db.schema
    .createTable('recognition_reevaluation')
    .addColumn('id', 'integer', id)
    .addColumn('recognition_id', 'integer', (c) => c.notNull().references('recognition.id').onDelete('cascade'))
    .addColumn('evaluated_on', date, (c) => c.notNull())
    .addColumn('outcome', 'varchar(12)', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'integer', (c) => c.references('app_user.id'))
    .addColumn('recorded_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('recognition_recommendation_item')
    .addColumn('recommendation_id', 'integer', (c) => c.notNull().references('recognition_recommendation.id').onDelete('cascade'))
    .addColumn('recognition_id', 'integer', (c) => c.notNull().references('recognition.id'))
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addColumn('outcome', 'varchar(10)', (c) => c.notNull())
    .addColumn('decided_on', date)
    .addColumn('note', 'text')
    .addColumn('new_recognition_id', 'integer', (c) => c.references('recognition.id'))
    .addPrimaryKeyConstraint('recognition_recommendation_item_pk', ['recommendation_id', 'recognition_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'recognition_recommendation_item',
    'recognition_reevaluation',
    'recognition',
    'recognition_recommendation',
    'recognition_calendar_day',
    'recognition_objection',
    'recognition_panel_member',
    'recognition_expert_tie',
    'recognition_attachment',
    'recognition_move',
    'recognition_application',
    'recognition_notice',
    'recognition_programme',
  ])
    await db.schema.dropTable(table).execute();
}
