import { sql, type Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../../../test/databases.ts';
import { createDatabase, type Db } from '../database.ts';
import { migrateToLatest, migrateUpTo } from '../migrate.ts';

// 0018 over a database that already keeps awards: every fund and ledger line kept as it was (SQLite
// rebuilds both tables), their indexes and foreign keys still there, and the new rules in force — one
// fund a year per purpose, a ledger line belongs to an award or names its source row.
for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`migration 0018 over existing funding data [${kind}]`, async () => {
    if (!(await testDatabaseKinds()).includes(kind)) return;
    let database: TestDatabase;
    let db: Db;
    afterAll(async () => {
      await db?.destroy();
      await database?.drop();
    });

    it('keeps the funds, envelopes and ledger lines, and their indexes; then takes award-less lines with a source', async () => {
      database = await createTestDatabase(kind);
      db = createDatabase({ databaseUrl: database.databaseUrl, sqlitePath: database.sqlitePath });
      await migrateUpTo(db, '0015_registers');
      const old = db as unknown as Kysely<any>;
      const at = '2023-05-01T00:00:00.000Z';
      await old.insertInto('district').values({ code: '371002', nameZh: '环翠区', nameEn: 'Huancui', kind: 'district' }).execute();
      const { id: enterpriseId } = await old
        .insertInto('enterprise')
        .values({
          creditCode: '91371000DEM0000001',
          name: '测试企业',
          districtCode: '371002',
          sizeClass: 'above_designated',
          manufacturingType: 'discrete',
          createdAt: at,
          updatedAt: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const { id: projectId } = await old
        .insertInto('fundingProject')
        .values({
          enterpriseId,
          year: 2023,
          kind: 'smart_factory',
          name: '项目',
          startDate: '2023-01-01',
          milestonesJson: '[]',
          targetsJson: '[]',
          status: 'registered',
          createdAt: at,
          updatedAt: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const { id: policyId } = await old
        .insertInto('fundingPolicy')
        .values({ code: 'p', version: 1, name: '政策', rulesJson: '{}', status: 'active', createdAt: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      const { id: fundId } = await old
        .insertInto('fundingFund')
        .values({ year: 2023, name: '专项资金', totalFen: 1000, createdAt: at, updatedAt: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      const { id: envelopeId } = await old
        .insertInto('fundingEnvelope')
        .values({ fundId, kind: 'smart_digital', name: '智改数转', amountFen: 900, sortOrder: 1 })
        .returning('id')
        .executeTakeFirstOrThrow();
      const { id: awardId } = await old
        .insertInto('fundingAward')
        .values({
          projectId,
          enterpriseId,
          year: 2023,
          policyId,
          status: 'approved',
          amountFen: 500,
          calculationJson: '{}',
          envelopeId,
          createdAt: at,
          updatedAt: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const line = {
        envelopeId,
        awardId,
        kind: 'allocation',
        amountFen: 500,
        batch: 'B1',
        note: '批准',
        actorUserId: null,
        actorUsername: 'admin',
        at,
      };
      await old.insertInto('fundingLedgerEntry').values(line).execute();

      await migrateToLatest(db);

      expect(await db.selectFrom('fundingFund').selectAll().execute()).toEqual([
        { id: fundId, year: 2023, purpose: 'manufacturing', name: '专项资金', totalFen: 1000, createdAt: at, updatedAt: at },
      ]);
      expect(await db.selectFrom('fundingLedgerEntry').selectAll().execute()).toEqual([
        { id: expect.any(Number), ...line, sourceRegister: null, sourceEntryId: null },
      ]);
      const indexes =
        kind === 'sqlite'
          ? await sql<{
              name: string;
            }>`select name from sqlite_master where type = 'index' and tbl_name in ('funding_ledger_entry', 'funding_fund')`.execute(db)
          : await sql<{
              name: string;
            }>`select indexname as name from pg_indexes where tablename in ('funding_ledger_entry', 'funding_fund')`.execute(db);
      expect(indexes.rows.map((r) => r.name)).toEqual(
        expect.arrayContaining([
          'funding_ledger_envelope_idx',
          'funding_ledger_award_idx',
          'funding_ledger_source_idx',
          'funding_fund_year_purpose_idx',
        ]),
      );

      // a talent fund beside the special fund of the same year; not a second special fund
      const { id: talentFund } = await db
        .insertInto('fundingFund')
        .values({ year: 2023, purpose: 'talent', name: '人才资金', totalFen: 100, createdAt: at, updatedAt: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      await expect(
        db.insertInto('fundingFund').values({ year: 2023, name: '又一个', totalFen: 1, createdAt: at, updatedAt: at }).execute(),
      ).rejects.toThrow();
      // foreign keys still hold on the rebuilt tables
      await expect(
        db.insertInto('fundingEnvelope').values({ fundId: 999_999, kind: 'other', name: 'x', amountFen: 1, sortOrder: 1 }).execute(),
      ).rejects.toThrow();
      const { id: talentEnvelope } = await db
        .insertInto('fundingEnvelope')
        .values({ fundId: talentFund, kind: 'talent_reward', name: '奖励', amountFen: 100, sortOrder: 1 })
        .returning('id')
        .executeTakeFirstOrThrow();
      const sourced = {
        envelopeId: talentEnvelope,
        awardId: null,
        kind: 'payment' as const,
        amountFen: 10,
        batch: null,
        note: null,
        actorUserId: null,
        actorUsername: null,
        at,
      };
      await db
        .insertInto('fundingLedgerEntry')
        .values({ ...sourced, sourceRegister: 'talent-payments', sourceEntryId: 1 })
        .execute();
      // a line with neither an award nor a source is refused
      await expect(db.insertInto('fundingLedgerEntry').values(sourced).execute()).rejects.toThrow();
    });
  });
}
