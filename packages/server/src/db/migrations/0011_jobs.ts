import type { Kysely } from 'kysely';

// Durable background jobs (issue 11, item 7): one generic `job` table for the runner's state, and `job_item`
// for the work a job was given, persisted before the request that made the job answers.
//
// Why a generic table instead of more columns on id_upload_job: the lease, attempts and failure reason are the
// runner's business and the same for every kind of job; id_upload_job stays the upload's own record (file name,
// registered count, refused rows) that the progress route shows, and shares the job's id. A new kind of job
// then needs no migration for its bookkeeping.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('job')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('kind', 'varchar(64)', (c) => c.notNull())
    // queued · running · succeeded · failed
    .addColumn('state', 'varchar(16)', (c) => c.notNull())
    .addColumn('payload_json', 'text', (c) => c.notNull())
    .addColumn('progress_done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('progress_total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    // the worker holding a running job, and until when its lease runs (ISO-8601, renewed by its heartbeat)
    .addColumn('locked_by', 'varchar(64)')
    .addColumn('locked_until', 'varchar(32)')
    // why it failed: a message key with zh + en text and its params, shown to the user
    .addColumn('error_key', 'varchar(128)')
    .addColumn('error_params_json', 'text')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('started_at', 'varchar(32)')
    .addColumn('finished_at', 'varchar(32)')
    .execute();
  await db.schema.createIndex('job_state_idx').on('job').columns(['state', 'created_at']).execute();

  await db.schema
    .createTable('job_item')
    .addColumn('job_id', 'varchar(40)', (c) => c.notNull().references('job.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('payload_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('job_item_pk', ['job_id', 'seq'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('job_item').ifExists().execute();
  await db.schema.dropTable('job').ifExists().execute();
}
