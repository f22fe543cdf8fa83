import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../../../test/databases.ts';
import { TestClient } from '../../../test/harness.ts';
import { buildApp, type BuiltApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { DEMO_API_KEY, DEMO_CONNECTED, DEMO_TOTAL } from '../../demo/identifiers.ts';
import { seedDemoData } from '../../demo/seed.ts';
import { basicAuth } from './fixtures.test-support.ts';
import { identifierNode } from './node.ts';

// The demo city's secondary node: 265 enterprises connected, daily statistics summing to the seed's 40.96 M, and the
// demo enterprise's prefix with a template, identifiers and an API key that work through the public APIs.

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`identifier node demo data [${kind}]`, async () => {
    if (!(await testDatabaseKinds()).includes(kind)) return;
    let database: TestDatabase;
    let built: BuiltApp;
    let url: string;
    const server = () => ({ ctx: built.ctx, client: () => new TestClient(url) });
    beforeAll(async () => {
      database = await createTestDatabase(kind);
      built = await buildApp(
        loadConfig({
          ZHIZAO_DATA_DIR: database.dataDir,
          ZHIZAO_SQLITE_PATH: database.sqlitePath,
          ...(database.databaseUrl ? { DATABASE_URL: database.databaseUrl } : {}),
          LOG_LEVEL: 'silent',
          ZHIZAO_WEB_DIST: '',
        }),
      );
      const started = performance.now();
      expect(await seedDemoData(built.ctx)).not.toBeNull();
      console.info(`demo seed with identifiers on ${kind}: ${Math.round(performance.now() - started)} ms`);
      await built.app.listen({ port: 0, host: '127.0.0.1' });
      const address = built.app.server.address();
      url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    });
    afterAll(async () => {
      await built?.app.close();
      await database?.drop();
    });

    it('seeds 265 connected enterprises, 40.96 M in statistics and working identifiers', async () => {
      await identifierNode(server().ctx).reloadPrefixes();
      const { db } = server().ctx;
      const active = await db
        .selectFrom('idPrefix')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', '=', 'active')
        .executeTakeFirstOrThrow();
      expect(Number(active.n)).toBe(DEMO_CONNECTED);
      const sums = await db
        .selectFrom('idStatDaily')
        .select((eb) => [eb.fn.sum<number>('registrations').as('r'), eb.fn.sum<number>('resolutions').as('s')])
        .executeTakeFirstOrThrow();
      expect(Number(sums.r) + Number(sums.s)).toBe(DEMO_TOTAL);

      const c = server().client();
      await c.login('enterprise', 'Zhizao@demo1');
      const prefixes = await c.get('/api/identifiers/prefixes');
      expect(prefixes.body.items).toEqual([expect.objectContaining({ prefix: '88.999.1', status: 'active' })]);
      const node = await c.get('/api/identifiers/node');
      expect(node.body.totals).toMatchObject({ enterprises: DEMO_CONNECTED });
      expect(node.body.totals.registrations + node.body.totals.resolutions).toBe(DEMO_TOTAL);
      const list = await c.get('/api/identifiers/prefixes/88.999.1/identifiers?pageSize=5');
      expect(list.body.total).toBeGreaterThanOrEqual(1000);
      const handle = list.body.items[0].handle as string;
      const anonymous = await server().client().get(`/api/handles/${handle.toLowerCase()}`);
      expect(anonymous.body.values.map((v: { type: string }) => v.type)).not.toContain('batch');
      const owner = await server()
        .client()
        .request('GET', `/api/handles/${handle}`, undefined, { authorization: basicAuth(DEMO_API_KEY.id, DEMO_API_KEY.secret) });
      expect(owner.body.values.map((v: { type: string }) => v.type)).toContain('batch');
    });
  });
}
