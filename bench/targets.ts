import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../packages/server/src/app.ts';
import { loadConfig } from '../packages/server/src/config.ts';
import { createUser } from '../packages/server/src/modules/accounts/users.service.ts';
import type { AppContext } from '../packages/server/src/platform/context.ts';
import { BENCH_CHAINS, BENCH_CLUSTERS } from './data.ts';
import { fillPostgres, fillSqlite, type FillCounts } from './fill.ts';
import { BenchHttpClient } from './http.ts';

// One benchmark target: the real app (buildApp, migrations and all) over a fresh database filled with
// synthetic enterprises, listening on a free port with a logged-in bureau admin, plus a raw driver
// connection to the same database for the baseline.

export type Kind = 'sqlite' | 'postgres';

/** Runs one SQL text with positional `?` parameters straight on the driver. */
export type RawQuery = (params: unknown[]) => Promise<Record<string, unknown>[]>;

export interface RawDriver {
  kind: Kind;
  /** Prepared once (SQLite) or parameterised (PostgreSQL); `?` placeholders either way. */
  prepare(sqlText: string): RawQuery;
  /** The query plan, for the investigation notes. */
  explain(sqlText: string, params: unknown[]): Promise<string>;
}

export interface BenchTarget {
  kind: Kind;
  app: FastifyInstance;
  ctx: AppContext;
  raw: RawDriver;
  http: BenchHttpClient;
  fill: FillCounts & { ms: number };
  /** Building the registry's search index from the filled database, as the server does at start. */
  index: { ms: number; rssBeforeMb: number; rssAfterMb: number };
  /** "SQLite 3.x" or "PostgreSQL 15.x". */
  version: string;
  close(): Promise<void>;
}

const ADMIN_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const BENCH_USER = 'bench-admin';
const BENCH_PASSWORD = 'Bench@pass1';

// The same check the API suite uses: PostgreSQL is benchmarked when DATABASE_URL's server (or 127.0.0.1:5432) answers.
export { postgresAvailable } from '../packages/server/test/databases.ts';

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

const toDollars = (sqlText: string) => {
  let n = 0;
  return sqlText.replace(/\?/g, () => `$${++n}`);
};

function sqliteDriver(sqlite: SQLite.Database): RawDriver {
  return {
    kind: 'sqlite',
    prepare(sqlText) {
      const statement = sqlite.prepare(sqlText);
      return async (params) => statement.all(params) as Record<string, unknown>[];
    },
    async explain(sqlText, params) {
      const rows = sqlite.prepare(`explain query plan ${sqlText}`).all(params) as { id: number; parent: number; detail: string }[];
      const depth = new Map<number, number>([[0, 0]]);
      return rows
        .map((r) => {
          const d = (depth.get(r.parent) ?? 0) + 1;
          depth.set(r.id, d);
          return `${'  '.repeat(d - 1)}${r.detail}`;
        })
        .join('\n');
    },
  };
}

function postgresDriver(pool: pg.Pool): RawDriver {
  return {
    kind: 'postgres',
    prepare(sqlText) {
      const text = toDollars(sqlText);
      return async (params) => (await pool.query(text, params)).rows as Record<string, unknown>[];
    },
    async explain(sqlText, params) {
      const { rows } = await pool.query(`explain (analyze, buffers off, costs off) ${toDollars(sqlText)}`, params);
      return rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
    },
  };
}

export async function openTarget(kind: Kind, count: number, log: (line: string) => void): Promise<BenchTarget> {
  const cleanups: (() => Promise<void> | void)[] = [];
  const cleanup = async () => {
    for (const fn of cleanups.splice(0).reverse()) await Promise.resolve(fn()).catch((e: unknown) => log(`cleanup: ${String(e)}`));
  };
  // Interrupted (Ctrl-C): still drop the PostgreSQL database and the temporary folder.
  const onSignal = () => void cleanup().finally(() => process.exit(130));
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  try {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhizao-bench-'));
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const sqlitePath = path.join(dataDir, 'bench.db');
    let databaseUrl: string | null = null;
    if (kind === 'postgres') {
      const name = `zhizao_bench_${randomBytes(6).toString('hex')}`;
      await adminQuery(`create database ${name}`);
      cleanups.push(() => adminQuery(`drop database if exists ${name} with (force)`));
      const url = new URL(ADMIN_URL);
      url.pathname = `/${name}`;
      databaseUrl = url.toString();
      log(`postgres: created database ${name}`);
    }

    const config = loadConfig({
      ZHIZAO_DATA_DIR: dataDir,
      ZHIZAO_SQLITE_PATH: sqlitePath,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      ZHIZAO_DEMO: '0',
      LOG_LEVEL: 'silent',
      ZHIZAO_WEB_DIST: '',
    });
    // buildApp runs the migrations and seeds the 7 districts.
    const { app, ctx } = await buildApp(config);
    cleanups.push(() => app.close());
    await ctx.db
      .insertInto('industryChain')
      .values(BENCH_CHAINS.map((c, i) => ({ ...c, isDemo: 0, sortOrder: i + 1 })))
      .execute();
    await ctx.db
      .insertInto('industryCluster')
      .values(BENCH_CLUSTERS.map((c, i) => ({ ...c, isDemo: 0, sortOrder: i + 1 })))
      .execute();

    // The baseline: the hand-made term table search used before the engine (0001, dropped by 0033), filled
    // with the same jieba terms, so the old way is timed beside the new one in the same run.
    await ctx.db.schema
      .createTable('enterprise_search_term')
      .addColumn('enterprise_id', 'integer', (c) => c.notNull().references('enterprise.id').onDelete('cascade'))
      .addColumn('term', 'varchar(64)', (c) => c.notNull())
      .addPrimaryKeyConstraint('enterprise_search_term_pk', ['term', 'enterprise_id'])
      .execute();
    await ctx.db.schema.createIndex('enterprise_search_term_enterprise_idx').on('enterprise_search_term').column('enterprise_id').execute();

    let raw: RawDriver;
    let fill: FillCounts;
    const started = performance.now();
    if (kind === 'sqlite') {
      // A second connection to the same file, with the app's pragmas (db/database.ts).
      const sqlite = new SQLite(sqlitePath);
      cleanups.push(() => void sqlite.close());
      sqlite.pragma('journal_mode = WAL');
      sqlite.pragma('foreign_keys = ON');
      sqlite.pragma('synchronous = NORMAL');
      sqlite.pragma('busy_timeout = 5000');
      fill = fillSqlite(sqlite, count);
      // Fold the WAL back into the database so reads do not wade through 100+ MB of log.
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
      raw = sqliteDriver(sqlite);
    } else {
      const pool = new pg.Pool({ connectionString: databaseUrl!, max: 10 });
      cleanups.push(() => pool.end());
      const client = await pool.connect();
      try {
        fill = await fillPostgres(client, count);
        // What autovacuum would do shortly after a bulk load.
        await client.query('vacuum analyze');
      } finally {
        client.release();
      }
      raw = postgresDriver(pool);
    }
    const fillMs = performance.now() - started;
    log(
      `${kind}: filled ${fill.enterprises.toLocaleString('en')} enterprises, ${fill.chainLinks.toLocaleString('en')} chain links, ${fill.searchTerms.toLocaleString('en')} search terms in ${(fillMs / 1000).toFixed(1)} s`,
    );

    // What the server does at start (the onReady hook): read every enterprise into the search index.
    const rssBeforeMb = process.memoryUsage().rss / 2 ** 20;
    const indexing = performance.now();
    await ctx.enterpriseSearch.refresh();
    const index = { ms: performance.now() - indexing, rssBeforeMb, rssAfterMb: process.memoryUsage().rss / 2 ** 20 };
    log(
      `${kind}: search index of ${ctx.enterpriseSearch.size.toLocaleString('en')} enterprises built in ${(index.ms / 1000).toFixed(1)} s, RSS ${rssBeforeMb.toFixed(0)} → ${index.rssAfterMb.toFixed(0)} MB`,
    );

    await createUser(
      ctx,
      { userId: null, username: 'bench', role: null, ip: null },
      { username: BENCH_USER, displayName: '基准测试局管理员', password: BENCH_PASSWORD, role: 'bureau_admin' },
    );
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const http = new BenchHttpClient(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
    cleanups.push(() => http.close());
    await http.login(BENCH_USER, BENCH_PASSWORD);

    const version =
      kind === 'sqlite'
        ? (await raw.prepare('select sqlite_version() as v')([]))[0]!.v
        : (await raw.prepare('show server_version')([]))[0]!.server_version;
    const close = async () => {
      process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
      await cleanup();
    };
    return {
      kind,
      app,
      ctx,
      raw,
      http,
      fill: { ...fill, ms: fillMs },
      index,
      version: `${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'} ${String(version).split(' ')[0]}`,
      close,
    };
  } catch (error) {
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
    await cleanup();
    throw error;
  }
}
