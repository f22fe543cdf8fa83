import {
  cellOfValue,
  parseCell,
  registerByKey,
  type Actor,
  type CellLookups,
  type EntryProblem,
  type EntryValues,
  type FieldSpec,
  type Locale,
  type RegisterDefinition,
} from '@zhizao/domain';
import ExcelJS from 'exceljs';
import type { Executor } from '../../../db/database.ts';
import type { AuditActor } from '../../../platform/audit.ts';
import type { AppContext } from '../../../platform/context.ts';
import { AppError, localiseProblem } from '../../../platform/errors.ts';
import { cellText, firstWorksheetRows } from '../../../platform/spreadsheet.ts';
import { labelsOf, presentEntry } from './entries.ts';
import { anyDb, findRow, listRows, type RegisterFilter } from './repo.ts';
import { readScope } from './scope.ts';
import { chinaToday, insertEntries, keyLabels, type RegisterHooks } from './service.ts';
import { vetEntries, type Owner } from './vetting.ts';

// A register in and out of Excel. The template's columns are the definition's fields, headed by their
// Chinese labels (required ones marked *); people type labels and names, parseCell finds the codes.
// Import is all or nothing: every row is checked as a typed one would be (the same vetEntry), every
// problem reported by row and column, rows repeating each other or a stored row reported, and only a
// clean file is written, in one transaction, each row audited.

export const REGISTER_IMPORT_MAX_ROWS = 2000;
/** Most rows one import of this register may hold: its own limit (definition.importMaxRows) or the default. */
export const importMaxRowsOf = (definition: RegisterDefinition) => definition.importMaxRows ?? REGISTER_IMPORT_MAX_ROWS;
const HEADER_SEARCH_ROWS = 10;
const MONEY_FORMAT = '#,##0.00';

const plain = (header: string) => header.replace(/[*＊]$/, '').trim();
const headerOf = (field: FieldSpec) => {
  const base =
    field.type === 'enterprise'
      ? `${field.label.zh}（统一社会信用代码）`
      : field.type === 'money'
        ? `${field.label.zh}（元）`
        : field.label.zh;
  return field.required ? `${base}*` : base;
};

function noteOf(field: FieldSpec): string | undefined {
  if (field.help) return field.help.zh;
  if (field.type === 'date') return '日期格式：YYYY-MM-DD';
  if (field.type === 'boolean') return '填「是」或「否」';
  if (field.type === 'money') return '金额单位：元，最多两位小数';
  if (field.type === 'chain' || field.type === 'district') return '填代码或名称';
  return undefined;
}

function layOut(sheet: ExcelJS.Worksheet, definition: RegisterDefinition, extra: string[]) {
  sheet.columns = [
    ...definition.fields.map((f) => ({
      header: headerOf(f),
      width: f.type === 'text' ? (f.multiline ? 40 : 24) : f.type === 'enterprise' ? 26 : 14,
      style: f.type === 'money' ? { numFmt: MONEY_FORMAT } : {},
    })),
    ...extra.map((header) => ({ header, width: 18 })),
  ];
  sheet.getRow(1).font = { bold: true };
}

export async function registerTemplate(definition: RegisterDefinition): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(definition.label.zh.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  layOut(sheet, definition, []);
  definition.fields.forEach((field, index) => {
    const note = noteOf(field);
    if (note) sheet.getCell(1, index + 1).note = note;
    const choices = field.type === 'enum' ? field.options.map((o) => o.label.zh) : field.type === 'boolean' ? ['是', '否'] : null;
    if (choices)
      for (let row = 2; row <= importMaxRowsOf(definition) + 1; row++)
        sheet.getCell(row, index + 1).dataValidation = { type: 'list', allowBlank: !field.required, formulae: [`"${choices.join(',')}"`] };
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Names for codes and ids in a sheet: chains, districts, credit codes, the natural keys of referenced rows. */
async function sheetNames(db: Executor, definition: RegisterDefinition) {
  const [chains, districts] = await Promise.all([
    db.selectFrom('industryChain').select(['code', 'nameZh', 'nameEn']).execute(),
    db.selectFrom('district').select(['code', 'nameZh', 'nameEn']).execute(),
  ]);
  const references = new Map<string, Map<number, string>>();
  for (const field of definition.fields) {
    if (field.type !== 'reference' || references.has(field.register)) continue;
    const target = registerByKey(field.register);
    if (!target) continue;
    const keys = target.naturalKey ?? [target.titleField];
    const rows = (await anyDb(db)
      .selectFrom(target.table)
      .select(['id', ...keys])
      .where('archived', '=', 0)
      .execute()) as Record<string, unknown>[];
    references.set(field.register, new Map(rows.map((r) => [Number(r.id), keys.map((k) => String(r[k] ?? '')).join(' ')])));
  }
  return { chains, districts, references };
}

export async function exportEntries(
  ctx: AppContext,
  definition: RegisterDefinition,
  actor: Actor,
  filter: RegisterFilter,
): Promise<Buffer> {
  const { rows } = await listRows(ctx.db, definition, readScope(definition, actor), filter, null);
  const names = await sheetNames(ctx.db, definition);
  const enterpriseIds = [...new Set(rows.map((r) => r.enterpriseId).filter((id): id is number => id !== null))];
  const creditCodes = new Map<number, string>();
  for (let i = 0; i < enterpriseIds.length; i += 500) {
    const batch = await ctx.db
      .selectFrom('enterprise')
      .select(['id', 'creditCode'])
      .where('id', 'in', enterpriseIds.slice(i, i + 500))
      .execute();
    for (const e of batch) creditCodes.set(e.id, e.creditCode);
  }
  const districtName = new Map(names.districts.map((d) => [d.code, d.nameZh]));
  const derived = definition.derived ?? [];
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(definition.label.zh.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  layOut(sheet, definition, [...derived.map((d) => d.label.zh), '企业名称', '区市']);
  const today = chinaToday();
  for (const row of rows) {
    const entry = presentEntry(definition, row, row.enterpriseName, today);
    sheet.addRow([
      ...definition.fields.map((f) =>
        f.type === 'enterprise'
          ? (creditCodes.get(Number(entry[f.key])) ?? null)
          : cellOfValue(f, entry[f.key] as never, { reference: (register, id) => names.references.get(register)?.get(id) ?? String(id) }),
      ),
      ...derived.map((d) => {
        const value = entry[d.key] as string | number | null;
        return d.options?.find((o) => o.value === value)?.label.zh ?? value;
      }),
      entry.enterpriseName,
      entry.districtCode ? (districtName.get(entry.districtCode) ?? entry.districtCode) : null,
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

interface SheetRow {
  row: number;
  cells: string[];
}

async function readRows(definition: RegisterDefinition, data: Buffer): Promise<SheetRow[]> {
  let columns: number[] | null = null;
  const rows: SheetRow[] = [];
  const maxRows = importMaxRowsOf(definition);
  for await (const row of firstWorksheetRows(data, maxRows)) {
    const values = row.values as ExcelJS.CellValue[];
    if (!columns) {
      if (row.number > HEADER_SEARCH_ROWS) break;
      const found = definition.fields.map((f) => values.findIndex((v) => plain(cellText(v)) === plain(headerOf(f))));
      if (found.filter((i) => i >= 0).length >= Math.min(2, definition.fields.length)) {
        const missing = definition.fields.find((_, i) => found[i]! < 0);
        if (missing) throw new AppError(400, 'import.badHeader', { column: plain(headerOf(missing)) }, 'file');
        columns = found;
      }
      continue;
    }
    const cells = columns.map((i) => cellText(values[i]));
    if (cells.every((c) => c === '')) continue;
    if (rows.length >= maxRows) throw new AppError(400, 'import.tooManyRows', { limit: maxRows }, 'file');
    rows.push({ row: row.number, cells });
  }
  if (!columns) throw new AppError(400, 'import.badHeader', { column: plain(headerOf(definition.fields[0]!)) }, 'file');
  if (rows.length === 0) throw new AppError(400, 'import.empty', {}, 'file');
  return rows;
}

async function cellLookups(db: Executor, definition: RegisterDefinition, actor: Actor, rows: SheetRow[]): Promise<CellLookups> {
  const names = await sheetNames(db, definition);
  const byName = (list: { code: string; nameZh: string; nameEn: string }[]) => {
    const map = new Map<string, string>();
    for (const item of list) for (const key of [item.code, item.nameZh, item.nameEn.toLowerCase()]) map.set(key, item.code);
    return (text: string) => map.get(text) ?? map.get(text.toLowerCase()) ?? null;
  };
  const enterpriseColumn = definition.fields.findIndex((f) => f.type === 'enterprise');
  const codes = enterpriseColumn < 0 ? [] : [...new Set(rows.map((r) => r.cells[enterpriseColumn]!.toUpperCase()).filter(Boolean))];
  const enterprises = new Map<string, number>();
  for (let i = 0; i < codes.length; i += 500) {
    let query = db
      .selectFrom('enterprise')
      .select(['id', 'creditCode'])
      .where('archived', '=', 0)
      .where('creditCode', 'in', codes.slice(i, i + 500));
    if (definition.ownership === 'enterprise' && actor.role === 'district_officer')
      query = query.where('districtCode', '=', actor.districtCode ?? '-');
    for (const e of await query.execute()) enterprises.set(e.creditCode, e.id);
  }
  const referenceIds = new Map(
    [...names.references].map(([register, byId]) => [register, new Map([...byId].map(([id, key]) => [key, id]))]),
  );
  return {
    chain: byName(names.chains),
    district: byName(names.districts),
    enterprise: (code) => enterprises.get(code) ?? null,
    reference: (register, key) => referenceIds.get(register)?.get(key) ?? null,
  };
}

interface RowProblem extends EntryProblem {
  row: number;
  rule?: { zh: string; en: string };
}

export async function importEntries(
  ctx: AppContext,
  definition: RegisterDefinition,
  hooks: RegisterHooks,
  actor: Actor,
  who: AuditActor,
  data: Buffer,
  locale: Locale,
  confirmWarnings: boolean,
): Promise<{ imported: number }> {
  const rows = await readRows(definition, data);
  const lookups = await cellLookups(ctx.db, definition, actor, rows);
  const problems: RowProblem[] = [];
  const warnings: RowProblem[] = [];
  const parsed: { row: number; values: EntryValues }[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of rows) {
    const values: EntryValues = {};
    const before = problems.length;
    definition.fields.forEach((field, i) => {
      const outcome = parseCell(field, cells[i]!, lookups);
      if ('problem' in outcome) problems.push({ row, field: field.key, ...outcome.problem });
      else values[field.key] = outcome.value;
    });
    if (problems.length > before) continue;
    for (const keys of definition.uniqueBy ?? []) {
      if (keys.some((k) => values[k] === null)) continue;
      const key = JSON.stringify([keys, keys.map((k) => values[k])]);
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, row);
        continue;
      }
      problems.push({ row, field: keys[0]!, key: 'registers.duplicateRow', params: { row: first, ...keyLabels(definition, keys) } });
      break; // one repeat is enough to report a row
    }
    if (problems.length === before) parsed.push({ row, values });
  }
  // the rest of the checks, for all rows at once (vetting.ts), in the rows' order
  const verdicts = await vetEntries(
    ctx.db,
    definition,
    actor,
    parsed.map(({ values }) => ({ values, existingId: null })),
    hooks.check,
    { confirmWarnings, today: chinaToday() },
  );
  const vetted: { values: EntryValues; owner: Owner }[] = [];
  parsed.forEach(({ row, values }, i) => {
    const verdict = verdicts[i]!;
    if (!(verdict instanceof AppError)) return void vetted.push({ values, owner: verdict });
    const found = (verdict.problems ?? [{ field: verdict.field ?? 'file', key: verdict.key, params: verdict.params }]).map((p) => ({
      row,
      ...p,
    }));
    (verdict.key === 'registers.confirmWarnings' ? warnings : problems).push(...found);
  });
  problems.sort((a, b) => a.row - b.row);
  const report = problems.length ? problems : warnings;
  if (report.length) {
    const labels = labelsOf(definition);
    throw new AppError(
      400,
      problems.length ? 'registers.importInvalid' : 'registers.importWarnings',
      { count: report.length },
      'file',
      report.slice(0, 500).map((p) => {
        const field = definition.fields.find((f) => f.key === p.field);
        return {
          field: `rows.${p.row}.${p.field}`,
          key: 'registers.importRowProblem' as const,
          params: {
            row: p.row,
            column: field ? plain(headerOf(field)) : p.field,
            problem: localiseProblem(p, locale, labels).message,
          },
          ...(p.rule ? { rule: p.rule } : {}),
        };
      }),
    );
  }
  const imported = await ctx.db.transaction().execute(async (tx) => {
    const ids = await insertEntries(tx, definition, vetted, actor.userId, false);
    if (hooks.afterWrite)
      for (const id of ids) {
        const row = (await findRow(tx, definition, id))!;
        await hooks.afterWrite(tx, presentEntry(definition, row, row.enterpriseName, chinaToday()), null, actor);
      }
    await ctx.audit.appendMany(tx, who, [
      ...ids.map((id, i) => ({
        action: `registers.${definition.key}.import`,
        entityType: definition.key,
        entityId: id,
        after: vetted[i]!.values,
      })),
      { action: `registers.${definition.key}.importCommit`, entityType: definition.key, after: { rows: ids.length } },
    ]);
    return ids.length;
  });
  return { imported };
}
