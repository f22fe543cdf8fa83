import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './database.ts';
import * as m0001 from './migrations/0001_foundation.ts';
import * as m0002 from './migrations/0002_maturity.ts';
import * as m0003 from './migrations/0003_maturity_expert.ts';
import * as m0004 from './migrations/0004_maturity_sharing.ts';
import * as m0005 from './migrations/0005_maturity_evidence.ts';
import * as m0006 from './migrations/0006_recognition.ts';
import * as m0007 from './migrations/0007_funding.ts';
import * as m0008 from './migrations/0008_identifiers.ts';
import * as m0009 from './migrations/0009_traceability.ts';
import * as m0011 from './migrations/0011_jobs.ts';
import * as m0012 from './migrations/0012_login_attempts.ts';
import * as m0013 from './migrations/0013_encrypted_columns.ts';
import * as m0014 from './migrations/0014_panel_withdrawal.ts';
import * as m0015 from './migrations/0015_registers.ts';
import * as m0016 from './migrations/0016_titles_recommendations.ts';
import * as m0017 from './migrations/0017_network_registers.ts';
import * as m0018 from './migrations/0018_talent.ts';
import * as m0019 from './migrations/0019_showcases_training.ts';
import * as m0031 from './migrations/0031_epcis_conformance.ts';
import * as m0032 from './migrations/0032_snms_token_digest.ts';
import * as m0033 from './migrations/0033_search_engine.ts';

// Migrations in order; the same set for SQLite and PostgreSQL. Add new ones at the end.
const MIGRATIONS: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_maturity': m0002,
  '0003_maturity_expert': m0003,
  '0004_maturity_sharing': m0004,
  '0005_maturity_evidence': m0005,
  '0006_recognition': m0006,
  '0007_funding': m0007,
  '0008_identifiers': m0008,
  '0009_traceability': m0009,
  '0011_jobs': m0011,
  '0012_login_attempts': m0012,
  '0013_encrypted_columns': m0013,
  '0014_panel_withdrawal': m0014,
  '0015_registers': m0015,
  '0016_titles_recommendations': m0016,
  '0017_network_registers': m0017,
  '0018_talent': m0018,
  '0019_showcases_training': m0019,
  '0031_epcis_conformance': m0031,
  '0032_snms_token_digest': m0032,
  '0033_search_engine': m0033,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export async function migrateToLatest(db: Db): Promise<void> {
  // 0003 and 0004 were written side by side and 0004 landed first: a database that already ran 0004
  // must still take 0003 (they touch different columns and tables) instead of refusing to start.
  const { error, results } = await new Migrator({ db, provider, allowUnorderedMigrations: true }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
}

/** Migrates up to and including the named migration: a migration's test starts from the data before it. */
export async function migrateUpTo(db: Db, name: string): Promise<void> {
  const { error, results } = await new Migrator({ db, provider, allowUnorderedMigrations: true }).migrateTo(name);
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
}
