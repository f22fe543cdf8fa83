import { completeCreditCode } from '@zhizao/domain';
import { describe, expect, it } from 'vitest';
import { chooseOption, useBrowserEnv } from './support.ts';

describe('registering an enterprise through the form', () => {
  const env = useBrowserEnv();

  it('keeps what was typed when the server refuses, shows the refusal on the field, then saves the fix', async () => {
    const page = await env().pageAs('bureau_admin');
    await page.goto('/enterprises/new');
    const good = completeCreditCode('91371002WB0000001');
    // Same body, another check character: only the server's check-character rule catches it.
    const wrong = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');

    await page.locator('#enterprise_creditCode').fill(wrong);
    await page.locator('#enterprise_name').fill('威海浏览器测试智能装备有限公司');
    await page.locator('#enterprise_sizeClass').getByText('规上').click();
    await page.locator('#enterprise_manufacturingType').getByText('离散型').click();
    await chooseOption(page, 'enterprise_districtCode', '环翠区');
    await page.locator('#enterprise_mainProducts').fill('工业机器人');
    await page.getByTestId('save-enterprise').click();

    const creditCodeItem = page.locator('.ant-form-item').filter({ has: page.locator('#enterprise_creditCode') });
    await expect.poll(() => creditCodeItem.innerText()).toContain('统一社会信用代码校验位不正确');
    expect(await page.locator('#enterprise_creditCode').inputValue()).toBe(wrong);
    expect(await page.locator('#enterprise_name').inputValue()).toBe('威海浏览器测试智能装备有限公司');
    expect(await page.locator('#enterprise_mainProducts').inputValue()).toBe('工业机器人');
    expect(page.url()).toMatch(/\/enterprises\/new$/);

    await page.locator('#enterprise_creditCode').fill(good);
    await page.getByTestId('save-enterprise').click();
    await page.waitForURL(/\/enterprises\/\d+$/);
    await page.getByText(good).first().waitFor();
    expect(await page.locator('h4').innerText()).toContain('威海浏览器测试智能装备有限公司');

    const admin = await env().server.as('bureau_admin');
    const found = await admin.get(`/api/enterprises?q=${good}`);
    expect(found.body.items.map((e: { name: string }) => e.name)).toEqual(['威海浏览器测试智能装备有限公司']);
  });

  it('puts a duplicate credit code on its field too', async () => {
    const server = env().server;
    const admin = await server.as('bureau_admin');
    const existing = (await admin.get(`/api/enterprises/${server.enterprises.wendeng}`)).body.creditCode as string;
    const page = await env().pageAs('bureau_admin');
    await page.goto('/enterprises/new');
    await page.locator('#enterprise_creditCode').fill(existing);
    await page.locator('#enterprise_name').fill('重复代码测试有限公司');
    await page.locator('#enterprise_sizeClass').getByText('规下').click();
    await page.locator('#enterprise_manufacturingType').getByText('流程型').click();
    await chooseOption(page, 'enterprise_districtCode', '文登区');
    await page.getByTestId('save-enterprise').click();
    const creditCodeItem = page.locator('.ant-form-item').filter({ has: page.locator('#enterprise_creditCode') });
    await expect.poll(() => creditCodeItem.innerText()).toContain('已登记');
    expect(await page.locator('#enterprise_name').inputValue()).toBe('重复代码测试有限公司');
  });

  it('tells the user to reload when someone else saved first, keeping their typing until they do', async () => {
    const server = env().server;
    const id = server.enterprises.huancui;
    const page = await env().pageAs('bureau_admin');
    await page.goto(`/enterprises/${id}/edit`);
    await page.locator('#enterprise_name').waitFor();

    // Someone else saves a change while the form is open.
    const other = await server.as('bureau_admin');
    const { body: current } = await other.get(`/api/enterprises/${id}`);
    const { id: _id, archived: _a, isDemo: _d, createdAt: _c, updatedAt: _u, canEdit: _e, canArchive: _r, ...input } = current;
    expect((await other.put(`/api/enterprises/${id}`, { ...input, mainProducts: '他人修改的产品' })).status).toBe(200);

    await page.locator('#enterprise_name').fill('我的修改有限公司');
    await page.getByTestId('save-enterprise').click();
    await page.getByTestId('version-conflict').waitFor();
    expect(await page.locator('#enterprise_name').inputValue()).toBe('我的修改有限公司');

    await page.getByTestId('version-conflict').getByRole('button').click();
    await expect.poll(() => page.locator('#enterprise_mainProducts').inputValue()).toBe('他人修改的产品');
    expect(await page.locator('#enterprise_name').inputValue()).toBe(current.name);
  });
});
