import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppContext } from '../bootstrap.ts';
import { loadConfig } from '../config.ts';
import { sealedKeyId } from '../platform/field-crypto.ts';
import { runScript } from './spawn.test-support.ts';

// Key rotation on a single-machine install, where the keys live in data/secrets.json: a new key first, every
// sealed value re-sealed under it and still readable, then the old key retired.
const CLI = 'packages/server/src/cli/rotate-keys.ts';

describe('npm run keys:rotate with the keys in secrets.json', () => {
  let dataDir: string;
  let env: Record<string, string>;
  const secrets = () => JSON.parse(fs.readFileSync(path.join(dataDir, 'secrets.json'), 'utf8')) as { auditKey: string; dataKeys: string };
  const keyIds = () =>
    secrets()
      .dataKeys.split(',')
      .map((k) => k.split(':')[0]);
  const open = () => openAppContext(loadConfig(env));

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhizao-keys-'));
    env = {
      ZHIZAO_DATA_DIR: dataDir,
      ZHIZAO_SQLITE_PATH: path.join(dataDir, 'zhizao.db'),
      ZHIZAO_DEMO: '0',
      DATABASE_URL: '',
      ZHIZAO_DATA_KEYS: '',
    };
    const ctx = await open();
    await ctx.db
      .insertInto('enterprise')
      .values({
        creditCode: '91371002MA3CKEY00X',
        name: '轮换测试企业',
        districtCode: '371002',
        sizeClass: 'above_designated',
        manufacturingType: 'discrete',
        contactPhone: ctx.cipher.seal('13800000000'),
        contactEmail: 'plain@example.com', // written before encryption
        clusterCode: null,
        industryCode: null,
        address: null,
        mainProducts: null,
        contactName: null,
        archived: 0,
        isDemo: 0,
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
        version: 1,
      })
      .execute();
    await ctx.db.destroy();
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('adds a new current key, keeps the old one and the audit key, and re-seals every value under the new key', async () => {
    const before = secrets();
    const [first] = keyIds();
    const run = await runScript(CLI, [], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/enterprise: 1 re-sealed/);
    const [current, old] = keyIds();
    expect(old).toBe(first);
    expect(current).not.toBe(first);
    expect(secrets().auditKey).toBe(before.auditKey);
    expect(fs.statSync(path.join(dataDir, 'secrets.json')).mode & 0o777).toBe(0o600);
    const ctx = await open();
    try {
      const row = await ctx.db.selectFrom('enterprise').select(['contactPhone', 'contactEmail']).executeTakeFirstOrThrow();
      expect([sealedKeyId(row.contactPhone!), sealedKeyId(row.contactEmail!)]).toEqual([current, current]);
      expect([ctx.cipher.open(row.contactPhone), ctx.cipher.open(row.contactEmail)]).toEqual(['13800000000', 'plain@example.com']);
      expect((await ctx.audit.verify(ctx.db)).ok).toBe(true);
    } finally {
      await ctx.db.destroy();
    }
  });

  it('retires the old keys once nothing is sealed under them, and the values still read back', async () => {
    const [current] = keyIds();
    const run = await runScript(CLI, ['--retire'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(keyIds()).toEqual([current]);
    const ctx = await open();
    try {
      const row = await ctx.db.selectFrom('enterprise').select('contactPhone').executeTakeFirstOrThrow();
      expect(ctx.cipher.open(row.contactPhone)).toBe('13800000000');
    } finally {
      await ctx.db.destroy();
    }
  });

  it('refuses to retire keys that come from ZHIZAO_DATA_KEYS, and a wrong option', async () => {
    const envKeys = { ...env, ZHIZAO_DATA_KEYS: `e1:${'ab'.repeat(32)}` };
    const refused = await runScript(CLI, ['--retire'], envKeys);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('ZHIZAO_DATA_KEYS');
    expect((await runScript(CLI, ['--bogus'], env)).code).toBe(2);
  });
});
