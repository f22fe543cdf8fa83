import { ownsEnterprise, type Actor } from '@zhizao/domain';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Kysely, Transaction } from 'kysely';
import type { Executor, Tx } from '../../db/database.ts';
import type { AuditActor } from '../../platform/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { findAssessment, type AssessmentRow } from './repo.ts';

// Evidence files per assessment item (issue 3, part 3): the bytes on disk under
// <data dir>/evidence/<assessment id>/<random id>, never under the user's file name; a metadata row
// per file; every change audited (metadata only, never the bytes).

export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
export const EVIDENCE_MAX_PER_ITEM = 10;

export interface EvidenceTable {
  id: string;
  assessmentId: number;
  requirementId: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedBy: number | null;
  uploadedAt: string;
}
interface EvidenceDb {
  maturityEvidence: EvidenceTable;
}
const edb = (db: Executor) => db as unknown as Kysely<EvidenceDb>;
const etx = (tx: Tx) => tx as unknown as Transaction<EvidenceDb>;

// ── file types: the extension and the first bytes must agree ──

const OOXML = (dir: string) => (data: Buffer) => isZip(data) && data.includes(Buffer.from(dir));
const isZip = (data: Buffer) =>
  data.length >= 4 && data[0] === 0x50 && data[1] === 0x4b && ((data[2] === 3 && data[3] === 4) || (data[2] === 5 && data[3] === 6));
const startsWith = (magic: number[]) => (data: Buffer) => data.length >= magic.length && magic.every((b, i) => data[i] === b);

const TYPES: Record<string, { contentType: string; matches: (data: Buffer) => boolean }> = {
  pdf: { contentType: 'application/pdf', matches: startsWith([0x25, 0x50, 0x44, 0x46, 0x2d]) },
  png: { contentType: 'image/png', matches: startsWith([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  jpg: { contentType: 'image/jpeg', matches: startsWith([0xff, 0xd8, 0xff]) },
  jpeg: { contentType: 'image/jpeg', matches: startsWith([0xff, 0xd8, 0xff]) },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', matches: OOXML('word/') },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', matches: OOXML('xl/') },
  pptx: { contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', matches: OOXML('ppt/') },
  zip: { contentType: 'application/zip', matches: isZip },
};
export const EVIDENCE_EXTENSIONS = Object.keys(TYPES);

/** The content type of an allowed file, judged by its extension and its magic bytes; 400 otherwise. */
export function evidenceContentType(fileName: string, data: Buffer): string {
  const ext = path.extname(fileName).slice(1).toLowerCase();
  const type = TYPES[ext];
  if (!type || !type.matches(data)) throw new AppError(400, 'maturity.evidenceType', {}, 'file');
  return type.contentType;
}

/** A file name safe to store and show: no path, no control characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = name
    .split(/[\\/]/)
    .pop()!
    // eslint-disable-next-line no-control-regex -- control characters are exactly what this strips
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim();
  if (base.length <= 200) return base || 'file';
  const ext = path.extname(base).slice(0, 12);
  return base.slice(0, 200 - ext.length) + ext;
}

// ── who may do what ──

/** Readers: the enterprise, bureau and district in scope, and the assigned expert. Others get 404. */
async function loadReadableAssessment(db: Executor, actor: Actor, id: number): Promise<AssessmentRow> {
  const row = await findAssessment(db, id);
  if (row && ownsEnterprise(actor, { id: row.enterpriseId, districtCode: row.districtCode })) return row;
  if (row && actor.role === 'expert') {
    const review = await db.selectFrom('maturityExpertReview').select('expertUserId').where('assessmentId', '=', id).executeTakeFirst();
    if (review && review.expertUserId === actor.userId) return row;
  }
  throw new AppError(404, 'maturity.assessmentNotFound');
}

/** Writers: the assessment's own enterprise user, while it is a draft. */
async function loadWritableAssessment(db: Executor, actor: Actor, id: number): Promise<AssessmentRow> {
  const row = await findAssessment(db, id);
  if (!row || actor.role !== 'enterprise_user' || actor.enterpriseId !== row.enterpriseId)
    throw new AppError(404, 'maturity.assessmentNotFound');
  if (row.status !== 'draft') throw new AppError(409, 'maturity.locked');
  return row;
}

async function findEvidence(db: Executor, fileId: string) {
  return edb(db).selectFrom('maturityEvidence').selectAll().where('id', '=', fileId).executeTakeFirst();
}

export function presentEvidence(row: EvidenceTable) {
  return {
    id: row.id,
    assessmentId: Number(row.assessmentId),
    requirementId: row.requirementId,
    fileName: row.fileName,
    contentType: row.contentType,
    size: Number(row.size),
    sha256: row.sha256,
    uploadedBy: row.uploadedBy === null ? null : Number(row.uploadedBy),
    uploadedAt: row.uploadedAt,
  };
}

const evidenceDir = (ctx: AppContext, assessmentId: number) => path.join(ctx.config.dataDir, 'evidence', String(assessmentId));
const evidencePath = (ctx: AppContext, assessmentId: number, fileId: string) => path.join(evidenceDir(ctx, assessmentId), fileId);

// ── operations ──

export async function uploadEvidence(
  ctx: AppContext,
  actor: Actor,
  who: AuditActor,
  assessmentId: number,
  input: { requirementId: string; fileName: string; data: Buffer },
) {
  const row = await loadWritableAssessment(ctx.db, actor, assessmentId);
  const requirementId = input.requirementId.trim();
  const requirement = requirementId
    ? await ctx.db
        .selectFrom('maturityRequirement')
        .select('id')
        .where('modelVersion', '=', row.modelVersion)
        .where('id', '=', requirementId)
        .executeTakeFirst()
    : undefined;
  if (!requirement) throw new AppError(400, 'maturity.requirementNotFound', { requirementId }, 'requirementId');
  const fileName = cleanFileName(input.fileName);
  const contentType = evidenceContentType(fileName, input.data);

  const id = randomUUID();
  const dir = evidenceDir(ctx, assessmentId);
  await fs.mkdir(dir, { recursive: true });
  const finalPath = evidencePath(ctx, assessmentId, id);
  const tempPath = `${finalPath}.part`;
  const values: EvidenceTable = {
    id,
    assessmentId,
    requirementId,
    fileName,
    contentType,
    size: input.data.length,
    sha256: createHash('sha256').update(input.data).digest('hex'),
    uploadedBy: actor.userId,
    uploadedAt: new Date().toISOString(),
  };
  // The file first under a temporary name; the row (and its audit entry) in one transaction; then the
  // rename. A failure at any step removes the file, and the row never exists without it.
  await fs.writeFile(tempPath, input.data, { flag: 'wx' });
  try {
    await ctx.db.transaction().execute(async (tx) => {
      // Counted inside the transaction that inserts, so two uploads at once cannot both pass the limit.
      const current = await findAssessment(tx, assessmentId);
      if (!current || current.status !== 'draft') throw new AppError(409, 'maturity.locked');
      const { n } = await etx(tx)
        .selectFrom('maturityEvidence')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('assessmentId', '=', assessmentId)
        .where('requirementId', '=', requirementId)
        .executeTakeFirstOrThrow();
      if (Number(n) >= EVIDENCE_MAX_PER_ITEM)
        throw new AppError(409, 'maturity.evidenceTooMany', { max: EVIDENCE_MAX_PER_ITEM }, 'requirementId');
      await etx(tx).insertInto('maturityEvidence').values(values).execute();
      await ctx.audit.append(tx, who, {
        action: 'maturity.evidence.upload',
        entityType: 'maturityAssessment',
        entityId: assessmentId,
        after: presentEvidence(values),
      });
      await fs.rename(tempPath, finalPath);
    });
  } catch (error) {
    await fs.rm(tempPath, { force: true });
    await fs.rm(finalPath, { force: true });
    throw error;
  }
  return presentEvidence(values);
}

export async function listEvidence(ctx: AppContext, actor: Actor, assessmentId: number, requirementId?: string) {
  await loadReadableAssessment(ctx.db, actor, assessmentId);
  let query = edb(ctx.db).selectFrom('maturityEvidence').selectAll().where('assessmentId', '=', assessmentId);
  if (requirementId !== undefined) query = query.where('requirementId', '=', requirementId);
  const rows = await query.orderBy('requirementId').orderBy('uploadedAt').orderBy('id').execute();
  return { items: rows.map(presentEvidence) };
}

/** A file the actor may read: its metadata and where its bytes are; another's looks missing. */
export async function openEvidence(ctx: AppContext, actor: Actor, fileId: string) {
  const row = await findEvidence(ctx.db, fileId);
  if (!row) throw new AppError(404, 'maturity.evidenceNotFound');
  try {
    await loadReadableAssessment(ctx.db, actor, Number(row.assessmentId));
  } catch {
    throw new AppError(404, 'maturity.evidenceNotFound');
  }
  const file = evidencePath(ctx, Number(row.assessmentId), row.id);
  // The bytes gone (a restored database without its data directory): missing, not a broken stream.
  if (!(await fs.stat(file).catch(() => null))?.isFile()) throw new AppError(404, 'maturity.evidenceNotFound');
  return { evidence: presentEvidence(row), path: file };
}

export async function deleteEvidence(ctx: AppContext, actor: Actor, who: AuditActor, fileId: string) {
  const row = await findEvidence(ctx.db, fileId);
  if (!row) throw new AppError(404, 'maturity.evidenceNotFound');
  const assessmentId = Number(row.assessmentId);
  try {
    await loadWritableAssessment(ctx.db, actor, assessmentId);
  } catch (error) {
    if (error instanceof AppError && error.status === 404) throw new AppError(404, 'maturity.evidenceNotFound');
    throw error;
  }
  await ctx.db.transaction().execute(async (tx) => {
    const current = await findAssessment(tx, assessmentId);
    if (!current || current.status !== 'draft') throw new AppError(409, 'maturity.locked');
    const deleted = await etx(tx).deleteFrom('maturityEvidence').where('id', '=', fileId).executeTakeFirst();
    if (Number(deleted.numDeletedRows) !== 1) throw new AppError(404, 'maturity.evidenceNotFound');
    await ctx.audit.append(tx, who, {
      action: 'maturity.evidence.delete',
      entityType: 'maturityAssessment',
      entityId: assessmentId,
      before: presentEvidence(row),
    });
  });
  // The row is gone for good; the bytes follow (a leftover file is harmless, a row without one is not).
  await fs.rm(evidencePath(ctx, assessmentId, fileId), { force: true });
  return { deleted: true };
}
