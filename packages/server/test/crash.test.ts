import { setTimeout as sleep } from 'node:timers/promises';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppContext } from '../src/bootstrap.ts';
import { startPlatform, type RunningPlatform } from '../src/cli/spawn.test-support.ts';
import { loadConfig } from '../src/config.ts';
import { createDatabase, type Db } from '../src/db/database.ts';
import { created, fundFor, projectBody, TEN_PERCENT_POLICY, toNotice, yuan } from '../src/modules/funding/funding.test-support.ts';
import { TEMPLATE, tenant, type Tenant } from '../src/modules/identifiers/fixtures.test-support.ts';
import { enterpriseWorkbook, goodRow, upload } from '../src/modules/registry/excel.fixtures.ts';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from './databases.ts';
import { FIXTURE_USERNAMES, type Json, seedFixtures, TEST_PASSWORD, TestClient, type TestServer } from './harness.ts';

// Crash tests (issue 11): the real server (main.ts) as a child process, killed with SIGKILL in the middle of
// a write, then started again on the same database. After each restart the audit chain verifies and the data is
// whole: an upload job goes on to the end with every identifier there once, and the all-or-nothing writes
// (a batch registration, award payments, a registry import) left all of it or none of it.

const LEASE_MS = 1_500;
const kinds = await testDatabaseKinds();

/**
 * Resolves while another connection is inside a write transaction (one that has written and not yet committed):
 * on SQLite when a write lock cannot be taken, on PostgreSQL when a backend holds a transaction id.
 */
async function untilInsideWriteTransaction(database: TestDatabase, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  if (database.databaseUrl) {
    const client = new pg.Client({ connectionString: database.databaseUrl });
    await client.connect();
    try {
      while (Date.now() < deadline) {
        const { rows } = await client.query(
          'select count(*)::int as n from pg_stat_activity where datname = current_database() and backend_xid is not null and pid <> pg_backend_pid()',
        );
        if (rows[0].n > 0) return;
        await sleep(1);
      }
    } finally {
      await client.end();
    }
  } else {
    const probe = new SQLite(database.sqlitePath, { timeout: 0 });
    try {
      while (Date.now() < deadline) {
        try {
          probe.exec('begin immediate');
          probe.exec('rollback');
        } catch (error) {
          if ((error as { code?: string }).code === 'SQLITE_BUSY') return;
          throw error;
        }
        await sleep(1);
      }
    } finally {
      probe.close();
    }
  }
  throw new Error('no write transaction seen');
}

for (const kind of ['sqlite', 'postgres'] as const) {
  describe.runIf(kinds.includes(kind))(`kill -9 mid-write, then restart [${kind}]`, () => {
    let database: TestDatabase;
    let env: Record<string, string>;
    let platform: RunningPlatform;
    let db: Db;
    let owner: Tenant;
    const as = async (role: keyof typeof FIXTURE_USERNAMES) => {
      const client = new TestClient(platform.url);
      expect((await client.login(FIXTURE_USERNAMES[role], TEST_PASSWORD)).status).toBe(200);
      return client;
    };
    const restart = async () => {
      await platform.kill();
      platform = await startPlatform(env);
      const verified = await (await as('audit_admin')).get('/api/audit/verify');
      expect(verified.body).toMatchObject({ ok: true, firstBadSeq: null });
    };
    const count = async (query: { executeTakeFirstOrThrow(): Promise<{ n: number }> }) => Number((await query.executeTakeFirstOrThrow()).n);
    const identifiersLike = (pattern: string) =>
      count(
        db
          .selectFrom('idIdentifier')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('handle', 'like', pattern),
      );

    beforeAll(async () => {
      database = await createTestDatabase(kind);
      env = {
        ZHIZAO_DATA_DIR: database.dataDir,
        ZHIZAO_SQLITE_PATH: database.sqlitePath,
        DATABASE_URL: database.databaseUrl ?? '',
        ZHIZAO_DEMO: '0',
        ZHIZAO_JOB_LEASE_MS: String(LEASE_MS),
        ZHIZAO_JOB_POLL_MS: '200',
      };
      // the fixture accounts and enterprises, written the way the API tests' are, before the first start
      const ctx = await openAppContext(loadConfig({ ...env, DATABASE_URL: database.databaseUrl ?? undefined }));
      const enterprises = await seedFixtures(ctx);
      await ctx.db.destroy();
      db = createDatabase({ databaseUrl: database.databaseUrl, sqlitePath: database.sqlitePath });
      platform = await startPlatform(env);
      // tenant() needs only these of a test server, over HTTP
      owner = await tenant({ as, enterprises } as unknown as TestServer, 0);
      expect((await owner.client.post(`/api/identifiers/prefixes/${owner.prefix}/templates`, TEMPLATE)).status).toBe(200);
    });

    afterAll(async () => {
      await platform?.kill();
      await db?.destroy();
      await database?.drop();
    });

    it('an upload job cut off mid-way is resumed after the restart: every identifier there once, counts exact', async () => {
      const rows = 50_000;
      const csv = ['handle,name', ...Array.from({ length: rows }, (_, i) => `U${i},轴承${i}`)].join('\n');
      const form = new FormData();
      form.append('prefix', owner.prefix);
      form.append('templateVersion', '1.0');
      form.append('file', new Blob([csv]), 'ids.csv');
      const sent = await owner.client.raw('POST', '/api/identifiers/uploads', { body: form });
      expect(sent.status).toBe(202);
      const { jobId } = (await sent.json()) as { jobId: string };
      let seen = 0;
      while (seen < 5_000) {
        const job = await owner.client.get(`/api/identifiers/uploads/${jobId}`);
        seen = job.body.processed;
        expect(job.body.status, 'the job must still be running when the server is killed').not.toBe('done');
        await sleep(10);
      }
      await restart();
      const owner2 = new TestClient(platform.url);
      await owner2.login(FIXTURE_USERNAMES.enterprise_user, TEST_PASSWORD);
      let job: Json;
      for (let i = 0; i < 600; i++) {
        job = (await owner2.get(`/api/identifiers/uploads/${jobId}`)).body;
        if (job.status === 'done' || job.status === 'failed') break;
        await sleep(50);
      }
      expect(job).toMatchObject({ status: 'done', total: rows, processed: rows, registered: rows, errors: [] });
      expect(await identifiersLike(`${owner.prefix}/U%`)).toBe(rows);
      const row = await db.selectFrom('job').selectAll().where('id', '=', jobId).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ state: 'succeeded', attempts: 2, progressDone: rows / 1_000 });
      const resumed = await db
        .selectFrom('auditLog')
        .select('actorUsername')
        .where('action', '=', 'job.resume')
        .where('entityId', '=', jobId)
        .execute();
      expect(resumed).toEqual([{ actorUsername: 'system' }]);
      console.info(`[${kind}] upload of ${rows} rows killed after ${seen} rows, resumed to the end`);
      owner.client = owner2;
    });

    it('a batch registration of 10,000 killed mid-request leaves all of it or none of it', async () => {
      const batch = (tag: string) => ({
        items: Array.from({ length: 10_000 }, (_, i) => ({
          handle: `${owner.prefix}/${tag}${i}`,
          templateVersion: '1.0',
          values: [{ index: 2000, type: 'name', data: `轴承${i}` }],
        })),
      });
      const started = performance.now();
      const pending = owner.client.post('/api/identifiers/records/batch', batch('B')).catch(() => null);
      await untilInsideWriteTransaction(database);
      const killedAt = performance.now() - started;
      await restart();
      // killed before the commit: none of it, and no answer was sent
      expect(await pending).toBeNull();
      expect(await identifiersLike(`${owner.prefix}/B%`)).toBe(0);
      // the client's retry then registers all of it
      const retry = new TestClient(platform.url);
      await retry.login(FIXTURE_USERNAMES.enterprise_user, TEST_PASSWORD);
      expect((await retry.post('/api/identifiers/records/batch', batch('B'))).body).toMatchObject({ created: 10_000 });
      expect(await identifiersLike(`${owner.prefix}/B%`)).toBe(10_000);
      console.info(`[${kind}] batch of 10,000 killed inside its transaction after ${Math.round(killedAt)} ms: none registered`);
      owner.client = new TestClient(platform.url);
      await owner.client.login(FIXTURE_USERNAMES.enterprise_user, TEST_PASSWORD);
    });

    it('award payments killed mid-way: each award paid in whole moves, the ledger matching the awards', async () => {
      const bureau = await as('bureau_admin');
      const district = await as('district_officer');
      const enterprise = await as('enterprise_user');
      const policyId = (await created(bureau.post('/api/funding/policies', TEN_PERCENT_POLICY))).id;
      await fundFor(bureau, 2024, 40_000_000);
      const awards: number[] = [];
      for (let i = 0; i < 16; i++) {
        const project = await created(enterprise.post('/api/funding/projects', projectBody({ name: `智能工厂${i}` })));
        const award = await created(enterprise.post('/api/funding/awards', { projectId: project.id, policyId }));
        await toNotice(bureau, district, award.id, 2024);
        await created(bureau.post(`/api/funding/awards/${award.id}/moves`, { action: 'approve' }), 200);
        awards.push(award.id);
      }
      const pay = (id: number, batch: string) =>
        bureau.post(`/api/funding/awards/${id}/moves`, { action: 'pay', amountFen: yuan(500_000), batch }).catch(() => null);
      // two batches for each award at once; killed as soon as the first payment is through
      const payments = awards.flatMap((id) => [pay(id, '2024-1'), pay(id, '2024-2')]);
      await Promise.race(payments);
      await restart();
      const answered = (await Promise.all(payments)).filter((r) => r?.status === 200).length;
      const rows = await db
        .selectFrom('fundingAward')
        .select(['id', 'status', 'approvedFen', 'paidFen'])
        .where('id', 'in', awards)
        .execute();
      const ledger = await db
        .selectFrom('fundingLedgerEntry')
        .select(['awardId', 'amountFen'])
        .where('kind', '=', 'payment')
        .where('awardId', 'in', awards)
        .execute();
      const moves = await db
        .selectFrom('fundingAwardMove')
        .select('awardId')
        .where('action', '=', 'pay')
        .where('awardId', 'in', awards)
        .execute();
      let paidMoves = 0;
      for (const award of rows) {
        const entries = ledger.filter((l) => l.awardId === award.id);
        expect(entries.reduce((sum, l) => sum + l.amountFen, 0)).toBe(award.paidFen);
        expect(moves.filter((m) => m.awardId === award.id)).toHaveLength(entries.length);
        expect(award.status).toBe(award.paidFen === 0 ? 'approved' : award.paidFen === award.approvedFen ? 'paid' : 'paying');
        paidMoves += entries.length;
      }
      expect(paidMoves).toBeGreaterThanOrEqual(answered);
      expect(paidMoves).toBeLessThan(awards.length * 2);
      const audited = await db.selectFrom('auditLog').select('entityId').where('action', '=', 'funding.award.pay').execute();
      expect(audited).toHaveLength(paidMoves);
      console.info(`[${kind}] ${paidMoves} of ${awards.length * 2} payments through when killed (${answered} answered)`);
    });

    it('a registry import killed mid-commit leaves no enterprise of it; committed again, all of them', async () => {
      const admin = await as('bureau_admin');
      const file = (prefix: string) => enterpriseWorkbook(Array.from({ length: 3_000 }, (_, i) => goodRow(prefix, i + 1)));
      const codes = async (prefix: string) =>
        count(
          db
            .selectFrom('enterprise')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('creditCode', 'like', `91371002${prefix}%`),
        );
      const preview = async (prefix: string) => {
        const res = await upload(admin, await file(prefix));
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        return res.body.id as string;
      };
      const id = await preview('KB');
      const started = performance.now();
      const pending = admin.post(`/api/enterprises/import/${id}/commit`, { mode: 'all' }).catch(() => null);
      await untilInsideWriteTransaction(database);
      const killedAt = performance.now() - started;
      await restart();
      expect(await pending).toBeNull();
      expect(await codes('KB')).toBe(0);
      // the import is still pending: committed again, all of it
      const again = await (await as('bureau_admin')).post(`/api/enterprises/import/${id}/commit`, { mode: 'all' });
      expect(again.body).toEqual({ imported: 3_000, skipped: 0 });
      expect(await codes('KB')).toBe(3_000);
      console.info(`[${kind}] import of 3,000 killed inside its commit after ${Math.round(killedAt)} ms: none imported`);
    });
  });
}
