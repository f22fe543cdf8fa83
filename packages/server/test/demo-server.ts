import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { seedDemoData, type DemoSeedSummary } from '../src/demo/seed.ts';
import type { AppContext } from '../src/platform/context.ts';
import { createTestDatabase } from './databases.ts';

/** A real server over a fresh database of the given kind, with the whole demo city seeded, for the demo tests. */
export interface DemoServer {
  ctx: AppContext;
  url: string;
  /** What the demo seed reported (null if it found data and did nothing). */
  summary: (DemoSeedSummary & { ms: number }) | null;
  close(): Promise<void>;
}

export async function startDemoServer(kind: 'sqlite' | 'postgres'): Promise<DemoServer> {
  const database = await createTestDatabase(kind);
  const config = loadConfig({
    ZHIZAO_DATA_DIR: database.dataDir,
    ZHIZAO_SQLITE_PATH: database.sqlitePath,
    ...(database.databaseUrl ? { DATABASE_URL: database.databaseUrl } : {}),
    LOG_LEVEL: 'silent',
    ZHIZAO_WEB_DIST: '',
    HANDLE_PORT: '0',
  });
  const built = await buildApp(config);
  const summary = await seedDemoData(built.ctx);
  await built.app.listen({ port: 0, host: '127.0.0.1' });
  const address = built.app.server.address();
  return {
    ctx: built.ctx,
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    summary,
    close: async () => {
      await built.app.close();
      await database.drop();
    },
  };
}
