import { EDITABLE_STATES, type Actor, type ApplicationState } from '@zhizao/domain';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Selectable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { AuditActor } from '../../platform/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { cleanFileName, evidenceContentType } from '../maturity/evidence.service.ts';
import { findApplication, loadOwnApplication, loadVisibleApplication } from './access.ts';
import type { RecognitionAttachmentTable } from './tables.ts';
import { currentConflict, WITHDRAWN } from './ties.ts';

// Attachments of an application (photos, 信用承诺书, the c3mep report…), kept like maturity evidence:
// the bytes on disk under <data dir>/recognition/<application id>/<random id>, type checked by extension
// and magic bytes, a row per file, every change audited.

export const ATTACHMENT_MAX_PER_APPLICATION = 20;

export function presentAttachment(row: Selectable<RecognitionAttachmentTable>) {
  return {
    id: row.id,
    applicationId: Number(row.applicationId),
    fileName: row.fileName,
    contentType: row.contentType,
    size: Number(row.size),
    sha256: row.sha256,
    uploadedBy: row.uploadedBy === null ? null : Number(row.uploadedBy),
    uploadedAt: row.uploadedAt,
  };
}

const dirOf = (ctx: AppContext, applicationId: number) => path.join(ctx.config.dataDir, 'recognition', String(applicationId));

export async function listAttachments(db: Executor, applicationId: number) {
  const rows = await db
    .selectFrom('recognitionAttachment')
    .selectAll()
    .where('applicationId', '=', applicationId)
    .orderBy('uploadedAt')
    .orderBy('id')
    .execute();
  return rows.map(presentAttachment);
}

function assertEditable(state: string): void {
  if (!EDITABLE_STATES.includes(state as ApplicationState)) throw new AppError(409, 'recognition.locked');
}

export async function uploadAttachment(
  ctx: AppContext,
  actor: Actor,
  who: AuditActor,
  applicationId: number,
  input: { fileName: string; data: Buffer },
) {
  const application = await loadOwnApplication(ctx.db, actor, applicationId);
  assertEditable(application.state);
  const fileName = cleanFileName(input.fileName);
  const contentType = evidenceContentType(fileName, input.data);
  const id = randomUUID();
  await fs.mkdir(dirOf(ctx, applicationId), { recursive: true });
  const finalPath = path.join(dirOf(ctx, applicationId), id);
  const tempPath = `${finalPath}.part`;
  const values = {
    id,
    applicationId,
    fileName,
    contentType,
    size: input.data.length,
    sha256: createHash('sha256').update(input.data).digest('hex'),
    uploadedBy: actor.userId,
    uploadedAt: new Date().toISOString(),
  };
  await fs.writeFile(tempPath, input.data, { flag: 'wx' });
  try {
    await ctx.db.transaction().execute(async (tx) => {
      const current = await findApplication(tx, applicationId);
      assertEditable(current?.state ?? '');
      const { n } = await tx
        .selectFrom('recognitionAttachment')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('applicationId', '=', applicationId)
        .executeTakeFirstOrThrow();
      if (Number(n) >= ATTACHMENT_MAX_PER_APPLICATION)
        throw new AppError(409, 'recognition.attachmentsTooMany', { max: ATTACHMENT_MAX_PER_APPLICATION }, 'file');
      await tx.insertInto('recognitionAttachment').values(values).execute();
      await ctx.audit.append(tx, who, {
        action: 'recognition.attachment.upload',
        entityType: 'recognitionApplication',
        entityId: applicationId,
        after: presentAttachment(values),
      });
      await fs.rename(tempPath, finalPath);
    });
  } catch (error) {
    await fs.rm(tempPath, { force: true });
    await fs.rm(finalPath, { force: true });
    throw error;
  }
  return presentAttachment(values);
}

async function findAttachment(db: Executor, fileId: string) {
  const row = await db.selectFrom('recognitionAttachment').selectAll().where('id', '=', fileId).executeTakeFirst();
  if (!row) throw new AppError(404, 'recognition.attachmentNotFound');
  return row;
}

/** Readers of the application, and the experts seated on its panel with no tie to it, may download its attachments. */
async function mayRead(db: Executor, actor: Actor, applicationId: number): Promise<boolean> {
  if (actor.role === 'expert') {
    const member = await db
      .selectFrom('recognitionPanelMember')
      .select('expertUserId')
      .where('applicationId', '=', applicationId)
      .where('expertUserId', '=', actor.userId)
      .where('status', '!=', WITHDRAWN)
      .executeTakeFirst();
    const application = member ? await findApplication(db, applicationId) : undefined;
    return application !== undefined && (await currentConflict(db, actor.userId, application)) === null;
  }
  return loadVisibleApplication(db, actor, applicationId).then(
    () => true,
    () => false,
  );
}

export async function openAttachment(ctx: AppContext, actor: Actor, fileId: string) {
  const row = await findAttachment(ctx.db, fileId);
  if (!(await mayRead(ctx.db, actor, Number(row.applicationId)))) throw new AppError(404, 'recognition.attachmentNotFound');
  const file = path.join(dirOf(ctx, Number(row.applicationId)), row.id);
  if (!(await fs.stat(file).catch(() => null))?.isFile()) throw new AppError(404, 'recognition.attachmentNotFound');
  return { attachment: presentAttachment(row), path: file };
}

export async function listVisibleAttachments(ctx: AppContext, actor: Actor, applicationId: number) {
  if (!(await mayRead(ctx.db, actor, applicationId))) throw new AppError(404, 'recognition.applicationNotFound');
  return { items: await listAttachments(ctx.db, applicationId) };
}

export async function deleteAttachment(ctx: AppContext, actor: Actor, who: AuditActor, fileId: string) {
  const row = await findAttachment(ctx.db, fileId);
  const applicationId = Number(row.applicationId);
  await loadOwnApplication(ctx.db, actor, applicationId).catch(() => {
    throw new AppError(404, 'recognition.attachmentNotFound');
  });
  await ctx.db.transaction().execute(async (tx) => {
    const current = await findApplication(tx, applicationId);
    assertEditable(current?.state ?? '');
    const deleted = await tx.deleteFrom('recognitionAttachment').where('id', '=', fileId).executeTakeFirst();
    if (Number(deleted.numDeletedRows) !== 1) throw new AppError(404, 'recognition.attachmentNotFound');
    await ctx.audit.append(tx, who, {
      action: 'recognition.attachment.delete',
      entityType: 'recognitionApplication',
      entityId: applicationId,
      before: presentAttachment(row),
    });
  });
  await fs.rm(path.join(dirOf(ctx, applicationId), fileId), { force: true });
  return { deleted: true };
}
