import type { EntryValues } from '@zhizao/domain';
import ExcelJS from 'exceljs';
import type { TestClient, TestResponse } from '../../../../test/harness.ts';
import { REGISTER_MODULES } from '../index.ts';
import type { SampleContext } from './module.ts';

// Helpers for register tests: a template downloaded, filled as a person would, uploaded; an export read back.

async function download(client: TestClient, path: string): Promise<{ status: number; data: Buffer }> {
  const response = await client.raw('GET', path);
  return { status: response.status, data: Buffer.from(await response.arrayBuffer()) };
}

export async function registerTemplateOf(client: TestClient, key: string): Promise<Buffer> {
  const template = await download(client, `/api/registers/${key}/template.xlsx`);
  if (template.status !== 200) throw new Error(`template of ${key}: ${template.status}`);
  return template.data;
}

/** The template with these rows under its header, in the template's column order. */
export async function filledTemplate(template: Buffer, rows: (string | number | null)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  rows.forEach((r, i) => (sheet.getRow(i + 2).values = r));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function uploadRegister(client: TestClient, key: string, data: Buffer, query = ''): Promise<TestResponse> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(data)]), `${key}.xlsx`);
  const response = await client.raw('POST', `/api/registers/${key}/import${query}`, { body: form });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

/** An exported workbook's rows as text, header first. */
export async function exportedRows(client: TestClient, path: string): Promise<string[][]> {
  const file = await download(client, path);
  if (file.status !== 200) throw new Error(`export ${path}: ${file.status}`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file.data as unknown as ArrayBuffer);
  const rows: string[][] = [];
  workbook.worksheets[0]!.eachRow((row) =>
    rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))),
  );
  return rows;
}

/**
 * What register samples point at in route tests: the fixture enterprise of 环翠区, and one live row per
 * register, made in catalogue order so a row can point at the ones before it. Set by `prepareSamples`.
 */
export const sampleContext: SampleContext = {
  enterpriseId: 0,
  districtCode: '371002',
  chainCode: 'TC1',
  rowOf: (register) => {
    const id = sampleRows.get(register);
    if (id === undefined) throw new Error(`no sample row of ${register}: call prepareSamples first`);
    return id;
  },
};
const sampleRows = new Map<string, number>();
let sampleSerial = 1;

/** One sample row per register, added as the bureau; ids kept for `sampleContext.rowOf`. */
export async function prepareSamples(bureau: TestClient, enterpriseId: number): Promise<void> {
  sampleContext.enterpriseId = enterpriseId;
  const taxonomy = await bureau.get('/api/registry/taxonomy');
  sampleContext.chainCode = taxonomy.body.chains[0]?.code ?? sampleContext.chainCode;
  sampleRows.clear();
  for (const module of REGISTER_MODULES) {
    await module.sampleSetup?.(bureau);
    const res = await bureau.post(`/api/registers/${module.definition.key}`, {
      ...module.sample(sampleContext, sampleSerial++),
      confirmWarnings: true,
    });
    if (res.status !== 201) throw new Error(`sample of ${module.definition.key}: ${res.status} ${JSON.stringify(res.body)}`);
    sampleRows.set(module.definition.key, res.body.id);
  }
}

/** A fresh valid body for a register's add route (and, with a version, its change route). */
export const sampleBody = (key: string): EntryValues & { confirmWarnings: boolean } => {
  const module = REGISTER_MODULES.find((m) => m.definition.key === key)!;
  return { ...module.sample(sampleContext, sampleSerial++), confirmWarnings: true };
};
