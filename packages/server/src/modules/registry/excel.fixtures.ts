import { completeCreditCode, type EnterpriseInput } from '@zhizao/domain';
import ExcelJS from 'exceljs';
import type { Json, TestClient, TestResponse } from '../../../test/harness.ts';

// Test fixtures for the Excel tests: workbooks built with exceljs the way a person would fill them.
// The headers are spelled out here, not imported, so the tests pin the template's contract.

export const TEMPLATE_HEADERS = [
  '统一社会信用代码*',
  '企业名称*',
  '所属区市*',
  '产业链',
  '产业集群',
  '规模*',
  '制造类型*',
  '国民经济行业代码',
  '地址',
  '主要产品',
  '联系人',
  '联系电话',
  '电子邮箱',
] as const;

export const SHEET_FIELDS = [
  'creditCode',
  'name',
  'districtCode',
  'chainCodes',
  'clusterCode',
  'sizeClass',
  'manufacturingType',
  'industryCode',
  'address',
  'mainProducts',
  'contactName',
  'contactPhone',
  'contactEmail',
] as const satisfies readonly (keyof EnterpriseInput)[];

export type SheetRow = Partial<Record<(typeof SHEET_FIELDS)[number], string | number>>;

/** A credit code that passes the check character: `prefix` (two letters, none of I O S V Z) keeps tests apart. */
export const creditCode = (prefix: string, serial: number, division = '371002') =>
  completeCreditCode(`91${division}${prefix}${String(serial).padStart(7, '0')}`);

/** A row as a person fills it: names, not codes. */
export function goodRow(prefix: string, serial: number, overrides: SheetRow = {}): SheetRow {
  return {
    creditCode: creditCode(prefix, serial),
    name: `威海${prefix}精密轴承制造有限公司${serial}`,
    districtCode: '环翠区',
    chainCodes: '测试产业链一',
    clusterCode: '测试集群',
    sizeClass: '规上',
    manufacturingType: '离散型',
    industryCode: 'C3484',
    address: '威海市环翠区工业路8号',
    mainProducts: '精密轴承、滚动体',
    contactName: '李经理',
    contactPhone: '13900000000',
    contactEmail: 'li@example.com',
    ...overrides,
  };
}

/** A workbook with a title row, the template's header row and these rows; `headers` replaces the header. */
export async function enterpriseWorkbook(
  rows: readonly SheetRow[],
  options: { headers?: readonly string[]; title?: boolean } = {},
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('企业名录');
  if (options.title ?? true) sheet.addRow(['企业名录导入']);
  sheet.addRow([...(options.headers ?? TEMPLATE_HEADERS)]);
  for (const r of rows) sheet.addRow(SHEET_FIELDS.map((f) => r[f] ?? null));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Fills the downloaded template from row 3, as a person would. */
export async function fillTemplate(template: Buffer, rows: readonly SheetRow[]): Promise<Buffer> {
  const workbook = await readWorkbook(template);
  const sheet = workbook.getWorksheet('企业名录')!;
  rows.forEach((r, i) => {
    const row = sheet.getRow(3 + i);
    SHEET_FIELDS.forEach((f, j) => {
      if (r[f] !== undefined) row.getCell(j + 1).value = r[f];
    });
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function readWorkbook(data: Buffer | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as ArrayBuffer);
  return workbook;
}

/** A row's cell values as text, from column 1. */
export const rowTexts = (sheet: ExcelJS.Worksheet, row: number) =>
  (sheet.getRow(row).values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)));

export async function upload(client: TestClient, data: Buffer | string, fileName = '企业导入.xlsx', field = 'file'): Promise<TestResponse> {
  const form = new FormData();
  form.append(field, new Blob([data]), fileName);
  const response = await client.raw('POST', '/api/enterprises/import', { body: form });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

/** GETs a file; the body is the bytes on success, the parsed error otherwise. */
export async function download(client: TestClient, path: string): Promise<{ status: number; headers: Headers; data: Buffer; body: Json }> {
  const response = await client.raw('GET', path);
  const data = Buffer.from(await response.arrayBuffer());
  const body = response.headers.get('content-type')?.includes('json') ? JSON.parse(data.toString('utf8')) : null;
  return { status: response.status, headers: response.headers, data, body };
}
