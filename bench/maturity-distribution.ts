import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { buildApp } from '../packages/server/src/app.ts';
import { loadConfig } from '../packages/server/src/config.ts';
import { createUser } from '../packages/server/src/modules/accounts/users.service.ts';
import { levelDistribution, type GroupBy } from '../packages/server/src/modules/maturity/bureau.service.ts';
import { seededRandom } from '../packages/domain/src/maturity/test-support.ts';
import { BENCH_CHAINS } from './data.ts';
import { BenchHttpClient } from './http.ts';
import { measureInterleaved, type Summary } from './measure.ts';
import { postgresAvailable, type Kind } from './targets.ts';

// The issue's number: the city distribution over 100,000 assessments under 200 ms server time.
// A fresh database (temporary SQLite file; PostgreSQL `zhizao_bench_dist_<random>`, dropped at the end)
// through the real app's migrations, filled straight through the driver with enterprises and 100,000
// submitted assessments — several per enterprise, the newest flagged latest as the submit service does.
// Each grouping is then timed three ways, interleaved: the equivalent hand-written SQL on the driver
// (baseline), the service in process (levelDistribution: the route's server-side work), and the route
// over HTTP. The budget is asserted on the service and on the HTTP route (the median of each).

const ASSESSMENTS = 100_000;
const ENTERPRISES = 40_000;
const BUDGET_MS = 200;
const ADMIN_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const USER = 'bench-dist-admin';
const PASSWORD = 'Bench@pass1';
const GROUPINGS: GroupBy[] = ['chain', 'district', 'manufacturingType'];
const DISTRICTS = ['371002', '371003', '371082', '371083', '371071', '371072', '371073'];
/** Reached level shares 0…5, roughly the national picture (maturity.md §9). */
const LEVEL_WEIGHTS = [10, 50, 22, 12, 5, 1];

export interface DistributionBenchResult {
  kind: Kind;
  assessments: number;
  enterprises: number;
  latest: number;
  fillMs: number;
  groupings: {
    groupBy: GroupBy;
    raw: Summary;
    service: Summary;
    http: Summary;
    ratios: { service: number; http: number };
    withinBudget: boolean;
    match: boolean;
  }[];
}

/** The same answer as the service, in SQL written by hand: per group and level, plus the city row. */
const RAW_SQL: Record<GroupBy, string> = {
  chain:
    'select c.chain_code as code, a.reached_level as level, count(*) as n from maturity_assessment a join enterprise e on e.id = a.enterprise_id join enterprise_chain c on c.enterprise_id = e.id where a.is_latest = 1 and e.archived = 0 group by c.chain_code, a.reached_level',
  district:
    'select e.district_code as code, a.reached_level as level, count(*) as n from maturity_assessment a join enterprise e on e.id = a.enterprise_id where a.is_latest = 1 and e.archived = 0 group by e.district_code, a.reached_level',
  manufacturingType:
    'select a.manufacturing_type as code, a.reached_level as level, count(*) as n from maturity_assessment a join enterprise e on e.id = a.enterprise_id where a.is_latest = 1 and e.archived = 0 group by a.manufacturing_type, a.reached_level',
};
const RAW_CITY =
  'select a.reached_level as level, count(*) as n from maturity_assessment a join enterprise e on e.id = a.enterprise_id where a.is_latest = 1 and e.archived = 0 group by a.reached_level';

interface Rows {
  enterprises: unknown[][];
  chains: unknown[][];
  assessments: unknown[][];
}

const ENTERPRISE_COLUMNS = [
  'id',
  'credit_code',
  'name',
  'district_code',
  'size_class',
  'manufacturing_type',
  'archived',
  'is_demo',
  'created_at',
  'updated_at',
  'version',
];
const ASSESSMENT_COLUMNS = [
  'id',
  'enterprise_id',
  'model_version',
  'manufacturing_type',
  'target_level',
  'status',
  'version',
  'created_at',
  'updated_at',
  'submitted_at',
  'result_json',
  'formula_id',
  'reached_level',
  'total_score',
  'is_latest',
];

function generate(): Rows {
  const random = seededRandom(100_000);
  const at = '2026-01-01T00:00:00.000Z';
  const rows: Rows = { enterprises: [], chains: [], assessments: [] };
  const types: string[] = [];
  for (let id = 1; id <= ENTERPRISES; id++) {
    const type = random() < 0.6 ? 'discrete' : 'process';
    types.push(type);
    rows.enterprises.push([
      id,
      `BENCH${String(id).padStart(13, '0')}`,
      `基准测试企业${id}`,
      DISTRICTS[Math.floor(random() * DISTRICTS.length)]!,
      random() < 0.3 ? 'above_designated' : 'below_designated',
      type,
      random() < 0.02 ? 1 : 0,
      0,
      at,
      at,
      1,
    ]);
    const first = Math.floor(random() * BENCH_CHAINS.length);
    rows.chains.push([id, BENCH_CHAINS[first]!.code]);
    if (random() < 0.25) rows.chains.push([id, BENCH_CHAINS[(first + 1) % BENCH_CHAINS.length]!.code]);
  }
  const total = LEVEL_WEIGHTS.reduce((a, b) => a + b, 0);
  for (let i = 0; i < ASSESSMENTS; i++) {
    const enterpriseId = (i % ENTERPRISES) + 1;
    let r = random() * total;
    let level = 0;
    while (r >= LEVEL_WEIGHTS[level]!) r -= LEVEL_WEIGHTS[level++]!;
    const submittedAt = new Date(Date.parse('2023-01-01T00:00:00Z') + i * 600_000).toISOString();
    rows.assessments.push([
      i + 1,
      enterpriseId,
      'CMMM-2020',
      types[enterpriseId - 1]!,
      Math.min(5, level + 1),
      'submitted',
      2,
      submittedAt,
      submittedAt,
      submittedAt,
      '{}',
      'bandAligned',
      level,
      level === 0 ? random() * 0.8 : level - 0.2 + random(),
      i >= ASSESSMENTS - ENTERPRISES ? 1 : 0,
    ]);
  }
  return rows;
}

function fillSqlite(file: string, rows: Rows): void {
  const sqlite = new SQLite(file);
  try {
    const insert = (table: string, columns: string[], data: unknown[][]) => {
      const size = Math.floor(30_000 / columns.length);
      const tuple = `(${columns.map(() => '?').join(',')})`;
      for (let i = 0; i < data.length; i += size) {
        const chunk = data.slice(i, i + size);
        sqlite.prepare(`insert into ${table} (${columns.join(',')}) values ${chunk.map(() => tuple).join(',')}`).run(chunk.flat());
      }
    };
    sqlite.transaction(() => {
      insert('enterprise', ENTERPRISE_COLUMNS, rows.enterprises);
      insert('enterprise_chain', ['enterprise_id', 'chain_code'], rows.chains);
      insert('maturity_assessment', ASSESSMENT_COLUMNS, rows.assessments);
    })();
    sqlite.exec('analyze');
  } finally {
    sqlite.close();
  }
}

async function fillPostgres(url: string, rows: Rows): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const insert = async (table: string, columns: string[], types: string[], data: unknown[][]) => {
      for (let i = 0; i < data.length; i += 20_000) {
        const chunk = data.slice(i, i + 20_000);
        await client.query(
          `insert into ${table} (${columns.join(',')}) select * from unnest(${types.map((t, k) => `$${k + 1}::${t}[]`).join(',')})`,
          columns.map((_, c) => chunk.map((r) => r[c])),
        );
      }
    };
    await client.query('begin');
    await insert(
      'enterprise',
      ENTERPRISE_COLUMNS,
      ['int', 'text', 'text', 'text', 'text', 'text', 'int', 'int', 'text', 'text', 'int'],
      rows.enterprises,
    );
    await insert('enterprise_chain', ['enterprise_id', 'chain_code'], ['int', 'text'], rows.chains);
    await insert(
      'maturity_assessment',
      ASSESSMENT_COLUMNS,
      ['int', 'int', 'text', 'text', 'int', 'text', 'int', 'text', 'text', 'text', 'text', 'text', 'int', 'float8', 'int'],
      rows.assessments,
    );
    await client.query(`select setval(pg_get_serial_sequence('enterprise', 'id'), (select max(id) from enterprise))`);
    await client.query(`select setval(pg_get_serial_sequence('maturity_assessment', 'id'), (select max(id) from maturity_assessment))`);
    await client.query('commit');
    await client.query('analyze');
  } finally {
    await client.end();
  }
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** Level counts per group code, as both ways report them, for the check that they agree. */
function canonical(rows: { code: string; level: number; n: number }[]): string {
  return JSON.stringify(
    rows
      .map((r) => [String(r.code), Number(r.level), Number(r.n)])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])) || Number(a[1]) - Number(b[1])),
  );
}

async function benchOne(kind: Kind, rows: Rows, log: (line: string) => void): Promise<DistributionBenchResult> {
  const cleanups: (() => Promise<void> | void)[] = [];
  try {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhizao-bench-dist-'));
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const sqlitePath = path.join(dataDir, 'bench.db');
    let databaseUrl: string | null = null;
    if (kind === 'postgres') {
      const name = `zhizao_bench_dist_${randomBytes(6).toString('hex')}`;
      await adminQuery(`create database ${name}`);
      cleanups.push(() => adminQuery(`drop database if exists ${name} with (force)`));
      const url = new URL(ADMIN_URL);
      url.pathname = `/${name}`;
      databaseUrl = url.toString();
    }
    const config = loadConfig({
      ZHIZAO_DATA_DIR: dataDir,
      ZHIZAO_SQLITE_PATH: sqlitePath,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      ZHIZAO_DEMO: '0',
      LOG_LEVEL: 'silent',
      ZHIZAO_WEB_DIST: '',
    });
    const { app, ctx } = await buildApp(config);
    cleanups.push(() => app.close());
    await ctx.db
      .insertInto('industryChain')
      .values(BENCH_CHAINS.map((c, i) => ({ ...c, isDemo: 0, sortOrder: i + 1 })))
      .execute();

    const fillStarted = performance.now();
    if (kind === 'sqlite') fillSqlite(sqlitePath, rows);
    else await fillPostgres(databaseUrl!, rows);
    const fillMs = performance.now() - fillStarted;
    log(
      `distribution ${kind}: ${ASSESSMENTS.toLocaleString('en')} assessments over ${ENTERPRISES.toLocaleString('en')} enterprises filled in ${(fillMs / 1000).toFixed(1)} s`,
    );

    await createUser(
      ctx,
      { userId: null, username: 'bench', role: null, ip: null },
      { username: USER, displayName: USER, password: PASSWORD, role: 'bureau_admin', districtCode: null, enterpriseId: null },
    );
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const http = new BenchHttpClient(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
    cleanups.push(() => http.close());
    await http.login(USER, PASSWORD);

    let rawQuery: (text: string) => Promise<Record<string, unknown>[]>;
    if (kind === 'sqlite') {
      const sqlite = new SQLite(sqlitePath, { readonly: true });
      cleanups.push(() => void sqlite.close());
      const prepared = new Map<string, SQLite.Statement>();
      rawQuery = async (text) => {
        if (!prepared.has(text)) prepared.set(text, sqlite.prepare(text));
        return prepared.get(text)!.all() as Record<string, unknown>[];
      };
    } else {
      const pool = new pg.Pool({ connectionString: databaseUrl!, max: 2 });
      cleanups.push(() => pool.end());
      rawQuery = async (text) => (await pool.query(text)).rows as Record<string, unknown>[];
    }

    const latest = Number((await rawQuery('select count(*) as n from maturity_assessment where is_latest = 1'))[0]!.n);
    const groupings: DistributionBenchResult['groupings'] = [];
    for (const groupBy of GROUPINGS) {
      // as the service: the city row is the sum of the groups except by chain (an enterprise in two chains)
      const raw = async () => {
        const groups = await rawQuery(RAW_SQL[groupBy]);
        return { groups, city: groupBy === 'chain' ? await rawQuery(RAW_CITY) : groups };
      };
      const service = () => levelDistribution(ctx.db, groupBy, {}, 'zh-CN');
      const route = async () => {
        const res = await http.request('GET', `/api/maturity/distribution?groupBy=${groupBy}`);
        if (res.status !== 200) throw new Error(`GET distribution ${groupBy}: ${res.status} ${res.body.toString().slice(0, 200)}`);
        return res;
      };
      // the ways must agree before their times mean anything
      const [a, b, c] = [await raw(), await service(), JSON.parse((await route()).body.toString()) as Awaited<ReturnType<typeof service>>];
      const fromResult = (d: typeof b) =>
        canonical(d.groups.flatMap((g) => g.levels.map((n, level) => ({ code: g.code, level, n }))).filter((r) => r.n > 0));
      const rawCanon = canonical(
        (a.groups as { code: string; level: number; n: number }[]).map((r) => ({ code: r.code, level: Number(r.level), n: Number(r.n) })),
      );
      const match =
        rawCanon === fromResult(b) && fromResult(b) === fromResult(c) && b.city.total === a.city.reduce((s, r) => s + Number(r.n), 0);
      if (!match) log(`distribution ${kind} ${groupBy}: MISMATCH between raw SQL, service and route`);
      const times = await measureInterleaved(
        { raw, service, http: route },
        { warmup: 5, warmupMs: 1000, minRounds: 20, maxRounds: 200, budgetMs: 3000, capMs: 12_000, floorRounds: 10 },
      );
      const withinBudget = times.service.median < BUDGET_MS && times.http.median < BUDGET_MS;
      groupings.push({
        groupBy,
        ...times,
        ratios: { service: times.service.median / times.raw.median, http: times.http.median / times.raw.median },
        withinBudget,
        match,
      });
      log(
        `distribution ${kind} by ${groupBy}: raw ${times.raw.median.toFixed(1)} ms · service ${times.service.median.toFixed(1)} ms (${(times.service.median / times.raw.median).toFixed(2)}×, p95 ${times.service.p95.toFixed(1)}) · http ${times.http.median.toFixed(1)} ms (${(times.http.median / times.raw.median).toFixed(2)}×, p95 ${times.http.p95.toFixed(1)}) — budget ${BUDGET_MS} ms: ${withinBudget ? 'ok' : 'OVER'}`,
      );
    }
    return { kind, assessments: ASSESSMENTS, enterprises: ENTERPRISES, latest, fillMs, groupings };
  } finally {
    for (const fn of cleanups.splice(0).reverse()) await Promise.resolve(fn()).catch((e: unknown) => log(`cleanup: ${String(e)}`));
  }
}

export async function runDistributionBench(
  log: (line: string) => void,
  db: string,
  out: string,
): Promise<{ withinBudget: boolean; results: DistributionBenchResult[] }> {
  const wanted: Kind[] = db === 'all' ? ['sqlite', 'postgres'] : [db as Kind];
  const rows = generate();
  const results: DistributionBenchResult[] = [];
  for (const kind of wanted) {
    if (kind === 'postgres' && !(await postgresAvailable())) {
      log('distribution: postgres: no server answers (DATABASE_URL or 127.0.0.1:5432); skipped');
      continue;
    }
    results.push(await benchOne(kind, rows, log));
  }
  const withinBudget = results.every((r) => r.groupings.every((g) => g.withinBudget && g.match));
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(
    out,
    JSON.stringify(
      {
        benchmark: 'maturity city distribution',
        budgetMs: BUDGET_MS,
        startedAt: new Date().toISOString(),
        machine: { cpus: os.cpus().length, node: process.version, loadavg: os.loadavg() },
        results,
      },
      null,
      2,
    ) + '\n',
  );
  return { withinBudget, results };
}
