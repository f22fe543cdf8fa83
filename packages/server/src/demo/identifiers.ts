import type { Tx } from '../db/database.ts';

/** Identifier resolution secondary node (issue 6): demo records of the city, seeded inside the demo transaction. Returns counts for the summary. */
export async function seedDemoIdentifiers(_tx: Tx, _at: string): Promise<Record<string, number>> {
  return {};
}
