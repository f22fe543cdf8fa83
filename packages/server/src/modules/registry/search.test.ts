import { completeCreditCode } from '@zhizao/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '../../../test/databases.ts';
import { enterpriseInput, startTestServer, type TestServer } from '../../../test/harness.ts';
import { openAppContext } from '../../bootstrap.ts';
import { loadConfig } from '../../config.ts';
import type { AppContext } from '../../platform/context.ts';
import { insertEnterprises, listEnterprises, setArchived, updateEnterprise, type EnterpriseSort } from './enterprise.repo.ts';

// The registry's search runs in memory (enterprise-search.ts): these pin that it answers alike on both
// databases, in the databases' own order, and that it follows writes made by another process.

const NAMES = ['精密机械', '海洋食品', '（威海）轴承', '纺织服装', '𠀋记机械', 'ABC机械', '数控机床', '船舶配件'];
const PRODUCTS = ['精密轴承、齿轮箱', '即食海参', '深沟球轴承', '针织面料', '机械配件', '液压机械', '加工中心', '船用阀门'];

/** The same sixty enterprises for every database: names, products, districts, chains and archive flags varied. */
const corpus = () =>
  Array.from({ length: 60 }, (_, i) =>
    enterpriseInput(
      {
        creditCode: completeCreditCode(`91371002TR${String(i + 1).padStart(7, '0')}`),
        name: `威海${String.fromCharCode(0x534e + (i % 7))}${NAMES[i % NAMES.length]}有限公司${i % 3 ? '' : '分厂'}`,
        mainProducts: PRODUCTS[(i * 3) % PRODUCTS.length]!,
        address: `威海市${i % 2 ? '环翠区' : '文登区'}${['海滨路', '世纪大道', '青岛路'][i % 3]}${i + 1}号`,
        districtCode: i % 2 ? '371002' : '371003',
        chainCodes: i % 4 === 0 ? ['TC1'] : i % 4 === 1 ? ['TC1', 'TC2'] : [],
        sizeClass: i % 5 ? 'below_designated' : 'above_designated',
      },
      i + 100,
    ),
  );

const QUERIES = ['机械', '轴承', '精密 轴承', '机械制造', '威海', '海滨路', 'abc', '（威海）', '𠀋', '91371002TR00000', '量子'];
const SORTS: EnterpriseSort[] = ['name', 'createdAt', 'creditCode'];

async function fill(server: TestServer): Promise<void> {
  const { ctx } = server;
  const created = await ctx.db
    .transaction()
    .execute((tx) => insertEnterprises(tx, ctx.cipher, corpus(), { at: '2025-01-01T00:00:00.000Z' }));
  await ctx.db.transaction().execute(async (tx) => {
    for (const e of created.filter((_, i) => i % 9 === 0)) await setArchived(tx, ctx.cipher, e.id, true);
  });
}

/** Every answer of the search, as credit codes in order with the totals. */
async function answers(ctx: AppContext): Promise<string[]> {
  const out: string[] = [];
  for (const q of QUERIES)
    for (const sort of SORTS)
      for (const filter of [{}, { districtCode: '371002', status: 'all' as const }, { chainCode: 'TC1', status: 'archived' as const }]) {
        const { items, total } = await listEnterprises(ctx, { q, ...filter }, { page: 1, pageSize: 100, sort, order: 'desc' });
        out.push(`${q} ${sort} ${JSON.stringify(filter)} ${total}: ${items.map((e) => e.creditCode).join(' ')}`);
      }
  return out;
}

describe('the registry search on SQLite and PostgreSQL', async () => {
  const kinds = await testDatabaseKinds();
  const servers: TestServer[] = [];
  beforeAll(async () => {
    for (const kind of kinds) servers.push(await startTestServer(kind));
    for (const server of servers) await fill(server);
  });
  afterAll(async () => {
    for (const server of servers) await server.close();
  });

  it('gives the same pages and totals on every database', async () => {
    const [first, ...others] = await Promise.all(servers.map((s) => answers(s.ctx)));
    expect(first!.filter((line) => !line.endsWith(' 0: '))).not.toEqual([]);
    for (const other of others) expect(other).toEqual(first);
  });

  it('orders as each database orders the same rows (code points: full-width forms and characters past U+FFFF)', async () => {
    for (const { ctx } of servers) {
      const { items } = await listEnterprises(ctx, { q: '威海', status: 'all' }, { page: 1, pageSize: 100, sort: 'name', order: 'asc' });
      const ids = items.map((e) => e.id);
      const byDatabase = await ctx.db
        .selectFrom('enterprise')
        .select('id')
        .where('id', 'in', ids)
        .orderBy(sql`name`)
        .orderBy('id')
        .execute();
      expect(ids.length).toBeGreaterThan(50);
      expect(ids).toEqual(byDatabase.map((r) => r.id));
    }
  });

  it('is built by a process that starts later, and follows another process’s create, edit and archive', async () => {
    for (const server of servers) {
      // A second process on the same database: its own context, its own index.
      const { database } = server;
      const other = await openAppContext(
        loadConfig({
          ZHIZAO_DATA_DIR: database.dataDir,
          ZHIZAO_SQLITE_PATH: database.sqlitePath,
          ...(database.databaseUrl ? { DATABASE_URL: database.databaseUrl } : {}),
          ZHIZAO_DEMO: '0',
          LOG_LEVEL: 'silent',
        }),
      );
      try {
        const found = async (q: string, status: 'active' | 'all' = 'active') =>
          (await listEnterprises(server.ctx, { q, status }, { page: 1, pageSize: 20, sort: 'name', order: 'asc' })).items.map(
            (e) => e.name,
          );
        expect((await other.enterpriseSearch.search({ q: '文登测试纺织' })).total).toBe(1);

        const input = enterpriseInput(
          { name: '威海远程碳纤维制品有限公司', mainProducts: '碳纤维预浸料', creditCode: completeCreditCode('91371002RM0000001') },
          7,
        );
        const [created] = await other.db.transaction().execute((tx) => insertEnterprises(tx, other.cipher, [input]));
        expect(await found('预浸料')).toEqual(['威海远程碳纤维制品有限公司']);

        await other.db
          .transaction()
          .execute((tx) => updateEnterprise(tx, other.cipher, created!.id, { ...input, mainProducts: '钓竿' }, 1));
        expect(await found('预浸料')).toEqual([]);
        expect(await found('钓竿')).toEqual(['威海远程碳纤维制品有限公司']);

        await other.db.transaction().execute((tx) => setArchived(tx, other.cipher, created!.id, true));
        expect(await found('钓竿')).toEqual([]);
        expect(await found('钓竿', 'all')).toEqual(['威海远程碳纤维制品有限公司']);
      } finally {
        await other.db.destroy();
      }
    }
  });
});
