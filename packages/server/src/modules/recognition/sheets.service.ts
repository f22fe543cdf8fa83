import { missingScores, weightedTotal, type Actor, type Locale } from '@zhizao/domain';
import type { Executor } from '../../db/database.ts';
import type { AuditActor } from '../../platform/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { presentDetail } from './applications.service.ts';
import { loadApplication, members } from './panel.service.ts';
import { findProgramme, programmeIndicators } from './programmes.service.ts';
import { currentConflict, WITHDRAWN } from './ties.ts';

// The expert's side of a panel: their assignments and their own score sheet. Ties are checked again on
// every touch of a sheet (issue 11): a tie recorded after the panel formed takes the expert off it.

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
 * Checks the caller's ties again as they stand now. A tie recorded since the panel formed takes them off
 * it: the sheet is marked withdrawn with the tie (kept, not deleted), audited, and shown in the bureau's
 * panel view; the expert gets 403 now and on every later touch.
 */
async function recheckTies(ctx: AppContext, who: AuditActor, actor: Actor, applicationId: number) {
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
  await recheckTies(ctx, who, actor, applicationId);
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
  await recheckTies(ctx, who, actor, applicationId);
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
  await recheckTies(ctx, who, actor, applicationId);
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
