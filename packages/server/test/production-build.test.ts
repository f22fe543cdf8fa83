import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, serverBundle } from '../../../scripts/server-build.mjs';
import { startPlatform } from '../src/cli/spawn.test-support.ts';

// What `npm start` runs: the server compiled into one bundle and started by plain Node, with no TypeScript loader.
// Files that modules find beside themselves (the EPCIS schema) are found from the bundle too; request logging
// stays off unless asked for.
describe('the production build', () => {
  let dataDir: string;
  beforeAll(async () => {
    await buildServer();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhizao-bundle-'));
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  const env = (name: string, extra: Record<string, string> = {}) => ({
    ZHIZAO_DATA_DIR: path.join(dataDir, name),
    ZHIZAO_SQLITE_PATH: path.join(dataDir, `${name}.db`),
    ZHIZAO_DEMO: '0',
    ...extra,
  });

  it('runs under plain Node, finds the files beside its sources, and logs no requests by default', async () => {
    const bundle = fs.readFileSync(serverBundle, 'utf8');
    expect(bundle).not.toMatch(/from ["']@zhizao\//);
    // the EPCIS schema module looks beside its source, which the bundle names relative to itself
    const folder = '/../src/modules/identifiers/traceability';
    expect(bundle).toContain(JSON.stringify(folder));
    expect(fs.existsSync(path.join(path.dirname(serverBundle), folder, 'gs1', 'EPCIS-JSON-Schema.json'))).toBe(true);
    const platform = await startPlatform(env('plain'), 30_000, [serverBundle]);
    try {
      expect(await (await fetch(`${platform.url}/api/health`)).json()).toMatchObject({ status: 'ok', database: 'sqlite' });
      expect((await fetch(`${platform.url}/api/openapi.json`)).status).toBe(200);
    } finally {
      await platform.stop();
    }
    expect(platform.log).not.toContain('incoming request');
  });

  it('logs every request when ZHIZAO_ACCESS_LOG=1', async () => {
    const platform = await startPlatform(env('logged', { ZHIZAO_ACCESS_LOG: '1' }), 30_000, [serverBundle]);
    try {
      await fetch(`${platform.url}/api/health`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      await platform.stop();
    }
    const log = platform.log;
    expect(log).toContain('incoming request');
  });
});
