import type { Actor, MaturityResult } from '@zhizao/domain';
import type { Executor } from '../../db/database.ts';

// The enterprise owns its self-diagnosis: its own users read everything; the bureau admin and the
// district officer of its district read the answers, the full result and the advice only once the
// enterprise has shared its report, and until then only the level and the score (what the city-wide
// distribution shows anyway).

export type ReportAccess = 'full' | 'summary';

/** The sharing columns (migration 0004), typed here so that the assessment rows of the module stay as they are. */
type SharingColumns = {
  maturityAssessment: { sharedAt: string | null; sharedBy: number | null };
};
export const withSharing = (db: Executor) => db.withTables<SharingColumns>();

export async function sharing(db: Executor, id: number) {
  const row = await withSharing(db)
    .selectFrom('maturityAssessment')
    .select(['sharedAt', 'sharedBy'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return { sharedAt: row.sharedAt ?? null, sharedBy: row.sharedBy ?? null };
}

export function reportAccess(actor: Actor, sharedAt: string | null): ReportAccess {
  return actor.role === 'enterprise_user' || sharedAt !== null ? 'full' : 'summary';
}

export async function accessTo(db: Executor, actor: Actor, id: number): Promise<ReportAccess> {
  return actor.role === 'enterprise_user' ? 'full' : reportAccess(actor, (await sharing(db, id)).sharedAt);
}

/** A result cut down to the level and the score, for readers the enterprise has not shared with. */
export function summaryOnly(result: MaturityResult): MaturityResult {
  return { ...result, levels: [] };
}
