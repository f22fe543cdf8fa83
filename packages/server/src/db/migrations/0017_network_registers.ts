import type { Kysely } from 'kysely';
import { createRegisterTable, REGISTER_COLUMN as C } from './register-table.ts';

// The network registers (domain registers/network): key places and their 5G coverage, the 5G base
// stations that serve them, the gigabit-city indicators a year, and obstacles to building 5G.
export async function up(db: Kysely<any>): Promise<void> {
  await createRegisterTable(db, 'register_key_place', (t) =>
    t
      .addColumn('name', C.text, (c) => c.notNull())
      .addColumn('kind', C.enum, (c) => c.notNull())
      .addColumn('coverage', C.enum, (c) => c.notNull())
      .addColumn('checked_on', C.date, (c) => c.notNull())
      .addColumn('note', C.text),
  );
  await createRegisterTable(db, 'register_base_station', (t) =>
    t
      .addColumn('operator', C.enum, (c) => c.notNull())
      .addColumn('site_code', C.text, (c) => c.notNull())
      .addColumn('site_name', C.text, (c) => c.notNull())
      .addColumn('band', C.enum, (c) => c.notNull())
      .addColumn('commissioned_on', C.date)
      .addColumn('status', C.enum, (c) => c.notNull())
      .addColumn('key_place_id', C.reference, (c) => c.references('register_key_place.id')),
  );
  // duplicates are looked up by operator and site code on every write and import row
  await db.schema.createIndex('register_base_station_site_idx').on('register_base_station').columns(['operator', 'site_code']).execute();
  await createRegisterTable(db, 'register_gigabit_indicator', (t) =>
    t
      .addColumn('indicator', C.enum, (c) => c.notNull())
      .addColumn('year', C.year, (c) => c.notNull())
      .addColumn('value', C.decimal, (c) => c.notNull())
      .addColumn('source', C.text, (c) => c.notNull())
      .addColumn('note', C.text),
  );
  await createRegisterTable(db, 'register_network_obstacle', (t) =>
    t
      .addColumn('kind', C.enum, (c) => c.notNull())
      .addColumn('site', C.text, (c) => c.notNull())
      .addColumn('description', C.text, (c) => c.notNull())
      .addColumn('raised_on', C.date, (c) => c.notNull())
      .addColumn('department', C.text)
      .addColumn('status', C.enum, (c) => c.notNull())
      .addColumn('resolved_on', C.date)
      .addColumn('resolution', C.text),
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['register_network_obstacle', 'register_gigabit_indicator', 'register_base_station', 'register_key_place'])
    await db.schema.dropTable(table).execute();
}
