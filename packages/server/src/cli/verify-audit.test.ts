import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand, runScript } from './spawn.test-support.ts';
import SQLite from 'better-sqlite3';

// The auditor's command: exit 0 on an intact chain, 1 and every bad entry once someone edits them.
describe('npm run audit:verify', () => {
  let env: Record<string, string>;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhizao-audit-cli-'));
    env = {
      ZHIZAO_DATA_DIR: dataDir,
      ZHIZAO_SQLITE_PATH: path.join(dataDir, 'zhizao.db'),
      ZHIZAO_DEMO: '0',
      DATABASE_URL: '',
      ZHIZAO_ADMIN_PASSWORD: 'Chief@2024x',
    };
    for (const username of ['chief', 'deputy']) {
      const created = await runScript('packages/server/src/cli/create-admin.ts', ['--username', username, '--role', 'bureau_admin'], env);
      expect(created.code, created.stderr).toBe(0);
    }
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('reports an intact chain', async () => {
    const res = await runCommand('npm', ['run', '-s', 'audit:verify'], env);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain('2 entries verified');
  });

  it('fails on entries edited in the database, naming every one, not only the first', async () => {
    const db = new SQLite(env.ZHIZAO_SQLITE_PATH!);
    db.prepare(`update audit_log set actor_username = 'someone-else' where seq in (1, 2)`).run();
    db.close();
    const res = await runCommand('npm', ['run', '-s', 'audit:verify'], env);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('broken at entry 1 (altered); 2 problem(s) in 2 entries checked');
    expect(res.stderr).toContain('entry 1: altered');
    expect(res.stderr).toContain('entry 2: altered');
  });
});
