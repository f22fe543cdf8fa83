import type { Actor } from '@zhizao/domain';
import type { Tx } from '../../../db/database.ts';
import type { RegisterModule } from './module.ts';
import { insertEntry, vetEntry } from './service.ts';

// The demo city's register rows go through the same checks as rows typed in (vetEntry, as the bureau,
// unusual values confirmed): a bad edit of the demo data fails at seeding, not in a user's face.

const DEMO_BUREAU: Actor = { userId: 0, username: 'demo-seed', role: 'bureau_admin', districtCode: null, enterpriseId: null };

export async function seedRegisters(tx: Tx, modules: readonly RegisterModule[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const module of modules) {
    const rows = (await module.demoRows?.(tx)) ?? [];
    for (const values of rows) {
      const owner = await vetEntry(tx, module.definition, DEMO_BUREAU, values, null, module.hooks ?? {}, { confirmWarnings: true }).catch(
        (error: unknown) => {
          throw new Error(
            `demo row of ${module.definition.key} is invalid: ${JSON.stringify(values)} → ${String((error as Error).message)} ${JSON.stringify((error as { problems?: unknown }).problems ?? '')}`,
          );
        },
      );
      const entry = await insertEntry(tx, module.definition, values, owner, null, true);
      await module.hooks?.afterWrite?.(tx, entry, null, DEMO_BUREAU);
    }
    counts[module.definition.key] = rows.length;
  }
  return counts;
}
