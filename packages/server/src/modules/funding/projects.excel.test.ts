import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { expectError } from '../../../test/expect.ts';
import { describeEachDatabase, type TestClient, type TestResponse } from '../../../test/harness.ts';
import { download } from '../registry/excel.fixtures.ts';
import { created, projectBody } from './funding.test-support.ts';
import { PROJECT_IMPORT_MAX_ROWS } from './projects.excel.ts';

// Projects through Excel: the template filled in and uploaded imports every row or none; the export
// gives the same columns back in yuan.

async function uploadProjects(client: TestClient, data: Buffer): Promise<TestResponse> {
  const form = new FormData();
  form.append('file', new Blob([data]), '项目.xlsx');
  const response = await client.raw('POST', '/api/funding/projects/import', { body: form });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

async function filled(template: Buffer, rows: (string | number | Date | null)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  rows.forEach((r, i) => (sheet.getRow(i + 2).values = r));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describeEachDatabase('funding projects in Excel', (server) => {
  let bureau: TestClient;
  let district: TestClient;
  let template: Buffer;
  let huancuiCode: string;
  let wendengCode: string;
  const count = async () =>
    Number(
      (
        await server()
          .ctx.db.selectFrom('fundingProject')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    bureau = await server().as('bureau_admin');
    district = await server().as('district_officer');
    const t = await download(bureau, '/api/funding/projects/template.xlsx');
    expect(t.status).toBe(200);
    template = t.data;
    const codes = await server().ctx.db.selectFrom('enterprise').select(['id', 'creditCode']).execute();
    huancuiCode = codes.find((c) => c.id === server().enterprises.huancui)!.creditCode;
    wendengCode = codes.find((c) => c.id === server().enterprises.wendeng)!.creditCode;
  });

  it('imports a clean file whole, money in yuan becoming fen, kinds by their Chinese names', async () => {
    const file = await filled(template, [
      [
        huancuiCode,
        '轴承数字化车间',
        2024,
        '数字化车间',
        null,
        3_000_000.5,
        800_000,
        100_000,
        0,
        '2024-02-01',
        '2024-11-30',
        '磨削工序自动化',
      ],
      [wendengCode, '纺织智能工厂', 2023, '智能工厂', 'TC2', 12_000_000, 2_000_000, 0, 0, '2023-04-01', null, null],
    ]);
    const res = await uploadProjects(bureau, file);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ imported: 2 });
    const list = (await bureau.get('/api/funding/projects?q=轴承数字化车间')).body.items;
    expect(list[0]).toMatchObject({
      kind: 'digital_workshop',
      equipmentFen: 300_000_050,
      softwareFen: 80_000_000,
      chainCode: 'TC1',
      totalInvestmentFen: 390_000_050,
    });
  });

  it('imports a file of the most rows allowed (one statement for all of them passed the SQLite bound-parameter limit)', async () => {
    const before = await count();
    const rows = Array.from({ length: PROJECT_IMPORT_MAX_ROWS }, (_, i) => [
      huancuiCode,
      `满额导入项目${i}`,
      2024,
      '智能工厂',
      null,
      1_000_000,
      0,
      0,
      0,
      '2024-02-01',
      null,
      null,
    ]);
    const res = await uploadProjects(bureau, await filled(template, rows));
    expect(res.body).toEqual({ imported: PROJECT_IMPORT_MAX_ROWS });
    expect(await count()).toBe(before + PROJECT_IMPORT_MAX_ROWS);
  });

  it('reads a date typed into a date cell as the day it shows, as the streaming reader learns it from the styles', async () => {
    const start = new Date(Date.UTC(2024, 2, 1));
    const file = await filled(template, [[huancuiCode, '日期单元格项目', 2024, '智能工厂', null, 1000, 0, 0, 0, start, null, null]]);
    const res = await uploadProjects(bureau, file);
    expect(res.body).toEqual({ imported: 1 });
    const list = (await bureau.get('/api/funding/projects?q=日期单元格项目')).body.items;
    expect(list[0]).toMatchObject({ startDate: '2024-03-01' });
  });

  it('imports nothing when any row is wrong, and names every problem by row and column', async () => {
    const before = await count();
    const file = await filled(template, [
      [huancuiCode, '好的一行', 2024, '智能工厂', null, 1_000_000, 0, 0, 0, '2024-01-01', null, null],
      [huancuiCode, '负数投资', 2024, '智能工厂', null, -5, 0, 0, 0, '2024-01-01', null, null],
      ['91370000XXXXXXXXXX', '', 1999, '飞行汽车', 'NOPE', 1, 0, 0, 0, '2024-13-01', null, null],
    ]);
    const res = await uploadProjects(bureau, file);
    expectError(res, 400, 'funding.importInvalid', 'file');
    const fields = res.body.error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual([
      'rows.3.equipmentFen',
      'rows.4.creditCode',
      'rows.4.name',
      'rows.4.year',
      'rows.4.kind',
      'rows.4.chainCode',
      'rows.4.startDate',
    ]);
    expect(res.body.error.details[0].message).toBe('第 3 行「设备投资（元）」：字段「设备投资（元）」不能小于 0');
    expect(await count()).toBe(before);
  });

  it('lets a district officer import only for its own district', async () => {
    const before = await count();
    const res = await uploadProjects(
      district,
      await filled(template, [[wendengCode, '越界项目', 2024, '智能工厂', null, 1_000_000, 0, 0, 0, '2024-01-01', null, null]]),
    );
    expectError(res, 400, 'funding.importInvalid');
    expect(res.body.error.details[0].field).toBe('rows.2.creditCode');
    expect(await count()).toBe(before);
    expectError(await uploadProjects(await server().as('enterprise_user'), template), 403, 'auth.forbidden');
  });

  it('exports the projects in scope in the template’s columns', async () => {
    await created(bureau.post('/api/funding/projects', projectBody({ enterpriseId: server().enterprises.huancui, name: '导出检查项目' })));
    const res = await download(district, '/api/funding/projects/export.xlsx');
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.data as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('统一社会信用代码*');
    const names: string[] = [];
    sheet.eachRow((row, n) => n > 1 && names.push(String(row.getCell(2).value)));
    expect(names).toContain('导出检查项目');
    expect(names).not.toContain('纺织智能工厂'); // 文登: not the officer's district
    expectError(await district.get('/api/funding/projects/export.xlsx?districtCode=371003'), 403, 'auth.forbidden', 'districtCode');
  });
});
