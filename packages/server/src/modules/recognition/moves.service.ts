import {
  MOVES,
  aggregateTotals,
  checkMove,
  chinaDate,
  missingKpis,
  rank,
  type Actor,
  type ApplicationMove,
  type ApplicationState,
  type Locale,
  type MoveContext,
  type RecognitionKind,
  type RecognitionLevel,
} from '@zhizao/domain';
import type { Tx } from '../../db/database.ts';
import type { AuditActor } from '../../platform/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { findApplication, loadVisibleApplication, type ApplicationRow } from './access.ts';
import { WITHDRAWN } from './ties.ts';
import { parseKpis, presentDetail } from './applications.service.ts';
import { gateReport } from './gates.service.ts';
import { grantRecognition } from './grant.ts';
import { findProgramme, programmeKpis } from './programmes.service.ts';

// The workflow's moves over HTTP (issue 4 part 3): the domain state machine decides; this gathers the facts
// it needs, applies the move's effects and writes the move, its reason and the audit entry in one transaction.

export interface MoveInput {
  move: ApplicationMove;
  reason?: string;
  version: number;
}

/** The facts the move's preconditions look at, read inside the move's transaction. */
async function moveContext(tx: Tx, row: ApplicationRow, move: ApplicationMove, reason: string | undefined): Promise<MoveContext> {
  const context: MoveContext = { reason: reason ?? null };
  if (move === 'submit' || move === 'resubmit') {
    const programme = await findProgramme(tx, Number(row.programmeId));
    const gates = await gateReport(
      tx,
      programme,
      { id: Number(row.enterpriseId), sizeClass: row.sizeClass },
      Boolean(row.incidentFreeDeclared),
    );
    context.gatesPassed = gates.eligible;
    context.contentComplete =
      Boolean(row.projectName.trim() && row.projectDescription.trim()) &&
      missingKpis(programmeKpis(programme), parseKpis(row.kpisJson)).length === 0;
  }
  if (move === 'close_scoring') {
    // members a conflict tie took off the panel neither count nor block the close
    const members = await tx
      .selectFrom('recognitionPanelMember')
      .select('status')
      .where('applicationId', '=', Number(row.id))
      .where('status', '!=', WITHDRAWN)
      .execute();
    context.panelSize = members.length;
    context.panelSubmitted = members.filter((m) => m.status === 'submitted').length;
  }
  if (move === 'recognise' && row.noticeId !== null) {
    const notice = await tx
      .selectFrom('recognitionNotice')
      .select('endsOn')
      .where('id', '=', Number(row.noticeId))
      .executeTakeFirstOrThrow();
    context.noticeEnded = chinaDate() > notice.endsOn;
    const objections = await tx
      .selectFrom('recognitionObjection')
      .select(['status', 'applicationId'])
      .where('noticeId', '=', Number(row.noticeId))
      .where((eb) => eb.or([eb('applicationId', '=', Number(row.id)), eb('applicationId', 'is', null)]))
      .execute();
    context.objectionsOpen = objections.filter((o) => o.status === 'open').length;
    context.objectionsUpheld = objections.filter((o) => o.status === 'upheld' && o.applicationId !== null).length;
  }
  return context;
}

/** Writes a move: new state, version bump, the move row and the audit entry. Extra column changes ride along. */
export async function recordMove(
  ctx: AppContext,
  tx: Tx,
  who: AuditActor,
  actor: { userId: number | null; name: string | null; role: string | null },
  row: ApplicationRow,
  move: ApplicationMove,
  reason: string | null,
  extra: Partial<{ gatesJson: string; submittedAt: string; finalScore: number; scoreJson: string; noticeId: number }> = {},
): Promise<void> {
  const to = MOVES[move].to;
  const at = new Date().toISOString();
  // conditional on the version read: a concurrent move or save in between makes this one a conflict
  const updated = await tx
    .updateTable('recognitionApplication')
    .set({ state: to, version: Number(row.version) + 1, updatedAt: at, ...extra })
    .where('id', '=', Number(row.id))
    .where('version', '=', Number(row.version))
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1)
    throw new AppError(409, 'recognition.versionConflict', { version: Number(row.version) + 1 }, 'version');
  await tx
    .insertInto('recognitionMove')
    .values({
      applicationId: Number(row.id),
      move,
      fromState: row.state,
      toState: to,
      reason,
      actorUserId: actor.userId,
      actorName: actor.name,
      actorRole: actor.role,
      at,
    })
    .execute();
  await ctx.audit.append(tx, who, {
    action: `recognition.application.${move}`,
    entityType: 'recognitionApplication',
    entityId: Number(row.id),
    before: { state: row.state },
    after: { state: to, reason, ...extra },
  });
}

/** Ranks every scored application of a programme still in the running. */
async function rerank(tx: Tx, programmeId: number): Promise<void> {
  const rows = await tx
    .selectFrom('recognitionApplication')
    .select(['id', 'finalScore', 'scoreJson'])
    .where('programmeId', '=', programmeId)
    .where('finalScore', 'is not', null)
    .where('state', 'in', ['shortlisted', 'in_notice', 'recognised'])
    .execute();
  const ranked = rank(
    rows.map((r) => ({
      id: Number(r.id),
      score: Number(r.finalScore),
      stddev: Number((JSON.parse(r.scoreJson ?? '{}') as { stddev?: number }).stddev ?? 0),
    })),
  );
  for (const r of ranked) await tx.updateTable('recognitionApplication').set({ rank: r.rank }).where('id', '=', r.id).execute();
}

export async function makeMove(ctx: AppContext, actor: Actor, who: AuditActor, id: number, input: MoveInput, locale: Locale) {
  await loadVisibleApplication(ctx.db, actor, id);
  await ctx.db.transaction().execute(async (tx) => {
    const row = (await findApplication(tx, id))!;
    if (Number(row.version) !== input.version)
      throw new AppError(409, 'recognition.versionConflict', { version: Number(row.version) }, 'version');
    const refusal = checkMove(row.state as ApplicationState, input.move, actor.role, await moveContext(tx, row, input.move, input.reason));
    if (refusal) throw new AppError(refusal.status, refusal.key, refusal.params ?? {}, refusal.field);
    const reason = input.reason?.trim() || null;
    const by = { userId: actor.userId, name: actor.username, role: actor.role };
    switch (input.move) {
      case 'submit':
      case 'resubmit': {
        const programme = await findProgramme(tx, Number(row.programmeId));
        const gates = await gateReport(
          tx,
          programme,
          { id: Number(row.enterpriseId), sizeClass: row.sizeClass },
          Boolean(row.incidentFreeDeclared),
        );
        await recordMove(ctx, tx, who, by, row, input.move, reason, {
          gatesJson: JSON.stringify(gates),
          submittedAt: new Date().toISOString(),
        });
        return;
      }
      case 'close_scoring': {
        const totals = await tx
          .selectFrom('recognitionPanelMember')
          .select('total')
          .where('applicationId', '=', id)
          .where('status', '=', 'submitted')
          .execute();
        const aggregate = aggregateTotals(totals.map((t) => Number(t.total)))!;
        await recordMove(ctx, tx, who, by, row, input.move, reason, { finalScore: aggregate.score, scoreJson: JSON.stringify(aggregate) });
        await rerank(tx, Number(row.programmeId));
        return;
      }
      case 'recognise': {
        const programme = await findProgramme(tx, Number(row.programmeId));
        await recordMove(ctx, tx, who, by, row, input.move, reason);
        const granted = await grantRecognition(tx, {
          enterpriseId: Number(row.enterpriseId),
          kind: programme.kind as RecognitionKind,
          level: programme.level as RecognitionLevel,
          year: Number(programme.year),
          projectName: row.projectName,
          recognisedOn: chinaDate(),
          source: 'application',
          applicationId: id,
          kpisJson: row.kpisJson,
        });
        await ctx.audit.append(tx, who, {
          action: 'recognition.grant',
          entityType: 'recognition',
          entityId: granted.id,
          after: { ...granted, applicationId: id },
        });
        return;
      }
      default:
        await recordMove(ctx, tx, who, by, row, input.move, reason);
    }
  });
  return presentDetail(ctx.db, actor, id, locale);
}
