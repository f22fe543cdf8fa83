import { completeCreditCode } from '@zhizao/domain';
import { describe, expect, it } from 'vitest';
import { headerOf, sheetRows, workbookWith } from './excel.ts';
import { useBrowserEnv } from './support.ts';

describe('importing enterprises from Excel', () => {
  const env = useBrowserEnv();

  it('reports the bad row, imports the valid rows only, and the good one appears in the list', async () => {
    const { server } = env();
    const admin = await server.as('bureau_admin');
    const template = await admin.raw('GET', '/api/enterprises/import/template.xlsx');
    expect(template.status).toBe(200);
    const header = headerOf(await sheetRows(await template.arrayBuffer()));

    const good = completeCreditCode('91371003TM0000001');
    const bad = completeCreditCode('91371003TM0000002');
    const badWrongCheck = bad.slice(0, 17) + (bad[17] === '1' ? '2' : '1');
    const row = (creditCode: string, name: string) => ({
      统一社会信用代码: creditCode,
      企业名称: name,
      所属区市: '文登区',
      规模: '规上',
      制造类型: '流程型',
      主要产品: '海洋食品',
    });
    const file = await workbookWith(header, [row(good, '导入测试海洋食品有限公司'), row(badWrongCheck, '导入测试错误行有限公司')]);

    const page = await env().pageAs('bureau_admin');
    await page.goto('/enterprises/import');
    await page.getByTestId('to-upload').click();
    await page.locator('input[type=file]').setInputFiles({
      name: '企业导入.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: file,
    });

    const problems = page.getByTestId('import-problems');
    await problems.waitFor();
    const report = await problems.innerText();
    expect(report).toContain('统一社会信用代码校验位不正确');
    // The header is row 1 of this file, so the bad record is row 3; the good one (row 2) has no problem.
    expect(report).toMatch(/^3\t/m);
    expect(report).not.toMatch(/^2\t/m);
    expect(await page.getByTestId('import-commit').innerText()).toContain('1');

    await page.getByTestId('import-commit').click();
    await expect.poll(() => page.getByTestId('import-done').innerText()).toContain('已导入 1 家企业');

    await page.goto('/enterprises?q=' + encodeURIComponent('导入测试'));
    const table = page.getByTestId('enterprise-table');
    await expect.poll(() => table.innerText()).toContain('导入测试海洋食品有限公司');
    expect(await table.innerText()).not.toContain('导入测试错误行有限公司');
  });

  it('imports nothing when the user cancels', async () => {
    const { server } = env();
    const admin = await server.as('bureau_admin');
    const header = headerOf(await sheetRows(await (await admin.raw('GET', '/api/enterprises/import/template.xlsx')).arrayBuffer()));
    const code = completeCreditCode('91371003TM0000003');
    const file = await workbookWith(header, [
      { 统一社会信用代码: code, 企业名称: '取消导入测试有限公司', 所属区市: '文登区', 规模: '规下', 制造类型: '离散型' },
    ]);

    const page = await env().pageAs('bureau_admin');
    await page.goto('/enterprises/import');
    await page.getByTestId('to-upload').click();
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'cancel.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file });
    await page.getByTestId('import-preview').waitFor();
    await page.getByTestId('import-cancel').click();
    await page.getByText('已取消本次导入，没有写入任何数据').waitFor();
    const found = await admin.get(`/api/enterprises?q=${code}`);
    expect(found.body.total).toBe(0);
  });
});
