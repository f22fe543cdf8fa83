import type { AnswerValue } from '@zhizao/domain';
import type { Selectable } from 'kysely';
import type { Executor, Tx } from '../../db/database.ts';
import type { MaturityExpertReviewTable } from '../../db/schema.ts';
import type { StoredAnswer } from './repo.ts';

// Queries of the expert assessment (issue 3 part 6), one place each.

export type ReviewRow = Selectable<MaturityExpertReviewTable> & {
  expertName: string;
  enterpriseId: number;
  enterpriseName: string;
  districtCode: string;
};

const reviewColumns = [
  'r.id',
  'r.assessmentId',
  'r.expertUserId',
  'r.status',
  'r.version',
  'r.assignedBy',
  'r.assignedAt',
  'r.updatedAt',
  'r.submittedAt',
  'r.resultJson',
  'r.reachedLevel',
  'r.totalScore',
  'u.displayName as expertName',
  'a.enterpriseId',
  'e.name as enterpriseName',
  'e.districtCode',
] as const;

function reviews(db: Executor) {
  return db
    .selectFrom('maturityExpertReview as r')
    .innerJoin('appUser as u', 'u.id', 'r.expertUserId')
    .innerJoin('maturityAssessment as a', 'a.id', 'r.assessmentId')
    .innerJoin('enterprise as e', 'e.id', 'a.enterpriseId');
}

export async function findReviewOfAssessment(db: Executor, assessmentId: number): Promise<ReviewRow | null> {
  return (await reviews(db).select(reviewColumns).where('r.assessmentId', '=', assessmentId).executeTakeFirst()) ?? null;
}

export interface ReviewFilter {
  expertUserId?: number;
  districtCode?: string;
  enterpriseId?: number;
  status?: 'assigned' | 'submitted';
}

export async function listReviews(db: Executor, filter: ReviewFilter, page: { page: number; pageSize: number }) {
  let base = reviews(db);
  if (filter.expertUserId !== undefined) base = base.where('r.expertUserId', '=', filter.expertUserId);
  if (filter.districtCode !== undefined) base = base.where('e.districtCode', '=', filter.districtCode);
  if (filter.enterpriseId !== undefined) base = base.where('a.enterpriseId', '=', filter.enterpriseId);
  if (filter.status !== undefined) base = base.where('r.status', '=', filter.status);
  const [items, total] = await Promise.all([
    base
      .select([...reviewColumns, 'a.reachedLevel as selfLevel', 'a.totalScore as selfScore', 'a.modelVersion', 'a.manufacturingType'])
      .orderBy('r.updatedAt', 'desc')
      .orderBy('r.id', 'desc')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export async function findEnabledExpert(db: Executor, userId: number) {
  return db
    .selectFrom('appUser')
    .select(['id', 'username', 'displayName'])
    .where('id', '=', userId)
    .where('role', '=', 'expert')
    .where('enabled', '=', 1)
    .executeTakeFirst();
}

export async function insertReview(
  tx: Tx,
  values: { assessmentId: number; expertUserId: number; assignedBy: number; at: string },
): Promise<number> {
  const row = await tx
    .insertInto('maturityExpertReview')
    .values({
      assessmentId: values.assessmentId,
      expertUserId: values.expertUserId,
      status: 'assigned',
      version: 1,
      assignedBy: values.assignedBy,
      assignedAt: values.at,
      updatedAt: values.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Reassigns an open review; false when it was submitted meanwhile. */
export async function reassignReview(
  tx: Tx,
  id: number,
  values: { expertUserId: number; assignedBy: number; at: string },
): Promise<boolean> {
  const result = await tx
    .updateTable('maturityExpertReview')
    .set((eb) => ({
      expertUserId: values.expertUserId,
      assignedBy: values.assignedBy,
      assignedAt: values.at,
      updatedAt: values.at,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('status', '=', 'assigned')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The next version of an open review when the stored one is `expected`; false on a stale version or a submitted review. */
export async function bumpReviewVersion(tx: Tx, id: number, expected: number, at: string): Promise<boolean> {
  const result = await tx
    .updateTable('maturityExpertReview')
    .set({ version: expected + 1, updatedAt: at })
    .where('id', '=', id)
    .where('version', '=', expected)
    .where('status', '=', 'assigned')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function freezeReview(
  tx: Tx,
  id: number,
  values: { resultJson: string; reachedLevel: number; totalScore: number; at: string },
): Promise<void> {
  await tx
    .updateTable('maturityExpertReview')
    .set({
      status: 'submitted',
      submittedAt: values.at,
      updatedAt: values.at,
      resultJson: values.resultJson,
      reachedLevel: values.reachedLevel,
      totalScore: values.totalScore,
    })
    .where('id', '=', id)
    .execute();
}

export async function listExpertAnswers(db: Executor, reviewId: number): Promise<StoredAnswer[]> {
  const rows = await db.selectFrom('maturityExpertAnswer').selectAll().where('reviewId', '=', reviewId).orderBy('requirementId').execute();
  return rows.map((r) => ({
    requirementId: r.requirementId,
    value: r.value as AnswerValue | null,
    ...(r.naReason !== null ? { naReason: r.naReason } : {}),
    note: r.note,
    updatedAt: r.updatedAt,
  }));
}

export async function upsertExpertAnswers(
  tx: Tx,
  reviewId: number,
  answers: readonly { requirementId: string; value: number | null; naReason?: string | null; note?: string | null }[],
  at: string,
): Promise<void> {
  const rows = answers.map((a) => ({
    reviewId,
    requirementId: a.requirementId,
    value: a.value,
    naReason: a.value === null ? (a.naReason ?? null) : null,
    note: a.note ?? null,
    updatedAt: at,
  }));
  for (let i = 0; i < rows.length; i += 500) {
    await tx
      .insertInto('maturityExpertAnswer')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) =>
        oc.columns(['reviewId', 'requirementId']).doUpdateSet((eb) => ({
          value: eb.ref('excluded.value'),
          naReason: eb.ref('excluded.naReason'),
          note: eb.ref('excluded.note'),
          updatedAt: eb.ref('excluded.updatedAt'),
        })),
      )
      .execute();
  }
}
