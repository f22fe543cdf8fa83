import { completeCreditCode, type Actor, type Role } from '@zhizao/domain';
import { expect, it } from 'vitest';
import { describeEachDatabase, enterpriseInput, FIXTURE_USERNAMES, type TestClient, type TestServer } from '../../../test/harness.ts';
import { insertEnterprise } from './enterprise.repo.ts';
import {
  TEMPLATE_HEADERS,
  creditCode,
  download,
  enterpriseWorkbook,
  fillTemplate,
  goodRow,
  readWorkbook,
  rowTexts,
  upload,
  type SheetRow,
} from './excel.fixtures.ts';
import { commitEnterpriseImport } from './import.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function countByCreditCodes(server: TestServer, codes: string[]): Promise<number> {
  const row = await server.ctx.db
    .selectFrom('enterprise')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('creditCode', 'in', codes)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function fixtureActor(server: TestServer, role: Role): Promise<Actor> {
  const u = await server.ctx.db.selectFrom('appUser').selectAll().where('username', '=', FIXTURE_USERNAMES[role]).executeTakeFirstOrThrow();
  return { userId: u.id, username: u.username, role, districtCode: u.districtCode, enterpriseId: u.enterpriseId };
}

const codesOf = (rows: SheetRow[]) => rows.map((r) => String(r.creditCode));

describeEachDatabase('enterprise import from Excel', (server) => {
  let admin: TestClient;
  const template = async (client: TestClient) => {
    const res = await download(client, '/api/enterprises/import/template.xlsx');
    expect(res.status).toBe(200);
    return res;
  };

  it('serves the template: fixed header, comments, text columns, dropdowns from the taxonomy', async () => {
    admin = await server().as('bureau_admin');
    const res = await template(admin);
    expect(res.headers.get('content-type')).toBe(XLSX);
    expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('企业名录导入模板.xlsx')}`);
    const workbook = await readWorkbook(res.data);
    const sheet = workbook.getWorksheet('企业名录')!;
    expect(rowTexts(sheet, 2)).toEqual([...TEMPLATE_HEADERS]);
    expect(String(sheet.getCell('A2').note)).toContain('必填');
    expect(String(sheet.getCell('D2').note)).toContain('顿号');
    for (const code of ['A', 'H', 'L']) expect(sheet.getColumn(code).numFmt).toBe('@');
    const options = workbook.getWorksheet('选项')!;
    expect(options.state).toBe('hidden');
    const listed = (col: number) => options.getColumn(col).values.slice(2).map(String);
    expect(listed(1)).toEqual(['环翠区', '文登区', '荣成市', '乳山市', '火炬高技术产业开发区', '经济技术开发区', '临港经济技术开发区']);
    expect(listed(2)).toEqual(['测试产业链一', '测试产业链二']);
    expect(listed(3)).toEqual(['测试集群']);
    expect(listed(4)).toEqual(['规上', '规下']);
    expect(listed(5)).toEqual(['离散型', '流程型']);
    const validations = (sheet as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } })
      .dataValidations.model;
    expect(validations.C3).toMatchObject({ type: 'list', formulae: ["'选项'!$A$2:$A$8"] });
    expect(validations.F100).toMatchObject({ type: 'list', formulae: ["'选项'!$D$2:$D$3"] });
    // The importer reads the template's own header: an untouched template has no rows.
    const empty = await upload(admin, res.data);
    expect(empty.status).toBe(400);
    expect(empty.body.error.code).toBe('import.empty');
  });

  it('offers a district officer only their own district', async () => {
    const officer = await server().as('district_officer');
    const workbook = await readWorkbook((await template(officer)).data);
    expect(workbook.getWorksheet('选项')!.getColumn(1).values.slice(2)).toEqual(['环翠区']);
  });

  const good = [
    goodRow('GA', 1),
    goodRow('GA', 2, {
      districtCode: '文登区',
      chainCodes: '测试产业链一、测试产业链二',
      clusterCode: '',
      sizeClass: '规下',
      manufacturingType: '流程型',
      contactPhone: '0631-5201234',
    }),
    // codes instead of names, English enum labels, a number-formatted industry code
    goodRow('GA', 3, { districtCode: '371082', chainCodes: 'TC2', clusterCode: 'TK1', industryCode: 3484 }),
  ];
  const bad = [
    goodRow('GA', 4, { creditCode: creditCode('GA', 4).slice(0, 17) + (creditCode('GA', 4).endsWith('1') ? '2' : '1') }), // row 6: check character
    goodRow('GA', 5, { districtCode: '火星区' }), // row 7: unknown district
    goodRow('GA', 6, { name: '' }), // row 8: missing name
    goodRow('GA', 7, { creditCode: creditCode('GA', 1) }), // row 9: repeats row 3
    goodRow('GA', 8, { creditCode: completeCreditCode('91371002TE0009001') }), // row 10: registered already (harness fixture)
    goodRow('GA', 9, { contactPhone: '12345', sizeClass: '' }), // row 11: two problems
  ];
  let jobId = '';

  it('checks every row and names row, column, field and problem in the caller’s language', async () => {
    const file = await fillTemplate((await template(admin)).data, [...good, ...bad]);
    const res = await upload(admin, file, '2024年企业名录.xlsx');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    jobId = res.body.id;
    expect(res.body).toMatchObject({ fileName: '2024年企业名录.xlsx', status: 'pending', totalRows: 9, validRows: 3, problemCount: 7 });
    expect(res.body.problems).toEqual([
      { row: 6, column: 'A', field: 'creditCode', code: 'enterprise.creditCodeCheck', message: '统一社会信用代码校验位不正确' },
      { row: 7, column: 'C', field: 'districtCode', code: 'enterprise.unknownDistrict', message: '未知的区市代码' },
      { row: 8, column: 'B', field: 'name', code: 'enterprise.required', message: '「企业名称」为必填项' },
      { row: 9, column: 'A', field: 'creditCode', code: 'enterprise.duplicateInFile', message: '统一社会信用代码在文件中重复（第 3 行）' },
      {
        row: 10,
        column: 'A',
        field: 'creditCode',
        code: 'enterprise.creditCodeTaken',
        message: `统一社会信用代码 ${completeCreditCode('91371002TE0009001')} 已登记`,
      },
      { row: 11, column: 'F', field: 'sizeClass', code: 'enterprise.required', message: '「规模」为必填项' },
      { row: 11, column: 'L', field: 'contactPhone', code: 'enterprise.invalidPhone', message: '联系电话格式不正确' },
    ]);

    admin.language = 'en';
    const en = await admin.get(`/api/enterprises/import/${jobId}`);
    admin.language = 'zh-CN';
    expect(en.status).toBe(200);
    expect(en.body.problems.map((p: { message: string }) => p.message)).toEqual([
      'The credit code check character is wrong',
      'Unknown district code',
      '"Name" is required',
      'The credit code repeats row 3 of the file',
      `Credit code ${completeCreditCode('91371002TE0009001')} is already registered`,
      '"Size class" is required',
      'The phone number is malformed',
    ]);
  });

  it('gives an error report marking row, column and reason, in the template layout', async () => {
    const res = await download(admin, `/api/enterprises/import/${jobId}/errors.xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX);
    const sheet = (await readWorkbook(res.data)).getWorksheet('企业名录')!;
    expect(rowTexts(sheet, 2)).toEqual(['原行号', ...TEMPLATE_HEADERS, '错误原因']);
    expect(sheet.rowCount).toBe(2 + 6);
    const first = sheet.getRow(3);
    expect(first.getCell(1).value).toBe(6);
    expect(String(first.getCell(15).value)).toBe('A 列「统一社会信用代码」：统一社会信用代码校验位不正确');
    expect(String(first.getCell(2).note)).toContain('校验位不正确');
    expect(first.getCell(2).fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFFFC7CE' } });
    const unknownDistrict = sheet.getRow(4);
    expect(unknownDistrict.getCell(4).value).toBe('火星区');
    expect(unknownDistrict.getCell(4).fill).toMatchObject({ fgColor: { argb: 'FFFFC7CE' } });
    expect(unknownDistrict.getCell(3).fill).toBeUndefined();
    const twoProblems = sheet.getRow(8);
    expect(String(twoProblems.getCell(15).value)).toBe('F 列「规模」：「规模」为必填项；L 列「联系电话」：联系电话格式不正确');

    // The report is a template: fixed, it can be uploaded again (原行号 and 错误原因 are ignored).
    const again = await upload(admin, res.data);
    expect(again.status).toBe(200);
    expect(again.body.totalRows).toBe(6);
    await admin.delete(`/api/enterprises/import/${again.body.id}`);
  });

  it('refuses mode "all" while any row has a problem, and writes nothing', async () => {
    const res = await admin.post(`/api/enterprises/import/${jobId}/commit`, { mode: 'all' });
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({ code: 'import.hasErrors', message: '文件中有 7 处错误，未导入任何数据' });
    expect(await countByCreditCodes(server(), codesOf(good))).toBe(0);
    expect((await admin.get(`/api/enterprises/import/${jobId}`)).body.status).toBe('pending');
  });

  it('imports exactly the valid rows in mode "valid", searchable, with codes mapped from names, audited', async () => {
    const seqBefore = (await server().ctx.db.selectFrom('auditHead').select('seq').executeTakeFirstOrThrow()).seq;
    const res = await admin.post(`/api/enterprises/import/${jobId}/commit`, { mode: 'valid' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ imported: 3, skipped: 6 });
    expect(await countByCreditCodes(server(), codesOf(good))).toBe(3);
    const notImported = codesOf(bad).filter((c) => !codesOf(good).includes(c) && c !== completeCreditCode('91371002TE0009001'));
    expect(notImported).toHaveLength(4);
    expect(await countByCreditCodes(server(), notImported)).toBe(0);

    const found = await admin.get(`/api/enterprises?q=${encodeURIComponent('GA精密轴承')}&pageSize=50`);
    expect(found.body.items.map((e: { creditCode: string }) => e.creditCode).sort()).toEqual(codesOf(good).sort());
    const second = found.body.items.find((e: { creditCode: string }) => e.creditCode === creditCode('GA', 2));
    expect(second).toMatchObject({
      districtCode: '371003',
      chainCodes: ['TC1', 'TC2'],
      clusterCode: null,
      sizeClass: 'below_designated',
      manufacturingType: 'process',
    });
    const third = found.body.items.find((e: { creditCode: string }) => e.creditCode === creditCode('GA', 3));
    expect(third).toMatchObject({ districtCode: '371082', chainCodes: ['TC2'], clusterCode: 'TK1', industryCode: '3484' });

    const entries = await server().ctx.db.selectFrom('auditLog').selectAll().where('seq', '>', seqBefore).orderBy('seq').execute();
    expect(entries.map((e) => e.action)).toEqual(['enterprise.import', 'enterprise.import', 'enterprise.import', 'import.commit']);
    expect(JSON.parse(entries[3]!.afterJson!)).toMatchObject({ mode: 'valid', imported: 3, skipped: 6 });
    expect(await server().ctx.audit.verify(server().ctx.db)).toMatchObject({ ok: true });

    const again = await admin.post(`/api/enterprises/import/${jobId}/commit`, { mode: 'valid' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('import.alreadyCommitted');
    // the preview and the report stay available after the commit
    expect((await admin.get(`/api/enterprises/import/${jobId}`)).body).toMatchObject({ status: 'committed', validRows: 3 });
    expect((await download(admin, `/api/enterprises/import/${jobId}/errors.xlsx`)).status).toBe(200);
  });

  it('rolls everything back when the commit fails midway, and the audit chain still verifies', async () => {
    const rows = Array.from({ length: 150 }, (_, i) => goodRow('RB', i + 1));
    const res = await upload(admin, await enterpriseWorkbook(rows));
    expect(res.body).toMatchObject({ totalRows: 150, validRows: 150 });
    // Between preview and commit someone registers row 120's code; the commit skips its re-check, so
    // the unique constraint fails inside the transaction after the first batches were written.
    const late = String(rows[119]!.creditCode);
    await server()
      .ctx.db.transaction()
      .execute((tx) => insertEnterprise(tx, server().ctx.cipher, enterpriseInput({ creditCode: late, name: '抢先登记的企业' })));
    const auditBefore = await server().ctx.audit.verify(server().ctx.db);

    const actor = await fixtureActor(server(), 'bureau_admin');
    const who = { userId: actor.userId, username: actor.username, role: actor.role, ip: null };
    await expect(commitEnterpriseImport(server().ctx, actor, who, res.body.id, 'all', { revalidate: false })).rejects.toMatchObject({
      status: 409,
      key: 'import.changedMeanwhile',
    });

    expect(await countByCreditCodes(server(), codesOf(rows))).toBe(1); // only the one registered meanwhile
    // the search never saw the rolled-back rows
    expect((await admin.get(`/api/enterprises?q=${String(rows[0]!.creditCode)}&status=all`)).body.total).toBe(0);
    const auditAfter = await server().ctx.audit.verify(server().ctx.db);
    expect(auditAfter).toEqual(auditBefore);
    expect(auditAfter.ok).toBe(true);
    expect((await admin.get(`/api/enterprises/import/${res.body.id}`)).body.status).toBe('pending');

    // Through the API the commit re-checks, so 'valid' now imports the other 149 and 'all' refuses.
    const all = await admin.post(`/api/enterprises/import/${res.body.id}/commit`, { mode: 'all' });
    expect(all.body.error.code).toBe('import.hasErrors');
    const preview = await admin.get(`/api/enterprises/import/${res.body.id}`);
    expect(preview.body.problems).toEqual([expect.objectContaining({ row: 122, column: 'A', code: 'enterprise.creditCodeTaken' })]);
    const valid = await admin.post(`/api/enterprises/import/${res.body.id}/commit`, { mode: 'valid' });
    expect(valid.body).toEqual({ imported: 149, skipped: 1 });
  });

  it('lets a district officer import only rows of their own district', async () => {
    const officer = await server().as('district_officer');
    const rows = [goodRow('DA', 1), goodRow('DA', 2, { districtCode: '文登区' })];
    const res = await upload(officer, await enterpriseWorkbook(rows));
    expect(res.status).toBe(200);
    expect(res.body.problems).toEqual([
      { row: 4, column: 'C', field: 'districtCode', code: 'enterprise.outOfScope', message: '该企业不在您的管辖范围内' },
    ]);
    expect((await officer.post(`/api/enterprises/import/${res.body.id}/commit`, { mode: 'all' })).status).toBe(400);
    expect((await officer.post(`/api/enterprises/import/${res.body.id}/commit`, { mode: 'valid' })).body).toEqual({
      imported: 1,
      skipped: 1,
    });
    expect(await countByCreditCodes(server(), [String(rows[1]!.creditCode)])).toBe(0);
  });

  it('shows an import only to its uploader, and a cancelled import imports nothing', async () => {
    const rows = [goodRow('CA', 1)];
    const res = await upload(admin, await enterpriseWorkbook(rows));
    const officer = await server().as('district_officer');
    expect((await officer.get(`/api/enterprises/import/${res.body.id}`)).status).toBe(404);
    expect((await officer.post(`/api/enterprises/import/${res.body.id}/commit`, { mode: 'all' })).status).toBe(404);
    expect((await officer.delete(`/api/enterprises/import/${res.body.id}`)).status).toBe(404);
    expect((await admin.delete(`/api/enterprises/import/${res.body.id}`)).body).toEqual({ ok: true });
    const commit = await admin.post(`/api/enterprises/import/${res.body.id}/commit`, { mode: 'all' });
    expect(commit.status).toBe(409);
    expect(commit.body.error.code).toBe('import.cancelled');
    expect(await countByCreditCodes(server(), codesOf(rows))).toBe(0);
    expect((await admin.get('/api/enterprises/import/00000000-0000-4000-8000-000000000000')).body.error.code).toBe('import.notFound');
  });

  it('refuses files it cannot use with 400 and a clear reason', async () => {
    const expectBad = async (res: Awaited<ReturnType<typeof upload>>, code: string, message?: string) => {
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error.code).toBe(code);
      if (message) expect(res.body.error.message).toBe(message);
    };
    await expectBad(await upload(admin, 'name,code\n甲,1\n', 'list.csv'), 'import.badFile', '无法读取 Excel 文件，请使用下载的模板');
    await expectBad(await upload(admin, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'old.xls'), 'import.badFile');
    await expectBad(await upload(admin, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 7)])), 'import.badFile');
    const renamed = TEMPLATE_HEADERS.map((h) => (h === '联系电话' ? '电话' : h));
    await expectBad(
      await upload(admin, await enterpriseWorkbook([goodRow('BA', 1)], { headers: renamed })),
      'import.badHeader',
      '表头与模板不一致：缺少「联系电话」',
    );
    await expectBad(
      await upload(admin, await enterpriseWorkbook([goodRow('BA', 1)], { headers: ['序号', '名称'] })),
      'import.badHeader',
      '表头与模板不一致：缺少「统一社会信用代码」',
    );
    await expectBad(await upload(admin, await enterpriseWorkbook([{}, {}])), 'import.empty', '文件中没有数据行');
    const tooMany = Array.from({ length: 20_001 }, (_, i) => ({ creditCode: `X${i}` }));
    await expectBad(await upload(admin, await enterpriseWorkbook(tooMany)), 'import.tooManyRows', '单次最多导入 20000 行');
    await expectBad(await upload(admin, await enterpriseWorkbook([goodRow('BA', 1)]), 'a.xlsx', 'attachment'), 'import.noFile');
    const huge = await upload(admin, Buffer.alloc(21 * 1024 * 1024, 1), 'huge.xlsx');
    expect(huge.status, JSON.stringify(huge.body)).toBe(413);
    expect(huge.body.error.code).toBe('request.tooLarge');
    const notMultipart = await admin.post('/api/enterprises/import', { file: 'x' });
    expect(notMultipart.body.error.code).toBe('import.noFile');
    admin.language = 'en';
    await expectBad(
      await upload(admin, await enterpriseWorkbook([goodRow('BA', 1)], { headers: renamed })),
      'import.badHeader',
      'The header does not match the template: "联系电话" is missing',
    );
    admin.language = 'zh-CN';
  });

  it('refuses the Excel routes to roles without the import or export permission', async () => {
    for (const role of ['expert', 'enterprise_user', 'service_provider'] as const) {
      const c = await server().as(role);
      expect((await download(c, '/api/enterprises/import/template.xlsx')).status, role).toBe(403);
      const res = await upload(c, await enterpriseWorkbook([goodRow('XA', 1)]));
      expect(res.status, role).toBe(403);
      expect(res.body.error.code).toBe('auth.forbidden');
      expect((await download(c, '/api/enterprises/export.xlsx')).status, role).toBe(403);
    }
    expect((await download(server().client(), '/api/enterprises/import/template.xlsx')).status).toBe(401);
  });

  it('commits 10,000 rows in one transaction within seconds', async (context) => {
    const rows = Array.from({ length: 10_000 }, (_, i) =>
      goodRow('PF', i + 1, { chainCodes: i % 2 ? '测试产业链一、测试产业链二' : '测试产业链一' }),
    );
    const file = await enterpriseWorkbook(rows);
    let started = performance.now();
    const res = await upload(admin, file);
    const uploadMs = performance.now() - started;
    expect(res.body).toMatchObject({ totalRows: 10_000, validRows: 10_000 });
    started = performance.now();
    const commit = await admin.post(`/api/enterprises/import/${res.body.id}/commit`, { mode: 'all' });
    const commitMs = performance.now() - started;
    expect(commit.body).toEqual({ imported: 10_000, skipped: 0 });
    console.info(`[${context.task.suite?.name}] 10,000 rows: upload + check ${Math.round(uploadMs)} ms, commit ${Math.round(commitMs)} ms`);
    expect(commitMs).toBeLessThan(30_000);
    expect(await countByCreditCodes(server(), [String(rows[0]!.creditCode), String(rows[9_999]!.creditCode)])).toBe(2);
    const found = await admin.get(`/api/enterprises?q=${encodeURIComponent('威海PF精密轴承制造有限公司9999')}`);
    expect(found.body.items.map((e: { creditCode: string }) => e.creditCode)).toContain(creditCode('PF', 9999));
    expect(await server().ctx.audit.verify(server().ctx.db)).toMatchObject({ ok: true });
  });
});
