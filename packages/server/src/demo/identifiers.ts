import type { Tx } from '../db/database.ts';
import { seedDemoTraceability } from './traceability.ts';

/** Identifier resolution secondary node (issue 6): demo records of the city, seeded inside the demo transaction. Returns counts for the summary. */
export async function seedDemoIdentifiers(tx: Tx, at: string): Promise<Record<string, number>> {
  const traceability = await seedDemoTraceability(tx, at);
  return { ...traceability };
}
