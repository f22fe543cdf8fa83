import type { Tx } from '../db/database.ts';

/** Traceability demo: EPCIS events and warehouse flows of a few demo enterprises. Returns counts for the summary. */
export async function seedDemoTraceability(_tx: Tx, _at: string): Promise<Record<string, number>> {
  return {};
}
