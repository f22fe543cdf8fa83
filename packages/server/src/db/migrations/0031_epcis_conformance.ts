import type { Kysely } from 'kysely';
import { dialectOf } from '../database.ts';

// EPCIS 2.0 conformance: the namespaces (JSON-LD @context prefixes) each captured event's document declared,
// so query documents can declare them again (EPCIS 2.0 §9.3 JSON-LD context); how a capture treated bad
// events (GS1-Capture-Error-Behaviour) and the events it refused; recordTime (recorded_at) ordered and
// bounded like eventTime; event types as long as other indexed values, since extension types are IRIs
// (SQLite does not enforce varchar lengths); named queries.
export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'postgres')
    await db.schema
      .alterTable('epcis_event')
      .alterColumn('type', (c) => c.setDataType('varchar(600)'))
      .execute();
  await db.schema.alterTable('epcis_event').addColumn('namespaces', 'text').execute();
  await db.schema
    .alterTable('epcis_capture')
    .addColumn('error_behaviour', 'varchar(10)', (c) => c.notNull().defaultTo('rollback'))
    .execute();
  await db.schema.alterTable('epcis_capture').addColumn('errors', 'text').execute();
  await db.schema.createIndex('epcis_event_owner_record_idx').on('epcis_event').columns(['enterprise_id', 'recorded_at', 'id']).execute();
  await db.schema.createIndex('epcis_event_record_idx').on('epcis_event').columns(['recorded_at', 'id']).execute();
  // named queries of the REST binding (/queries/{name}), each an enterprise's
  await db.schema
    .createTable('epcis_named_query')
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprise.id'))
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    // the query as the client sent it (EPCIS query-schema.json)
    .addColumn('query', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
    .addColumn('api_key_id', 'varchar(64)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('epcis_named_query_pk', ['enterprise_id', 'name'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('epcis_named_query').execute();
  for (const index of ['epcis_event_record_idx', 'epcis_event_owner_record_idx']) await db.schema.dropIndex(index).execute();
  for (const column of ['errors', 'error_behaviour']) await db.schema.alterTable('epcis_capture').dropColumn(column).execute();
  await db.schema.alterTable('epcis_event').dropColumn('namespaces').execute();
  if (dialectOf(db) === 'postgres')
    await db.schema
      .alterTable('epcis_event')
      .alterColumn('type', (c) => c.setDataType('varchar(40)'))
      .execute();
}
