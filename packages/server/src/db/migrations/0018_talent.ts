import { sql, type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely } from 'kysely';
import { dialectOf } from '../database.ts';
import { createRegisterTable, REGISTER_COLUMN as C } from './register-table.ts';

// The talent registers (training carriers, skill honours, talent payments) and what the funding ledger
// needs to carry their money: a fund has a purpose (the advanced-manufacturing special fund, the talent
// fund), one fund per year and purpose; a ledger line belongs to an award or to a register row (its
// source) — so a talent payment is a ledger line of the fund's envelope, never a typed total.
//
// SQLite cannot drop a NOT NULL or a column's UNIQUE: the two tables are rebuilt by SQLite's own
// procedure (https://www.sqlite.org/lang_altertable.html#otheralter): foreign keys off outside the
// transaction, new table, copy, drop, rename, indexes again, foreign_key_check, foreign keys on.

type Db = Kysely<any>;
type Builder = CreateTableBuilder<string, never>;

const FUND_COLUMNS = ['id', 'year', 'name', 'total_fen', 'created_at', 'updated_at'];
const LEDGER_COLUMNS = ['id', 'envelope_id', 'award_id', 'kind', 'amount_fen', 'batch', 'note', 'actor_user_id', 'actor_username', 'at'];
const SOURCE_COLUMNS = ['source_register', 'source_entry_id'];
const LEDGER_OWNER_CHECK = sql`award_id is not null or (source_register is not null and source_entry_id is not null)`;

export async function up(db: Db): Promise<void> {
  await createTalentTables(db);
  if (dialectOf(db) === 'postgres') {
    await db.schema
      .alterTable('funding_fund')
      .addColumn('purpose', 'varchar(20)', (c) => c.notNull().defaultTo('manufacturing'))
      .execute();
    await sql`alter table funding_fund drop constraint if exists funding_fund_year_key`.execute(db);
    await db.schema
      .alterTable('funding_ledger_entry')
      .alterColumn('award_id', (c) => c.dropNotNull())
      .execute();
    await db.schema.alterTable('funding_ledger_entry').addColumn('source_register', 'varchar(40)').execute();
    await db.schema.alterTable('funding_ledger_entry').addColumn('source_entry_id', 'integer').execute();
    await db.schema.alterTable('funding_ledger_entry').addCheckConstraint('funding_ledger_entry_owner_check', LEDGER_OWNER_CHECK).execute();
  } else {
    await rebuildSqlite(db, [
      {
        table: 'funding_fund',
        create: (t) => fundTable(t, true),
        columns: [...FUND_COLUMNS, 'purpose'],
        from: [...FUND_COLUMNS, `'manufacturing'`],
      },
      { table: 'funding_ledger_entry', create: (t) => ledgerTable(t, true), columns: LEDGER_COLUMNS, from: LEDGER_COLUMNS },
    ]);
  }
  await db.schema.createIndex('funding_fund_year_purpose_idx').unique().on('funding_fund').columns(['year', 'purpose']).execute();
  await db.schema.createIndex('funding_ledger_source_idx').on('funding_ledger_entry').columns(SOURCE_COLUMNS).execute();
}

export async function down(db: Db): Promise<void> {
  const talentLines = await db.selectFrom('funding_ledger_entry').select('id').where('award_id', 'is', null).executeTakeFirst();
  const talentFunds = await db.selectFrom('funding_fund').select('id').where('purpose', '!=', 'manufacturing').executeTakeFirst();
  if (talentLines || talentFunds) throw new Error('0018 down: talent funds or payments exist in the ledger; remove them first');
  await db.schema.dropIndex('funding_ledger_source_idx').execute();
  await db.schema.dropIndex('funding_fund_year_purpose_idx').execute();
  if (dialectOf(db) === 'postgres') {
    await db.schema.alterTable('funding_ledger_entry').dropConstraint('funding_ledger_entry_owner_check').execute();
    await db.schema.alterTable('funding_ledger_entry').dropColumn('source_entry_id').dropColumn('source_register').execute();
    await db.schema
      .alterTable('funding_ledger_entry')
      .alterColumn('award_id', (c) => c.setNotNull())
      .execute();
    await db.schema.alterTable('funding_fund').dropColumn('purpose').execute();
    await sql`alter table funding_fund add constraint funding_fund_year_key unique (year)`.execute(db);
  } else {
    await rebuildSqlite(db, [
      { table: 'funding_fund', create: (t) => fundTable(t, false), columns: FUND_COLUMNS, from: FUND_COLUMNS },
      { table: 'funding_ledger_entry', create: (t) => ledgerTable(t, false), columns: LEDGER_COLUMNS, from: LEDGER_COLUMNS },
    ]);
  }
  for (const table of ['register_talent_payment', 'register_skill_honour', 'register_training_carrier'])
    await db.schema.dropTable(table).execute();
}

async function createTalentTables(db: Db): Promise<void> {
  await createRegisterTable(db, 'register_training_carrier', (t) =>
    t
      .addColumn('name', C.text, (c) => c.notNull())
      .addColumn('kind', C.enum, (c) => c.notNull())
      .addColumn('level', C.enum, (c) => c.notNull())
      .addColumn('host_school', C.text)
      .addColumn('established_year', C.year, (c) => c.notNull())
      .addColumn('tenure_end', C.date)
      .addColumn('note', C.text),
  );
  await createRegisterTable(db, 'register_skill_honour', (t) =>
    t
      .addColumn('person_name', C.text, (c) => c.notNull())
      .addColumn('honour', C.enum, (c) => c.notNull())
      .addColumn('year', C.year, (c) => c.notNull())
      .addColumn('occupation', C.text)
      .addColumn('employer_name', C.text, (c) => c.notNull())
      .addColumn('tenure_end', C.date),
  );
  await db.schema.createIndex('register_skill_honour_tenure_idx').on('register_skill_honour').columns(['tenure_end']).execute();
  await createRegisterTable(db, 'register_talent_payment', (t) =>
    t
      .addColumn('kind', C.enum, (c) => c.notNull())
      .addColumn('honour_id', C.reference, (c) => c.references('register_skill_honour.id'))
      .addColumn('recipient_group', C.text)
      .addColumn('recipients', C.integer)
      .addColumn('policy_id', C.reference, (c) => c.notNull().references('register_policy.id'))
      .addColumn('paid_on', C.date, (c) => c.notNull())
      .addColumn('amount_fen', C.money, (c) => c.notNull())
      .addColumn('batch', C.text, (c) => c.notNull()),
  );
}

const sqliteId = (c: ColumnDefinitionBuilder) => c.primaryKey().autoIncrement();

/** funding_fund as 0007 made it, with (after 0018) its purpose; one fund per year and purpose by index. */
function fundTable(t: Builder, withPurpose: boolean): Builder {
  let builder = t
    .addColumn('id', 'integer', sqliteId)
    .addColumn('year', 'integer', (c) => (withPurpose ? c.notNull() : c.notNull().unique()))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('total_fen', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull());
  if (withPurpose) builder = builder.addColumn('purpose', 'varchar(20)', (c) => c.notNull().defaultTo('manufacturing'));
  return builder;
}

/** funding_ledger_entry as 0007 made it; after 0018 a line's award is optional when it names its source row. */
function ledgerTable(t: Builder, withSource: boolean): Builder {
  let builder = t
    .addColumn('id', 'integer', sqliteId)
    .addColumn('envelope_id', 'integer', (c) => c.notNull().references('funding_envelope.id'))
    .addColumn('award_id', 'integer', (c) => (withSource ? c.references('funding_award.id') : c.notNull().references('funding_award.id')))
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('batch', 'varchar(40)')
    .addColumn('note', 'text')
    .addColumn('actor_user_id', 'integer')
    .addColumn('actor_username', 'varchar(64)')
    .addColumn('at', 'varchar(32)', (c) => c.notNull());
  if (withSource)
    builder = builder
      .addColumn('source_register', 'varchar(40)')
      .addColumn('source_entry_id', 'integer')
      .addCheckConstraint('funding_ledger_entry_owner_check', LEDGER_OWNER_CHECK);
  return builder;
}

interface Rebuild {
  table: string;
  create: (builder: Builder) => Builder;
  /** The new table's columns filled from the old one, and what fills each (a column or a literal). */
  columns: string[];
  from: string[];
}

async function rebuildSqlite(db: Db, rebuilds: Rebuild[]): Promise<void> {
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await db.transaction().execute(async (tx) => {
      for (const { table, create, columns, from } of rebuilds) {
        const indexes = await sql<{ sql: string }>`
          select sql from sqlite_master where type = 'index' and tbl_name = ${table} and sql is not null`.execute(tx);
        const next = `${table}_next`;
        await create(tx.schema.createTable(next)).execute();
        await sql.raw(`insert into ${next} (${columns.join(', ')}) select ${from.join(', ')} from ${table}`).execute(tx);
        await tx.schema.dropTable(table).execute();
        await sql.raw(`alter table ${next} rename to ${table}`).execute(tx);
        for (const index of indexes.rows) await sql.raw(index.sql).execute(tx);
      }
      const broken = await sql`pragma foreign_key_check`.execute(tx);
      if (broken.rows.length > 0) throw new Error(`0018: foreign keys broken by the rebuild: ${JSON.stringify(broken.rows)}`);
    });
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}
