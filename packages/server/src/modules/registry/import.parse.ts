import { fieldLabel } from '@zhizao/domain';
import type ExcelJS from 'exceljs';
import { AppError } from '../../platform/errors.ts';
import { cellText, worksheets } from '../../platform/spreadsheet.ts';
import { ENTERPRISE_COLUMNS, columnLetter, fieldOfHeader, type ColumnField, type SheetCells } from './excel.columns.ts';

// Reads an uploaded enterprise workbook through the platform's streaming reader (platform/spreadsheet.ts), so
// a 20,000-row file is never a whole object model in memory and a zip bomb is refused before it is read. The header row is found by its labels, not its position: a title
// row above it, a 序号 column before it or an 错误原因 column after it are all fine.

export interface ParsedRow {
  /** The row number Excel shows, so problems point at the right line. */
  row: number;
  cells: SheetCells;
}

export interface ParsedSheet {
  /** Column letter of each field, as laid out in this file. */
  columns: Record<ColumnField, string>;
  rows: ParsedRow[];
}

const HEADER_SEARCH_ROWS = 10;
// A row naming at least this many template columns is taken for the header row.
const HEADER_MIN_MATCHES = 3;

function headerColumns(values: ExcelJS.CellValue[]): Map<ColumnField, number> {
  const found = new Map<ColumnField, number>();
  values.forEach((v, index) => {
    const field = fieldOfHeader(cellText(v));
    if (field && !found.has(field)) found.set(field, index);
  });
  return found;
}

/** Every template column must be there (users must not rename headers); extra columns are ignored. */
function checkAllColumns(found: Map<ColumnField, number>): Record<ColumnField, string> {
  const missing = ENTERPRISE_COLUMNS.find((c) => !found.has(c.field));
  // The message quotes the Chinese label, without *, as a person would look for it in the sheet.
  if (missing) throw new AppError(400, 'import.badHeader', { column: fieldLabel(missing.field, 'zh-CN') });
  return Object.fromEntries([...found].map(([field, index]) => [field, columnLetter(index)])) as Record<ColumnField, string>;
}

/** Reads the first sheet that has the template's header row; every data row after it, blank rows skipped. */
export async function parseEnterpriseWorkbook(file: Buffer, maxRows: number): Promise<ParsedSheet> {
  let bestHeader: Map<ColumnField, number> | null = null;
  for await (const sheet of worksheets(file, maxRows)) {
    let header: Map<ColumnField, number> | null = null;
    let columns: Record<ColumnField, string> | null = null;
    const rows: ParsedRow[] = [];
    for await (const row of sheet) {
      const values = row.values as ExcelJS.CellValue[];
      if (!header) {
        if (row.number > HEADER_SEARCH_ROWS) break;
        const found = headerColumns(values);
        if (found.size > (bestHeader?.size ?? 0)) bestHeader = found;
        if (found.size < HEADER_MIN_MATCHES) continue;
        header = found;
        columns = checkAllColumns(found);
        continue;
      }
      const cells = {} as SheetCells;
      let blank = true;
      for (const [field, index] of header) {
        cells[field] = cellText(values[index]);
        if (cells[field]) blank = false;
      }
      if (blank) continue;
      if (rows.length >= maxRows) throw new AppError(400, 'import.tooManyRows', { limit: maxRows });
      rows.push({ row: row.number, cells });
    }
    if (header && columns) {
      if (!rows.length) throw new AppError(400, 'import.empty');
      return { columns, rows };
    }
  }
  // No sheet had a header row: name the first template column the best candidate lacks.
  checkAllColumns(bestHeader ?? new Map());
  throw new AppError(400, 'import.badFile');
}
