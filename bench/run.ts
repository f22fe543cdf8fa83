import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { filteredEnterprises } from '../packages/server/src/modules/registry/enterprise.repo.ts';
import { runIdentifiersBenchAsDeployed } from './identifiers.ts';
import { runMaturityBench } from './maturity.ts';
import { runDistributionBench } from './maturity-distribution.ts';
import { runFundingBench } from './funding.ts';
import { runHandleUdpBench } from './handle-udp.ts';
import { runSoakBench } from './soak.ts';
import { measureInterleaved } from './measure.ts';
import { ratio, table, type DatabaseResult, type ScenarioResult } from './report.ts';
import { httpPath, httpRunner, rawRunner, rawSql, repoRunner, scenarios, type ListOutcome, type Scenario } from './scenarios.ts';
import { openTarget, postgresAvailable, type BenchTarget, type Kind } from './targets.ts';

// npm run bench [-- --only registry|maturity|distribution|funding|identifiers|handle-udp|soak --minutes 5 --n 100000 --db sqlite|postgres|all --budget 3 --explain]
//
// Without --only, both run: the maturity scoring bench (maturity.ts, a second or two) and then this one.
// The registry list/search at 100,000 enterprises, on SQLite and (when one answers) PostgreSQL: each
// query as hand-written raw SQL on the driver (the baseline), through the repository (Kysely), and
// through the HTTP route. Figures are printed as ratios against the baseline of the same run, since
// absolute times on a shared 2-core machine mean little alone. Writes bench/results/latest.json.

const { values: args } = parseArgs({
  options: {
    n: { type: 'string', default: '100000' },
    db: { type: 'string', default: 'all' },
    budget: { type: 'string', default: '3' },
    explain: { type: 'boolean', default: false },
    only: { type: 'string' },
    minutes: { type: 'string', default: '5' },
    out: { type: 'string', default: path.join(import.meta.dirname, 'results', 'latest.json') },
  },
});
const COUNT = Number(args.n);
const BUDGET_MS = Number(args.budget) * 1000;
const log = (line: string) => console.log(`· ${line}`);

const same = (a: ListOutcome, b: ListOutcome) => JSON.stringify(a) === JSON.stringify(b);
const describeOutcome = (o: ListOutcome) => `total ${o.total}, ids ${o.page.map(([id]) => id).join(',')}`;

async function explain(target: BenchTarget, s: Scenario): Promise<void> {
  const raw = rawSql(s);
  const page = filteredEnterprises(target.ctx.db, s.filter)
    .selectAll()
    .orderBy('name', 'asc')
    .orderBy('id')
    .limit(s.pageSize)
    .offset((s.page - 1) * s.pageSize)
    .compile();
  const count = filteredEnterprises(target.ctx.db, s.filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .compile();
  for (const [title, text, params] of [
    ['raw page', raw.page, raw.pageParams],
    ['raw count', raw.count, raw.countParams],
    ['repo page', page.sql, page.parameters],
    ['repo count', count.sql, count.parameters],
  ] as const) {
    console.log(`  ── ${title}: ${text}\n     ${JSON.stringify(params)}`);
    console.log((await target.raw.explain(text, [...params])).replace(/^/gm, '     '));
  }
}

async function benchDatabase(kind: Kind): Promise<DatabaseResult> {
  const started = performance.now();
  const target = await openTarget(kind, COUNT, log);
  try {
    const results: ScenarioResult[] = [];
    for (const s of scenarios()) {
      const raw = rawRunner(target.raw, s);
      const repo = repoRunner(target, s);
      const http = httpRunner(target, s);
      // The three ways must agree before their times mean anything.
      const [a, b, c] = [await raw(), await repo(), await http.checked()];
      const mismatch = !same(a, b)
        ? `repo ≠ raw: ${describeOutcome(b)} vs ${describeOutcome(a)}`
        : !same(a, c)
          ? `http ≠ raw: ${describeOutcome(c)} vs ${describeOutcome(a)}`
          : undefined;
      if (mismatch) log(`${kind} ${s.key}: MISMATCH ${mismatch}`);
      if (args.explain) await explain(target, s);
      const times = await measureInterleaved(
        { raw, repo, http: http.timed },
        { warmup: 5, warmupMs: 1000, minRounds: 20, maxRounds: 300, budgetMs: BUDGET_MS, capMs: 4 * BUDGET_MS, floorRounds: 10 },
      );
      const sql = rawSql(s);
      const result: ScenarioResult = {
        key: s.key,
        label: s.label,
        httpPath: httpPath(s),
        rows: a.page.length,
        total: a.total,
        match: !mismatch,
        ...(mismatch ? { mismatch } : {}),
        ...times,
        ratios: {
          repo: times.repo.median / times.raw.median,
          http: times.http.median / times.raw.median,
          repoP95: times.repo.p95 / times.raw.p95,
          httpP95: times.http.p95 / times.raw.p95,
        },
        sql: { page: sql.page, count: sql.count },
      };
      results.push(result);
      log(
        `${kind} ${s.key}: raw ${times.raw.median.toFixed(2)} ms, repo ${ratio(result.ratios.repo)}, http ${ratio(result.ratios.http)} (${times.raw.n} rounds)`,
      );
    }
    return { kind, version: target.version, fill: target.fill, scenarios: results, ms: performance.now() - started };
  } finally {
    await target.close();
  }
}

async function main(): Promise<void> {
  const only = args.only;
  if (only !== undefined && !['registry', 'maturity', 'distribution', 'funding', 'identifiers', 'handle-udp', 'soak'].includes(only))
    throw new Error(`--only takes registry, maturity, distribution, funding, identifiers, handle-udp or soak, not ${only}`);
  if (only === 'handle-udp') {
    // the Handle protocol over UDP against a UDP echo in the same process (handle-udp.ts)
    const handleUdp = await runHandleUdpBench(log);
    fs.mkdirSync(path.dirname(args.out), { recursive: true });
    fs.writeFileSync(
      path.join(path.dirname(args.out), 'handle-udp-latest.json'),
      JSON.stringify({ handleUdp, startedAt: new Date().toISOString() }, null, 2),
    );
    return;
  }
  if (only === 'soak') {
    // the bounded mixed soak on the demo city (soak.ts): resolution, browsing and writes at once for --minutes
    const soak = await runSoakBench(log, { minutes: Number(args.minutes), db: args.db });
    fs.mkdirSync(path.dirname(args.out), { recursive: true });
    fs.writeFileSync(
      path.join(path.dirname(args.out), 'soak-latest.json'),
      JSON.stringify({ soak, startedAt: new Date().toISOString() }, null, 2),
    );
    return;
  }
  if (only === 'identifiers') {
    // the identifier node (identifiers.ts): batch registration of 1,000,000 and GET /api/handles/{handle} against a static route
    const id = await runIdentifiersBenchAsDeployed({ count: args.n === '100000' ? undefined : COUNT });
    if (!Object.values(id.targets).every(Boolean)) process.exitCode = 1;
    return;
  }
  if (only === 'funding') {
    // the funding reports and concurrent approvals on the demo city (funding.ts); run only when asked
    const funding = await runFundingBench(log, args.db);
    fs.mkdirSync(path.dirname(args.out), { recursive: true });
    fs.writeFileSync(
      path.join(path.dirname(args.out), 'funding-latest.json'),
      JSON.stringify(
        {
          ...funding,
          startedAt: new Date().toISOString(),
          machine: { cpus: os.cpus().length, node: process.version, loadavg: os.loadavg() },
        },
        null,
        2,
      ) + '\n',
    );
    if (!funding.ok) process.exitCode = 1;
    return;
  }
  if (only === undefined || only === 'distribution') {
    // the city distribution over 100,000 assessments (maturity-distribution.ts): under 200 ms server time
    const distribution = await runDistributionBench(log, args.db, path.join(path.dirname(args.out), 'maturity-distribution-latest.json'));
    if (!distribution.withinBudget) {
      console.error('maturity distribution: over the 200 ms budget, or the ways disagreed');
      process.exitCode = 1;
    }
    if (only === 'distribution') return;
  }
  if (only !== 'registry') {
    const maturity = await runMaturityBench(log);
    const file = path.join(path.dirname(args.out), 'maturity-latest.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(
      file,
      JSON.stringify(
        {
          ...maturity,
          startedAt: new Date().toISOString(),
          machine: { cpus: os.cpus().length, node: process.version, loadavg: os.loadavg() },
        },
        null,
        2,
      ) + '\n',
    );
    if (!maturity.withinBudget) {
      console.error(
        `maturity scoring took ${maturity.firstRunMs.toFixed(0)} ms for ${maturity.assessments} assessments: over the ${maturity.budgetMs} ms budget`,
      );
      process.exitCode = 1;
    }
  }
  if (only !== 'maturity') await benchRegistry();
}

async function benchRegistry(): Promise<void> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const loadAtStart = os.loadavg();
  const wanted: Kind[] = args.db === 'all' ? ['sqlite', 'postgres'] : [args.db as Kind];
  const kinds: Kind[] = [];
  for (const kind of wanted) {
    if (kind === 'postgres' && !(await postgresAvailable())) log('postgres: no server answers (DATABASE_URL or 127.0.0.1:5432); skipped');
    else kinds.push(kind);
  }
  log(
    `${COUNT.toLocaleString('en')} enterprises on ${kinds.join(' and ')}; ${os.cpus().length} cores, load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );

  const databases: DatabaseResult[] = [];
  for (const kind of kinds) databases.push(await benchDatabase(kind));

  const durationMs = performance.now() - started;
  console.log('');
  for (const db of databases) console.log(table(db) + '\n');
  console.log('raw = hand-written SQL on the driver (better-sqlite3 prepared statement / pg query): page, count, chain codes');
  console.log('repo = listEnterprises (Kysely); http = GET /api/enterprises as a bureau admin, keep-alive, same process');
  console.log(`total run time ${(durationMs / 1000).toFixed(1)} s`);

  const out = {
    benchmark: 'registry list/search',
    startedAt,
    durationMs,
    enterprises: COUNT,
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? null,
      memoryGb: +(os.totalmem() / 2 ** 30).toFixed(1),
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
      loadavg: { start: loadAtStart, end: os.loadavg() },
    },
    options: { budgetMs: BUDGET_MS },
    databases,
  };
  fs.mkdirSync(path.dirname(args.out), { recursive: true });
  fs.writeFileSync(args.out, JSON.stringify(out, null, 2) + '\n');
  console.log(`results written to ${path.relative(process.cwd(), args.out)}`);
  if (databases.some((d) => d.scenarios.some((s) => !s.match))) {
    console.error('some ways disagreed on the results (marked ≠!): the ratios compare different work');
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
