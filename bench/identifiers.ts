import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fork } from 'node:child_process';
import { completeCreditCode } from '@zhizao/domain';
import { buildApp } from '../packages/server/src/app.ts';
import { loadConfig } from '../packages/server/src/config.ts';
import { createUser } from '../packages/server/src/modules/accounts/users.service.ts';
import { insertEnterprise } from '../packages/server/src/modules/registry/enterprise.repo.ts';
import { BenchHttpClient } from './http.ts';

// The identifier node's numbers (issue 6): on a fresh SQLite database through the real app,
// 1. batch registration: 1,000,000 identifiers (3 values each: URL, name, and the template pointer at 1001) as
//    100 requests of 10,000 to POST /api/identifiers/records/batch — validated against a template, all or nothing —
//    timed request by request; resident memory sampled throughout. Target ≥ 50,000 identifiers/s, RSS < 500 MB.
// 2. resolution: GET /api/handles/{handle} for random handles of that store, 32 keep-alive connections (autocannon in
//    a child process), against a static Fastify route returning a JSON object of the same size, in the same server,
//    alternated in rounds so machine noise falls on both. Target: ≥ 0.6 of the static route's throughput, p99 < 5 ms.
// Writes bench/results/identifiers-latest.json.

/** The V8 heap cap the node is deployed with (`node --max-old-space-size=256`, e.g. in NODE_OPTIONS): without one, V8
 * lets garbage from 10,000-identifier batches pile up to ~250 MB before collecting, though the live set stays < 100 MB. */
export const DEPLOYED_HEAP_MB = 256;

const USER = 'bench-id-enterprise';
const PASSWORD = 'Bench@pass1';
const PREFIX = '88.999.1';
const BATCH = 10_000;
const CONNECTIONS = 32;

export interface IdentifierBenchResult {
  identifiers: number;
  registration: {
    ms: number;
    perSecond: number;
    perCpuSecond: number;
    batchMsMedian: number;
    peakRssMb: number;
    peakHeapMb: number;
    heapCapMb: number | null;
  };
  resolution: {
    rounds: number;
    secondsPerRound: number;
    handles: LoadSummary;
    static: LoadSummary;
    ratio: number;
    bodyBytes: { handle: number; static: number };
  };
  targets: { registrationPerSecond: boolean; rss: boolean; ratio: boolean; p99: boolean };
}

interface LoadResult {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  bytesPerRequest: number;
}
type LoadSummary = { rps: number; p50: number; p99: number; requests: number; failures: number };

function load(workerData: Record<string, unknown>): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(new URL('./identifiers-load.mjs', import.meta.url), [JSON.stringify(workerData)], { execArgv: [] });
    child.once('message', (m) => resolve(m as LoadResult));
    child.once('error', reject);
    child.once('exit', (code) => (code ? reject(new Error(`load generator exited with ${code}`)) : undefined));
  });
}

/** POSTs an already serialised body with the client's session and CSRF token: only the server's work is timed. */
function postJson(url: string, pathName: string, body: Buffer, session: BenchHttpClient): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: hostname,
        port: Number(port),
        method: 'POST',
        path: pathName,
        headers: {
          'content-type': 'application/json',
          'content-length': body.length,
          cookie: session.cookie ?? '',
          'x-csrf-token': session.csrfToken ?? '',
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function summarise(results: LoadResult[]): LoadSummary {
  const requests = results.reduce((n, r) => n + r.requests, 0);
  return {
    requests,
    rps: results.reduce((n, r) => n + r.rps, 0) / results.length,
    p50: median(results.map((r) => r.p50)),
    // the worst round's p99: a slow round is not averaged away
    p99: Math.max(...results.map((r) => r.p99)),
    failures: results.reduce((n, r) => n + r.non2xx + r.errors + r.timeouts, 0),
  };
}

/** The request body, written as text: the client's own garbage stays small, since it shares the process with the server. */
function batchBody(from: number): Buffer {
  const items: string[] = [];
  for (let i = from; i < from + BATCH; i++) {
    items.push(
      `{"handle":"${PREFIX}/P${i}","templateVersion":"1.0","values":[{"index":1,"type":"URL","data":"https://id.example.cn/p/${i}"},{"index":2000,"type":"name","data":"精密轴承 6204-${i % 977}"}]}`,
    );
  }
  return Buffer.from(`{"items":[${items.join(',')}]}`);
}

/** Runs the bench in a child process started as the node is deployed (with the heap cap); logs go to this console. */
export function runIdentifiersBenchAsDeployed(options: Parameters<typeof runIdentifiersBench>[1] = {}): Promise<IdentifierBenchResult> {
  return new Promise((resolve, reject) => {
    const child = fork(new URL('./identifiers-main.ts', import.meta.url), [JSON.stringify(options)], {
      execArgv: [...process.execArgv, `--max-old-space-size=${DEPLOYED_HEAP_MB}`],
    });
    let result: IdentifierBenchResult | null = null;
    child.once('message', (m) => (result = m as IdentifierBenchResult));
    child.once('error', reject);
    child.once('exit', (code) => (result ? resolve(result) : reject(new Error(`identifier bench exited with ${code}`))));
  });
}

export async function runIdentifiersBench(
  log: (line: string) => void,
  options: { count?: number; seconds?: number; rounds?: number; out?: string } = {},
): Promise<IdentifierBenchResult> {
  const count = options.count ?? 1_000_000;
  const seconds = options.seconds ?? 5;
  const rounds = options.rounds ?? 3;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhizao-bench-id-'));
  process.env.ZHIZAO_ID_STATS_FLUSH_MS ??= '5000';
  const config = loadConfig({
    ZHIZAO_DATA_DIR: dataDir,
    ZHIZAO_SQLITE_PATH: path.join(dataDir, 'bench.db'),
    ZHIZAO_DEMO: '0',
    LOG_LEVEL: 'silent',
    ZHIZAO_WEB_DIST: '',
  });
  const { app, ctx } = await buildApp(config);
  let staticBody: object = {};
  app.get('/bench/static', { schema: { hide: true } }, async () => staticBody);
  try {
    const at = new Date().toISOString();
    const enterpriseId = await ctx.db.transaction().execute(async (tx) => {
      const e = await insertEnterprise(tx, ctx.cipher, {
        creditCode: completeCreditCode('91371002TB0000001'),
        name: '威海基准精密机械有限公司',
        districtCode: '371002',
        chainCodes: [],
        clusterCode: null,
        sizeClass: 'above_designated',
        manufacturingType: 'discrete',
        industryCode: 'C3484',
        address: null,
        mainProducts: null,
        contactName: null,
        contactPhone: null,
        contactEmail: null,
      });
      await tx
        .insertInto('idPrefix')
        .values({
          prefix: PREFIX,
          enterpriseId: e.id,
          status: 'active',
          creditCode: e.creditCode,
          enterpriseName: e.name,
          contactName: '基准',
          contactPhone: '13800000000',
          contactEmail: null,
          purpose: 'bench',
          appliedBy: null,
          appliedAt: at,
          decidedBy: null,
          decidedAt: at,
          decisionNote: null,
          serial: 1,
          version: 2,
        })
        .execute();
      const template = {
        prefix: PREFIX,
        version: '1.0',
        industryCategory: 'C',
        industrySpecific: '34',
        industryTrade: '348',
        industrySubclass: '3484',
        type: 1,
        description: 'bench',
        items: [{ idIndex: 2000, type: 'name', name: '名称', required: true, public: true, metadata: { type: 'string', maxLength: 64 } }],
      };
      await tx
        .insertInto('idTemplate')
        .values({ prefix: PREFIX, version: '1.0', definitionJson: JSON.stringify(template), createdBy: null, createdAt: at })
        .execute();
      return e.id;
    });
    await createUser(
      ctx,
      { userId: null, username: 'bench', role: null, ip: null },
      { username: USER, displayName: USER, password: PASSWORD, role: 'enterprise_user', enterpriseId },
    );
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const client = new BenchHttpClient(url);
    await client.login(USER, PASSWORD);

    // ── 1. registration ──
    log(
      `identifiers: server ready, rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB, heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB`,
    );
    log(`identifiers: registering ${count.toLocaleString('en')} in batches of ${BATCH.toLocaleString('en')} (HTTP, template-checked)`);
    let peakRss = process.memoryUsage().rss;
    let peakHeap = 0;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    }, 20);
    const batchMs: number[] = [];
    let cpuMicros = 0;
    for (let from = 0; from < count; from += BATCH) {
      const body = batchBody(from);
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      const res = await postJson(url, '/api/identifiers/records/batch', body, client);
      const cpu = process.cpuUsage(cpu0);
      cpuMicros += cpu.user + cpu.system;
      batchMs.push(performance.now() - t0);
      if (res.status !== 200) throw new Error(`batch at ${from}: ${res.status} ${res.body.slice(0, 300)}`);
      if (from % 200_000 === 0)
        log(
          `identifiers: ${from + BATCH} registered, last batch ${batchMs.at(-1)!.toFixed(0)} ms, rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`,
        );
    }
    clearInterval(sampler);
    const registerMs = batchMs.reduce((a, b) => a + b, 0);
    const cap = /--max-old-space-size=(\d+)/.exec(process.execArgv.join(' '))?.[1];
    // CPU seconds the process spent on the requests: on a machine shared with other work, wall time overstates the cost
    const registration = {
      ms: registerMs,
      perSecond: count / (registerMs / 1000),
      perCpuSecond: count / (cpuMicros / 1e6),
      batchMsMedian: median(batchMs),
      peakRssMb: peakRss / 2 ** 20,
      peakHeapMb: peakHeap / 2 ** 20,
      heapCapMb: cap ? Number(cap) : null,
    };
    log(
      `identifiers: ${registration.perSecond.toFixed(0)} identifiers/s, ${registration.perCpuSecond.toFixed(0)} per CPU second (median batch ${registration.batchMsMedian.toFixed(0)} ms), peak RSS ${registration.peakRssMb.toFixed(0)} MB (V8 heap peak ${registration.peakHeapMb.toFixed(0)} MB, heap cap ${registration.heapCapMb ?? 'none'})`,
    );

    // ── 2. resolution ──
    const sample = await client.request('GET', `/api/handles/${PREFIX}/p${count - 1}`);
    const sampleBody = JSON.parse(sample.body.toString()) as { values: unknown[] };
    if (sample.status !== 200 || sampleBody.values.length !== 3)
      throw new Error(`resolution check: ${sample.status} ${sample.body.toString()}`);
    // the static route answers an object of the same serialised size, which Fastify serialises per request
    staticBody = { responseCode: 1, handle: 'x'.repeat(Math.max(1, sample.body.length - 35)) };
    const staticLength = (await client.request('GET', '/bench/static')).body.length;
    log(
      `identifiers: resolution ${CONNECTIONS} connections, ${rounds} rounds × ${seconds} s each way, alternating (body ${sample.body.length} B, static ${staticLength} B)`,
    );
    const handles: LoadResult[] = [];
    const statics: LoadResult[] = [];
    const common = { url, connections: CONNECTIONS, duration: seconds, prefix: PREFIX, count };
    await load({ ...common, duration: 2 }); // warm-up: JIT, page cache
    for (let r = 0; r < rounds; r++) {
      for (const way of r % 2 ? ['handles', 'static'] : ['static', 'handles']) {
        const result = await load(way === 'static' ? { ...common, path: '/bench/static' } : common);
        (way === 'static' ? statics : handles).push(result);
        log(
          `identifiers: round ${r + 1} ${way}: ${result.rps.toFixed(0)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms${result.non2xx || result.errors ? `, ${result.non2xx} non-2xx, ${result.errors} errors` : ''}`,
        );
      }
    }
    const h = summarise(handles);
    const s = summarise(statics);
    const ratio = h.rps / s.rps;
    const result: IdentifierBenchResult = {
      identifiers: count,
      registration,
      resolution: {
        rounds,
        secondsPerRound: seconds,
        handles: h,
        static: s,
        ratio,
        bodyBytes: { handle: sample.body.length, static: staticLength },
      },
      targets: {
        registrationPerSecond: registration.perSecond >= 50_000,
        rss: registration.peakRssMb < 500,
        ratio: ratio >= 0.6 && h.failures === 0,
        p99: h.p99 < 5,
      },
    };
    console.log('');
    console.log(`identifier node on SQLite, ${count.toLocaleString('en')} identifiers × 3 values`);
    console.log(
      `  registration   ${registration.perSecond.toFixed(0).padStart(8)} identifiers/s, ${registration.perCpuSecond.toFixed(0)} per CPU second   (target ≥ 50,000)   peak RSS ${registration.peakRssMb.toFixed(0)} MB (target < 500; heap cap ${registration.heapCapMb ?? 'none'} MB)`,
    );
    console.log(
      `  GET handle     ${h.rps.toFixed(0).padStart(8)} req/s   p50 ${h.p50} ms   p99 ${h.p99} ms (target < 5)   failures ${h.failures}`,
    );
    console.log(`  static route   ${s.rps.toFixed(0).padStart(8)} req/s   p50 ${s.p50} ms   p99 ${s.p99} ms`);
    console.log(`  ratio          ${ratio.toFixed(2).padStart(8)}          (target ≥ 0.60)`);
    const out = options.out ?? path.join(import.meta.dirname, 'results', 'identifiers-latest.json');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(
      out,
      JSON.stringify(
        { ...result, startedAt: at, machine: { cpus: os.cpus().length, node: process.version, loadavg: os.loadavg() } },
        null,
        2,
      ) + '\n',
    );
    client.close();
    return result;
  } finally {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
