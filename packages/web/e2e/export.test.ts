import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { headerOf, sheetRows } from './excel.ts';
import { useBrowserEnv } from './support.ts';

describe('exporting the list to Excel', () => {
  const env = useBrowserEnv();

  it('downloads an .xlsx with exactly the filtered rows', async () => {
    const page = await env().pageAs('bureau_admin');
    await page.goto('/enterprises?districtCode=371003');
    await expect.poll(() => page.locator('.ant-pagination-total-text').innerText()).toBe('共 1 条');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-button').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const rows = await sheetRows(fs.readFileSync((await download.path())!));

    const header = headerOf(rows);
    const nameColumn = header.findIndex((h) => h.replace('*', '') === '企业名称');
    const data = rows.slice(rows.indexOf(header) + 1);
    expect(data.map((r) => r[nameColumn])).toEqual(['文登测试纺织有限公司']);
  });
});
