import type { Executor } from '../../db/database.ts';
import type { ApplicationRow } from './access.ts';

// Experts' conflict-of-interest ties (回避) and the one check that reads them: when a panel forms, and
// again each time a member opens, saves or submits a sheet or fetches an attachment.

/** The status of a member a tie recorded after the panel formed took off it: the row and sheet stay, for the record. */
export const WITHDRAWN = 'withdrawn';

const normalise = (name: string | null) => (name ?? '').replace(/\s+/g, '').toLowerCase();

export async function tiesOf(db: Executor, expertIds: number[]) {
  if (!expertIds.length) return [];
  const rows = await db
    .selectFrom('recognitionExpertTie as t')
    .leftJoin('enterprise as e', 'e.id', 't.enterpriseId')
    .select(['t.id', 't.expertUserId', 't.enterpriseId', 'e.name as enterpriseName', 't.providerName', 't.note', 't.createdAt'])
    .where('t.expertUserId', 'in', expertIds)
    .orderBy('t.id')
    .execute();
  return rows.map((r) => ({
    ...r,
    id: Number(r.id),
    expertUserId: Number(r.expertUserId),
    enterpriseId: r.enterpriseId === null ? null : Number(r.enterpriseId),
    enterpriseName: r.enterpriseName ?? null,
  }));
}
export type Tie = Awaited<ReturnType<typeof tiesOf>>[number];

/** The tie that bars an expert from an application, in words, or null. */
export function conflict(ties: Tie[], application: ApplicationRow): string | null {
  const provider = normalise(application.serviceProviderName);
  for (const t of ties) {
    if (t.enterpriseId !== null && t.enterpriseId === Number(application.enterpriseId))
      return t.enterpriseName ?? application.enterpriseName;
    if (t.providerName && provider && normalise(t.providerName) === provider) return t.providerName;
  }
  return null;
}

/** The same check for one expert, as the ties stand now. */
export async function currentConflict(db: Executor, expertUserId: number, application: ApplicationRow): Promise<string | null> {
  return conflict(await tiesOf(db, [expertUserId]), application);
}
