import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chooseOption, useBrowserEnv } from './support.ts';

const row = (page: Page, username: string) => page.locator('.ant-table-tbody tr').filter({ hasText: username });

describe('the security admin scopes an account without registry access', () => {
  const env = useBrowserEnv();

  it('finds the enterprise of an enterprise user by name and the district of an officer from lists', async () => {
    const { server } = env();
    const sysadmin = await server.as('system_admin');
    for (const username of ['wd-staff', 'rc-officer']) {
      expect((await sysadmin.post('/api/users', { username, displayName: username, password: 'Strong@pass9' })).status).toBe(200);
    }
    const wendeng = (await (await server.as('bureau_admin')).get(`/api/enterprises/${server.enterprises.wendeng}`)).body;

    const page = await env().pageAs('security_admin');
    await page.goto('/accounts/users');
    await row(page, 'wd-staff').getByText('分配角色', { exact: true }).click();
    await chooseOption(page, 'assignRole_role', '企业用户');
    // Part of the name is enough; the option shows the credit code to tell namesakes apart.
    await page.locator('#assignRole_enterpriseId').fill('文登');
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="文登测试纺织有限公司"]');
    await expect.poll(() => option.innerText()).toContain(wendeng.creditCode);
    await chooseOption(page, 'assignRole_enterpriseId', '文登测试纺织有限公司', '文登');
    await page.getByRole('button', { name: /确\s*定/ }).click();
    await expect.poll(() => row(page, 'wd-staff').innerText()).toContain('企业用户');
    await expect.poll(() => row(page, 'wd-staff').innerText()).toContain('文登测试纺织有限公司');

    await row(page, 'rc-officer').getByText('分配角色', { exact: true }).click();
    await chooseOption(page, 'assignRole_role', '区市工信干部');
    await chooseOption(page, 'assignRole_districtCode', '荣成市');
    await page.getByRole('button', { name: /确\s*定/ }).click();
    await expect.poll(() => row(page, 'rc-officer').innerText()).toContain('荣成市');

    const { body } = await (await server.as('security_admin')).get('/api/users?page=1&pageSize=50');
    const scope = (username: string) => body.items.find((u: { username: string }) => u.username === username);
    expect(scope('wd-staff')).toMatchObject({
      role: 'enterprise_user',
      enterpriseId: server.enterprises.wendeng,
      enterpriseName: '文登测试纺织有限公司',
      districtCode: null,
    });
    expect(scope('rc-officer')).toMatchObject({ role: 'district_officer', districtCode: '371082', enterpriseId: null });
  });
});
