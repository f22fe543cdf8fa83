import type { Config } from './config.ts';
import { createDatabase, dialectOf } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { seedReferenceData } from './demo/reference-data.ts';
import { EnterpriseSearch } from './modules/registry/enterprise-search.ts';
import { AuditLog } from './platform/audit.ts';
import type { AppContext } from './platform/context.ts';
import { FieldCipher } from './platform/field-crypto.ts';
import { resealAll, type ResealReport } from './platform/field-rotation.ts';
import { loadAuditKey, loadDataKeys } from './platform/secrets.ts';
import { SettingsStore } from './platform/settings.ts';

export interface OpenOptions {
  /** What the start-up re-sealing of personal fields did; by default only unreadable rows are reported, as a warning. */
  onResealed?: (reports: ResealReport[]) => void;
}

const warnUnreadable = (reports: ResealReport[]) => {
  for (const r of reports.filter((r) => r.unreadable))
    process.emitWarning(
      `${r.unreadable} row(s) of ${r.table} hold personal fields that cannot be decrypted (altered, or their key is gone)`,
    );
};

/** Opens what every entry point needs (web server, command line): the migrated database, keys and settings. */
export async function openAppContext(config: Config, options: OpenOptions = {}): Promise<AppContext> {
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
      cipher: new FieldCipher(loadDataKeys(config.dataKeys, config.dataDir)),
      settings,
      enterpriseSearch: new EnterpriseSearch(db),
    };
    // Plaintext from before encryption, and rows under a retired key, are sealed under the current key.
    (options.onResealed ?? warnUnreadable)(await resealAll(db, ctx.cipher, ctx.audit));
    await seedReferenceData(ctx);
    return ctx;
  } catch (error) {
    await db.destroy();
    throw error;
  }
}
