import type { Kysely } from 'kysely';

// EPCIS 2.0 conformance: the namespaces (JSON-LD @context prefixes) each captured event's document declared,
// so query documents can declare them again (EPCIS 2.0 §9.3 JSON-LD context); how a capture treated bad
// events (GS1-Capture-Error-Behaviour) and the events it refused; recordTime (recorded_at) ordered and
// bounded like eventTime.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('epcis_event').addColumn('namespaces', 'text').execute();
  await db.schema
    .alterTable('epcis_capture')
    .addColumn('error_behaviour', 'varchar(10)', (c) => c.notNull().defaultTo('rollback'))
    .execute();
  await db.schema.alterTable('epcis_capture').addColumn('errors', 'text').execute();
  await db.schema.createIndex('epcis_event_owner_record_idx').on('epcis_event').columns(['enterprise_id', 'recorded_at', 'id']).execute();
  await db.schema.createIndex('epcis_event_record_idx').on('epcis_event').columns(['recorded_at', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const index of ['epcis_event_record_idx', 'epcis_event_owner_record_idx']) await db.schema.dropIndex(index).execute();
  for (const column of ['errors', 'error_behaviour']) await db.schema.alterTable('epcis_capture').dropColumn(column).execute();
  await db.schema.alterTable('epcis_event').dropColumn('namespaces').execute();
}
