import { ownsEnterprise, type Actor } from '@zhizao/domain';
import type { Selectable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { RecognitionApplicationTable } from './tables.ts';

// Who may see an application: its enterprise, the district it lies in, the bureau; an expert on its
// panel through the expert routes only. Anyone else meets a 404, as if it did not exist.

export type ApplicationRow = Selectable<RecognitionApplicationTable> & { enterpriseName: string; districtCode: string; sizeClass: string };

export async function findApplication(db: Executor, id: number): Promise<ApplicationRow | undefined> {
  return db
    .selectFrom('recognitionApplication as a')
    .innerJoin('enterprise as e', 'e.id', 'a.enterpriseId')
    .selectAll('a')
    .select(['e.name as enterpriseName', 'e.districtCode', 'e.sizeClass'])
    .where('a.id', '=', id)
    .executeTakeFirst();
}

export async function loadVisibleApplication(db: Executor, actor: Actor, id: number): Promise<ApplicationRow> {
  const row = await findApplication(db, id);
  if (!row || !ownsEnterprise(actor, { id: Number(row.enterpriseId), districtCode: row.districtCode }))
    throw new AppError(404, 'recognition.applicationNotFound');
  return row;
}

/** The enterprise user's own application, or 404. */
export async function loadOwnApplication(db: Executor, actor: Actor, id: number): Promise<ApplicationRow> {
  const row = await findApplication(db, id);
  if (!row || actor.role !== 'enterprise_user' || actor.enterpriseId !== Number(row.enterpriseId))
    throw new AppError(404, 'recognition.applicationNotFound');
  return row;
}

/** The list filter within the caller's scope: asking outside it narrows to nothing. */
export function scopeApplicationFilter<F extends { enterpriseId?: number; districtCode?: string }>(actor: Actor, filter: F): F {
  if (actor.role === 'enterprise_user') {
    const own = actor.enterpriseId ?? -1;
    return { ...filter, enterpriseId: filter.enterpriseId === undefined || filter.enterpriseId === own ? own : -1 };
  }
  if (actor.role === 'district_officer') {
    const own = actor.districtCode ?? '';
    return { ...filter, districtCode: filter.districtCode === undefined || filter.districtCode === own ? own : '-' };
  }
  return filter;
}
