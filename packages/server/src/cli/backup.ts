import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { loadConfig, type Config } from '../config.ts';
import { describeDatabase, existingAuditKey, readSecrets, runPgTool, secretsFile, uploadFolders } from './backup-support.ts';
import { runCli } from './cli-context.ts';
import { CliError } from './cli-error.ts';

// Backs up the platform's database, also while the platform runs:
//   npm run backup -- [--out FILE] [--include-secrets]
// SQLite through its online backup API (a consistent copy while the server writes), PostgreSQL with
// `pg_dump -Fc`. The audit key is kept out of the backup file: whoever holds the data and the key can
// rewrite the audit log undetected, so the two are meant to be stored apart. --include-secrets is the
// operator's explicit choice to write the key file beside the backup anyway.

const USAGE = `用法 · Usage:
  npm run backup -- [--out FILE] [--include-secrets]

备份 DATABASE_URL（PostgreSQL，pg_dump -Fc）或 ZHIZAO_SQLITE_PATH（SQLite 在线备份）所指的数据库，平台运行时亦可；
默认写到 $ZHIZAO_DATA_DIR/backups/。
Backs up the database DATABASE_URL (PostgreSQL, pg_dump -Fc) or ZHIZAO_SQLITE_PATH (SQLite, online backup) names,
also while the platform runs; by default into $ZHIZAO_DATA_DIR/backups/.
审计密钥不写入备份，须另行备份；--include-secrets 把密钥文件另存为 FILE.secrets.json。
The audit key is not written into the backup and must be backed up separately; --include-secrets saves the key
file beside the backup as FILE.secrets.json.`;

interface Options {
  out: string | null;
  includeSecrets: boolean;
}

function parseOptions(argv: string[]): Options | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        out: { type: 'string' },
        'include-secrets': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n\n${USAGE}`, 2);
  }
  if (values.help) return 'help';
  if (values.out !== undefined && !values.out.trim()) throw new CliError(`--out 不能为空 · --out must name a file\n\n${USAGE}`, 2);
  return { out: values.out?.trim() ?? null, includeSecrets: values['include-secrets'] ?? false };
}

function defaultFile(config: Config): string {
  const stamp = new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return path.join(config.dataDir, 'backups', `zhizao-${stamp}.${config.databaseUrl ? 'pgdump' : 'sqlite3'}`);
}

async function backupSqlite(file: string, target: string): Promise<void> {
  if (!fs.existsSync(file)) throw new CliError(`没有数据库 · There is no database at ${file}`);
  const sqlite = new SQLite(file, { fileMustExist: true });
  try {
    sqlite.pragma('busy_timeout = 5000');
    await sqlite.backup(target);
  } finally {
    sqlite.close();
  }
}

/** Where the key is and that it is not in the backup; with --include-secrets, the key file written beside it. */
function keyNotice(config: Config, keysFile: string, includeSecrets: boolean): string[] {
  const key = existingAuditKey(config);
  if (!key) return [`尚无审计密钥 · There is no audit key yet (no ZHIZAO_AUDIT_KEY, no ${secretsFile(config)}).`];
  if (!includeSecrets)
    return [
      `警告：审计密钥（${key.from}）不在备份中，须另行备份 · WARNING: the audit key (${key.from}) is NOT in this backup: back it up separately.`,
      `没有它，恢复后的审计日志无法校验，restore 也不会执行 · Without it a restored audit chain cannot be verified, and restore will not run.`,
    ];
  // The whole key file, not only the audit key: whatever else the data folder keeps there is as needed.
  const keys = { ...(readSecrets(secretsFile(config)) ?? {}), auditKey: key.hex };
  fs.writeFileSync(keysFile, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  return [
    `已按 --include-secrets 另存密钥 · Keys saved, as --include-secrets asked, to ${keysFile} (mode 0600).`,
    `警告：同时持有备份与密钥者可改写审计日志而不被发现，请分开保管 · WARNING: whoever holds both files can rewrite the audit log undetected: store them apart.`,
  ];
}

async function backup(argv: string[]): Promise<string> {
  const options = parseOptions(argv);
  if (options === 'help') return USAGE;
  const config = loadConfig();
  const out = path.resolve(options.out ?? defaultFile(config));
  const keysFile = `${out}.secrets.json`;
  for (const file of options.includeSecrets ? [out, keysFile] : [out])
    if (fs.existsSync(file)) throw new CliError(`文件已存在，备份不覆盖文件 · ${file} already exists: a backup never overwrites a file`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  // Written under another name first, so a backup cut short never looks like a finished one.
  const partial = `${out}.partial`;
  try {
    if (config.databaseUrl) await runPgTool('pg_dump', config.databaseUrl, ['--format=custom', `--file=${partial}`]);
    else await backupSqlite(config.sqlitePath, partial);
    // It holds password hashes and personal data.
    fs.chmodSync(partial, 0o600);
    fs.renameSync(partial, out);
  } finally {
    fs.rmSync(partial, { force: true });
  }
  const lines = [`已备份 · Backed up ${describeDatabase(config)} to ${out} (${fs.statSync(out).size} bytes)`];
  lines.push(...keyNotice(config, keysFile, options.includeSecrets));
  const folders = uploadFolders(config);
  if (folders.length)
    lines.push(
      `上传的文件不在数据库备份中，请一并复制 · Uploaded files are not in the database backup; copy these folders too: ${folders.join(', ')}`,
    );
  return lines.join('\n');
}

await runCli('backup', () => backup(process.argv.slice(2)));
