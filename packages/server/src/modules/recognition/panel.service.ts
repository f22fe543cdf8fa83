import { aggregateTotals, missingScores, weightedTotal, type Actor, type Locale, type ScoreSheet } from '@zhizao/domain';
import type { Executor } from '../../db/database.ts';
import type { AuditActor } from '../../platform/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { findApplication, type ApplicationRow } from './access.ts';
import { presentDetail } from './applications.service.ts';
import { findProgramme, programmeIndicators } from './programmes.service.ts';
import { conflict, currentConflict, tiesOf, WITHDRAWN } from './ties.ts';

// Expert panels (issue 4 part 4): the bureau records experts' ties and forms a panel per application;
// an expert tied to the applicant or to its service provider is refused (回避). Each expert fills their
// own score sheet and sees the others' totals only after submitting their own. The ties are checked again
// on every touch of a sheet (issue 11): a tie recorded after the panel formed takes the expert off it.

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

async function loadApplication(db: Executor, id: number): Promise<ApplicationRow> {
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
    if (leaving.length)
      await tx
        .deleteFrom('recognitionPanelMember')
        .where('applicationId', '=', applicationId)
        .where(
          'expertUserId',
          'in',
          leaving.map((m) => Number(m.expertUserId)),
        )
        .execute();
    const joining = expertUserIds.filter((id) => !current.some((m) => Number(m.expertUserId) === id));
    const at = new Date().toISOString();
    // Seated again once the tie is gone: a fresh sheet; the withdrawn one is in the audit log.
    const returning = rows.filter((m) => m.status === WITHDRAWN && joining.includes(Number(m.expertUserId)));
    if (returning.length)
      await tx
        .deleteFrom('recognitionPanelMember')
        .where('applicationId', '=', applicationId)
        .where(
          'expertUserId',
          'in',
          returning.map((m) => Number(m.expertUserId)),
        )
        .execute();
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

async function members(db: Executor, applicationId: number) {
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

// ── the expert's side ──

export async function listAssignments(db: Executor, actor: Actor) {
  const rows = await db
    .selectFrom('recognitionPanelMember as m')
    .innerJoin('recognitionApplication as a', 'a.id', 'm.applicationId')
    .innerJoin('enterprise as e', 'e.id', 'a.enterpriseId')
    .innerJoin('recognitionProgramme as p', 'p.id', 'a.programmeId')
    .select([
      'a.id as applicationId',
      'p.id as programmeId',
      'p.year',
      'p.kind',
      'p.level',
      'p.title',
      'e.name as enterpriseName',
      'a.projectName',
      'a.state',
      'm.status as myStatus',
      'm.total as myTotal',
      'm.assignedAt',
    ])
    .where('m.expertUserId', '=', actor.userId)
    .where('m.status', '!=', WITHDRAWN)
    .orderBy('m.assignedAt', 'desc')
    .execute();
  return {
    items: rows.map((r) => ({
      applicationId: Number(r.applicationId),
      programme: { id: Number(r.programmeId), year: Number(r.year), kind: r.kind, level: r.level, title: r.title },
      enterpriseName: r.enterpriseName,
      projectName: r.projectName,
      state: r.state,
      myStatus: r.myStatus,
      myTotal: r.myTotal === null ? null : Number(r.myTotal),
      assignedAt: r.assignedAt,
    })),
  };
}

async function mySheet(db: Executor, actor: Actor, applicationId: number) {
  const sheet = (await members(db, applicationId)).find((m) => m.expertUserId === actor.userId);
  if (!sheet) throw new AppError(404, 'recognition.assignmentNotFound');
  return sheet;
}

/**
 * The caller's sheet, after checking their ties again as they stand now. A tie recorded since the panel
 * formed takes them off it: the sheet is marked withdrawn with the tie (kept, not deleted), audited, and
 * shown in the bureau's panel view; the expert gets 403 now and on every later touch.
 */
async function impartialSheet(ctx: AppContext, who: AuditActor, actor: Actor, applicationId: number) {
  const tie = await ctx.db.transaction().execute(async (tx) => {
    const sheet = await mySheet(tx, actor, applicationId);
    if (sheet.status === WITHDRAWN) return sheet.withdrawnReason ?? '';
    const found = await currentConflict(tx, actor.userId, await loadApplication(tx, applicationId));
    if (!found) return null;
    const withdrawnAt = new Date().toISOString();
    const { numUpdatedRows } = await tx
      .updateTable('recognitionPanelMember')
      .set({ status: WITHDRAWN, withdrawnAt, withdrawnReason: found })
      .where('applicationId', '=', applicationId)
      .where('expertUserId', '=', actor.userId)
      .where('status', '!=', WITHDRAWN)
      .executeTakeFirst();
    // a parallel touch may have withdrawn the sheet first: one audit entry per withdrawal
    if (Number(numUpdatedRows) === 1)
      await ctx.audit.append(tx, who, {
        action: 'recognition.panel.withdrawConflicted',
        entityType: 'recognitionApplication',
        entityId: applicationId,
        before: { expertUserId: actor.userId, status: sheet.status, scores: sheet.scores, total: sheet.total, comment: sheet.comment },
        after: { expertUserId: actor.userId, status: WITHDRAWN, tie: found, withdrawnAt },
      });
    return found;
  });
  if (tie !== null) throw new AppError(403, 'recognition.withdrawnForConflict', { tie });
}

const presentSheet = (s: Awaited<ReturnType<typeof mySheet>>) => ({
  scores: s.scores,
  comment: s.comment,
  status: s.status,
  total: s.total,
  version: s.version,
  submittedAt: s.submittedAt,
});

export async function assignmentView(ctx: AppContext, who: AuditActor, actor: Actor, applicationId: number, locale: Locale) {
  await impartialSheet(ctx, who, actor, applicationId);
  const db = ctx.db;
  const sheet = await mySheet(db, actor, applicationId);
  const application = await loadApplication(db, applicationId);
  const programme = await findProgramme(db, Number(application.programmeId));
  const detail = await presentDetail(db, actor, applicationId, locale);
  // the others' totals only once the caller's own sheet is in: each scores independently
  const others =
    sheet.status === 'submitted'
      ? (await members(db, applicationId))
          .filter((m) => m.expertUserId !== actor.userId && m.status === 'submitted')
          .map((m) => ({ displayName: m.displayName, total: m.total, submittedAt: m.submittedAt }))
      : null;
  return { application: detail, indicators: programmeIndicators(programme), sheet: presentSheet(sheet), others };
}

async function writableSheet(db: Executor, actor: Actor, applicationId: number, version: number) {
  const sheet = await mySheet(db, actor, applicationId);
  const application = await loadApplication(db, applicationId);
  if (sheet.status === WITHDRAWN) throw new AppError(403, 'recognition.withdrawnForConflict', { tie: sheet.withdrawnReason ?? '' });
  if (sheet.status === 'submitted') throw new AppError(409, 'recognition.sheetSubmitted');
  if (application.state !== 'expert_scoring') throw new AppError(409, 'recognition.panelClosed');
  if (sheet.version !== version) throw new AppError(409, 'recognition.sheetVersionConflict', { version: sheet.version }, 'version');
  const indicators = programmeIndicators(await findProgramme(db, Number(application.programmeId)));
  return { sheet, indicators };
}

export async function saveSheet(
  ctx: AppContext,
  actor: Actor,
  who: AuditActor,
  applicationId: number,
  input: { version: number; scores: Record<string, number | null>; comment?: string },
) {
  await impartialSheet(ctx, who, actor, applicationId);
  await ctx.db.transaction().execute(async (tx) => {
    const { sheet, indicators } = await writableSheet(tx, actor, applicationId, input.version);
    const unknown = Object.keys(input.scores).find((code) => !indicators.some((i) => i.code === code));
    if (unknown !== undefined) throw new AppError(400, 'recognition.unknownIndicator', { code: unknown }, `scores.${unknown}`);
    const scores = { ...sheet.scores, ...input.scores };
    const comment = input.comment === undefined ? sheet.comment : input.comment.trim() || null;
    await tx
      .updateTable('recognitionPanelMember')
      .set({ scoresJson: JSON.stringify(scores), total: weightedTotal(indicators, scores), comment, version: sheet.version + 1 })
      .where('applicationId', '=', applicationId)
      .where('expertUserId', '=', actor.userId)
      .execute();
    await ctx.audit.append(tx, who, {
      action: 'recognition.score.save',
      entityType: 'recognitionApplication',
      entityId: applicationId,
      before: { scores: sheet.scores },
      after: { scores, comment },
    });
  });
  return presentSheet(await mySheet(ctx.db, actor, applicationId));
}

export async function submitSheet(ctx: AppContext, actor: Actor, who: AuditActor, applicationId: number, version: number) {
  await impartialSheet(ctx, who, actor, applicationId);
  await ctx.db.transaction().execute(async (tx) => {
    const { sheet, indicators } = await writableSheet(tx, actor, applicationId, version);
    const missing = missingScores(indicators, sheet.scores);
    if (missing.length) throw new AppError(400, 'recognition.scoresIncomplete', { count: missing.length }, `scores.${missing[0]}`);
    const total = weightedTotal(indicators, sheet.scores)!;
    await tx
      .updateTable('recognitionPanelMember')
      .set({ status: 'submitted', total, submittedAt: new Date().toISOString(), version: sheet.version + 1 })
      .where('applicationId', '=', applicationId)
      .where('expertUserId', '=', actor.userId)
      .execute();
    await ctx.audit.append(tx, who, {
      action: 'recognition.score.submit',
      entityType: 'recognitionApplication',
      entityId: applicationId,
      after: { expertUserId: actor.userId, total, scores: sheet.scores },
    });
  });
  return presentSheet(await mySheet(ctx.db, actor, applicationId));
}
