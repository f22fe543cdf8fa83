import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import { dialectOf } from '../database.ts';

// Maturity, bureau side: the reached level and total score as columns of a submitted assessment (so
// the city distribution is one indexed GROUP BY instead of parsing 100k result JSONs), a flag on each
// enterprise's latest submitted assessment, and the expert's on-site re-scoring (part 6 of issue 3).
export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = dialectOf(db) === 'sqlite';
  const id = (c: ColumnDefinitionBuilder) => (sqlite ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity());

  await db.schema.alterTable('maturity_assessment').addColumn('reached_level', 'integer').execute();
  await db.schema.alterTable('maturity_assessment').addColumn('total_score', 'double precision').execute();
  // 1 on the enterprise's most recently submitted assessment, 0 elsewhere: kept by the submit transaction.
  await db.schema
    .alterTable('maturity_assessment')
    .addColumn('is_latest', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // Covering for the distribution and the eligible list: the latest rows are read from the index alone
  // (the row itself carries the large result and model JSON).
  await db.schema
    .createIndex('maturity_assessment_latest_idx')
    .on('maturity_assessment')
    .columns(['is_latest', 'enterprise_id', 'reached_level', 'manufacturing_type', 'model_version', 'submitted_at'])
    .execute();

  // Assessments submitted before this migration: fill the columns from their frozen results.
  // (DML in camelCase: the app's CamelCasePlugin maps it to the snake_case columns.)
  const submitted = await db
    .selectFrom('maturityAssessment')
    .select(['id', 'enterpriseId', 'resultJson'])
    .where('status', '=', 'submitted')
    .orderBy('submittedAt')
    .orderBy('id')
    .execute();
  const latest = new Map<number, number>();
  for (const row of submitted) {
    const result = JSON.parse(String(row.resultJson ?? '{}')) as { reachedLevel?: number; totalScore?: number };
    await db
      .updateTable('maturityAssessment')
      .set({ reachedLevel: result.reachedLevel ?? null, totalScore: result.totalScore ?? null })
      .where('id', '=', row.id)
      .execute();
    latest.set(Number(row.enterpriseId), Number(row.id));
  }
  for (const assessmentId of latest.values())
    await db.updateTable('maturityAssessment').set({ isLatest: 1 }).where('id', '=', assessmentId).execute();

  await db.schema
    .createTable('maturity_expert_review')
    .addColumn('id', 'integer', id)
    .addColumn('assessment_id', 'integer', (c) => c.notNull().unique().references('maturity_assessment.id').onDelete('cascade'))
    .addColumn('expert_user_id', 'integer', (c) => c.notNull().references('app_user.id'))
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('assigned_by', 'integer', (c) => c.references('app_user.id'))
    .addColumn('assigned_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('submitted_at', 'varchar(32)')
    // Frozen at submit, scored with the assessment's frozen model.
    .addColumn('result_json', 'text')
    .addColumn('reached_level', 'integer')
    .addColumn('total_score', 'double precision')
    .execute();
  await db.schema
    .createIndex('maturity_expert_review_expert_idx')
    .on('maturity_expert_review')
    .columns(['expert_user_id', 'status'])
    .execute();

  await db.schema
    .createTable('maturity_expert_answer')
    .addColumn('review_id', 'integer', (c) => c.notNull().references('maturity_expert_review.id').onDelete('cascade'))
    .addColumn('requirement_id', 'varchar(80)', (c) => c.notNull())
    .addColumn('value', 'double precision')
    .addColumn('na_reason', 'text')
    .addColumn('note', 'text')
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('maturity_expert_answer_pk', ['review_id', 'requirement_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('maturity_expert_answer').execute();
  await db.schema.dropTable('maturity_expert_review').execute();
  await db.schema.dropIndex('maturity_assessment_latest_idx').execute();
  for (const column of ['is_latest', 'total_score', 'reached_level'])
    await db.schema.alterTable('maturity_assessment').dropColumn(column).execute();
}
