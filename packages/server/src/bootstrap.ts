import type { Config } from './config.ts';
import { createDatabase, dialectOf } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { seedReferenceData } from './demo/reference-data.ts';
import { AuditLog } from './platform/audit.ts';
import type { AppContext } from './platform/context.ts';
import { loadAuditKey } from './platform/secrets.ts';
import { SettingsStore } from './platform/settings.ts';

/** Opens what every entry point needs (web server, command line): the migrated database, audit key and settings. */
export async function openAppContext(config: Config): Promise<AppContext> {
  const db = createDatabase(config);
  try {
    await migrateToLatest(db);
    const settings = new SettingsStore();
    await settings.load(db);
    const ctx: AppContext = {
      config,
      db,
      dialect: dialectOf(db),
      audit: new AuditLog(loadAuditKey(config.auditKey, config.dataDir)),
      settings,
    };
    await seedReferenceData(ctx);
    return ctx;
  } catch (error) {
    await db.destroy();
    throw error;
  }
}
