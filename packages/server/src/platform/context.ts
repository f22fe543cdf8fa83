import type { Config } from '../config.ts';
import type { Db, DialectName } from '../db/database.ts';
import type { EnterpriseSearch } from '../modules/registry/enterprise-search.ts';
import type { AuditLog } from './audit.ts';
import type { FieldCipher } from './field-crypto.ts';
import type { SettingsStore } from './settings.ts';

/** What every module receives: built once in app.ts and passed down, never imported as a global. */
export interface AppContext {
  config: Config;
  db: Db;
  dialect: DialectName;
  audit: AuditLog;
  /** Seals and opens personal fields (ID numbers, phones, e-mails) at rest. */
  cipher: FieldCipher;
  settings: SettingsStore;
  /** The registry's search index, built from the database at start and kept fresh by it. */
  enterpriseSearch: EnterpriseSearch;
}
