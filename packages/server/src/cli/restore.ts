import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { loadConfig, type Config } from '../config.ts';
import { createDatabase } from '../db/database.ts';
import { AuditLog } from '../platform/audit.ts';
import { countRows, describeDatabase, existingAuditKey, readSecrets, runPgTool, secretsFile } from './backup-support.ts';
import { runCli } from './cli-context.ts';
import { CliError } from './cli-error.ts';

// Restores what `npm run backup` wrote into the configured database, then verifies the audit chain:
//   npm run restore -- --from FILE [--secrets FILE] [--force]
// A database that already holds tables is refused unless --force. Without the key that signed the chain
// there is nothing to verify with, and the platform would start a new chain under a fresh key, so the
// restore needs the key before it changes anything.

const USAGE = `用法 · Usage:
  npm run restore -- --from FILE [--secrets FILE] [--force]

把 npm run backup 的备份恢复到 DATABASE_URL 或 ZHIZAO_SQLITE_PATH 所指的数据库，然后校验审计日志。请先停止平台。
Restores a backup made by npm run backup into the database DATABASE_URL or ZHIZAO_SQLITE_PATH names, then
verifies the audit chain. Stop the platform first.
目标数据库非空时拒绝执行，除非加 --force（替换其内容）。
A target database that is not empty is refused unless --force (which replaces its contents).
审计密钥取自 ZHIZAO_AUDIT_KEY 或 $ZHIZAO_DATA_DIR/secrets.json；都没有时用 --secrets 指定另行备份的密钥文件，
校验通过后装入数据目录。
The audit key comes from ZHIZAO_AUDIT_KEY or $ZHIZAO_DATA_DIR/secrets.json; where there is neither, --secrets names
the key file backed up separately, installed into the data folder once the chain verifies.`;

interface Options {
  from: string;
  secrets: string | null;
  force: boolean;
}

function parseOptions(argv: string[]): Options | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        from: { type: 'string' },
        secrets: { type: 'string' },
        force: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n\n${USAGE}`, 2);
  }
  if (values.help) return 'help';
  const from = values.from?.trim() ?? '';
  if (!from) throw new CliError(`缺少 --from · --from is required\n\n${USAGE}`, 2);
  return {
    from: path.resolve(from),
    secrets: values.secrets?.trim() ? path.resolve(values.secrets.trim()) : null,
    force: values.force ?? false,
  };
}

const NOTHING_CHANGED = '未做任何更改 · Nothing was changed.';

/** The backup must be the kind this database takes: its first bytes say which. */
function checkBackupFile(file: string, config: Config): void {
  if (!fs.existsSync(file)) throw new CliError(`找不到备份 · There is no backup at ${file}`);
  const head = Buffer.alloc(16);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, head.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  const [expected, magic] = config.databaseUrl ? ['PostgreSQL (pg_dump -Fc)', 'PGDMP'] : ['SQLite', 'SQLite format 3\0'];
  if (!head.subarray(0, magic.length).equals(Buffer.from(magic, 'latin1')))
    throw new CliError(
      `${file} 不是 ${expected} 备份 · ${file} is not a ${expected} backup, which ${describeDatabase(config)} needs. ${NOTHING_CHANGED}`,
    );
}

interface RestoreKey {
  hex: string;
  from: string;
  /** The key file to put into the data folder once the restore verifies (it had none). */
  install: Record<string, string> | null;
}

function restoreKey(config: Config, secrets: string | null): RestoreKey {
  const current = existingAuditKey(config);
  if (!secrets) {
    if (current) return { ...current, install: null };
    throw new CliError(
      `没有审计密钥（ZHIZAO_AUDIT_KEY 与 ${secretsFile(config)} 都没有），请用 --secrets 指定备份时的密钥文件 · ` +
        `There is no audit key (no ZHIZAO_AUDIT_KEY, no ${secretsFile(config)}): pass --secrets FILE, the key file backed up ` +
        `with this backup; without it the restored audit chain cannot be verified. ${NOTHING_CHANGED}`,
    );
  }
  const given = readSecrets(secrets);
  if (!given?.auditKey) throw new CliError(`${secrets} 中没有 auditKey · ${secrets} holds no auditKey. ${NOTHING_CHANGED}`);
  if (current && current.hex !== given.auditKey)
    throw new CliError(
      `${secrets} 的审计密钥与 ${current.from} 的不同 · The audit key in ${secrets} differs from the one in ${current.from}; ` +
        `remove one of them first. ${NOTHING_CHANGED}`,
    );
  return { hex: given.auditKey, from: secrets, install: current ? null : given };
}

/** The tables the target already holds; a SQLite file is read without creating it. */
async function existingTables(config: Config): Promise<string[]> {
  if (!config.databaseUrl) {
    if (!fs.existsSync(config.sqlitePath)) return [];
    const sqlite = new SQLite(config.sqlitePath, { fileMustExist: true });
    try {
      return sqlite.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`).pluck().all() as string[];
    } finally {
      sqlite.close();
    }
  }
  const db = createDatabase(config);
  try {
    return (await db.introspection.getTables({ withInternalKyselyTables: true })).filter((t) => !t.isView).map((t) => t.name);
  } finally {
    await db.destroy();
  }
}

async function restoreSqlite(file: string, target: string): Promise<void> {
  const source = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const check = source.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new CliError(`备份文件已损坏 · The backup ${file} is damaged (${String(check)}). ${NOTHING_CHANGED}`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    // The backup API writes the whole file under one lock on the target, replacing whatever was there.
    await source.backup(target);
  } finally {
    source.close();
  }
}

function restorePostgres(file: string, databaseUrl: string, replace: boolean): Promise<void> {
  // One transaction: a restore that fails part-way leaves the database as it was. Objects belong to the
  // DATABASE_URL user, as when the platform's own migrations create them.
  const args = ['--no-owner', '--no-acl', '--single-transaction', '--exit-on-error'];
  return runPgTool('pg_restore', databaseUrl, [...args, ...(replace ? ['--clean', '--if-exists'] : []), file]);
}

async function restore(argv: string[]): Promise<string> {
  const options = parseOptions(argv);
  if (options === 'help') return USAGE;
  const config = loadConfig();
  checkBackupFile(options.from, config);
  const key = restoreKey(config, options.secrets);
  const before = await existingTables(config);
  if (before.length && !options.force)
    throw new CliError(
      `目标数据库非空（${before.length} 张表），如要替换请加 --force · The target ${describeDatabase(config)} is not empty ` +
        `(${before.length} tables); pass --force to replace its contents. ${NOTHING_CHANGED}`,
    );

  if (config.databaseUrl) await restorePostgres(options.from, config.databaseUrl, before.length > 0);
  else await restoreSqlite(options.from, config.sqlitePath);

  const db = createDatabase(config);
  let counts, verification;
  try {
    counts = await countRows(db);
    verification = await new AuditLog(Buffer.from(key.hex, 'hex')).verify(db);
  } finally {
    await db.destroy();
  }
  const restored =
    `已恢复 · Restored ${options.from} into ${describeDatabase(config)}` +
    `${before.length ? ` (替换了原有的 ${before.length} 张表 · replaced its ${before.length} tables, --force)` : ''}: ` +
    `${counts.length} tables, ${counts.reduce((sum, c) => sum + c.rows, 0)} rows`;
  if (!verification.ok)
    throw new CliError(
      `${restored}\n审计日志校验失败 · The audit chain does not verify with the key from ${key.from}: broken at entry ` +
        `${verification.firstBadSeq} (${verification.problem}), ${verification.problemCount} problem(s) in ${verification.checked} entries; ` +
        `npm run audit:verify lists them. 密钥未装入 · No key was installed.`,
    );
  const lines = [restored, `审计日志完整 · Audit chain intact: ${verification.checked} entries verified (key from ${key.from})`];
  if (key.install) {
    fs.mkdirSync(config.dataDir, { recursive: true });
    fs.writeFileSync(secretsFile(config), `${JSON.stringify(key.install, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    lines.push(`已装入密钥 · Keys installed into ${secretsFile(config)} (mode 0600)`);
  }
  lines.push(`上传的文件请从文件备份复制回 ${config.dataDir} · Copy uploaded files back into ${config.dataDir} from the file backup.`);
  return lines.join('\n');
}

await runCli('restore', () => restore(process.argv.slice(2)));
