import type { Kysely } from 'kysely';

// Projects and subsidy funds (issue 5).
export async function up(_db: Kysely<any>): Promise<void> {}

export async function down(_db: Kysely<any>): Promise<void> {}
