import type { Kysely } from 'kysely';

// Traceability (issue 6, parts 7–9): EPCIS events as sent, their EPCs, and warehouse stock.
export async function up(_db: Kysely<any>): Promise<void> {}

export async function down(_db: Kysely<any>): Promise<void> {}
