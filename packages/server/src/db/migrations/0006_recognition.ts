import type { Kysely } from 'kysely';

// Recognition ladder (issue 4).
export async function up(_db: Kysely<any>): Promise<void> {}

export async function down(_db: Kysely<any>): Promise<void> {}
