import type { Tx } from '../db/database.ts';

/** Recognition ladder (issue 4): demo records of the city, seeded inside the demo transaction. Returns counts for the summary. */
export async function seedDemoRecognition(_tx: Tx, _at: string): Promise<Record<string, number>> {
  return {};
}
