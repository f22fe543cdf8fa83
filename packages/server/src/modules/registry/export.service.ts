import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import type { Actor } from '@zhizao/domain';
import ExcelJS from 'exceljs';
import type { AuditActor } from '../../platform/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { iterateEnterprises, type EnterpriseFilter } from './enterprise.repo.ts';
import { presentEnterprise } from './enterprise.service.ts';
import { cellsFromInput, loadSheetTaxonomy } from './excel.columns.ts';
import { SHEET_NAME, SHEET_VIEWS, layOutEnterpriseSheet } from './excel.template.ts';

// The registry as a workbook in the template's columns (so it can be imported elsewhere), streamed
// row by row: memory stays flat however many enterprises match (gov-it.md §4).

async function drainedOrClosed(stream: PassThrough): Promise<void> {
  const done = new AbortController();
  await Promise.race([once(stream, 'drain', { signal: done.signal }), once(stream, 'close', { signal: done.signal })]).finally(() =>
    done.abort(),
  );
}

/** Today in China Standard Time as YYYYMMDD, for file names. */
export function chinaDate(at = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(at)
    .replaceAll('-', '');
}

/** A district officer exports their own district only; asking for another one is refused. */
export function scopeExportFilter(actor: Actor, filter: EnterpriseFilter): EnterpriseFilter {
  if (actor.role !== 'district_officer') return filter;
  if (filter.districtCode && filter.districtCode !== actor.districtCode)
    throw new AppError(403, 'enterprise.outOfScope', {}, 'districtCode');
  return { ...filter, districtCode: actor.districtCode ?? '' };
}

/**
 * Checks scope, audits the export (personal information leaves the system), then returns the workbook
 * as a stream written in the background. Phones are masked (个人信息保护法, gov-it.md §6).
 */
export async function startEnterpriseExport(
  ctx: AppContext,
  actor: Actor,
  who: AuditActor,
  requested: EnterpriseFilter,
): Promise<Readable> {
  const filter = scopeExportFilter(actor, requested);
  const taxonomy = await loadSheetTaxonomy(ctx.db);
  // The first page is read before any byte goes out: a failure there is still a proper error answer.
  const pages = iterateEnterprises(ctx, filter);
  const first = await pages.next();
  await ctx.db
    .transaction()
    .execute((tx) =>
      ctx.audit.append(tx, who, { action: 'enterprise.export', entityType: 'enterprise', after: { format: 'xlsx', filter } }),
    );
  const out = new PassThrough();
  void writeWorkbook().catch((error: unknown) => out.destroy(error as Error));
  return out;

  async function writeWorkbook(): Promise<void> {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    const sheet = workbook.addWorksheet(SHEET_NAME, { views: SHEET_VIEWS });
    const today = chinaDate();
    layOutEnterpriseSheet(sheet, `企业名录（导出日期 ${today.slice(0, 4)}年${Number(today.slice(4, 6))}月${Number(today.slice(6))}日）`, {
      before: [{ header: '序号', width: 8 }],
    });
    let serial = 0;
    for (let page = first; !page.done; page = await pages.next()) {
      const batch = page.value;
      for (const e of batch) {
        sheet.addRow([++serial, ...cellsFromInput(presentEnterprise(actor, e, { maskPhone: true }), taxonomy)]).commit();
      }
      // Let a slow download catch up before reading the next page; stop if the client went away.
      if (out.writableNeedDrain) await drainedOrClosed(out);
      if (out.destroyed) return;
    }
    sheet.commit();
    await workbook.commit();
  }
}
