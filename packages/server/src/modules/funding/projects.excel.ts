import {
  formatMessage,
  PROJECT_KIND_LABELS,
  PROJECT_KINDS,
  projectProblems,
  type Actor,
  type Locale,
  type MessageKey,
  type ProjectKind,
} from '@zhizao/domain';
import ExcelJS from 'exceljs';
import type { Executor } from '../../db/database.ts';
import type { AuditActor } from '../../platform/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { cellText, firstWorksheetRows } from '../../platform/spreadsheet.ts';
import { allProjects, insertProjects, type ProjectFilter, type ProjectRecord } from './projects.repo.ts';
import { fenOfYuan, scopedDistrict, scopeOf, yuanOfFen } from './scope.ts';

// Projects in and out of Excel (issue 5 part 1). Import is all or nothing: every row is checked, every
// problem reported with its row and column, and only a clean file is written — in one transaction.
// Money in the sheet is in yuan (as people type it); in the database in fen.

export const PROJECT_IMPORT_MAX_ROWS = 2000;
const HEADER_SEARCH_ROWS = 10;

const COLUMNS = [
  { field: 'creditCode', header: '统一社会信用代码*', width: 22 },
  { field: 'name', header: '项目名称*', width: 30 },
  { field: 'year', header: '年度*', width: 8 },
  { field: 'kind', header: '项目类型*', width: 16 },
  { field: 'chainCode', header: '产业链代码', width: 12 },
  { field: 'equipmentFen', header: '设备投资（元）*', width: 16, money: true },
  { field: 'softwareFen', header: '软件投资（元）*', width: 16, money: true },
  { field: 'servicesFen', header: '服务投资（元）*', width: 16, money: true },
  { field: 'otherFen', header: '其他投资（元）*', width: 16, money: true },
  { field: 'startDate', header: '开工日期*', width: 12 },
  { field: 'completionDate', header: '完成日期', width: 12 },
  { field: 'description', header: '项目简介', width: 40 },
] as const;
type Field = (typeof COLUMNS)[number]['field'];
const EXPORT_EXTRA = [
  { header: '企业名称', width: 30 },
  { header: '区市代码', width: 10 },
  { header: '总投资（元）', width: 16 },
  { header: '状态', width: 10 },
];
const MONEY_FORMAT = '#,##0.00';
const headerOf = (field: string) => COLUMNS.find((c) => c.field === field)?.header.replace(/\*$/, '') ?? field;

const kindOfText = (text: string): ProjectKind | null =>
  (PROJECT_KINDS as readonly string[]).includes(text)
    ? (text as ProjectKind)
    : (PROJECT_KINDS.find((k) => PROJECT_KIND_LABELS[k].zh === text || PROJECT_KIND_LABELS[k].en === text) ?? null);

function layOut(sheet: ExcelJS.Worksheet, extra: { header: string; width: number }[] = []) {
  sheet.columns = [
    ...COLUMNS.map((c) => ({ header: c.header, width: c.width, style: 'money' in c ? { numFmt: MONEY_FORMAT } : {} })),
    ...extra.map((c) => ({ header: c.header, width: c.width })),
  ];
  sheet.getRow(1).font = { bold: true };
}

export async function projectTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('智改数转项目', { views: [{ state: 'frozen', ySplit: 1 }] });
  layOut(sheet);
  const kinds = `"${PROJECT_KINDS.map((k) => PROJECT_KIND_LABELS[k].zh).join(',')}"`;
  for (let row = 2; row <= PROJECT_IMPORT_MAX_ROWS + 1; row++)
    sheet.getCell(row, 4).dataValidation = { type: 'list', allowBlank: false, formulae: [kinds] };
  sheet.getCell(1, 6).note = '金额单位：元，最多两位小数；不得为负数';
  sheet.getCell(1, 10).note = '日期格式：YYYY-MM-DD';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export interface ImportProblem {
  row: number;
  field: string;
  code: string;
  message: string;
}

/** Reads the first sheet's rows under the header (found by its labels), as text per field; streamed, size-checked. */
async function readRows(data: Buffer): Promise<{ row: number; cells: Record<Field, string> }[]> {
  const plain = (h: string) => h.replace(/\*$/, '');
  let header: Map<Field, number> | null = null;
  const rows: { row: number; cells: Record<Field, string> }[] = [];
  for await (const row of firstWorksheetRows(data, PROJECT_IMPORT_MAX_ROWS)) {
    const values = row.values as ExcelJS.CellValue[];
    if (!header) {
      if (row.number > HEADER_SEARCH_ROWS) break;
      const found = new Map<Field, number>();
      values.forEach((v, index) => {
        const column = COLUMNS.find((c) => plain(c.header) === plain(cellText(v)));
        if (column) found.set(column.field, index);
      });
      if (found.size >= 3) {
        const missing = COLUMNS.find((c) => !found.has(c.field));
        if (missing) throw new AppError(400, 'import.badHeader', { column: plain(missing.header) });
        header = found;
      }
      continue;
    }
    const columns = header;
    const cells = Object.fromEntries(COLUMNS.map((c) => [c.field, cellText(values[columns.get(c.field)!])])) as Record<Field, string>;
    if (Object.values(cells).every((v) => v === '')) continue;
    if (rows.length >= PROJECT_IMPORT_MAX_ROWS) throw new AppError(400, 'import.tooManyRows', { limit: PROJECT_IMPORT_MAX_ROWS });
    rows.push({ row: row.number, cells });
  }
  if (!header) throw new AppError(400, 'import.badHeader', { column: plain(COLUMNS[0].header) });
  if (rows.length === 0) throw new AppError(400, 'import.empty');
  return rows;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (s: string) =>
  DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

export async function importProjects(ctx: AppContext, actor: Actor, who: AuditActor, data: Buffer, locale: Locale) {
  const rows = await readRows(data);
  const [enterprises, chains] = await Promise.all([
    ctx.db
      .selectFrom('enterprise')
      .select(['id', 'creditCode', 'districtCode'])
      .where('archived', '=', 0)
      .where('creditCode', 'in', [...new Set(rows.map((r) => r.cells.creditCode.toUpperCase()))])
      .execute(),
    ctx.db.selectFrom('industryChain').select('code').execute(),
  ]);
  const byCode = new Map(enterprises.map((e) => [e.creditCode, e]));
  const chainCodes = new Set(chains.map((c) => c.code));
  const firstChains = await firstChainsOf(
    ctx.db,
    enterprises.map((e) => e.id),
  );
  const problems: ImportProblem[] = [];
  const records: ProjectRecord[] = [];
  for (const { row, cells } of rows) {
    const problem = (field: string, key: MessageKey, params: Record<string, string | number> = {}) =>
      problems.push({ row, field, code: key, message: formatMessage(key, locale, { ...params, field: headerOf(field) }) });
    const before = problems.length;
    const enterprise = byCode.get(cells.creditCode.toUpperCase());
    const inScope =
      enterprise &&
      (actor.role === 'bureau_admin' || (actor.role === 'district_officer' && enterprise.districtCode === actor.districtCode));
    if (!cells.creditCode) problem('creditCode', 'validation.required');
    else if (!inScope) problem('creditCode', 'funding.projectEnterpriseUnknown');
    if (!cells.name) problem('name', 'validation.required');
    else if (cells.name.length > 200) problem('name', 'validation.maxLength', { limit: 200 });
    const year = Number(cells.year);
    if (!Number.isInteger(year) || year < 2000 || year > 2100) problem('year', 'validation.invalid');
    const kind = kindOfText(cells.kind);
    if (!kind) problem('kind', 'validation.enum', { allowed: PROJECT_KINDS.map((k) => PROJECT_KIND_LABELS[k].zh).join('、') });
    if (cells.chainCode && !chainCodes.has(cells.chainCode)) problem('chainCode', 'funding.projectChainUnknown', { code: cells.chainCode });
    const money = {} as Record<'equipmentFen' | 'softwareFen' | 'servicesFen' | 'otherFen', number>;
    for (const field of ['equipmentFen', 'softwareFen', 'servicesFen', 'otherFen'] as const) {
      const text = cells[field].replace(/,/g, '') || '0';
      const yuan = Number(text);
      if (!/^-?\d+(\.\d{1,2})?$/.test(text) || !Number.isFinite(yuan)) problem(field, 'validation.type', { type: 'number' });
      else if (yuan < 0) problem(field, 'validation.minimum', { limit: 0 });
      else if (yuan > 1e13) problem(field, 'validation.maximum', { limit: 1e13 });
      money[field] = fenOfYuan(Math.max(0, yuan || 0));
    }
    if (!validDate(cells.startDate)) problem('startDate', 'validation.format', { format: 'YYYY-MM-DD' });
    if (cells.completionDate && !validDate(cells.completionDate)) problem('completionDate', 'validation.format', { format: 'YYYY-MM-DD' });
    if (cells.description.length > 2000) problem('description', 'validation.maxLength', { limit: 2000 });
    const record: ProjectRecord = {
      enterpriseId: enterprise?.id ?? 0,
      chainCode: cells.chainCode || (enterprise ? (firstChains.get(enterprise.id) ?? null) : null),
      year,
      kind: kind ?? 'other',
      name: cells.name,
      description: cells.description || null,
      ...money,
      startDate: cells.startDate,
      completionDate: cells.completionDate || null,
      milestones: [],
      targets: [],
    };
    if (problems.length === before) for (const p of projectProblems(record)) problem(p.field, p.key, p.params);
    records.push(record);
  }
  if (problems.length > 0) {
    throw new AppError(
      400,
      'funding.importInvalid',
      { count: problems.length },
      'file',
      problems.slice(0, 200).map((p) => ({
        field: `rows.${p.row}.${p.field}`,
        key: 'funding.importRowProblem' as const,
        params: { row: p.row, column: headerOf(p.field), problem: p.message },
      })),
    );
  }
  const ids = await ctx.db.transaction().execute(async (tx) => {
    const ids = await insertProjects(tx, records, { at: new Date().toISOString(), createdBy: actor.userId });
    await ctx.audit.appendMany(tx, who, [
      ...ids.map((id, i) => ({ action: 'funding.project.import', entityType: 'fundingProject', entityId: id, after: records[i] })),
      { action: 'funding.project.importCommit', entityType: 'fundingProject', after: { rows: ids.length } },
    ]);
    return ids;
  });
  return { imported: ids.length };
}

async function firstChainsOf(db: Executor, enterpriseIds: number[]): Promise<Map<number, string>> {
  if (enterpriseIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('enterpriseChain')
    .select(['enterpriseId', (eb) => eb.fn.min('chainCode').as('chainCode')])
    .where('enterpriseId', 'in', enterpriseIds)
    .groupBy('enterpriseId')
    .execute();
  return new Map(rows.map((r) => [r.enterpriseId, String(r.chainCode)]));
}

export async function exportProjects(db: Executor, actor: Actor, filter: ProjectFilter): Promise<Buffer> {
  const rows = await allProjects(db, scopeOf(actor), { ...filter, districtCode: scopedDistrict(actor, filter.districtCode) });
  const creditCodes = new Map(
    (rows.length
      ? await db
          .selectFrom('enterprise')
          .select(['id', 'creditCode'])
          .where('id', 'in', [...new Set(rows.map((r) => r.enterpriseId))])
          .execute()
      : []
    ).map((e) => [e.id, e.creditCode]),
  );
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('智改数转项目', { views: [{ state: 'frozen', ySplit: 1 }] });
  layOut(sheet, EXPORT_EXTRA);
  for (const r of rows) {
    sheet.addRow([
      creditCodes.get(r.enterpriseId),
      r.name,
      r.year,
      PROJECT_KIND_LABELS[r.kind as ProjectKind]?.zh ?? r.kind,
      r.chainCode,
      yuanOfFen(r.equipmentFen),
      yuanOfFen(r.softwareFen),
      yuanOfFen(r.servicesFen),
      yuanOfFen(r.otherFen),
      r.startDate,
      r.completionDate,
      r.description,
      r.enterpriseName,
      r.districtCode,
      yuanOfFen(r.totalInvestmentFen),
      r.status === 'completed' ? '已完成' : '在建',
    ]);
  }
  sheet.getColumn(COLUMNS.length + 3).numFmt = MONEY_FORMAT;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
