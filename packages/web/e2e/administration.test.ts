import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chooseOption, useBrowserEnv } from './support.ts';

const row = (page: Page, username: string) => page.locator('.ant-table-tbody tr').filter({ hasText: username });

describe('separated administrators: create, grant, audit', () => {
  const env = useBrowserEnv();

  it('lets the system admin create an account, the security admin grant it a role, and the audit admin see and verify both', async () => {
    const sysadmin = await env().pageAs('system_admin');
    await sysadmin.goto('/accounts/users');
    await sysadmin.getByTestId('new-user').click();
    await sysadmin.locator('#createUser_username').fill('new-expert');
    await sysadmin.locator('#createUser_displayName').fill('新专家');
    await sysadmin.locator('#createUser_password').fill('onlylowercase');
    await sysadmin.getByRole('button', { name: /确\s*定/ }).click();
    const passwordItem = sysadmin.locator('.ant-form-item').filter({ has: sysadmin.locator('#createUser_password') });
    await expect.poll(() => passwordItem.innerText()).toContain('密码需包含');
    expect(await sysadmin.locator('#createUser_username').inputValue()).toBe('new-expert');

    await sysadmin.locator('#createUser_password').fill('Strong@pass9');
    await sysadmin.getByRole('button', { name: /确\s*定/ }).click();
    await expect.poll(() => row(sysadmin, 'new-expert').innerText()).toContain('未分配角色');

    const secadmin = await env().pageAs('security_admin');
    await secadmin.goto('/accounts/users');
    await row(secadmin, 'new-expert').getByText('分配角色', { exact: true }).click();
    await chooseOption(secadmin, 'assignRole_role', '专家');
    await secadmin.getByRole('button', { name: /确\s*定/ }).click();
    await expect.poll(() => row(secadmin, 'new-expert').innerText()).toContain('专家');

    const auditor = await env().pageAs('audit_admin');
    await auditor.goto('/audit');
    const assigned = auditor.locator('.ant-table-tbody tr').filter({ hasText: '分配角色' }).first();
    await assigned.waitFor();
    expect(await auditor.locator('.ant-table-tbody').innerText()).toContain('创建账号');

    await assigned.getByText('详情').click();
    const diff = auditor.getByTestId('audit-diff');
    await expect.poll(() => diff.innerText()).toMatch(/角色\s+—\s+expert/);

    await auditor.keyboard.press('Escape');
    await auditor.getByTestId('verify-chain').click();
    await expect.poll(() => auditor.getByTestId('verify-result').innerText()).toContain('日志链完整');
  });
});
