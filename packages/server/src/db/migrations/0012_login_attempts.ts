import type { Kysely } from 'kysely';

// Failed logins are counted per (username as typed, source address) instead of on the account: a stranger's
// wrong passwords lock only their own address out, never the administrator at their desk, and a username
// that does not exist is counted (and answered) exactly like one that does.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('login_attempt')
    .addColumn('username', 'varchar(128)', (c) => c.notNull())
    .addColumn('source', 'varchar(64)', (c) => c.notNull())
    // failures since the last success or the last lock ran out; an attempt is counted before its password is checked
    .addColumn('failures', 'integer', (c) => c.notNull())
    // how many times this pair has been locked in a row: each lock lasts twice as long as the one before
    .addColumn('locks', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'varchar(32)')
    .addColumn('last_attempt_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('login_attempt_pk', ['username', 'source'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('login_attempt').ifExists().execute();
}
