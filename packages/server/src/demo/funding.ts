import type { Tx } from '../db/database.ts';

/** Projects and subsidy funds (issue 5): demo records of the city, seeded inside the demo transaction. Returns counts for the summary. */
export async function seedDemoFunding(_tx: Tx, _at: string): Promise<Record<string, number>> {
  return {};
}
