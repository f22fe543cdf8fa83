import { fork, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { createTestDatabase } from '../packages/server/test/databases.ts';
import { BenchHttpClient } from './http.ts';
import { postgresAvailable, type Kind } from './targets.ts';
import { buildServerIfStale, serverBundle } from '../scripts/server-build.mjs';

// npm run bench -- --only soak [--minutes 5] [--db sqlite|postgres|all]
// A bounded mixed soak on the demo city: the server runs as it is deployed (its own process, demo data
// seeded on first start), and three kinds of load hit it at once over loopback for the given minutes,
// in rounds of ROUND_SECONDS — anonymous handle resolution, a bureau user browsing lists and reports, an
// enterprise registering identifiers in batches of 20. Reports requests, errors (must be 0) and the worst
// round's p99 per kind, and the server's RSS at the start, its peak and at the end. Stops by itself.
// Browsing is paced at 50 requests/s and writes at 10 batches/s (200 identifiers/s); resolution is open.

const ROUND_SECONDS = 30;
const ROOT = path.resolve(import.meta.dirname, '..');
const PREFIX = '88.999.1';
const DEMO_PASSWORD = 'Zhizao@demo1';
const BROWSE_PATHS = [
  '/api/enterprises?page=1&pageSize=20',
  '/api/enterprises?page=7&pageSize=50&q=%E5%A8%81%E6%B5%B7',
  '/api/registry/stats',
  '/api/funding/reports/years?from=2019&to=2024',
  '/api/funding/reports/breakdown?by=chain&year=2023',
  '/api/public/recognition/recognised?page=1',
  '/api/maturity/distribution?groupBy=chain',
  `/api/identifiers/prefixes/${PREFIX}/identifiers?pageSize=20`,
];

type KindName = 'resolution' | 'browsing' | 'writes';
interface RoundKind {
  requests: number;
  p50: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, { count: number }>;
}

export interface SoakResult {
  kind: Kind;
  minutes: number;
  rounds: number;
  seedSeconds: number;
  perKind: Record<
    KindName,
    { requests: number; rps: number; errors: number; p99: number; p50: number; statusCodes: Record<string, number> }
  >;
  rssMb: { start: number; peak: number; end: number };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The resident set of a process, from /proc (Linux), in MB. */
function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

async function waitForHealth(url: string, server: ChildProcess, limitMs: number): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode} before answering`);
    try {
      if ((await fetch(`${url}/api/health`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the server did not answer /api/health within ${limitMs / 1000} s`);
}

function loadRound(input: object): Promise<Record<KindName, RoundKind>> {
  return new Promise((resolve, reject) => {
    const child = fork(new URL('./soak-load.mjs', import.meta.url), [JSON.stringify(input)], { execArgv: [] });
    let result: Record<KindName, RoundKind> | null = null;
    child.once('message', (m) => (result = m as Record<KindName, RoundKind>));
    child.once('error', reject);
    child.once('exit', (code) => (result ? resolve(result) : reject(new Error(`soak load exited with ${code}`))));
  });
}

async function soakKind(kind: Kind, minutes: number, log: (line: string) => void): Promise<SoakResult> {
  const database = await createTestDatabase(kind);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  // as deployed: the compiled bundle that `npm start` runs
  await buildServerIfStale({ reason: 'soak' });
  const server = spawn(process.execPath, [serverBundle], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      ZHIZAO_DATA_DIR: database.dataDir,
      ZHIZAO_SQLITE_PATH: database.sqlitePath,
      DATABASE_URL: database.databaseUrl ?? '',
      ZHIZAO_DEMO: '1',
      ZHIZAO_WEB_DIST: '',
      LOG_LEVEL: 'warn',
    },
  });
  try {
    await waitForHealth(url, server, 10 * 60_000);
    const seedSeconds = (performance.now() - started) / 1000;
    log(`${kind}: demo city up in ${seedSeconds.toFixed(0)} s`);
    const admin = new BenchHttpClient(url);
    await admin.login('admin', DEMO_PASSWORD);
    const enterprise = new BenchHttpClient(url);
    await enterprise.login('enterprise', DEMO_PASSWORD);
    // every path must answer before it is timed: a soak of 400s measures nothing
    for (const p of BROWSE_PATHS) await admin.getJson(p);
    const handles: string[] = [];
    for (let page = 1; page <= 5; page++) {
      const list = await enterprise.getJson<{ items: { handle: string }[] }>(
        `/api/identifiers/prefixes/${PREFIX}/identifiers?page=${page}&pageSize=200`,
      );
      handles.push(...list.items.map((i) => i.handle));
    }
    const record = await enterprise.getJson<{ templateVersion: string; values: { index: number; type: string; data: unknown }[] }>(
      `/api/identifiers/record?handle=${encodeURIComponent(handles[0]!)}`,
    );
    const template = {
      version: record.templateVersion,
      // what an enterprise system sends: its own values, not the node's pointer to the template
      sample: record.values.filter((v) => v.index === 1 || v.index >= 2000).map(({ index, type, data }) => ({ index, type, data })),
    };
    const rss = { start: rssMb(server.pid!), peak: 0, end: 0 };
    rss.peak = rss.start;
    const rounds = Math.max(1, Math.round((minutes * 60) / ROUND_SECONDS));
    const results: Record<KindName, RoundKind>[] = [];
    for (let round = 0; round < rounds; round++) {
      const r = await loadRound({
        url,
        duration: ROUND_SECONDS,
        handles,
        browsePaths: BROWSE_PATHS,
        admin: { cookie: admin.cookie },
        enterprise: { cookie: enterprise.cookie, csrfToken: enterprise.csrfToken },
        prefix: PREFIX,
        round,
        template,
      });
      results.push(r);
      const now = rssMb(server.pid!);
      rss.peak = Math.max(rss.peak, now);
      rss.end = now;
      const errors = (Object.values(r) as RoundKind[]).reduce((n, k) => n + k.non2xx + k.errors + k.timeouts, 0);
      log(
        `${kind} round ${round + 1}/${rounds}: ${(Object.entries(r) as [KindName, RoundKind][]).map(([k, v]) => `${k} ${v.requests} (p99 ${v.p99} ms)`).join(', ')}; errors ${errors}; RSS ${now} MB`,
      );
    }
    admin.close();
    enterprise.close();
    const perKind = {} as SoakResult['perKind'];
    for (const name of ['resolution', 'browsing', 'writes'] as KindName[]) {
      const of = results.map((r) => r[name]);
      const requests = of.reduce((n, k) => n + k.requests, 0);
      const statusCodes: Record<string, number> = {};
      for (const k of of)
        for (const [code, { count }] of Object.entries(k.statusCodes)) statusCodes[code] = (statusCodes[code] ?? 0) + count;
      perKind[name] = {
        requests,
        rps: Math.round(requests / (rounds * ROUND_SECONDS)),
        errors: of.reduce((n, k) => n + k.non2xx + k.errors + k.timeouts, 0),
        // the worst round's: a slow round is not averaged away
        p99: Math.max(...of.map((k) => k.p99)),
        p50: Math.max(...of.map((k) => k.p50)),
        statusCodes,
      };
    }
    return { kind, minutes, rounds, seedSeconds: Math.round(seedSeconds), perKind, rssMb: rss };
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => (server.exitCode !== null ? r(null) : server.once('exit', r)));
    await database.drop();
  }
}

export async function runSoakBench(log: (line: string) => void, options: { minutes: number; db: string }): Promise<SoakResult[]> {
  const kinds: Kind[] =
    options.db === 'all' ? ['sqlite', ...((await postgresAvailable()) ? (['postgres'] as Kind[]) : [])] : [options.db as Kind];
  const results: SoakResult[] = [];
  for (const kind of kinds) {
    const r = await soakKind(kind, options.minutes, log);
    results.push(r);
    console.log(`\nSoak on ${kind}: ${r.minutes} min in ${r.rounds} rounds, demo city up in ${r.seedSeconds} s`);
    console.table(
      Object.fromEntries(
        Object.entries(r.perKind).map(([k, v]) => [
          k,
          { requests: v.requests, 'req/s': v.rps, errors: v.errors, 'p50 ms': v.p50, 'p99 ms': v.p99 },
        ]),
      ),
    );
    console.log(`RSS: start ${r.rssMb.start} MB, peak ${r.rssMb.peak} MB, end ${r.rssMb.end} MB`);
    const errors = Object.values(r.perKind).reduce((n, k) => n + k.errors, 0);
    if (errors > 0) {
      console.log(
        `FAIL: ${errors} errors during the soak on ${kind}`,
        JSON.stringify(Object.fromEntries(Object.entries(r.perKind).map(([k, v]) => [k, v.statusCodes]))),
      );
      process.exitCode = 1;
    }
  }
  return results;
}
