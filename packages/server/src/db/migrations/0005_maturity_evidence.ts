import type { Kysely } from 'kysely';

// Evidence files per assessment item (part 3 of issue 3): the bytes live on disk under
// <data dir>/evidence/<assessment id>/<random id>; this table holds what is known about them.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('maturity_evidence')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('assessment_id', 'integer', (c) => c.notNull().references('maturity_assessment.id').onDelete('cascade'))
    .addColumn('requirement_id', 'varchar(80)', (c) => c.notNull())
    .addColumn('file_name', 'varchar(255)', (c) => c.notNull())
    .addColumn('content_type', 'varchar(120)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('uploaded_by', 'integer', (c) => c.references('app_user.id'))
    .addColumn('uploaded_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('maturity_evidence_item_idx').on('maturity_evidence').columns(['assessment_id', 'requirement_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('maturity_evidence').execute();
}
