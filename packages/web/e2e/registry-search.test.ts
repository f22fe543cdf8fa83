import { describe, expect, it } from 'vitest';
import { useBrowserEnv } from './support.ts';

describe('enterprise list search', () => {
  const env = useBrowserEnv();

  it('narrows the list to what was typed, and keeps the query in the URL', async () => {
    const page = await env().pageAs('bureau_admin');
    await page.goto('/enterprises');
    const table = page.getByTestId('enterprise-table');
    const total = () => page.locator('.ant-pagination-total-text').innerText();
    await expect.poll(() => table.innerText()).toContain('文登测试纺织有限公司');
    expect(await table.innerText()).toContain('测试精密机械制造有限公司9001');
    expect(await total()).toBe('共 2 条');

    await page.getByTestId('enterprise-search').locator('input').fill('纺织');
    await page.getByTestId('enterprise-search').locator('input').press('Enter');
    await expect.poll(() => table.innerText()).not.toContain('测试精密机械制造有限公司9001');
    expect(await table.innerText()).toContain('文登测试纺织有限公司');
    expect(await total()).toBe('共 1 条');
    expect(new URL(page.url()).searchParams.get('q')).toBe('纺织');

    // The filtered view survives a reload: the URL is the list's state.
    await page.reload();
    await expect.poll(total).toBe('共 1 条');
    expect(await page.getByTestId('enterprise-search').locator('input').inputValue()).toBe('纺织');
  });

  it('says so when nothing matches, and offers to clear the filters', async () => {
    const page = await env().pageAs('bureau_admin');
    await page.goto('/enterprises?q=' + encodeURIComponent('不存在的企业名称'));
    await page.getByText('没有符合条件的企业').waitFor();
    await page.getByRole('button', { name: '清除筛选' }).click();
    await expect.poll(() => page.locator('.ant-pagination-total-text').innerText()).toBe('共 2 条');
  });
});
