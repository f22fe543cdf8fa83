import { expect, it } from 'vitest';
import { describeEachDatabase, enterpriseInput, type TestClient } from '../../../test/harness.ts';
import { insertEnterprises, setArchived } from './enterprise.repo.ts';
import { TEMPLATE_HEADERS, creditCode, download, readWorkbook, rowTexts, upload } from './excel.fixtures.ts';
import { chinaDate } from './export.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Downloads an export and returns its data rows (after title and header) as texts. */
async function exportRows(client: TestClient, query = '') {
  const res = await download(client, `/api/enterprises/export.xlsx${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const sheet = (await readWorkbook(res.data)).getWorksheet('企业名录')!;
  const rows: string[][] = [];
  for (let r = 3; r <= sheet.rowCount; r++) rows.push(rowTexts(sheet, r));
  return { res, sheet, rows, codes: rows.map((r) => r[1]!) };
}

describeEachDatabase('enterprise export to Excel', (server) => {
  let admin: TestClient;
  const huancui = [1, 2, 3].map((n) => creditCode('EA', n));
  const wendeng = [1, 2].map((n) => creditCode('EB', n, '371003'));
  const rushan = Array.from({ length: 2_100 }, (_, i) => creditCode('EC', i + 1, '371083'));

  it('exports the active registry in the template’s columns, 序号 first, phones masked', async () => {
    await server()
      .ctx.db.transaction()
      .execute(async (tx) => {
        const created = await insertEnterprises(tx, server().ctx.cipher, [
          enterpriseInput({
            creditCode: huancui[0],
            name: '环翠导出轴承有限公司',
            chainCodes: ['TC1', 'TC2'],
            clusterCode: 'TK1',
            contactPhone: '13912345678',
          }),
          enterpriseInput({
            creditCode: huancui[1],
            name: '环翠导出纺织有限公司',
            sizeClass: 'below_designated',
            manufacturingType: 'process',
          }),
          enterpriseInput({ creditCode: huancui[2], name: '环翠导出已注销有限公司' }),
          enterpriseInput({ creditCode: wendeng[0], name: '文登导出机械有限公司', districtCode: '371003', chainCodes: ['TC2'] }),
          enterpriseInput({ creditCode: wendeng[1], name: '文登导出化工有限公司', districtCode: '371003', contactPhone: '0631-8451234' }),
          ...rushan.map((code, i) => enterpriseInput({ creditCode: code, name: `乳山导出食品有限公司${i + 1}`, districtCode: '371083' })),
        ]);
        await setArchived(tx, server().ctx.cipher, created[2]!.id, true);
      });
    admin = await server().as('bureau_admin');
    const { res, sheet, rows } = await exportRows(admin, '?districtCode=371002');
    expect(res.headers.get('content-type')).toBe(XLSX);
    expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent(`企业名录-${chinaDate()}.xlsx`)}`);
    expect(chinaDate()).toMatch(/^20\d{6}$/);
    expect(rowTexts(sheet, 2)).toEqual(['序号', ...TEMPLATE_HEADERS]);
    expect(sheet.getColumn(2).numFmt).toBe('@');
    // the harness's 环翠 fixture, then ours in id order; the archived one is left out
    expect(rows.map((r) => r[0])).toEqual(['1', '2', '3']);
    expect(rows.map((r) => r[1])).not.toContain(huancui[2]);
    const bearing = rows.find((r) => r[1] === huancui[0])!;
    expect(bearing).toEqual([
      '2',
      huancui[0],
      '环翠导出轴承有限公司',
      '环翠区',
      '测试产业链一、测试产业链二',
      '测试集群',
      '规上',
      '离散型',
      'C3484',
      '威海市环翠区测试路1号',
      '精密轴承',
      '张测试',
      '139****5678',
      'test@example.com',
    ]);
    expect(rows.find((r) => r[1] === huancui[1])!.slice(6, 8)).toEqual(['规下', '流程型']);
  });

  it('applies the list’s filters: district, chain, search text, status', async () => {
    expect((await exportRows(admin, '?districtCode=371003')).codes.filter((c) => c.startsWith('91371003EB'))).toEqual(wendeng);
    expect((await exportRows(admin, '?districtCode=371003')).rows.find((r) => r[1] === wendeng[1])![12]).toBe('063****1234');
    expect((await exportRows(admin, '?chainCode=TC2')).codes).toEqual([huancui[0], wendeng[0]]);
    expect((await exportRows(admin, `?q=${encodeURIComponent('导出纺织')}`)).codes).toEqual([huancui[1]]);
    expect((await exportRows(admin, '?status=archived')).codes).toEqual([huancui[2]]);
    expect((await exportRows(admin, '?districtCode=371002&status=all')).codes).toContain(huancui[2]);
    const bad = await download(admin, '/api/enterprises/export.xlsx?sizeClass=huge');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation.enum');
  });

  it('streams large exports page by page, numbering straight through', async () => {
    const { rows } = await exportRows(admin, '?districtCode=371083');
    expect(rows).toHaveLength(2_100);
    expect(rows.map((r) => r[0])).toEqual(rows.map((_, i) => String(i + 1)));
    expect(rows.map((r) => r[1])).toEqual(rushan);
  });

  it('gives a district officer their own district only', async () => {
    const officer = await server().as('district_officer');
    const { codes } = await exportRows(officer);
    expect(codes).toHaveLength(3);
    expect(codes.every((c) => c.startsWith('91371002'))).toBe(true);
    expect(codes).toEqual(expect.arrayContaining([huancui[0], huancui[1]]));
    const other = await download(officer, '/api/enterprises/export.xlsx?districtCode=371003');
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('enterprise.outOfScope');
  });

  it('audits every export with its filter', async () => {
    const before = (await server().ctx.db.selectFrom('auditHead').select('seq').executeTakeFirstOrThrow()).seq;
    await exportRows(admin, '?chainCode=TC1');
    const entry = await server().ctx.db.selectFrom('auditLog').selectAll().where('seq', '>', before).executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ action: 'enterprise.export', actorUsername: 't-bureau' });
    expect(JSON.parse(entry.afterJson!)).toMatchObject({ format: 'xlsx', filter: { chainCode: 'TC1', status: 'active' } });
  });

  it('exports a file the import reads: same columns, every row checked', async () => {
    const exported = await download(admin, '/api/enterprises/export.xlsx?districtCode=371003');
    const res = await upload(admin, exported.data, 'export.xlsx');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.totalRows).toBe(3);
    // Already registered, and the masked phones are no phone numbers: nothing would be imported twice.
    expect(res.body.validRows).toBe(0);
    expect(
      res.body.problems.filter((p: { code: string }) => p.code === 'enterprise.creditCodeTaken').map((p: { column: string }) => p.column),
    ).toEqual(['B', 'B', 'B']);
    expect(res.body.problems.filter((p: { code: string }) => p.code === 'enterprise.invalidPhone')).toHaveLength(3);
    await admin.delete(`/api/enterprises/import/${res.body.id}`);
  });
});
