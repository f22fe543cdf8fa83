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
  /** `id:hex64,…` keys for personal fields at rest, the first current; read from data/secrets.json when unset. */
  dataKeys: string | null;
  /** Mark session cookies Secure (set when served over TLS). */
  secureCookies: boolean;
  webDist: string | null;
  /** Trust X-Forwarded-For from a reverse proxy (the audit log records client addresses). */
  trustProxy: boolean;
  logLevel: string;
  /** One log line per request. Off by default: on the resolution path it costs about a fifth of the throughput. */
  accessLog: boolean;
  /** Requests per minute, each counted per source address (usernames for `loginPerUsername`). */
  rateLimits: RateLimitConfig;
  /** The Handle protocol's UDP and TCP port (RFC 3652; 2641): 0 turns both off, `ephemeral` lets the OS pick one (tests). */
  handlePort: number | 'ephemeral';
  /** The address Handle clients are told to reach this node at (site information); HOST unless HOST is a wildcard. */
  handlePublicAddress: string;
}

export interface RateLimitConfig {
  loginPerSource: number;
  loginPerUsername: number;
  /** Failed API-key authentications (Handle, SNMS, EPCIS) per source; successful ones are never counted. */
  apiKeyFailuresPerSource: number;
  /** Public forms (real-name objections) per source. */
  publicFormsPerSource: number;
  /** Public pages and their lookups (the trace page a product's QR code opens) per source. */
  publicPagesPerSource: number;
}

const perMinute = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return Number.isSafeInteger(n) && n > 0 ? n : fallback;
};

const repoRoot = path.resolve(import.meta.dirname, '../../..');

function handlePort(value: string | undefined): number | 'ephemeral' {
  if (value?.trim() === 'ephemeral') return 'ephemeral';
  const n = Number(value ?? 2641);
  return Number.isInteger(n) && n >= 0 && n < 65536 ? n : 2641;
}

const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '']);

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.ZHIZAO_DATA_DIR ?? path.join(repoRoot, 'data'));
  const host = env.HOST ?? '0.0.0.0';
  return {
    port: Number(env.PORT ?? 3000),
    host,
    databaseUrl: env.DATABASE_URL?.trim() || null,
    sqlitePath: env.ZHIZAO_SQLITE_PATH ?? path.join(dataDir, 'zhizao.db'),
    dataDir,
    demo: env.ZHIZAO_DEMO !== '0',
    auditKey: env.ZHIZAO_AUDIT_KEY ?? null,
    dataKeys: env.ZHIZAO_DATA_KEYS?.trim() || null,
    secureCookies: env.ZHIZAO_SECURE_COOKIES === '1',
    webDist: env.ZHIZAO_WEB_DIST ?? path.join(repoRoot, 'packages/web/dist'),
    logLevel: env.LOG_LEVEL ?? 'info',
    accessLog: env.ZHIZAO_ACCESS_LOG === '1',
    trustProxy: env.ZHIZAO_TRUST_PROXY === '1',
    rateLimits: {
      loginPerSource: perMinute(env.ZHIZAO_RATE_LOGIN_PER_SOURCE, 30),
      loginPerUsername: perMinute(env.ZHIZAO_RATE_LOGIN_PER_USERNAME, 10),
      apiKeyFailuresPerSource: perMinute(env.ZHIZAO_RATE_API_KEY_FAILURES, 20),
      publicFormsPerSource: perMinute(env.ZHIZAO_RATE_PUBLIC_FORMS, 10),
      publicPagesPerSource: perMinute(env.ZHIZAO_RATE_PUBLIC_PAGES, 300),
    },
    handlePort: handlePort(env.HANDLE_PORT),
    handlePublicAddress: env.HANDLE_PUBLIC_ADDRESS?.trim() || (WILDCARD_HOSTS.has(host) ? '127.0.0.1' : host),
  };
}
