import { PassThrough, type Readable } from 'node:stream';
import { once } from 'node:events';
import { MANUFACTURING_TYPE_LABELS, type ManufacturingType } from '@zhizao/domain';
import ExcelJS from 'exceljs';
import type { Executor } from '../../db/database.ts';
import { chinaDate } from '../registry/export.service.ts';
import { eligiblePage, levelDistribution, type EligibleFilter, type GroupBy, type BureauFilter } from './bureau.service.ts';

// The bureau's two views as workbooks in the house style (title row, then 序号 first in the header),
// streamed row by row like the registry export.

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const LEVEL_HEADERS = ['未达一级', '一级', '二级', '三级', '四级', '五级'];
const GROUP_NAMES: Record<GroupBy, string> = { chain: '产业链', district: '区市', manufacturingType: '制造类型' };
const BIN_HEADERS = ['一级及以下', '二级', '三级', '四级及以上'];

function today(): string {
  const d = chinaDate();
  return `${d.slice(0, 4)}年${Number(d.slice(4, 6))}月${Number(d.slice(6))}日`;
}

function layOut(sheet: ExcelJS.Worksheet, title: string, columns: { header: string; width: number }[]): void {
  sheet.columns = columns.map((c) => ({ width: c.width }));
  const titleRow = sheet.getRow(1);
  titleRow.getCell(1).value = title;
  titleRow.getCell(1).font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, columns.length);
  titleRow.commit();
  const header = sheet.getRow(2);
  header.values = columns.map((c) => c.header);
  header.font = { bold: true };
  header.eachCell((cell) => (cell.fill = HEADER_FILL));
  header.commit();
}

const percent = (x: number | null) => (x === null ? '' : Math.round(x * 1000) / 10);

function filterNote(filter: BureauFilter): string {
  const parts = [
    filter.modelVersion ? `模型 ${filter.modelVersion}` : '',
    filter.year ? `${filter.year} 年提交` : '',
    filter.districtCode ? `区市 ${filter.districtCode}` : '',
  ].filter(Boolean);
  return parts.length ? `；${parts.join('，')}` : '';
}

async function finish(out: PassThrough, work: (workbook: ExcelJS.stream.xlsx.WorkbookWriter) => Promise<void>): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  await work(workbook);
  await workbook.commit();
}

/** The distribution by group with the city row and the national snapshot beneath. Reads everything before the first byte. */
export async function distributionWorkbook(db: Executor, groupBy: GroupBy, filter: BureauFilter, snapshotId?: string): Promise<Readable> {
  const data = await levelDistribution(db, groupBy, filter, 'zh-CN', snapshotId);
  const out = new PassThrough();
  void finish(out, async (workbook) => {
    const sheet = workbook.addWorksheet('等级分布', { views: [{ state: 'frozen', ySplit: 2 }] });
    const columns = [
      { header: '序号', width: 8 },
      { header: GROUP_NAMES[groupBy], width: 24 },
      { header: '企业数', width: 10 },
      ...LEVEL_HEADERS.map((h) => ({ header: h, width: 10 })),
      { header: '二级及以上占比（%）', width: 18 },
    ];
    layOut(
      sheet,
      `智能制造能力成熟度等级分布（按${GROUP_NAMES[groupBy]}，各企业最近一次提交的自诊断${filterNote(filter)}；导出日期 ${today()}）`,
      columns,
    );
    data.groups.forEach((g, i) => sheet.addRow([i + 1, g.name, g.total, ...g.levels, percent(g.atLeastL2)]).commit());
    const city = sheet.addRow(['', '全市合计', data.city.total, ...data.city.levels, percent(data.city.atLeastL2)]);
    city.font = { bold: true };
    city.commit();
    sheet.addRow([]).commit();
    const n = data.national;
    sheet.addRow(['', `全国参照：${n.label}（c3mep 自诊断数据${n.enterprises ? `，${n.enterprises} 家` : ''}）`]).commit();
    sheet.addRow(['', '分档', ...BIN_HEADERS, '二级及以上']).commit();
    sheet
      .addRow(['', '全国占比（%）', ...(['upToL1', 'l2', 'l3', 'l4Plus'] as const).map((b) => percent(n.shares[b])), percent(n.atLeastL2)])
      .commit();
    sheet
      .addRow([
        '',
        '本市占比（%）',
        ...(['upToL1', 'l2', 'l3', 'l4Plus'] as const).map((b) => percent(data.city.shares[b])),
        percent(data.city.atLeastL2),
      ])
      .commit();
    sheet.addRow(['', `来源：${n.sources.join(' ; ')}`]).commit();
    sheet.commit();
  }).catch((error: unknown) => out.destroy(error as Error));
  return out;
}

const drained = async (out: PassThrough) => {
  const done = new AbortController();
  await Promise.race([once(out, 'drain', { signal: done.signal }), once(out, 'close', { signal: done.signal })]).finally(() =>
    done.abort(),
  );
};

/** The eligible list, page by page, so memory stays flat. The first page is read before any byte goes out. */
export async function eligibleWorkbook(db: Executor, filter: EligibleFilter, districtNames: Map<string, string>): Promise<Readable> {
  const PAGE = 1000;
  const first = await eligiblePage(db, filter, PAGE, 0);
  const out = new PassThrough();
  void finish(out, async (workbook) => {
    const sheet = workbook.addWorksheet('可申报企业', { views: [{ state: 'frozen', ySplit: 2 }] });
    const columns = [
      { header: '序号', width: 8 },
      { header: '企业名称', width: 40 },
      { header: '统一社会信用代码', width: 22 },
      { header: '区市', width: 14 },
      { header: '制造类型', width: 10 },
      { header: '自诊断等级', width: 12 },
      { header: '总分', width: 8 },
      { header: '提交日期', width: 14 },
      { header: '专家核定等级', width: 14 },
      { header: '模型版本', width: 16 },
    ];
    layOut(sheet, `成熟度 ${filter.minLevel} 级及以上企业（可申报认定${filterNote(filter)}；导出日期 ${today()}）`, columns);
    let serial = 0;
    let page = first;
    for (let offset = 0; page.length; page = await eligiblePage(db, filter, PAGE, (offset += PAGE))) {
      for (const e of page) {
        const type = MANUFACTURING_TYPE_LABELS[e.manufacturingType as ManufacturingType]?.zh ?? e.manufacturingType;
        sheet
          .addRow([
            ++serial,
            e.enterpriseName,
            e.creditCode,
            districtNames.get(e.districtCode) ?? e.districtCode,
            type,
            LEVEL_HEADERS[e.level],
            Math.round(e.score * 100) / 100,
            (e.submittedAt ?? '').slice(0, 10),
            e.verifiedLevel === null ? '' : LEVEL_HEADERS[e.verifiedLevel],
            e.modelVersion,
          ])
          .commit();
      }
      if (out.writableNeedDrain) await drained(out);
      if (out.destroyed || page.length < PAGE) break;
    }
    sheet.commit();
  }).catch((error: unknown) => out.destroy(error as Error));
  return out;
}
