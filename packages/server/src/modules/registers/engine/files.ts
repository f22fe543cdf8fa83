import type { Actor, RegisterDefinition } from '@zhizao/domain';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Executor } from '../../../db/database.ts';
import type { AuditActor } from '../../../platform/audit.ts';
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { cleanFileName, evidenceContentType } from '../../maturity/evidence.service.ts';
import { keptEntry, loadEntry } from './service.ts';

// Files attached to a register row (a title's award document, a policy's text): the bytes on disk under
// <data dir>/registers/<register>/<entry id>/<random id>, as maturity evidence keeps them, the type judged
// by extension and content; a metadata row per file; uploads audited (metadata, never the bytes).
// Who reads the row reads its files; who keeps the row adds them.

export const REGISTER_FILES_MAX_PER_ENTRY = 10;

interface RegisterFileTable {
  id: string;
  register: string;
  entryId: number;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedBy: number | null;
  uploadedAt: string;
}
const fdb = (db: Executor) => db as unknown as Kysely<{ registerFile: RegisterFileTable }>;

const present = (row: RegisterFileTable) => ({
  id: row.id,
  entryId: Number(row.entryId),
  fileName: row.fileName,
  contentType: row.contentType,
  size: Number(row.size),
  sha256: row.sha256,
  uploadedBy: row.uploadedBy === null ? null : Number(row.uploadedBy),
  uploadedAt: row.uploadedAt,
});

const fileDir = (ctx: AppContext, definition: RegisterDefinition, entryId: number) =>
  path.join(ctx.config.dataDir, 'registers', definition.key, String(entryId));

export async function uploadRegisterFile(
  ctx: AppContext,
  definition: RegisterDefinition,
  actor: Actor,
  who: AuditActor,
  entryId: number,
  input: { fileName: string; data: Buffer },
) {
  await keptEntry(ctx.db, definition, actor, entryId);
  const fileName = cleanFileName(input.fileName);
  const contentType = evidenceContentType(fileName, input.data);
  const values: RegisterFileTable = {
    id: randomUUID(),
    register: definition.key,
    entryId,
    fileName,
    contentType,
    size: input.data.length,
    sha256: createHash('sha256').update(input.data).digest('hex'),
    uploadedBy: actor.userId,
    uploadedAt: new Date().toISOString(),
  };
  const dir = fileDir(ctx, definition, entryId);
  await fs.mkdir(dir, { recursive: true });
  const finalPath = path.join(dir, values.id);
  const tempPath = `${finalPath}.part`;
  // the bytes under a temporary name, the row and its audit entry in one transaction, then the rename:
  // a row never exists without its file
  await fs.writeFile(tempPath, input.data, { flag: 'wx' });
  try {
    await ctx.db.transaction().execute(async (tx) => {
      const { n } = await fdb(tx)
        .selectFrom('registerFile')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('register', '=', definition.key)
        .where('entryId', '=', entryId)
        .executeTakeFirstOrThrow();
      if (Number(n) >= REGISTER_FILES_MAX_PER_ENTRY)
        throw new AppError(409, 'registers.filesTooMany', { max: REGISTER_FILES_MAX_PER_ENTRY }, 'file');
      await fdb(tx).insertInto('registerFile').values(values).execute();
      await ctx.audit.append(tx, who, {
        action: `registers.${definition.key}.file.upload`,
        entityType: definition.key,
        entityId: entryId,
        after: present(values),
      });
      await fs.rename(tempPath, finalPath);
    });
  } catch (error) {
    await fs.rm(tempPath, { force: true });
    await fs.rm(finalPath, { force: true });
    throw error;
  }
  return present(values);
}

export async function listRegisterFiles(ctx: AppContext, definition: RegisterDefinition, actor: Actor, entryId: number) {
  await loadEntry(ctx.db, definition, actor, entryId);
  const rows = await fdb(ctx.db)
    .selectFrom('registerFile')
    .selectAll()
    .where('register', '=', definition.key)
    .where('entryId', '=', entryId)
    .orderBy('uploadedAt')
    .orderBy('id')
    .execute();
  return { items: rows.map(present) };
}

/** A file of a row the actor reads: its metadata and where its bytes are; anything else looks missing. */
export async function openRegisterFile(ctx: AppContext, definition: RegisterDefinition, actor: Actor, entryId: number, fileId: string) {
  await loadEntry(ctx.db, definition, actor, entryId);
  const row = await fdb(ctx.db)
    .selectFrom('registerFile')
    .selectAll()
    .where('id', '=', fileId)
    .where('register', '=', definition.key)
    .where('entryId', '=', entryId)
    .executeTakeFirst();
  const file = row && path.join(fileDir(ctx, definition, entryId), row.id);
  if (!row || !file || !(await fs.stat(file).catch(() => null))?.isFile()) throw new AppError(404, 'registers.notFound');
  return { file: present(row), path: file };
}
