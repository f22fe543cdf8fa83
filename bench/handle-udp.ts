import dgram from 'node:dgram';
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { encodeMessage, OPFLAG, PROTOCOL_VERSION, toHex } from '@zhizao/domain/identifiers/handle-wire/index';
import { buildApp } from '../packages/server/src/app.ts';
import { loadConfig } from '../packages/server/src/config.ts';
import { seedDemoData } from '../packages/server/src/demo/seed.ts';
import { handleProtocol } from '../packages/server/src/modules/identifiers/handle-protocol/index.ts';

// The Handle protocol over UDP (issue 16's bench): resolutions of random demo identifiers sent to the node's UDP
// listener, against a UDP echo socket in the same server process answering the same datagrams, alternated in
// rounds so machine noise falls on both; the load comes from a child process with 32 requests in flight.
// Aim: at least 0.5 of the echo's throughput.

const ROUNDS = 3;
const SECONDS = 4;
const WINDOW = 32;

export interface HandleUdpBenchResult {
  handles: number;
  rounds: { handle: LoadResult; echo: LoadResult }[];
  handleRps: number;
  echoRps: number;
  ratio: number;
  handleP99Ms: number;
  echoP99Ms: number;
  target: boolean;
}

interface LoadResult {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  lost: number;
}

function resolutionRequest(handle: string): string {
  return toHex(
    encodeMessage({
      envelope: {
        majorVersion: PROTOCOL_VERSION.major,
        minorVersion: PROTOCOL_VERSION.minor,
        flags: 0,
        suggestedMajorVersion: PROTOCOL_VERSION.major,
        suggestedMinorVersion: PROTOCOL_VERSION.minor,
        sessionId: 0,
        requestId: 0,
        sequenceNumber: 0,
        messageLength: 0,
      },
      // the flags hdl-qresolver sends (shared/standards/handle/): recursive, cache-authenticated, public only
      header: {
        opCode: 1,
        responseCode: 0,
        opFlags: (OPFLAG.recursive | OPFLAG.cacheAuthenticated | OPFLAG.publicOnly) >>> 0,
        siteInfoSerial: 1,
        recursionCount: 0,
        expiration: Math.floor(Date.now() / 1000) + 43_200,
        bodyLength: 0,
      },
      body: { kind: 'resolution', handle, indexes: [], types: [] },
      bodyRest: new Uint8Array(0),
      credential: null,
    }),
  );
}

function load(port: number, messages: string[]): Promise<LoadResult> {
  const child = fork(path.join(import.meta.dirname, 'handle-udp-load.mjs'), [
    JSON.stringify({ port, messages, seconds: SECONDS, window: WINDOW }),
  ]);
  return new Promise((resolve, reject) => {
    child.once('message', (m) => resolve(m as LoadResult));
    child.once('error', reject);
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function runHandleUdpBench(log: (line: string) => void): Promise<HandleUdpBenchResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhizao-bench-handle-'));
  const config = loadConfig({
    ZHIZAO_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    ZHIZAO_WEB_DIST: '',
    HANDLE_PORT: 'ephemeral',
    HOST: '127.0.0.1',
    ZHIZAO_DEMO: '1',
  });
  const { app, ctx } = await buildApp(config);
  const echo = dgram.createSocket('udp4');
  try {
    await seedDemoData(ctx);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const rows = await ctx.db.selectFrom('idIdentifier').select('handle').limit(2000).execute();
    if (rows.length === 0) throw new Error('the demo seed made no identifiers');
    const messages = rows.map((r) => resolutionRequest(r.handle));
    echo.on('message', (message, peer) => echo.send(message, peer.port, peer.address));
    await new Promise<void>((resolve) => echo.bind(0, '127.0.0.1', resolve));
    const port = handleProtocol(ctx).port!;
    const echoPort = echo.address().port;
    log(`Handle UDP: ${rows.length} demo identifiers, ${ROUNDS} rounds of ${SECONDS} s each, ${WINDOW} in flight`);
    const rounds: HandleUdpBenchResult['rounds'] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const handle = await load(port, messages);
      const echoed = await load(echoPort, messages);
      rounds.push({ handle, echo: echoed });
      log(
        `  round ${i + 1}: handle ${handle.rps.toFixed(0)}/s p99 ${handle.p99.toFixed(2)} ms · echo ${echoed.rps.toFixed(0)}/s p99 ${echoed.p99.toFixed(2)} ms`,
      );
    }
    const handleRps = median(rounds.map((r) => r.handle.rps));
    const echoRps = median(rounds.map((r) => r.echo.rps));
    const ratio = handleRps / echoRps;
    const result = {
      handles: rows.length,
      rounds,
      handleRps,
      echoRps,
      ratio,
      handleP99Ms: median(rounds.map((r) => r.handle.p99)),
      echoP99Ms: median(rounds.map((r) => r.echo.p99)),
      target: ratio >= 0.5,
    };
    log(`Handle UDP resolutions ${handleRps.toFixed(0)}/s = ${ratio.toFixed(2)} of the UDP echo (${echoRps.toFixed(0)}/s); aim ≥ 0.5`);
    return result;
  } finally {
    echo.close();
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
