import type { Actor } from '@zhizao/domain';
import ExcelJS from 'exceljs';
import type { Executor } from '../../db/database.ts';
import type { ReportFilter } from './reports.repo.ts';
import { breakdownRows, yearRows } from './reports.service.ts';
import { yuanOfFen } from './scope.ts';

// The reports as a workbook: per year (with the share of the fund), per chain and per district, in 万元
// as officials read them. Small (a row per year or group), so built in memory.

const wan = (fen: number) => Math.round(yuanOfFen(fen)) / 10_000;
const MONEY = '#,##0.00';

function sheetOf(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: { header: string; key: string; width: number; money?: boolean; share?: boolean }[],
  rows: Record<string, unknown>[],
) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width,
    style: c.money ? { numFmt: MONEY } : c.share ? { numFmt: '0.0%' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow(r);
}

export async function reportWorkbook(db: Executor, actor: Actor, filter: ReportFilter): Promise<Buffer> {
  const [years, chains, districts] = await Promise.all([
    yearRows(db, actor, filter),
    breakdownRows(db, actor, 'chain', filter),
    breakdownRows(db, actor, 'district', filter),
  ]);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Zhizao';
  const money = (r: { investmentFen: number; awardedFen: number; paidFen: number; clawedBackFen: number }) => ({
    investment: wan(r.investmentFen),
    awarded: wan(r.awardedFen),
    paid: wan(r.paidFen),
    clawedBack: wan(r.clawedBackFen),
  });
  const moneyColumns = [
    { header: '项目投资（万元）', key: 'investment', width: 18, money: true },
    { header: '奖补资金（万元）', key: 'awarded', width: 18, money: true },
    { header: '已拨付（万元）', key: 'paid', width: 16, money: true },
    { header: '已追回（万元）', key: 'clawedBack', width: 16, money: true },
  ];
  sheetOf(
    workbook,
    '年度',
    [
      { header: '年度', key: 'year', width: 8 },
      { header: '项目数', key: 'projects', width: 10 },
      { header: '获奖补项目', key: 'awards', width: 12 },
      ...moneyColumns,
      { header: '专项资金总额（万元）', key: 'fund', width: 20, money: true },
      { header: '占专项资金比例', key: 'share', width: 16, share: true },
    ],
    years.rows.map((r) => ({
      year: r.year,
      projects: r.projects,
      awards: r.awards,
      ...money(r),
      fund: r.fundTotalFen === null ? null : wan(r.fundTotalFen),
      share: r.shareOfFund,
    })),
  );
  for (const [name, data] of [
    ['产业链', chains.rows],
    ['区市', districts.rows],
  ] as const) {
    sheetOf(
      workbook,
      name,
      [
        { header: '代码', key: 'code', width: 12 },
        { header: '名称', key: 'name', width: 24 },
        { header: '项目数', key: 'projects', width: 10 },
        { header: '获奖补项目', key: 'awards', width: 12 },
        ...moneyColumns,
      ],
      data.map((r) => ({ code: r.code, name: r.nameZh, projects: r.projects, awards: r.awards, ...money(r) })),
    );
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
