import { randomUUID } from 'node:crypto';
import {
  enterpriseProblems,
  fieldLabel,
  formatMessage,
  normaliseEnterpriseInput,
  type Actor,
  type Locale,
  type TaxonomyCodes,
} from '@zhizao/domain';
import { isUniqueViolation, type Executor } from '../../db/database.ts';
import type { AuditActor } from '../../platform/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, localiseProblem } from '../../platform/errors.ts';
import { ENTERPRISE_COLUMNS, cellsFromInput, inputFromCells, loadSheetTaxonomy } from './excel.columns.ts';
import { buildErrorReport } from './excel.template.ts';
import { auditedEnterprise, findRegisteredCreditCodes, insertEnterprises } from './enterprise.repo.ts';
import { parseEnterpriseWorkbook } from './import.parse.ts';
import {
  ENTERPRISE_IMPORT_KIND,
  closeImportJob,
  deleteExpiredImportJobs,
  findOwnImportJob,
  insertImportJob,
  readProblems,
  readRows,
  sealRows,
  updateImportProblems,
  type ImportJobRow,
  type ImportProblem,
  type ImportRow,
  type StoredProblems,
} from './import.repo.ts';
import { loadTaxonomyCodes } from './taxonomy.repo.ts';

// Import = upload → validate every row → preview → commit in one transaction (gov-it.md §4).

export const IMPORT_MAX_ROWS = 20_000;
/** A pending import expires after a day: it holds the file's personal information. */
const PENDING_TTL_MS = 24 * 3600_000;
/** The preview lists this many problems; the error report lists all of them. */
export const PREVIEW_PROBLEMS = 1000;

const COLUMN_ORDER = new Map(ENTERPRISE_COLUMNS.map((c, i) => [c.field, i]));

/** Every problem of every row: the domain's rules, the actor's scope, duplicates in the file, codes already registered. */
export async function importProblems(
  db: Executor,
  actor: Actor,
  rows: readonly ImportRow[],
  codes: TaxonomyCodes,
): Promise<ImportProblem[]> {
  const problems: ImportProblem[] = [];
  const firstRowOfCode = new Map<string, number>();
  for (const { row, input } of rows) {
    for (const p of enterpriseProblems(input, codes)) {
      // An empty enum cell is a missing value, not a wrong one.
      const missing = p.code === 'invalidEnum' && !input[p.field];
      problems.push({ row, field: p.field, key: `enterprise.${missing ? 'required' : p.code}` });
    }
    if (actor.role === 'district_officer' && codes.districtCodes.has(input.districtCode) && input.districtCode !== actor.districtCode) {
      problems.push({ row, field: 'districtCode', key: 'enterprise.outOfScope' });
    }
    if (!input.creditCode) continue;
    const first = firstRowOfCode.get(input.creditCode);
    if (first === undefined) firstRowOfCode.set(input.creditCode, row);
    else problems.push({ row, field: 'creditCode', key: 'enterprise.duplicateInFile', params: { row: first } });
  }
  const taken = await findRegisteredCreditCodes(db, [...firstRowOfCode.keys()]);
  for (const { row, input } of rows) {
    if (taken.has(input.creditCode))
      problems.push({ row, field: 'creditCode', key: 'enterprise.creditCodeTaken', params: { creditCode: input.creditCode } });
  }
  return problems.sort((a, b) => a.row - b.row || COLUMN_ORDER.get(a.field)! - COLUMN_ORDER.get(b.field)!);
}

const rowsWithProblems = (problems: readonly ImportProblem[]) => new Set(problems.map((p) => p.row));

/** Reads the file, checks every row and keeps the result as a pending import to preview. */
export async function createEnterpriseImport(
  ctx: AppContext,
  actor: Actor,
  who: AuditActor,
  upload: { fileName: string; data: Buffer },
): Promise<ImportJobRow> {
  const sheet = await parseEnterpriseWorkbook(upload.data, IMPORT_MAX_ROWS);
  const taxonomy = await loadSheetTaxonomy(ctx.db);
  const rows: ImportRow[] = sheet.rows.map((r) => ({ row: r.row, input: normaliseEnterpriseInput(inputFromCells(r.cells, taxonomy)) }));
  const problems = await importProblems(ctx.db, actor, rows, taxonomy.codes);
  const job = {
    id: randomUUID(),
    userId: actor.userId,
    kind: ENTERPRISE_IMPORT_KIND,
    fileName: upload.fileName,
    totalRows: rows.length,
    validRows: rows.length - rowsWithProblems(problems).size,
    problemsJson: JSON.stringify({ columns: sheet.columns, problems } satisfies StoredProblems),
    rowsJson: sealRows(ctx.cipher, rows),
    createdAt: new Date().toISOString(),
  };
  await ctx.db.transaction().execute(async (tx) => {
    await deleteExpiredImportJobs(tx, new Date(Date.now() - PENDING_TTL_MS).toISOString());
    await insertImportJob(tx, job);
    await ctx.audit.append(tx, who, {
      action: 'import.upload',
      entityType: 'importJob',
      entityId: job.id,
      after: { kind: job.kind, fileName: job.fileName, totalRows: job.totalRows, validRows: job.validRows, problems: problems.length },
    });
  });
  return { ...job, status: 'pending', committedAt: null };
}

/** The caller's own import, or 404: another user's job is as good as absent. */
export async function loadOwnImport(ctx: AppContext, actor: Actor, id: string): Promise<ImportJobRow> {
  const job = await findOwnImportJob(ctx.db, id, actor.userId);
  const expired = job?.status === 'pending' && Date.now() - Date.parse(job.createdAt) > PENDING_TTL_MS;
  if (!job || expired) throw new AppError(404, 'import.notFound');
  return job;
}

function assertPending(job: ImportJobRow): void {
  if (job.status === 'committed') throw new AppError(409, 'import.alreadyCommitted');
  if (job.status === 'cancelled') throw new AppError(409, 'import.cancelled');
}

/** The preview: counts and problems, each naming row, column and field, in the caller's language. */
export function presentImport(job: ImportJobRow, locale: Locale) {
  const { columns, problems } = readProblems(job);
  return {
    id: job.id,
    fileName: job.fileName,
    status: job.status,
    totalRows: job.totalRows,
    validRows: job.validRows,
    problemCount: problems.length,
    problems: problems
      .slice(0, PREVIEW_PROBLEMS)
      .map((p) => ({ row: p.row, column: columns[p.field] ?? null, ...localiseProblem(p, locale) })),
    createdAt: job.createdAt,
    committedAt: job.committedAt,
  };
}

export type CommitMode = 'valid' | 'all';

export interface CommitOptions {
  /**
   * Re-check rows against the database before writing (default). Only tests turn it off, to make a
   * unique constraint fail inside the transaction and prove that nothing of the import remains.
   */
  revalidate?: boolean;
}

/**
 * Imports the rows in one transaction: every enterprise, its chains and search terms, one audit entry
 * per enterprise plus a summary, and the job's new status. Any failure leaves the registry as it was.
 * 'all' refuses when any row has a problem; 'valid' imports the rows without problems.
 */
export async function commitEnterpriseImport(
  ctx: AppContext,
  actor: Actor,
  who: AuditActor,
  id: string,
  mode: CommitMode,
  options: CommitOptions = {},
) {
  const job = await loadOwnImport(ctx, actor, id);
  assertPending(job);
  const rows = readRows(ctx.cipher, job);
  const stored = readProblems(job);
  let problems = stored.problems;
  if (options.revalidate !== false) {
    // Since the preview, a credit code may have been registered or a taxonomy entry removed.
    problems = await importProblems(ctx.db, actor, rows, await loadTaxonomyCodes(ctx.db));
    if (JSON.stringify(problems) !== JSON.stringify(stored.problems)) {
      await updateImportProblems(ctx.db, id, { ...stored, problems }, rows.length - rowsWithProblems(problems).size);
    }
  }
  if (mode === 'all' && problems.length) throw new AppError(400, 'import.hasErrors', { count: problems.length });
  const bad = rowsWithProblems(problems);
  const valid = rows.filter((r) => !bad.has(r.row));
  if (!valid.length) throw new AppError(400, 'import.nothingValid');
  try {
    return await ctx.db.transaction().execute(async (tx) => {
      // Rows with problems stay for the error report; the imported ones now live in the registry.
      if (!(await closeImportJob(tx, ctx.cipher, id, 'committed', { rows: rows.filter((r) => bad.has(r.row)), validRows: valid.length }))) {
        throw new AppError(409, 'import.alreadyCommitted');
      }
      const created = await insertEnterprises(
        tx,
        ctx.cipher,
        valid.map((r) => r.input),
      );
      await ctx.audit.appendMany(tx, who, [
        ...created.map((e) => ({
          action: 'enterprise.import',
          entityType: 'enterprise',
          entityId: e.id,
          after: auditedEnterprise(ctx.cipher, e),
        })),
        {
          action: 'import.commit',
          entityType: 'importJob',
          entityId: id,
          after: {
            fileName: job.fileName,
            mode,
            imported: created.length,
            skipped: rows.length - created.length,
            enterpriseIds: created.map((e) => e.id),
          },
        },
      ]);
      return { imported: created.length, skipped: rows.length - created.length };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError(409, 'import.changedMeanwhile');
    throw error;
  }
}

/** Cancels a pending import: nothing is imported and the file's rows are dropped. */
export async function cancelEnterpriseImport(ctx: AppContext, actor: Actor, who: AuditActor, id: string): Promise<void> {
  const job = await loadOwnImport(ctx, actor, id);
  if (job.status === 'cancelled') return;
  assertPending(job);
  await ctx.db.transaction().execute(async (tx) => {
    if (!(await closeImportJob(tx, ctx.cipher, id, 'cancelled', { rows: [] }))) throw new AppError(409, 'import.alreadyCommitted');
    await ctx.audit.append(tx, who, { action: 'import.cancel', entityType: 'importJob', entityId: id, after: { fileName: job.fileName } });
  });
}

/** The error report of an import, in the caller's language: each row with problems, marked cell by cell. */
export async function importErrorReport(
  ctx: AppContext,
  actor: Actor,
  id: string,
  locale: Locale,
): Promise<{ fileName: string; data: Buffer }> {
  const job = await loadOwnImport(ctx, actor, id);
  // A cancelled import's rows were dropped with it.
  if (job.status === 'cancelled') throw new AppError(409, 'import.cancelled');
  const { columns, problems } = readProblems(job);
  const byRow = new Map<number, ImportProblem[]>();
  for (const p of problems) byRow.set(p.row, [...(byRow.get(p.row) ?? []), p]);
  const taxonomy = await loadSheetTaxonomy(ctx.db);
  const rows = readRows(ctx.cipher, job)
    .filter((r) => byRow.has(r.row))
    .map((r) => ({
      row: r.row,
      cells: cellsFromInput(r.input, taxonomy),
      problems: byRow.get(r.row)!.map((p) => {
        const { message } = localiseProblem(p, locale);
        return {
          field: p.field,
          text: formatMessage('import.problemAt', locale, { column: columns[p.field] ?? '', field: fieldLabel(p.field, locale), message }),
        };
      }),
    }));
  const en = locale === 'en';
  const title = en
    ? `Import problems: ${job.fileName} (${problems.length} problems in ${rows.length} rows)`
    : `导入错误报告：${job.fileName}（${rows.length} 行共 ${problems.length} 处错误）`;
  const data = await buildErrorReport(
    title,
    en ? { row: 'Row in file', problems: 'Problems' } : { row: '原行号', problems: '错误原因' },
    rows,
  );
  return { fileName: `${en ? 'import-problems' : '导入错误报告'}-${job.fileName.replace(/\.xlsx$/i, '')}.xlsx`, data };
}
