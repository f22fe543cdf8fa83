import type { EnterpriseInput, MessageKey } from '@zhizao/domain';
import type { Selectable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { ImportJobTable } from '../../db/schema.ts';
import type { FieldCipher } from '../../platform/field-crypto.ts';
import type { ColumnField } from './excel.columns.ts';

// The import_job table: an uploaded file's parsed rows and their problems, kept between the preview
// and the commit. JSON as text (portable, gov-it.md §3).

export type ImportJobRow = Selectable<ImportJobTable>;
export type ImportStatus = 'pending' | 'committed' | 'cancelled';
export const ENTERPRISE_IMPORT_KIND = 'enterprise';

export interface ImportRow {
  /** The row number in the file. */
  row: number;
  input: EnterpriseInput;
}

export interface ImportProblem {
  row: number;
  field: ColumnField;
  key: MessageKey;
  params?: Record<string, string | number>;
}

/** problems_json: the problems, and where each field's column was in the file. */
export interface StoredProblems {
  columns: Record<ColumnField, string>;
  problems: ImportProblem[];
}

// The rows carry the file's contact phones and e-mails: sealed as a whole, like the enterprise columns.
export const sealRows = (cipher: FieldCipher, rows: readonly ImportRow[]) => cipher.seal(JSON.stringify(rows));
export const readRows = (cipher: FieldCipher, job: ImportJobRow): ImportRow[] => JSON.parse(cipher.open(job.rowsJson)) as ImportRow[];
export const readProblems = (job: ImportJobRow): StoredProblems => JSON.parse(job.problemsJson) as StoredProblems;

export async function insertImportJob(db: Executor, job: Omit<ImportJobRow, 'committedAt' | 'status'>): Promise<void> {
  await db
    .insertInto('importJob')
    .values({ ...job, status: 'pending', committedAt: null })
    .execute();
}

/** The job, only for the user who uploaded it. */
export const findOwnImportJob = (db: Executor, id: string, userId: number) =>
  db
    .selectFrom('importJob')
    .selectAll()
    .where('id', '=', id)
    .where('userId', '=', userId)
    .where('kind', '=', ENTERPRISE_IMPORT_KIND)
    .executeTakeFirst();

export async function updateImportProblems(db: Executor, id: string, problems: StoredProblems, validRows: number): Promise<void> {
  await db
    .updateTable('importJob')
    .set({ problemsJson: JSON.stringify(problems), validRows })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

/**
 * Moves a pending job to its end state; false when it was no longer pending (a second commit lost the
 * race). In PostgreSQL the row lock makes a concurrent commit wait here, then see the new status.
 */
export async function closeImportJob(
  db: Executor,
  cipher: FieldCipher,
  id: string,
  status: Exclude<ImportStatus, 'pending'>,
  keep: { rows: ImportRow[]; validRows?: number },
): Promise<boolean> {
  const result = await db
    .updateTable('importJob')
    .set({
      status,
      rowsJson: sealRows(cipher, keep.rows),
      committedAt: status === 'committed' ? new Date().toISOString() : null,
      ...(keep.validRows === undefined ? {} : { validRows: keep.validRows }),
    })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Pending jobs hold personal information from the file: gone once they expire. */
export async function deleteExpiredImportJobs(db: Executor, createdBefore: string): Promise<void> {
  await db.deleteFrom('importJob').where('status', '=', 'pending').where('createdAt', '<', createdBefore).execute();
}
