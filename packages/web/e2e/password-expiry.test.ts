import { describe, expect, it } from 'vitest';
import { FIXTURE_USERNAMES, TEST_PASSWORD } from '../../server/test/harness.ts';
import { menuText, useBrowserEnv } from './support.ts';

const DAY = 86_400_000;

describe('an expired password', () => {
  const env = useBrowserEnv();

  it('holds the account on the change-password page until it is changed, then goes on to the home page', async () => {
    const { server } = env();
    const username = FIXTURE_USERNAMES.district_officer;
    await server.ctx.db
      .updateTable('appUser')
      .set({ passwordChangedAt: new Date(Date.now() - 100 * DAY).toISOString() })
      .where('username', '=', username)
      .execute();

    const page = await env().newPage();
    await page.locator('#login_username').fill(username);
    await page.locator('#login_password').fill(TEST_PASSWORD);
    await page.locator('form#login button[type=submit]').click();
    await page.waitForURL('**/account/password');
    await expect.poll(() => page.getByTestId('password-expired').innerText()).toContain('密码已超过有效期，请修改密码后继续');
    expect(await menuText(page)).toBe('');

    // Nothing else opens meanwhile, whatever the address.
    await page.goto('/enterprises');
    await page.waitForURL('**/account/password');
    await page.getByTestId('password-expired').waitFor();

    await page.locator('#password_currentPassword').fill(TEST_PASSWORD);
    await page.locator('#password_newPassword').fill('Renewed@pass2');
    await page.locator('#password_confirmPassword').fill('Renewed@pass2');
    await page.getByTestId('change-password').click();
    await page.waitForURL((url) => url.pathname === '/');
    await expect.poll(() => menuText(page)).toContain('企业名录');
    await page.goto('/enterprises');
    await page.getByTestId('enterprise-table').locator('tbody a').first().waitFor();
  });

  it('shows the password lifetime with its allowed range on the security settings page', async () => {
    const page = await env().pageAs('security_admin');
    await page.goto('/accounts/security');
    const item = page.locator('.ant-form-item').filter({ has: page.locator('#passwordMaxAgeDays') });
    await expect.poll(() => item.innerText()).toContain('密码有效期（天）');
    expect(await item.innerText()).toContain('允许范围 7–90，默认 90');
    expect(await page.locator('#passwordMaxAgeDays').inputValue()).toBe('90');
  });
});
