import { ownsEnterprise, type Actor } from '@zhizao/domain';
import type { Executor } from '../../db/database.ts';
import { AppError } from '../../platform/errors.ts';

/** An enterprise the actor may see privately (own, own district, the bureau), or 404. */
export async function loadVisibleEnterprise(db: Executor, actor: Actor, id: number) {
  const row = await db.selectFrom('enterprise').select(['id', 'name', 'districtCode', 'sizeClass']).where('id', '=', id).executeTakeFirst();
  if (!row || !ownsEnterprise(actor, { id: Number(row.id), districtCode: row.districtCode }))
    throw new AppError(404, 'enterprise.notFound');
  return { ...row, id: Number(row.id) };
}
