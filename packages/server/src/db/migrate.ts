import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './database.ts';
import * as m0001 from './migrations/0001_foundation.ts';
import * as m0002 from './migrations/0002_maturity.ts';
import * as m0004 from './migrations/0004_maturity_sharing.ts';

// Migrations in order; the same set for SQLite and PostgreSQL. Add new ones at the end.
const MIGRATIONS: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_maturity': m0002,
  '0004_maturity_sharing': m0004,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export async function migrateToLatest(db: Db): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
}
