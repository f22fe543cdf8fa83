import path from 'node:path';

// Every setting comes from the environment, with a default that works on a fresh machine.
// The README lists them.
export interface Config {
  port: number;
  host: string;
  /** postgres://… for PostgreSQL; otherwise SQLite at `sqlitePath`. */
  databaseUrl: string | null;
  sqlitePath: string;
  dataDir: string;
  demo: boolean;
  /** Hex key for the audit chain's HMAC-SM3; read from data/secrets.json when unset. */
  auditKey: string | null;
  /** Mark session cookies Secure (set when served over TLS). */
  secureCookies: boolean;
  webDist: string | null;
  /** Trust X-Forwarded-For from a reverse proxy (the audit log records client addresses). */
  trustProxy: boolean;
  logLevel: string;
}

const repoRoot = path.resolve(import.meta.dirname, '../../..');

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.ZHIZAO_DATA_DIR ?? path.join(repoRoot, 'data'));
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL?.trim() || null,
    sqlitePath: env.ZHIZAO_SQLITE_PATH ?? path.join(dataDir, 'zhizao.db'),
    dataDir,
    demo: env.ZHIZAO_DEMO !== '0',
    auditKey: env.ZHIZAO_AUDIT_KEY ?? null,
    secureCookies: env.ZHIZAO_SECURE_COOKIES === '1',
    webDist: env.ZHIZAO_WEB_DIST ?? path.join(repoRoot, 'packages/web/dist'),
    logLevel: env.LOG_LEVEL ?? 'info',
    trustProxy: env.ZHIZAO_TRUST_PROXY === '1',
  };
}
