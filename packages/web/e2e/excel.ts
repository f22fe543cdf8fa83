import ExcelJS from 'exceljs';

/** Every non-empty row of a workbook's first sheet, as trimmed cell texts. */
export async function sheetRows(data: Buffer | ArrayBuffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as ArrayBuffer);
  const rows: string[][] = [];
  workbook.worksheets[0]!.eachRow((row) => {
    const values = (row.values as ExcelJS.CellValue[]).slice(1);
    rows.push(
      values.map((v) =>
        (v === null || v === undefined
          ? ''
          : typeof v === 'object' && 'richText' in v
            ? v.richText.map((r) => r.text).join('')
            : String(v)
        ).trim(),
      ),
    );
  });
  return rows;
}

/** The header row of a sheet: the first row that names the enterprise column 企业名称. */
export function headerOf(rows: string[][]): string[] {
  const header = rows.find((r) => r.some((cell) => cell.replace('*', '') === '企业名称'));
  if (!header) throw new Error('no header row with 企业名称');
  return header;
}

/** A one-sheet workbook: the given header, then one row per record keyed by header label (without *). */
export async function workbookWith(header: string[], records: Record<string, string>[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('企业名录');
  sheet.addRow(header);
  for (const record of records) sheet.addRow(header.map((label) => record[label.replace('*', '')] ?? ''));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
