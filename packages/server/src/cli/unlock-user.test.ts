import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand, runScript } from './spawn.test-support.ts';

// The way back in when the last security administrator is locked out or has lost the password: the server's own
// command line, which 三员分立 leaves open where the platform refuses the other two administrators.
describe('npm run users:unlock and users:reset-password', () => {
  let env: Record<string, string>;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhizao-unlock-cli-'));
    env = {
      ZHIZAO_DATA_DIR: dataDir,
      ZHIZAO_SQLITE_PATH: path.join(dataDir, 'zhizao.db'),
      ZHIZAO_DEMO: '0',
      DATABASE_URL: '',
      ZHIZAO_ADMIN_PASSWORD: 'Warden@2024x',
    };
    const created = await runScript('packages/server/src/cli/create-admin.ts', ['--username', 'warden', '--role', 'security_admin'], env);
    expect(created.code, created.stderr).toBe(0);
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('ends the locks from every source and audits it as the command line', async () => {
    const db = new SQLite(env.ZHIZAO_SQLITE_PATH!);
    const until = new Date(Date.now() + 3_600_000).toISOString();
    const now = new Date().toISOString();
    for (const source of ['203.0.113.7', '198.51.100.9'])
      db.prepare(
        `insert into login_attempt (username, source, failures, locks, locked_until, last_attempt_at) values ('warden', ?, 5, 1, ?, ?)`,
      ).run(source, until, now);
    db.prepare(`update app_user set locked_until = ? where username = 'warden'`).run(until);
    db.close();

    const res = await runCommand('npm', ['run', '-s', 'users:unlock', '--', 'warden'], env);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain('Unlocked "warden"');

    const after = new SQLite(env.ZHIZAO_SQLITE_PATH!, { readonly: true });
    expect(after.prepare(`select count(*) as n from login_attempt where username = 'warden'`).get()).toEqual({ n: 0 });
    expect(after.prepare(`select locked_until from app_user where username = 'warden'`).get()).toEqual({ locked_until: null });
    expect(after.prepare(`select action, actor_username from audit_log order by seq desc limit 1`).get()).toEqual({
      action: 'user.unlock',
      actor_username: 'cli',
    });
    after.close();
  });

  it('names an unknown account and exits non-zero', async () => {
    const res = await runCommand('npm', ['run', '-s', 'users:unlock', '--', 'nobody-here'], env);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/users:unlock: .+ · /);
  });

  it('resets a separated administrator’s password, ending its sessions, audited as the command line', async () => {
    const res = await runCommand('npm', ['run', '-s', 'users:reset-password', '--', 'warden'], {
      ...env,
      ZHIZAO_ADMIN_PASSWORD: 'Beacon#Harbour58',
    });
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain('Password reset for "warden"');
    const db = new SQLite(env.ZHIZAO_SQLITE_PATH!, { readonly: true });
    expect(db.prepare(`select action, actor_username from audit_log order by seq desc limit 1`).get()).toEqual({
      action: 'user.resetPassword',
      actor_username: 'cli',
    });
    db.close();
  });

  it('refuses a password the policy refuses, common ones included, and changes nothing', async () => {
    const res = await runCommand('npm', ['run', '-s', 'users:reset-password', '--', 'warden'], {
      ...env,
      ZHIZAO_ADMIN_PASSWORD: 'Passw0rd!',
    });
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('too common');
  });
});
