import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import { dialectOf } from '../database.ts';

// Traceability (issue 6, parts 7–9): EPCIS captures and their events as sent, the identifiers each event
// names (one row per identifier and role, keyed for lookup), and warehouse stock as a projection of the
// events, kept in the capture transaction. Portable types only.
export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = dialectOf(db) === 'sqlite';
  const id = (c: ColumnDefinitionBuilder) => (sqlite ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity());

  await db.schema
    .createTable('epcis_capture')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprise.id'))
    .addColumn('captured_by', 'integer', (c) => c.references('app_user.id'))
    .addColumn('api_key_id', 'varchar(64)')
    // the body exactly as sent (document or single event)
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('event_count', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('epcis_event')
    .addColumn('id', 'integer', id)
    .addColumn('capture_id', 'varchar(40)', (c) => c.notNull().references('epcis_capture.id'))
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprise.id'))
    // position in its capture: maps the ids a batched insert returns back to the events
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('event_id', 'varchar(2048)')
    .addColumn('type', 'varchar(40)', (c) => c.notNull())
    .addColumn('action', 'varchar(10)')
    .addColumn('biz_step', 'varchar(1024)')
    .addColumn('disposition', 'varchar(1024)')
    // UTC, milliseconds, ISO: compares as text
    .addColumn('event_time', 'varchar(32)', (c) => c.notNull())
    .addColumn('event_time_zone_offset', 'varchar(8)', (c) => c.notNull())
    .addColumn('read_point', 'varchar(2048)')
    .addColumn('biz_location', 'varchar(2048)')
    .addColumn('event_json', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('epcis_event_owner_time_idx').on('epcis_event').columns(['enterprise_id', 'event_time', 'id']).execute();
  // the bureau's node-wide list and EPCIS pages walk events by time across owners
  await db.schema.createIndex('epcis_event_time_idx').on('epcis_event').columns(['event_time', 'id']).execute();
  await db.schema.createIndex('epcis_event_step_time_idx').on('epcis_event').columns(['biz_step', 'event_time']).execute();
  await db.schema.createIndex('epcis_event_location_idx').on('epcis_event').columns(['biz_location', 'event_time']).execute();
  await db.schema.createIndex('epcis_event_read_point_idx').on('epcis_event').columns(['read_point', 'event_time']).execute();
  await db.schema.createIndex('epcis_event_capture_idx').on('epcis_event').column('capture_id').execute();
  await db.schema.createIndex('epcis_event_event_id_uq').on('epcis_event').columns(['enterprise_id', 'event_id']).unique().execute();

  await db.schema
    .createTable('epcis_event_epc')
    .addColumn('epc_key', 'varchar(2048)', (c) => c.notNull())
    .addColumn('event_row_id', 'integer', (c) => c.notNull().references('epcis_event.id').onDelete('cascade'))
    .addColumn('role', 'varchar(10)', (c) => c.notNull())
    .addPrimaryKeyConstraint('epcis_event_epc_pk', ['epc_key', 'event_row_id', 'role'])
    .execute();
  await db.schema.createIndex('epcis_event_epc_event_idx').on('epcis_event_epc').column('event_row_id').execute();

  await db.schema
    .createTable('warehouse_stock')
    .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprise.id'))
    .addColumn('location', 'varchar(2048)', (c) => c.notNull())
    .addColumn('product', 'varchar(2048)', (c) => c.notNull())
    .addColumn('uom', 'varchar(16)', (c) => c.notNull())
    // millionths of the unit (domain traceability/stock.ts), exact sums
    .addColumn('quantity_micro', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('warehouse_stock_pk', ['enterprise_id', 'location', 'product', 'uom'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['warehouse_stock', 'epcis_event_epc', 'epcis_event', 'epcis_capture']) await db.schema.dropTable(table).execute();
}
