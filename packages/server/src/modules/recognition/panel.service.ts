import { aggregateTotals, type Actor, type ScoreSheet } from '@zhizao/domain';
import type { Executor } from '../../db/database.ts';
import type { AuditActor } from '../../platform/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { findApplication, type ApplicationRow } from './access.ts';
import { conflict, tiesOf, WITHDRAWN } from './ties.ts';

// Expert panels (issue 4 part 4): the bureau records experts' ties and forms a panel per application;
// an expert tied to the applicant or to its service provider is refused (回避). Each expert fills their
// own score sheet (sheets.service.ts) and sees the others' totals only after submitting their own.

async function findExpert(db: Executor, userId: number) {
  return db
    .selectFrom('appUser')
    .select(['id', 'username', 'displayName'])
    .where('id', '=', userId)
    .where('role', '=', 'expert')
    .executeTakeFirst();
}

export async function listExperts(db: Executor) {
  const experts = await db
    .selectFrom('appUser')
    .select(['id', 'username', 'displayName'])
    .where('role', '=', 'expert')
    .where('enabled', '=', 1)
    .orderBy('id')
    .execute();
  const ties = await tiesOf(
    db,
    experts.map((e) => Number(e.id)),
  );
  return {
    items: experts.map((e) => ({
      userId: Number(e.id),
      username: e.username,
      displayName: e.displayName,
      ties: ties.filter((t) => t.expertUserId === Number(e.id)),
    })),
  };
}

export async function addTie(
  ctx: AppContext,
  who: AuditActor,
  expertUserId: number,
  input: { enterpriseId?: number; providerName?: string; note?: string },
) {
  const providerName = input.providerName?.trim() || null;
  if ((input.enterpriseId === undefined) === (providerName === null)) throw new AppError(400, 'recognition.tieTarget', {}, 'enterpriseId');
  if (!(await findExpert(ctx.db, expertUserId))) throw new AppError(404, 'recognition.expertNotFound', { id: expertUserId });
  if (
    input.enterpriseId !== undefined &&
    !(await ctx.db.selectFrom('enterprise').select('id').where('id', '=', input.enterpriseId).executeTakeFirst())
  )
    throw new AppError(400, 'enterprise.notFound', {}, 'enterpriseId');
  const id = await ctx.db.transaction().execute(async (tx) => {
    const values = {
      expertUserId,
      enterpriseId: input.enterpriseId ?? null,
      providerName,
      note: input.note?.trim() || null,
      createdAt: new Date().toISOString(),
    };
    const { id: created } = await tx.insertInto('recognitionExpertTie').values(values).returning('id').executeTakeFirstOrThrow();
    await ctx.audit.append(tx, who, {
      action: 'recognition.expertTie.create',
      entityType: 'recognitionExpertTie',
      entityId: Number(created),
      after: values,
    });
    return Number(created);
  });
  return (await tiesOf(ctx.db, [expertUserId])).find((t) => t.id === id)!;
}

export async function deleteTie(ctx: AppContext, who: AuditActor, tieId: number) {
  await ctx.db.transaction().execute(async (tx) => {
    const row = await tx.selectFrom('recognitionExpertTie').selectAll().where('id', '=', tieId).executeTakeFirst();
    if (!row) throw new AppError(404, 'recognition.tieNotFound');
    await tx.deleteFrom('recognitionExpertTie').where('id', '=', tieId).execute();
    await ctx.audit.append(tx, who, {
      action: 'recognition.expertTie.delete',
      entityType: 'recognitionExpertTie',
      entityId: tieId,
      before: row,
    });
  });
  return { deleted: true };
}

export async function loadApplication(db: Executor, id: number): Promise<ApplicationRow> {
  const row = await findApplication(db, id);
  if (!row) throw new AppError(404, 'recognition.applicationNotFound');
  return row;
}

export async function setPanel(ctx: AppContext, who: AuditActor, applicationId: number, expertUserIds: number[], actor: Actor) {
  await ctx.db.transaction().execute(async (tx) => {
    const application = await loadApplication(tx, applicationId);
    if (application.state !== 'expert_scoring') throw new AppError(409, 'recognition.panelClosed');
    const experts = new Map<number, { displayName: string }>();
    for (const id of expertUserIds) {
      const expert = await findExpert(tx, id);
      if (!expert) throw new AppError(400, 'recognition.expertNotFound', { id }, 'expertUserIds');
      experts.set(id, expert);
    }
    const ties = await tiesOf(tx, expertUserIds);
    for (const id of expertUserIds) {
      const tie = conflict(
        ties.filter((t) => t.expertUserId === id),
        application,
      );
      if (tie) throw new AppError(409, 'recognition.expertConflict', { expert: experts.get(id)!.displayName, tie }, 'expertUserIds');
    }
    const rows = await tx
      .selectFrom('recognitionPanelMember as m')
      .innerJoin('appUser as u', 'u.id', 'm.expertUserId')
      .select(['m.expertUserId', 'm.status', 'u.displayName'])
      .where('m.applicationId', '=', applicationId)
      .execute();
    const current = rows.filter((m) => m.status !== WITHDRAWN);
    const leaving = current.filter((m) => !expertUserIds.includes(Number(m.expertUserId)));
    const locked = leaving.find((m) => m.status === 'submitted');
    if (locked) throw new AppError(409, 'recognition.panelLocked', { expert: locked.displayName }, 'expertUserIds');
    const joining = expertUserIds.filter((id) => !current.some((m) => Number(m.expertUserId) === id));
    // Seated again once the tie is gone: a fresh sheet; the withdrawn one is in the audit log.
    const returning = rows.filter((m) => m.status === WITHDRAWN && joining.includes(Number(m.expertUserId)));
    const dropped = [...leaving, ...returning].map((m) => Number(m.expertUserId));
    if (dropped.length)
      await tx
        .deleteFrom('recognitionPanelMember')
        .where('applicationId', '=', applicationId)
        .where('expertUserId', 'in', dropped)
        .execute();
    const at = new Date().toISOString();
    if (joining.length)
      await tx
        .insertInto('recognitionPanelMember')
        .values(
          joining.map((expertUserId) => ({
            applicationId,
            expertUserId,
            status: 'assigned',
            version: 1,
            scoresJson: '{}',
            total: null,
            comment: null,
            assignedBy: actor.userId,
            assignedAt: at,
            submittedAt: null,
          })),
        )
        .execute();
    await ctx.audit.append(tx, who, {
      action: 'recognition.panel.set',
      entityType: 'recognitionApplication',
      entityId: applicationId,
      before: { experts: current.map((m) => Number(m.expertUserId)) },
      after: { experts: expertUserIds, ...(returning.length ? { reseated: returning.map((m) => Number(m.expertUserId)) } : {}) },
    });
  });
  return panelView(ctx.db, applicationId);
}

export async function members(db: Executor, applicationId: number) {
  const rows = await db
    .selectFrom('recognitionPanelMember as m')
    .innerJoin('appUser as u', 'u.id', 'm.expertUserId')
    .select([
      'm.expertUserId',
      'u.displayName',
      'm.status',
      'm.version',
      'm.scoresJson',
      'm.total',
      'm.comment',
      'm.submittedAt',
      'm.withdrawnAt',
      'm.withdrawnReason',
    ])
    .where('m.applicationId', '=', applicationId)
    .orderBy('m.assignedAt')
    .orderBy('m.expertUserId')
    .execute();
  return rows.map((r) => ({
    expertUserId: Number(r.expertUserId),
    displayName: r.displayName,
    status: r.status,
    version: Number(r.version),
    scores: JSON.parse(r.scoresJson) as ScoreSheet,
    total: r.total === null ? null : Number(r.total),
    comment: r.comment,
    submittedAt: r.submittedAt,
    withdrawnAt: r.withdrawnAt,
    withdrawnReason: r.withdrawnReason,
  }));
}

/**
 * The bureau's view of a panel: every seated member's sheet, the aggregate over those submitted, and the
 * members a conflict tie took off the panel (with the tie), which is how the bureau is told.
 */
export async function panelView(db: Executor, applicationId: number) {
  await loadApplication(db, applicationId);
  const list = await members(db, applicationId);
  const seated = list.filter((m) => m.status !== WITHDRAWN);
  const submitted = seated.filter((m) => m.status === 'submitted' && m.total !== null).map((m) => m.total!);
  return {
    members: seated.map(({ version: _v, withdrawnAt: _a, withdrawnReason: _r, ...m }) => ({
      ...m,
      scores: m.status === 'submitted' ? m.scores : null,
    })),
    aggregate: aggregateTotals(submitted),
    withdrawn: list
      .filter((m) => m.status === WITHDRAWN)
      .map((m) => ({
        expertUserId: m.expertUserId,
        displayName: m.displayName,
        tie: m.withdrawnReason,
        withdrawnAt: m.withdrawnAt,
        hadSubmitted: m.submittedAt !== null,
      })),
  };
}
