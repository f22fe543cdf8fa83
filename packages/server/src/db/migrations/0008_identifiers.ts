import type { Kysely } from 'kysely';

// Identifier resolution secondary node (issue 6).
export async function up(_db: Kysely<any>): Promise<void> {}

export async function down(_db: Kysely<any>): Promise<void> {}
