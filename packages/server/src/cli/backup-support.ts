import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import { CliError } from './cli-error.ts';

// What `npm run backup` and `npm run restore` share: where the audit key lives, the PostgreSQL client
// tools, and a count of what a database holds.

/** The data folder's key file, as platform/secrets.ts reads it. */
export const secretsFile = (config: Config) => path.join(config.dataDir, 'secrets.json');

/** The audit key's hex, as the platform would take it, without generating one (loadAuditKey would): null when there is none yet. */
export function existingAuditKey(config: Config): { hex: string; from: string } | null {
  if (config.auditKey) return { hex: config.auditKey, from: 'ZHIZAO_AUDIT_KEY' };
  const stored = readSecrets(secretsFile(config));
  return stored?.auditKey ? { hex: stored.auditKey, from: secretsFile(config) } : null;
}

export function readSecrets(file: string): Record<string, string> | null {
  if (!fs.existsSync(file)) return null;
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;
  } catch (error) {
    throw new CliError(`无法读取密钥文件 · Cannot read the key file ${file}: ${(error as Error).message}`);
  }
}

/** Where a database lives, for messages; a PostgreSQL URL without its password. */
export const describeDatabase = (config: Config) =>
  config.databaseUrl ? `PostgreSQL ${withoutPassword(config.databaseUrl)}` : `SQLite ${config.sqlitePath}`;

function withoutPassword(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.password = '';
  return url.toString();
}

/**
 * Runs pg_dump or pg_restore against DATABASE_URL. The password goes through PGPASSWORD rather than the
 * command line, where `ps` would show it; libpq reads everything else (host, sslmode…) from the URL.
 */
export function runPgTool(tool: 'pg_dump' | 'pg_restore', databaseUrl: string, args: string[]): Promise<void> {
  const password = decodeURIComponent(new URL(databaseUrl).password);
  const env = { ...process.env, ...(password ? { PGPASSWORD: password } : {}) };
  return new Promise((resolve, reject) => {
    const child = spawn(tool, [`--dbname=${withoutPassword(databaseUrl)}`, ...args], { env, stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new CliError(
              `找不到 ${tool}，请安装 PostgreSQL 客户端工具 · ${tool} not found: install the PostgreSQL client tools (postgresql-client)`,
            )
          : error,
      ),
    );
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new CliError(`${tool} 失败 · ${tool} failed (exit ${code}):\n${stderr.trim()}`)),
    );
  });
}

/** Every table of the platform's schema and its row count, in name order. */
export async function countRows(db: Db): Promise<{ table: string; rows: number }[]> {
  const tables = (await db.introspection.getTables({ withInternalKyselyTables: true }))
    .filter((t) => !t.isView)
    .map((t) => (t.schema && t.schema !== 'public' ? `${t.schema}.${t.name}` : t.name))
    .sort();
  const counts = [];
  for (const table of tables) {
    const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db);
    counts.push({ table, rows: Number(rows[0]!.n) });
  }
  return counts;
}

/** The folders of uploaded files beside the database: the database backup does not hold them. */
export function uploadFolders(config: Config): string[] {
  if (!fs.existsSync(config.dataDir)) return [];
  return fs
    .readdirSync(config.dataDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'backups')
    .map((entry) => path.join(config.dataDir, entry.name));
}
