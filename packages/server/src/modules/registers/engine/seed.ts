import type { Actor } from '@zhizao/domain';
import type { Tx } from '../../../db/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { presentEntry } from './entries.ts';
import type { RegisterModule } from './module.ts';
import { findRow } from './repo.ts';
import { chinaToday, insertEntries } from './service.ts';
import { vetEntries } from './vetting.ts';

// The demo city's register rows go through the same checks as rows typed in (vetEntries, as the bureau,
// unusual values confirmed, duplicates among them refused): a bad edit of the demo data fails at seeding,
// not in a user's face. Vetted and written many rows at a time, as an import is: thousands of base
// stations seed in well under a second.

const DEMO_BUREAU: Actor = { userId: 0, username: 'demo-seed', role: 'bureau_admin', districtCode: null, enterpriseId: null };

export async function seedRegisters(tx: Tx, modules: readonly RegisterModule[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const module of modules) {
    const { definition, hooks = {} } = module;
    const rows = (await module.demoRows?.(tx)) ?? [];
    const verdicts = await vetEntries(
      tx,
      definition,
      DEMO_BUREAU,
      rows.map((values) => ({ values, existingId: null })),
      hooks.check,
      { confirmWarnings: true, today: chinaToday() },
    );
    verdicts.forEach((verdict, i) => {
      if (verdict instanceof AppError)
        throw new Error(
          `demo row of ${definition.key} is invalid: ${JSON.stringify(rows[i])} → ${verdict.message} ${JSON.stringify(verdict.problems ?? verdict.params)}`,
        );
    });
    const ids = await insertEntries(
      tx,
      definition,
      rows.map((values, i) => ({ values, owner: verdicts[i] as Exclude<(typeof verdicts)[number], AppError> })),
      null,
      true,
    );
    if (hooks.afterWrite)
      for (const id of ids) {
        const row = (await findRow(tx, definition, id))!;
        await hooks.afterWrite(tx, presentEntry(definition, row, row.enterpriseName, chinaToday()), null, DEMO_BUREAU);
      }
    counts[definition.key] = rows.length;
  }
  return counts;
}
