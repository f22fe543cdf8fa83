import type { Kysely } from 'kysely';

// SNMS's recommended login (`POST /identity/token/v1`, id-guide SNMS v3 身份认证 «密文传输») sends
// sha256(sha256(secret) + yyyy-MM-dd): the node must know sha256 of each API key's secret to check it. Keys made
// before this column have none and log in with the plain form until they are re-issued.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('id_api_key').addColumn('secret_sha256', 'varchar(64)').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('id_api_key').dropColumn('secret_sha256').execute();
}
