import type { Actor } from '@zhizao/domain';
import ExcelJS from 'exceljs';
import {
  ENTERPRISE_COLUMNS,
  MANUFACTURING_TYPE_NAMES,
  SIZE_CLASS_NAMES,
  columnHeader,
  columnLetter,
  type ColumnField,
  type SheetTaxonomy,
} from './excel.columns.ts';

// The sheet layout every enterprise workbook shares (gov-it.md §4): a title row, the fixed header row,
// then data; code-like columns formatted as text. Used by the template, the error report and the export.

export const SHEET_NAME = '企业名录';
const OPTIONS_SHEET = '选项';
export const HEADER_ROW = 2;
/** Title and header stay in view while scrolling. Given to addWorksheet: the streaming writer takes views only there. */
export const SHEET_VIEWS: Partial<ExcelJS.WorksheetView>[] = [{ state: 'frozen', ySplit: HEADER_ROW }];
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const REQUIRED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };
const PROBLEM_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };

export interface ExtraColumn {
  header: string;
  width: number;
}

/**
 * Sets up columns, title row and header row. `before` columns (序号, 原行号) come first and `after`
 * columns (错误原因) last; the import ignores both, so every such sheet can be imported again.
 */
export function layOutEnterpriseSheet(
  sheet: ExcelJS.Worksheet,
  title: string,
  extra: { before?: ExtraColumn[]; after?: ExtraColumn[] } = {},
): void {
  const before = extra.before ?? [];
  const after = extra.after ?? [];
  sheet.columns = [
    ...before.map((c) => ({ width: c.width })),
    ...ENTERPRISE_COLUMNS.map((c) => ({ width: c.width, style: c.text ? { numFmt: '@' } : {} })),
    ...after.map((c) => ({ width: c.width })),
  ];
  const count = before.length + ENTERPRISE_COLUMNS.length + after.length;
  const titleRow = sheet.getRow(1);
  titleRow.getCell(1).value = title;
  titleRow.getCell(1).font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, count);
  const header = sheet.getRow(HEADER_ROW);
  header.values = [...before.map((c) => c.header), ...ENTERPRISE_COLUMNS.map(columnHeader), ...after.map((c) => c.header)];
  header.font = { bold: true };
  header.eachCell((cell, index) => {
    const column = ENTERPRISE_COLUMNS[index - 1 - before.length];
    cell.fill = column?.required ? REQUIRED_FILL : HEADER_FILL;
    cell.alignment = { vertical: 'middle', horizontal: 'center' };
  });
}

/** 1-based column index of a field in a sheet laid out with `before` leading columns. */
export const fieldColumn = (field: ColumnField, before = 0) => before + ENTERPRISE_COLUMNS.findIndex((c) => c.field === field) + 1;

interface DataValidations {
  add(range: string, validation: ExcelJS.DataValidation): void;
}

/**
 * The import template: header with a comment on every column, dropdowns for districts, chains,
 * clusters, size class and manufacturing type fed from a hidden sheet of the current taxonomy. A
 * district officer's template offers only their own district.
 */
export async function buildImportTemplate(taxonomy: SheetTaxonomy, actor: Actor, maxRows: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Zhizao 智造';
  const sheet = workbook.addWorksheet(SHEET_NAME, { views: SHEET_VIEWS });
  layOutEnterpriseSheet(sheet, '企业名录导入模板（带 * 为必填项；请勿修改表头、合并单元格；第 3 行起填写，最多 ' + maxRows + ' 行）');
  const header = sheet.getRow(HEADER_ROW);
  ENTERPRISE_COLUMNS.forEach((c, i) => {
    header.getCell(i + 1).note = (c.required ? '必填。' : '选填。') + c.note;
  });

  const districts = taxonomy.districts.items.filter((d) => actor.role !== 'district_officer' || d.code === actor.districtCode);
  const lists: { field: ColumnField; header: string; values: string[]; strict: boolean }[] = [
    { field: 'districtCode', header: '区市选项', values: districts.map((d) => d.nameZh), strict: true },
    // 产业链 takes several names: the list offers one, free text is allowed for more.
    { field: 'chainCodes', header: '产业链选项', values: taxonomy.chains.items.map((c) => c.nameZh), strict: false },
    { field: 'clusterCode', header: '产业集群选项', values: taxonomy.clusters.items.map((c) => c.nameZh), strict: true },
    { field: 'sizeClass', header: '规模选项', values: SIZE_CLASS_NAMES, strict: true },
    { field: 'manufacturingType', header: '制造类型选项', values: MANUFACTURING_TYPE_NAMES, strict: true },
  ];
  const options = workbook.addWorksheet(OPTIONS_SHEET, { state: 'hidden' });
  const validations = (sheet as unknown as { dataValidations: DataValidations }).dataValidations;
  lists.forEach((list, i) => {
    const letter = columnLetter(i + 1);
    options.getCell(1, i + 1).value = list.header;
    list.values.forEach((v, j) => (options.getCell(j + 2, i + 1).value = v));
    if (!list.values.length) return;
    const target = columnLetter(fieldColumn(list.field));
    validations.add(`${target}${HEADER_ROW + 1}:${target}${HEADER_ROW + maxRows}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`'${OPTIONS_SHEET}'!$${letter}$2:$${letter}$${list.values.length + 1}`],
      showErrorMessage: list.strict,
      errorStyle: 'warning',
      errorTitle: '取值不在列表中',
      error: '请从下拉列表中选择。',
    });
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export interface ErrorReportRow {
  /** The row number in the uploaded file. */
  row: number;
  /** The row's values in template column order. */
  cells: string[];
  problems: { field: ColumnField; text: string }[];
}

/**
 * The error report: the rows with problems in the template layout, the file's row number first, the
 * reasons last, each bad cell filled red with its reason as a comment. Fixed, it can be uploaded again.
 */
export async function buildErrorReport(
  title: string,
  labels: { row: string; problems: string },
  rows: readonly ErrorReportRow[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Zhizao 智造';
  const sheet = workbook.addWorksheet(SHEET_NAME, { views: SHEET_VIEWS });
  layOutEnterpriseSheet(sheet, title, { before: [{ header: labels.row, width: 10 }], after: [{ header: labels.problems, width: 80 }] });
  for (const r of rows) {
    const row = sheet.addRow([r.row, ...r.cells, r.problems.map((p) => p.text).join('；')]);
    const byColumn = new Map<number, string[]>();
    for (const p of r.problems) {
      const index = fieldColumn(p.field, 1);
      byColumn.set(index, [...(byColumn.get(index) ?? []), p.text]);
    }
    for (const [index, texts] of byColumn) {
      const cell = row.getCell(index);
      cell.fill = PROBLEM_FILL;
      cell.note = texts.join('\n');
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
