import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import { dialectOf } from '../database.ts';

// Maturity self-diagnosis: model versions as data (definition JSON + question bank rows), assessments
// and their answers. Portable types only: JSON as text, booleans as 0/1, timestamps as ISO text.
export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = dialectOf(db) === 'sqlite';
  const id = (c: ColumnDefinitionBuilder) => (sqlite ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity());

  await db.schema
    .createTable('maturity_model_version')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('definition_json', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('based_on', 'varchar(40)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .execute();

  // A custom copy owns its own rows (copied from its source), so the bureau edits it without touching the shipped bank.
  await db.schema
    .createTable('maturity_requirement')
    .addColumn('model_version', 'varchar(40)', (c) => c.notNull().references('maturity_model_version.id'))
    .addColumn('id', 'varchar(80)', (c) => c.notNull())
    .addColumn('sub_domain_code', 'varchar(64)', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('text_zh', 'text', (c) => c.notNull())
    .addColumn('text_en', 'text', (c) => c.notNull())
    .addColumn('evidence_zh', 'text', (c) => c.notNull())
    .addColumn('evidence_en', 'text', (c) => c.notNull())
    .addColumn('advice_zh', 'text', (c) => c.notNull())
    .addColumn('advice_en', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('maturity_requirement_pk', ['model_version', 'id'])
    .execute();

  await db.schema
    .createTable('maturity_assessment')
    .addColumn('id', 'integer', id)
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprise.id'))
    .addColumn('model_version', 'varchar(40)', (c) => c.notNull().references('maturity_model_version.id'))
    .addColumn('manufacturing_type', 'varchar(20)', (c) => c.notNull())
    .addColumn('target_level', 'integer', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('submitted_at', 'varchar(32)')
    // Frozen at submit: the engine result and the model definition it was scored with (never rescored).
    .addColumn('result_json', 'text')
    .addColumn('model_json', 'text')
    .addColumn('formula_id', 'varchar(20)')
    .execute();
  await db.schema
    .createIndex('maturity_assessment_enterprise_idx')
    .on('maturity_assessment')
    .columns(['enterprise_id', 'created_at'])
    .execute();
  await db.schema.createIndex('maturity_assessment_status_idx').on('maturity_assessment').columns(['status', 'model_version']).execute();

  await db.schema
    .createTable('maturity_answer')
    .addColumn('assessment_id', 'integer', (c) => c.notNull().references('maturity_assessment.id').onDelete('cascade'))
    .addColumn('requirement_id', 'varchar(80)', (c) => c.notNull())
    // 1 / 0.8 / 0.5 / 0, or null for not applicable; double precision keeps 0.8 exact as the engine reads it.
    .addColumn('value', 'double precision')
    .addColumn('na_reason', 'text')
    .addColumn('note', 'text')
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('maturity_answer_pk', ['assessment_id', 'requirement_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['maturity_answer', 'maturity_assessment', 'maturity_requirement', 'maturity_model_version'])
    await db.schema.dropTable(table).execute();
}
