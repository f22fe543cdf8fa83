import { describe, expect, it } from 'vitest';
import { menuText, useBrowserEnv } from './support.ts';

describe('what each role may see', () => {
  const env = useBrowserEnv();

  it('gives an enterprise user no import or accounts menu, and a 403 page for /accounts/users', async () => {
    const page = await env().pageAs('enterprise_user');
    const menu = await menuText(page);
    expect(menu).toContain('企业名录');
    expect(menu).not.toContain('批量导入');
    expect(menu).not.toContain('账号管理');

    await page.goto('/accounts/users');
    await expect.poll(() => page.getByTestId('forbidden').innerText()).toContain('403');
    await page.goto('/enterprises/import');
    await page.getByTestId('forbidden').waitFor();
  });

  it('greets an enterprise user with its own enterprise and a way to update it', async () => {
    const page = await env().pageAs('enterprise_user');
    await page.goto('/');
    const card = page.getByTestId('own-enterprise');
    await expect.poll(() => card.innerText()).toContain('测试精密机械制造有限公司9001');
    await card.getByRole('button', { name: '维护企业信息' }).click();
    await page.waitForURL(`**/enterprises/${env().server.enterprises.huancui}/edit`);
  });

  it('shows the bureau the menus it may use, and the system admin its accounts page', async () => {
    const bureau = await env().pageAs('bureau_admin');
    expect(await menuText(bureau)).toContain('批量导入');
    expect(await menuText(bureau)).not.toContain('账号管理');

    const sysadmin = await env().pageAs('system_admin');
    const menu = await menuText(sysadmin);
    expect(menu).toContain('账号管理');
    expect(menu).not.toContain('企业名录');
    await sysadmin.goto('/accounts/users');
    await expect.poll(() => sysadmin.locator('.ant-table-tbody').innerText()).toContain('t-expert');
  });

  it('hides an enterprise’s contacts from an expert, and shows them to the bureau', async () => {
    const { server } = env();
    const path = `/enterprises/${server.enterprises.huancui}`;

    const expert = await env().pageAs('expert');
    await expert.goto(path);
    await expert.getByTestId('contacts-hidden').waitFor();
    expect(await expert.locator('main, .ant-layout-content').first().innerText()).not.toContain('张测试');
    expect(await expert.getByTestId('contacts-card').innerText()).not.toContain('13800000001');

    const bureau = await env().pageAs('bureau_admin');
    await bureau.goto(path);
    await expect.poll(() => bureau.getByTestId('contacts-card').innerText()).toContain('张测试');
  });
});
