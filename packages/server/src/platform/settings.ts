import { DEFAULT_SECURITY_SETTINGS, type SecuritySettings } from '@zhizao/domain';
import type { Executor } from '../db/database.ts';

// Security settings live in the database so the security admin changes them at run time; this keeps
// the current values in memory because every request reads the idle timeout.
export class SettingsStore {
  private security: SecuritySettings = DEFAULT_SECURITY_SETTINGS;

  async load(db: Executor): Promise<void> {
    const row = await db.selectFrom('setting').select('value').where('key', '=', 'security').executeTakeFirst();
    this.security = row
      ? { ...DEFAULT_SECURITY_SETTINGS, ...(JSON.parse(row.value) as Partial<SecuritySettings>) }
      : DEFAULT_SECURITY_SETTINGS;
  }

  get securitySettings(): SecuritySettings {
    return this.security;
  }

  async saveSecurity(db: Executor, settings: SecuritySettings): Promise<void> {
    const value = JSON.stringify(settings);
    const updatedAt = new Date().toISOString();
    const updated = await db.updateTable('setting').set({ value, updatedAt }).where('key', '=', 'security').executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) await db.insertInto('setting').values({ key: 'security', value, updatedAt }).execute();
    this.security = settings;
  }
}
