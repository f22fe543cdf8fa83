import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../../test/databases.ts';
import { createDatabase } from '../db/database.ts';
import { countRows } from './backup-support.ts';
import { runCommand, runScript, startPlatform, type RunningPlatform } from './spawn.test-support.ts';

// The operator's backup and restore, through the npm scripts, on each database: a backup taken while the
// platform runs, restored into an empty database, holds every row and an audit chain that verifies; a
// database that holds data is only replaced when asked to.

const snapshot = async (database: TestDatabase) => {
  const db = createDatabase(database);
  try {
    const usernames = (await db.selectFrom('appUser').select('username').orderBy('id').execute()).map((u) => u.username);
    return { tables: await countRows(db), usernames };
  } finally {
    await db.destroy();
  }
};

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`npm run backup and restore [${kind}]`, async () => {
    if (!(await testDatabaseKinds()).includes(kind)) return;
    let source: TestDatabase;
    let target: TestDatabase;
    let other: TestDatabase;
    let platform: RunningPlatform | undefined;
    let backupFile: string;
    let sourceKeys: { auditKey: string };
    const envOf = (database: TestDatabase, extra: Record<string, string> = {}) => ({
      ZHIZAO_DATA_DIR: database.dataDir,
      ZHIZAO_SQLITE_PATH: database.sqlitePath,
      DATABASE_URL: database.databaseUrl ?? '',
      ZHIZAO_DEMO: '0',
      ZHIZAO_AUDIT_KEY: '',
      ZHIZAO_ADMIN_PASSWORD: 'Chief@2024x',
      ...extra,
    });
    // The npm scripts as an operator types them; the entry points directly where the wiring is already shown.
    const npm = (script: string, args: string[], env: Record<string, string>) =>
      runCommand('npm', ['run', '-s', script, '--', ...args], env);
    const cli = (name: string, args: string[], env: Record<string, string>) => runScript(`packages/server/src/cli/${name}.ts`, args, env);
    const verifyAudit = (env: Record<string, string>) => cli('verify-audit', [], env);
    const createAdmin = async (username: string, env: Record<string, string>) => {
      const res = await cli('create-admin', ['--username', username, '--role', 'bureau_admin'], env);
      expect(res.code, res.stderr).toBe(0);
    };

    beforeAll(async () => {
      [source, target, other] = await Promise.all([createTestDatabase(kind), createTestDatabase(kind), createTestDatabase(kind)]);
      backupFile = path.join(source.dataDir, 'backups', `nightly.${kind === 'sqlite' ? 'sqlite3' : 'pgdump'}`);
      platform = await startPlatform(envOf(source));
      for (const username of ['chief', 'deputy']) await createAdmin(username, envOf(source));
      sourceKeys = JSON.parse(fs.readFileSync(path.join(source.dataDir, 'secrets.json'), 'utf8'));
    });
    afterAll(async () => {
      await platform?.stop();
      await Promise.all([source, target, other].map((d) => d?.drop()));
    });

    it('backs up while the platform runs, saying where the audit key is and that it is not in the backup', async () => {
      const res = await npm('backup', ['--out', backupFile], envOf(source));
      expect(res.code, res.stderr).toBe(0);
      expect(res.stdout).toContain(`Backed up ${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'}`);
      expect(res.stdout).toContain(`the audit key (${path.join(source.dataDir, 'secrets.json')}) is NOT in this backup`);
      expect(fs.statSync(backupFile).mode & 0o777).toBe(0o600);
      expect(fs.existsSync(`${backupFile}.secrets.json`)).toBe(false);
      expect(fs.readFileSync(backupFile).includes(sourceKeys.auditKey)).toBe(false);

      const again = await cli('backup', ['--out', backupFile, '--include-secrets'], envOf(source));
      expect(again.code).toBe(1);
      expect(again.stderr).toContain('already exists');
      await platform!.stop();
      platform = undefined;
    });

    it('writes the key file beside the backup only when --include-secrets asks', async () => {
      const res = await cli('backup', ['--out', `${backupFile}.2`, '--include-secrets'], envOf(source));
      expect(res.code, res.stderr).toBe(0);
      expect(res.stdout).toContain('store them apart');
      const keysFile = `${backupFile}.2.secrets.json`;
      expect(fs.statSync(keysFile).mode & 0o777).toBe(0o600);
      expect(JSON.parse(fs.readFileSync(keysFile, 'utf8'))).toEqual(sourceKeys);
    });

    it('will not restore without the audit key, and changes nothing', async () => {
      const res = await cli('restore', ['--from', backupFile], envOf(target));
      expect(res.code).toBe(1);
      expect(res.stderr).toContain('There is no audit key');
      expect(res.stderr).toContain('Nothing was changed');
      if (kind === 'sqlite') expect(fs.existsSync(target.sqlitePath)).toBe(false);
      else expect((await snapshot(target).catch((error: Error) => error.message)) as string).toMatch(/app_user.*does not exist/);
      expect(fs.existsSync(path.join(target.dataDir, 'secrets.json'))).toBe(false);
    });

    it('restores into an empty database with the separately kept key, and finds everything', async () => {
      const res = await npm('restore', ['--from', backupFile, '--secrets', `${backupFile}.2.secrets.json`], envOf(target));
      expect(res.code, res.stderr).toBe(0);
      expect(res.stdout).toContain('Audit chain intact: 2 entries verified');
      const restored = await snapshot(target);
      expect(restored).toEqual(await snapshot(source));
      expect(restored.usernames).toEqual(['chief', 'deputy']);
      expect(restored.tables.find((t) => t.table === 'audit_log')?.rows).toBe(2);
      expect(JSON.parse(fs.readFileSync(path.join(target.dataDir, 'secrets.json'), 'utf8'))).toEqual(sourceKeys);

      const verified = await verifyAudit(envOf(target));
      expect(verified.code, verified.stderr).toBe(0);
      expect(verified.stdout).toContain('2 entries verified');
      // The restored install goes on: new rows get fresh ids and the chain grows from the restored head.
      await createAdmin('third', envOf(target));
      expect((await verifyAudit(envOf(target))).stdout).toContain('3 entries verified');
    });

    it('refuses a target that holds data unless --force, and then replaces it', async () => {
      const env = envOf(other, { ZHIZAO_AUDIT_KEY: sourceKeys.auditKey });
      await createAdmin('someone', env);
      const before = await snapshot(other);
      const refused = await cli('restore', ['--from', backupFile], env);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('is not empty');
      expect(refused.stderr).toContain('pass --force');
      expect(await snapshot(other)).toEqual(before);
      expect(before.usernames).toEqual(['someone']);

      // With another key the restored chain does not verify, and the command says so.
      const wrongKey = await cli('restore', ['--from', backupFile, '--force'], { ...env, ZHIZAO_AUDIT_KEY: 'ab'.repeat(32) });
      expect(wrongKey.code).toBe(1);
      expect(wrongKey.stderr).toContain('The audit chain does not verify with the key from ZHIZAO_AUDIT_KEY: broken at entry 1 (altered)');

      const forced = await cli('restore', ['--from', backupFile, '--force'], env);
      expect(forced.code, forced.stderr).toBe(0);
      expect(forced.stdout).toContain('replaced its');
      expect(forced.stdout).toContain('Audit chain intact: 2 entries verified (key from ZHIZAO_AUDIT_KEY)');
      expect(await snapshot(other)).toEqual(await snapshot(source));
    });
  });
}
