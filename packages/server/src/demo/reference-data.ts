import { WEIHAI_DISTRICTS } from '@zhizao/domain';
import type { AppContext } from '../platform/context.ts';

/** Districts are reference data every install needs (not demo data): inserted once, then owned by the bureau. */
export async function seedReferenceData(ctx: AppContext): Promise<void> {
  const existing = await ctx.db.selectFrom('district').select('code').execute();
  if (existing.length) return;
  await ctx.db
    .insertInto('district')
    .values(WEIHAI_DISTRICTS.map((d, i) => ({ code: d.code, nameZh: d.nameZh, nameEn: d.nameEn, kind: d.kind, sortOrder: i + 1 })))
    .execute();
}
