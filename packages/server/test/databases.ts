import net from 'node:net';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import pg from 'pg';

// The API suite runs on SQLite always, and on PostgreSQL too when DATABASE_URL is set or a server
// answers on 127.0.0.1:5432. Each run creates its own database and drops it afterwards.

export interface TestDatabase {
  name: 'sqlite' | 'postgres';
  databaseUrl: string | null;
  sqlitePath: string;
  dataDir: string;
  drop(): Promise<void>;
}

const ADMIN_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

function portOpen(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 500 });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

let pgAvailable: Promise<boolean> | null = null;
export function postgresAvailable(): Promise<boolean> {
  pgAvailable ??= (async () => {
    if (process.env.ZHIZAO_TEST_POSTGRES === '0') return false;
    const url = new URL(ADMIN_URL);
    if (!(await portOpen(url.hostname, Number(url.port || 5432)))) return false;
    const client = new pg.Client({ connectionString: ADMIN_URL });
    try {
      await client.connect();
      await client.query('select 1');
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return pgAvailable;
}

/** The databases this machine can run the suite on. */
export async function testDatabaseKinds(): Promise<('sqlite' | 'postgres')[]> {
  return (await postgresAvailable()) ? ['sqlite', 'postgres'] : ['sqlite'];
}

export async function createTestDatabase(kind: 'sqlite' | 'postgres'): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhizao-test-'));
  const sqlitePath = path.join(dataDir, 'test.db');
  if (kind === 'sqlite') {
    return { name: kind, databaseUrl: null, sqlitePath, dataDir, drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  }
  const dbName = `zhizao_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${dbName}`;
  return {
    name: kind,
    databaseUrl: url.toString(),
    sqlitePath,
    dataDir,
    drop: async () => {
      const c = new pg.Client({ connectionString: ADMIN_URL });
      await c.connect();
      await c.query(`drop database if exists ${dbName} with (force)`);
      await c.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
