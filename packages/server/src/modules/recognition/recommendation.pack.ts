import {
  KPI_CODES,
  KPI_DEFINITIONS,
  RECOGNITION_KIND_LABELS,
  RECOGNITION_LEVEL_LABELS,
  benchmarkCheck,
  kpiChange,
  type KpiSet,
  type RecognitionKind,
  type RecognitionLevel,
} from '@zhizao/domain';
import ExcelJS from 'exceljs';
import type { ReportDocument } from '../maturity/export.content.ts';
import { reportDocx } from '../maturity/export.docx.ts';
import { reportPdf } from '../maturity/export.pdf.ts';

// The upward recommendation pack (issue 4 part 7; recognition-and-funding.md §4): the ranked summary table
// (推荐汇总表, Excel), and each enterprise's application book (申报书) as Word and PDF rendered from one
// document, so the paper copy equals the online data (线上线下一致). The data itself goes in too, as JSON.

export interface PackItem {
  rank: number;
  recognitionId: number;
  recognitionNumber: string;
  enterpriseName: string;
  creditCode: string;
  districtName: string;
  chains: string[];
  projectName: string;
  projectDescription: string;
  serviceProviderName: string;
  recognisedOn: string;
  score: number | null;
  kpis: KpiSet;
}

export interface PackPayload {
  targetLevel: RecognitionLevel;
  kind: RecognitionKind;
  year: number;
  createdAt: string;
  items: PackItem[];
}

export interface PackFile {
  name: string;
  kind: 'summary' | 'book-docx' | 'book-pdf' | 'data';
  data: Buffer;
}

const pct = (x: number | null) => (x === null ? '—' : `${x > 0 ? '+' : ''}${(x * 100).toFixed(1)}%`);
const val = (x: number | null | undefined) => (x === null || x === undefined ? '—' : String(x));

function title(p: PackPayload): string {
  return `${p.year}年${RECOGNITION_LEVEL_LABELS[p.targetLevel].zh}${RECOGNITION_KIND_LABELS[p.kind].zh}推荐`;
}

/** The application book of one item, as a document both renderers draw. */
export function applicationBook(p: PackPayload, item: PackItem): ReportDocument {
  const b = benchmarkCheck(item.kpis);
  const name = `${String(item.rank).padStart(2, '0')}-${item.recognitionNumber}`;
  return {
    title: `${RECOGNITION_LEVEL_LABELS[p.targetLevel].zh}${RECOGNITION_KIND_LABELS[p.kind].zh}申报书`,
    colon: '：',
    facts: [
      ['推荐序号', String(item.rank)],
      ['企业名称', item.enterpriseName],
      ['统一社会信用代码', item.creditCode],
      ['所在区（市）', item.districtName],
      ['产业链', item.chains.join('、') || '—'],
      ['项目名称', item.projectName],
      ['市级认定编号', item.recognitionNumber],
      ['市级认定日期', item.recognisedOn],
      ['专家评审得分', val(item.score)],
      ['系统集成服务商', item.serviceProviderName || '—'],
    ],
    notices: [],
    sections: [
      { heading: '项目概述', note: item.projectDescription || '—', table: { columns: [], widths: [], rows: [] } },
      {
        heading: '关键指标（改造前后）',
        table: {
          columns: ['指标', '单位', '改造前', '改造后', '变化'],
          widths: [3, 2, 2, 2, 2],
          rows: KPI_CODES.filter((c) => item.kpis[c]).map((c) => [
            KPI_DEFINITIONS[c].label.zh,
            KPI_DEFINITIONS[c].unit.zh,
            val(item.kpis[c]?.before),
            val(item.kpis[c]?.after),
            pct(kpiChange(item.kpis[c])),
          ]),
        },
      },
      {
        heading: '对照全市认定基准（装备数控化率 ≥ 70%，运营成本 −20%，生产效率 +20%）',
        table: {
          columns: ['基准', '本项目', '是否达到'],
          widths: [3, 2, 2],
          rows: [
            ['装备数控化率 ≥ 70%', val(b.cncRate.value), b.cncRate.met === null ? '—' : b.cncRate.met ? '是' : '否'],
            ['运营成本降低 ≥ 20%', pct(b.operatingCost.value), b.operatingCost.met === null ? '—' : b.operatingCost.met ? '是' : '否'],
            ['生产效率提高 ≥ 20%', pct(b.productivity.value), b.productivity.met === null ? '—' : b.productivity.met ? '是' : '否'],
          ],
        },
      },
    ],
    fileName: `${name}.pdf`,
    asciiFileName: `${name}.pdf`,
  };
}

async function summaryWorkbook(p: PackPayload): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Zhizao';
  // fixed dates keep the bytes a function of the data alone
  workbook.created = new Date(p.createdAt);
  workbook.modified = new Date(p.createdAt);
  const sheet = workbook.addWorksheet('推荐汇总表');
  const columns = [
    '推荐序号',
    '企业名称',
    '统一社会信用代码',
    '所在区（市）',
    '项目名称',
    '市级认定编号',
    '专家评审得分',
    '装备数控化率（%）',
    '运营成本变化',
    '生产效率变化',
  ];
  sheet.columns = columns.map((_, i) => ({ width: [10, 30, 22, 14, 34, 20, 12, 14, 12, 12][i] }));
  sheet.addRow([`${title(p)}汇总表（按推荐优先顺序）`]).font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, columns.length);
  const header = sheet.addRow(columns);
  header.font = { bold: true };
  for (const item of p.items) {
    const b = benchmarkCheck(item.kpis);
    sheet.addRow([
      item.rank,
      item.enterpriseName,
      item.creditCode,
      item.districtName,
      item.projectName,
      item.recognitionNumber,
      item.score ?? '',
      b.cncRate.value ?? '',
      pct(b.operatingCost.value),
      pct(b.productivity.value),
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Every file of the pack, in a fixed order: data, summary, then each book as Word and PDF. */
export async function buildPack(p: PackPayload): Promise<PackFile[]> {
  const files: PackFile[] = [
    { name: 'data.json', kind: 'data', data: Buffer.from(JSON.stringify(p, null, 2)) },
    { name: 'summary.xlsx', kind: 'summary', data: await summaryWorkbook(p) },
  ];
  for (const item of p.items) {
    const doc = applicationBook(p, item);
    const base = doc.fileName.replace(/\.pdf$/, '');
    files.push({ name: `${base}.docx`, kind: 'book-docx', data: await reportDocx(doc) });
    files.push({ name: `${base}.pdf`, kind: 'book-pdf', data: await reportPdf(doc) });
  }
  return files;
}
