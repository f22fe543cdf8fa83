import { WEIHAI_DISTRICTS } from '@zhizao/domain';
import { seedMaturityModels } from '../modules/maturity/seed.ts';
import type { AppContext } from '../platform/context.ts';

/** Reference data every install needs (not demo data): inserted once, then owned by the bureau. */
export async function seedReferenceData(ctx: AppContext): Promise<void> {
  await seedMaturityModels(ctx.db);
  await seedDistricts(ctx);
}

async function seedDistricts(ctx: AppContext): Promise<void> {
  const existing = await ctx.db.selectFrom('district').select('code').execute();
  if (existing.length) return;
  await ctx.db
    .insertInto('district')
    .values(WEIHAI_DISTRICTS.map((d, i) => ({ code: d.code, nameZh: d.nameZh, nameEn: d.nameEn, kind: d.kind, sortOrder: i + 1 })))
    .execute();
}
