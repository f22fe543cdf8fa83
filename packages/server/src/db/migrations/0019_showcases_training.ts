import type { Kysely } from 'kysely';
import { createRegisterTable, REGISTER_COLUMN as C } from './register-table.ts';

// The showcase registers (cases and their before/after KPIs) and the training registers (courses,
// classes and site visits with their attendees; skills contests with their results).
export async function up(db: Kysely<any>): Promise<void> {
  await createRegisterTable(db, 'register_showcase', (t) =>
    t
      .addColumn('name', C.text, (c) => c.notNull())
      .addColumn('chain', C.chain, (c) => c.notNull().references('industry_chain.code'))
      .addColumn('segment', C.text, (c) => c.notNull())
      .addColumn('status', C.enum, (c) => c.notNull())
      .addColumn('published_on', C.date)
      .addColumn('problem', C.text, (c) => c.notNull())
      .addColumn('solution', C.text, (c) => c.notNull()),
  );
  await db.schema.createIndex('register_showcase_chain_idx').on('register_showcase').columns(['chain', 'archived']).execute();

  await createRegisterTable(db, 'register_showcase_kpi', (t) =>
    t
      .addColumn('showcase', C.reference, (c) => c.notNull().references('register_showcase.id'))
      .addColumn('kind', C.enum, (c) => c.notNull())
      .addColumn('name', C.text, (c) => c.notNull())
      .addColumn('unit', C.text, (c) => c.notNull())
      .addColumn('before_value', C.decimal, (c) => c.notNull())
      .addColumn('after_value', C.decimal, (c) => c.notNull())
      .addColumn('measured_before', C.date, (c) => c.notNull())
      .addColumn('measured_after', C.date, (c) => c.notNull())
      .addColumn('source', C.text),
  );
  await db.schema.createIndex('register_showcase_kpi_showcase_idx').on('register_showcase_kpi').column('showcase').execute();

  await createRegisterTable(db, 'register_training_event', (t) =>
    t
      .addColumn('name', C.text, (c) => c.notNull())
      .addColumn('kind', C.enum, (c) => c.notNull())
      .addColumn('organiser', C.text, (c) => c.notNull())
      .addColumn('topic', C.text, (c) => c.notNull())
      .addColumn('start_date', C.date, (c) => c.notNull())
      .addColumn('end_date', C.date)
      .addColumn('chain', C.chain, (c) => c.references('industry_chain.code'))
      .addColumn('host_showcase', C.reference, (c) => c.references('register_showcase.id'))
      .addColumn('planned_places', C.integer),
  );

  await createRegisterTable(db, 'register_training_attendee', (t) =>
    t
      .addColumn('event', C.reference, (c) => c.notNull().references('register_training_event.id'))
      .addColumn('person_name', C.text)
      .addColumn('headcount', C.integer)
      .addColumn('attendance_pct', C.decimal)
      .addColumn('completed', C.boolean),
  );
  await db.schema.createIndex('register_training_attendee_event_idx').on('register_training_attendee').column('event').execute();

  await createRegisterTable(db, 'register_skills_contest', (t) =>
    t
      .addColumn('name', C.text, (c) => c.notNull())
      .addColumn('year', C.year, (c) => c.notNull())
      .addColumn('level', C.enum, (c) => c.notNull())
      .addColumn('organiser', C.text, (c) => c.notNull())
      .addColumn('held_from', C.date)
      .addColumn('held_to', C.date)
      .addColumn('events', C.text),
  );

  await createRegisterTable(db, 'register_contest_result', (t) =>
    t
      .addColumn('contest', C.reference, (c) => c.notNull().references('register_skills_contest.id'))
      .addColumn('person_name', C.text, (c) => c.notNull())
      .addColumn('event', C.text, (c) => c.notNull())
      .addColumn('rank', C.integer)
      .addColumn('award', C.enum, (c) => c.notNull()),
  );
  await db.schema.createIndex('register_contest_result_contest_idx').on('register_contest_result').column('contest').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'register_contest_result',
    'register_skills_contest',
    'register_training_attendee',
    'register_training_event',
    'register_showcase_kpi',
    'register_showcase',
  ])
    await db.schema.dropTable(table).execute();
}
