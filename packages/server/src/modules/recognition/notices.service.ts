import { addDays, checkMove, chinaDate, noticeStatus, overridesFrom, type Actor, type CalendarOverrides } from '@zhizao/domain';
import { randomBytes } from 'node:crypto';
import type { Executor } from '../../db/database.ts';
import { SEALED_COLUMNS } from '../../db/sealed-columns.ts';
import type { AuditActor } from '../../platform/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { FieldCipher } from '../../platform/field-crypto.ts';
import { findApplication } from './access.ts';
import { recordMove } from './moves.service.ts';
import { requiredText } from './text.ts';
import { assertDate, findProgramme, noticeDates } from './programmes.service.ts';

// Public notice (公示, issue 4 part 5): a batch of shortlisted applications, a window counted in working
// days on the bureau's calendar, and written real-name objections during the window, each handled before
// recognition (recognition-and-funding.md §2 step 7: anonymous objections are not accepted, the objector's
// identity is kept confidential).

/** How far back a notice may start: one already posted on paper is entered afterwards. */
export const NOTICE_BACKDATE_DAYS = 90;

export async function calendarOverrides(db: Executor): Promise<CalendarOverrides> {
  return overridesFrom(await db.selectFrom('recognitionCalendarDay').select(['date', 'kind']).execute());
}

async function findNotice(db: Executor, id: number) {
  const row = await db.selectFrom('recognitionNotice').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError(404, 'recognition.noticeNotFound');
  return row;
}
type NoticeRow = Awaited<ReturnType<typeof findNotice>>;

async function noticeItems(db: Executor, noticeIds: number[]) {
  if (!noticeIds.length) return [];
  const rows = await db
    .selectFrom('recognitionApplication as a')
    .innerJoin('enterprise as e', 'e.id', 'a.enterpriseId')
    .innerJoin('district as d', 'd.code', 'e.districtCode')
    .innerJoin('recognitionProgramme as p', 'p.id', 'a.programmeId')
    .select([
      'a.id as applicationId',
      'a.noticeId',
      'e.name as enterpriseName',
      'a.projectName',
      'd.nameZh as districtName',
      'p.kind',
      'p.level',
      'a.finalScore',
      'a.rank',
      'a.state',
    ])
    .where('a.noticeId', 'in', noticeIds)
    .orderBy('a.rank')
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({
    ...r,
    applicationId: Number(r.applicationId),
    noticeId: Number(r.noticeId),
    score: r.finalScore === null ? null : Number(r.finalScore),
    rank: r.rank === null ? null : Number(r.rank),
  }));
}

function presentNotice(row: NoticeRow, items: Awaited<ReturnType<typeof noticeItems>>) {
  return {
    id: Number(row.id),
    programmeId: Number(row.programmeId),
    title: row.title,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    workingDays: Number(row.workingDays),
    publishedAt: row.publishedAt,
    status: noticeStatus(chinaDate(), row.startsOn, row.endsOn),
    items: items.filter((i) => i.noticeId === Number(row.id)).map(({ noticeId: _n, finalScore: _f, ...i }) => i),
  };
}

export interface NoticeInput {
  applicationIds: number[];
  startsOn?: string;
  workingDays?: number;
  title?: string;
}

export async function publishNotice(ctx: AppContext, actor: Actor, who: AuditActor, programmeId: number, input: NoticeInput) {
  const programme = await findProgramme(ctx.db, programmeId);
  const today = chinaDate();
  const start = input.startsOn ?? today;
  assertDate(start, 'startsOn');
  const earliest = addDays(today, -NOTICE_BACKDATE_DAYS);
  if (start < earliest) throw new AppError(400, 'recognition.noticeStartRange', { earliest }, 'startsOn');
  const workingDays = input.workingDays ?? Number(programme.noticeWorkingDays);
  const period = noticeDates(start, workingDays, await calendarOverrides(ctx.db));
  const id = await ctx.db.transaction().execute(async (tx) => {
    const at = new Date().toISOString();
    const title = input.title?.trim() || `${programme.title}拟认定名单公示`;
    const { id: created } = await tx
      .insertInto('recognitionNotice')
      .values({ programmeId, title, ...period, workingDays, publishedAt: at, publishedBy: actor.userId })
      .returning('id')
      .executeTakeFirstOrThrow();
    const noticeId = Number(created);
    for (const applicationId of input.applicationIds) {
      const row = await findApplication(tx, applicationId);
      if (!row || Number(row.programmeId) !== programmeId || row.state !== 'shortlisted')
        throw new AppError(409, 'recognition.notShortlisted', { id: applicationId }, 'applicationIds');
      const refusal = checkMove('shortlisted', 'publish_notice', actor.role);
      if (refusal) throw new AppError(refusal.status, refusal.key, refusal.params ?? {});
      await recordMove(ctx, tx, who, { userId: actor.userId, name: actor.username, role: actor.role }, row, 'publish_notice', null, {
        noticeId,
      });
    }
    await ctx.audit.append(tx, who, {
      action: 'recognition.notice.publish',
      entityType: 'recognitionNotice',
      entityId: noticeId,
      after: { programmeId, title, ...period, workingDays, applicationIds: input.applicationIds },
    });
    return noticeId;
  });
  return noticeDetail(ctx.db, ctx.cipher, id);
}

export async function listNotices(db: Executor, filter: { programmeId?: number } = {}) {
  let q = db.selectFrom('recognitionNotice').selectAll();
  if (filter.programmeId !== undefined) q = q.where('programmeId', '=', filter.programmeId);
  const rows = await q.orderBy('publishedAt', 'desc').orderBy('id', 'desc').execute();
  const items = await noticeItems(
    db,
    rows.map((r) => Number(r.id)),
  );
  return { items: rows.map((r) => presentNotice(r, items)) };
}

// The objector's ID number and contact are sealed in their row, opened only for the bureau's view.
const SEALED = SEALED_COLUMNS.recognitionObjection.columns;

function presentObjection(cipher: FieldCipher, stored: Awaited<ReturnType<typeof objectionsOf>>[number]) {
  const r = cipher.openFields(stored, SEALED);
  return {
    ...r,
    id: Number(r.id),
    noticeId: Number(r.noticeId),
    applicationId: r.applicationId === null ? null : Number(r.applicationId),
    handledBy: r.handledBy === null ? null : Number(r.handledBy),
  };
}

function objectionsOf(db: Executor, noticeId: number) {
  return db.selectFrom('recognitionObjection').selectAll().where('noticeId', '=', noticeId).orderBy('id').execute();
}

/** The bureau's view: the notice with every objection, objector identity included (never public). */
export async function noticeDetail(db: Executor, cipher: FieldCipher, id: number) {
  const row = await findNotice(db, id);
  const [items, objections] = await Promise.all([noticeItems(db, [id]), objectionsOf(db, id)]);
  return { ...presentNotice(row, items), objections: objections.map((o) => presentObjection(cipher, o)) };
}

export interface ObjectionInput {
  applicationId?: number | null;
  objectorName: string;
  objectorIdNumber: string;
  contact: string;
  text: string;
}

async function insertObjection(
  ctx: AppContext,
  who: AuditActor,
  notice: NoticeRow,
  input: ObjectionInput,
  channel: 'online' | 'paper',
  receivedOn: string,
) {
  if (input.applicationId !== undefined && input.applicationId !== null) {
    const target = await findApplication(ctx.db, input.applicationId);
    if (!target || Number(target.noticeId) !== Number(notice.id))
      throw new AppError(400, 'recognition.objectionTarget', {}, 'applicationId');
  }
  const objector = ctx.cipher.sealFields(
    {
      objectorName: requiredText(input.objectorName, 'objectorName', 2),
      objectorIdNumber: requiredText(input.objectorIdNumber, 'objectorIdNumber', 4),
      contact: requiredText(input.contact, 'contact', 5),
      text: requiredText(input.text, 'text', 5),
    },
    SEALED,
  );
  const reference = `YY${Number(notice.id)}-${randomBytes(4).toString('hex').toUpperCase()}`;
  const id = await ctx.db.transaction().execute(async (tx) => {
    const { id: created } = await tx
      .insertInto('recognitionObjection')
      .values({
        noticeId: Number(notice.id),
        applicationId: input.applicationId ?? null,
        reference,
        ...objector,
        channel,
        receivedOn,
        filedAt: new Date().toISOString(),
        status: 'open',
        outcome: null,
        handledBy: null,
        handledAt: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // the objector's identity stays in its row (confidential); the audit records that one was filed
    await ctx.audit.append(tx, who, {
      action: 'recognition.objection.file',
      entityType: 'recognitionNotice',
      entityId: Number(notice.id),
      after: { objectionId: Number(created), reference, channel, receivedOn, applicationId: input.applicationId ?? null },
    });
    return Number(created);
  });
  return { id, reference, receivedOn };
}

/** An objection filed on the public portal: only while the notice is open. */
export async function fileObjection(
  ctx: AppContext,
  who: AuditActor,
  noticeId: number,
  input: Omit<ObjectionInput, 'applicationId'> & { applicationIndex?: number },
) {
  const notice = await findNotice(ctx.db, noticeId);
  const today = chinaDate();
  if (noticeStatus(today, notice.startsOn, notice.endsOn) !== 'open')
    throw new AppError(409, 'recognition.noticeClosed', { startsOn: notice.startsOn, endsOn: notice.endsOn });
  let applicationId: number | null = null;
  if (input.applicationIndex !== undefined) {
    const items = await noticeItems(ctx.db, [noticeId]);
    const item = items[input.applicationIndex - 1];
    if (!item) throw new AppError(400, 'recognition.objectionTarget', {}, 'applicationIndex');
    applicationId = item.applicationId;
  }
  const { reference, receivedOn } = await insertObjection(ctx, who, notice, { ...input, applicationId }, 'online', today);
  return { reference, receivedOn };
}

/** A written objection received by post or in person, entered by the bureau with the date it arrived. */
export async function recordPaperObjection(
  ctx: AppContext,
  who: AuditActor,
  noticeId: number,
  input: ObjectionInput & { receivedOn: string },
) {
  const notice = await findNotice(ctx.db, noticeId);
  assertDate(input.receivedOn, 'receivedOn');
  if (input.receivedOn < notice.startsOn || input.receivedOn > notice.endsOn || input.receivedOn > chinaDate())
    throw new AppError(400, 'recognition.receivedOutsideWindow', { startsOn: notice.startsOn, endsOn: notice.endsOn }, 'receivedOn');
  const { id } = await insertObjection(ctx, who, notice, input, 'paper', input.receivedOn);
  return presentObjection(
    ctx.cipher,
    await ctx.db.selectFrom('recognitionObjection').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
  );
}

export async function handleObjection(
  ctx: AppContext,
  actor: Actor,
  who: AuditActor,
  id: number,
  input: { outcome: 'upheld' | 'dismissed'; note: string },
) {
  await ctx.db.transaction().execute(async (tx) => {
    const row = await tx.selectFrom('recognitionObjection').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new AppError(404, 'recognition.objectionNotFound');
    if (row.status !== 'open') throw new AppError(409, 'recognition.objectionHandled');
    const after = {
      status: input.outcome,
      outcome: requiredText(input.note, 'note'),
      handledBy: actor.userId,
      handledAt: new Date().toISOString(),
    };
    await tx.updateTable('recognitionObjection').set(after).where('id', '=', id).execute();
    await ctx.audit.append(tx, who, {
      action: 'recognition.objection.handle',
      entityType: 'recognitionObjection',
      entityId: id,
      before: { status: row.status },
      after: { status: after.status, outcome: after.outcome },
    });
  });
  return presentObjection(
    ctx.cipher,
    await ctx.db.selectFrom('recognitionObjection').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
  );
}

// ── the public portal: what a 公示 shows and nothing more ──

export async function publicNotices(db: Executor) {
  const rows = await db
    .selectFrom('recognitionNotice')
    .selectAll()
    .where('startsOn', '<=', chinaDate())
    .orderBy('startsOn', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const items = await noticeItems(
    db,
    rows.map((r) => Number(r.id)),
  );
  return { items: rows.map((r) => publicNoticeOf(r, items)) };
}

function publicNoticeOf(row: NoticeRow, items: Awaited<ReturnType<typeof noticeItems>>) {
  const n = presentNotice(row, items);
  return {
    id: n.id,
    title: n.title,
    startsOn: n.startsOn,
    endsOn: n.endsOn,
    workingDays: n.workingDays,
    status: n.status,
    items: n.items.map((i, index) => ({
      index: index + 1,
      enterpriseName: i.enterpriseName,
      projectName: i.projectName,
      districtName: i.districtName,
      kind: i.kind,
      level: i.level,
      score: i.score,
    })),
  };
}

export async function publicNotice(db: Executor, id: number) {
  const row = await findNotice(db, id);
  if (row.startsOn > chinaDate()) throw new AppError(404, 'recognition.noticeNotFound');
  return publicNoticeOf(row, await noticeItems(db, [id]));
}

/** The ranked shortlist of a programme: every scored application still in the running, with its spread. */
export async function shortlist(db: Executor, programmeId: number) {
  await findProgramme(db, programmeId);
  const rows = await db
    .selectFrom('recognitionApplication as a')
    .innerJoin('enterprise as e', 'e.id', 'a.enterpriseId')
    .select([
      'a.id',
      'a.rank',
      'e.name as enterpriseName',
      'e.districtCode',
      'a.projectName',
      'a.state',
      'a.finalScore',
      'a.scoreJson',
      'a.noticeId',
    ])
    .where('a.programmeId', '=', programmeId)
    .where('a.finalScore', 'is not', null)
    .where('a.state', 'in', ['shortlisted', 'in_notice', 'recognised'])
    .orderBy('a.rank')
    .orderBy('a.id')
    .execute();
  return {
    items: rows.map((r) => ({
      rank: r.rank === null ? null : Number(r.rank),
      applicationId: Number(r.id),
      enterpriseName: r.enterpriseName,
      districtCode: r.districtCode,
      projectName: r.projectName,
      state: r.state,
      noticeId: r.noticeId === null ? null : Number(r.noticeId),
      score: Number(r.finalScore),
      spread: JSON.parse(r.scoreJson ?? 'null'),
    })),
  };
}
