import { CMMM_2020, CMMM_2024_DRAFT, requirementsFor, type ModelVersion } from '@zhizao/domain';
import type { Db } from '../../db/database.ts';
import { findModel, insertModel, insertRequirements } from './repo.ts';

/** The model versions Zhizao ships, with their default question banks. */
export const SHIPPED_MODELS: readonly ModelVersion[] = [CMMM_2020, CMMM_2024_DRAFT];

/**
 * Reference data every install needs (not demo data): each shipped version and its default bank is
 * inserted when absent, then left alone, so a restart never overwrites what is stored.
 */
export async function seedMaturityModels(db: Db): Promise<void> {
  for (const model of SHIPPED_MODELS) {
    if (await findModel(db, model.id)) continue;
    const at = new Date().toISOString();
    await db.transaction().execute(async (tx) => {
      await insertModel(tx, model, null, at);
      await insertRequirements(
        tx,
        model.id,
        requirementsFor(model.id).map((r, i) => ({ ...r, sortOrder: i + 1 })),
      );
    });
  }
}
