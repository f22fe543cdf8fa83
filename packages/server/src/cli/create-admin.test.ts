import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Json, TestClient } from '../../test/harness.ts';
import { runCommand, runScript, startPlatform, type RunningPlatform } from './spawn.test-support.ts';

// A real install (ZHIZAO_DEMO=0) has no account at all; its first administrators come from the command
// line, run beside the running platform against the same SQLite file, and log in through the API.
const CLI = 'packages/server/src/cli/create-admin.ts';

describe('npm run create-admin on a real install', () => {
  let dataDir: string;
  let env: Record<string, string>;
  let platform: RunningPlatform;
  const cli = (args: string[], options: { password?: string; stdin?: string } = {}) =>
    runScript(CLI, args, { ...env, ZHIZAO_ADMIN_PASSWORD: options.password ?? '' }, options.stdin ?? '');
  const login = (username: string, password: string) => new TestClient(platform.url).login(username, password);

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhizao-cli-'));
    env = { ZHIZAO_DATA_DIR: dataDir, ZHIZAO_SQLITE_PATH: path.join(dataDir, 'zhizao.db'), ZHIZAO_DEMO: '0', DATABASE_URL: '' };
    platform = await startPlatform(env);
  });
  afterAll(async () => {
    await platform?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts without any account: no demo login, no demo taxonomy', async () => {
    expect((await login('admin', 'Zhizao@demo1')).status).toBe(401);
    const health = await new TestClient(platform.url).get('/api/health');
    expect(health.body).toMatchObject({ status: 'ok', demo: false });
    const taxonomy = (await new TestClient(platform.url).get('/api/registry/taxonomy')).body;
    expect({ chains: taxonomy.chains, clusters: taxonomy.clusters, districts: taxonomy.districts.length }).toEqual({
      chains: [],
      clusters: [],
      districts: 7,
    });
  });

  it('creates a bureau admin through the npm script, password from ZHIZAO_ADMIN_PASSWORD, who then logs in', async () => {
    const res = await runCommand('npm', ['run', '-s', 'create-admin', '--', '--username', 'chief', '--role', 'bureau_admin'], {
      ...env,
      ZHIZAO_ADMIN_PASSWORD: 'Chief@2024x',
    });
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain('Created account "chief"');
    const session = await login('chief', 'Chief@2024x');
    expect(session.status).toBe(200);
    expect(session.body.user).toMatchObject({ username: 'chief', role: 'bureau_admin', displayName: '工信局管理员' });
    expect(session.body.permissions).toContain('taxonomy.write');
  });

  it('reads the password from standard input and takes a display name', async () => {
    const res = await cli(['--username', 'secops', '--role', 'security_admin', '--display-name', '安全保密管理员甲'], {
      stdin: 'Secure#Pass7\n',
    });
    expect(res.code, res.stderr).toBe(0);
    const session = await login('secops', 'Secure#Pass7');
    expect(session.body.user).toMatchObject({ role: 'security_admin', displayName: '安全保密管理员甲' });
  });

  it('refuses a weak password with the policy’s reason and creates nothing', async () => {
    for (const [password, reason] of [
      ['short1A', 'at least 8 characters'],
      ['alllowercase', 'at least 3 of'],
      ['weaklingpass1', 'at least 3 of'],
    ] as const) {
      const res = await cli(['--username', 'weakling', '--role', 'system_admin'], { password });
      expect(res.code, password).toBe(1);
      expect(res.stderr, password).toContain(reason);
    }
    expect((await cli(['--username', 'Weak.ling1', '--role', 'system_admin'], { password: 'weak.LING1' })).stderr).toContain(
      'must differ from the username',
    );
    expect((await login('weakling', 'short1A')).status).toBe(401);
  });

  it('refuses an existing username without asking for a password', async () => {
    const res = await cli(['--username', 'chief', '--role', 'audit_admin']);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('Username "chief" is taken');
  });

  it('exits 2 with the usage on a wrong command line, and 1 without a password', async () => {
    for (const args of [
      ['--role', 'bureau_admin'],
      ['--username', 'x1', '--role', 'expert'],
      ['--username', 'ok-name', '--role', 'bureau_admin', '--password', 'Pass@word1'],
      ['--username', 'a b', '--role', 'bureau_admin'],
    ]) {
      const res = await cli(args, { password: 'Fine@pass1' });
      expect(res.code, args.join(' ')).toBe(2);
      expect(res.stderr, args.join(' ')).toMatch(/Usage|username must be/);
    }
    const none = await cli(['--username', 'nopass', '--role', 'bureau_admin']);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('No password');
  });

  it('audits each creation with the actor "cli", on the chain the platform verifies', async () => {
    expect((await cli(['--username', 'auditor', '--role', 'audit_admin'], { stdin: 'Audit$Pass9' })).code).toBe(0);
    const auditor = new TestClient(platform.url);
    expect((await auditor.login('auditor', 'Audit$Pass9')).status).toBe(200);
    const entries = (await auditor.get('/api/audit?action=user.create')).body.items;
    expect(entries.map((e: Json) => [e.actorUsername, e.after.username, e.after.role])).toEqual([
      ['cli', 'auditor', 'audit_admin'],
      ['cli', 'secops', 'security_admin'],
      ['cli', 'chief', 'bureau_admin'],
    ]);
    expect((await auditor.get('/api/audit/verify')).body).toMatchObject({ ok: true });
  });
});
