import { describe, expect, it } from 'vitest';
import { FIXTURE_USERNAMES } from '../../server/test/harness.ts';
import { logIn, menuText, useBrowserEnv } from './support.ts';

describe('login and language', () => {
  const env = useBrowserEnv();

  it('refuses a wrong password with the server’s message, in Chinese', async () => {
    const page = await env().newPage();
    await page.locator('#login_username').fill(FIXTURE_USERNAMES.bureau_admin);
    await page.locator('#login_password').fill('Wrong@pass1');
    await page.locator('form#login button[type=submit]').click();
    await expect.poll(() => page.getByTestId('login-error').innerText()).toContain('用户名或密码错误');
  });

  it('logs in in Chinese, switches the menu to English, and keeps the choice after a reload', async () => {
    const page = await env().newPage();
    await logIn(page, FIXTURE_USERNAMES.bureau_admin);
    expect(await menuText(page)).toContain('企业名录');

    await page.getByTestId('language-switch').getByText('EN', { exact: true }).click();
    await expect.poll(() => menuText(page)).toContain('Enterprises');
    expect(await menuText(page)).not.toContain('企业名录');

    await page.reload();
    await page.getByTestId('side-menu').waitFor();
    expect(await menuText(page)).toContain('Enterprises');
    // The server answers in the chosen language too: the app sends Accept-Language on every call.
    await page.goto('/enterprises/999999');
    await expect.poll(() => page.locator('.ant-result').innerText()).toContain('Enterprise not found');
  });

  it('logs out back to the login page', async () => {
    const page = await env().pageAs('expert');
    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.waitForURL('**/login');
    await page.goto('/enterprises');
    await page.waitForURL('**/login');
  });

  it('sends an idle-expired session to the login page with a notice, then back to where the user was going', async () => {
    const { server } = env();
    const page = await env().pageAs('district_officer');
    await page.goto('/enterprises');
    await page.getByTestId('enterprise-table').locator('tbody a').first().waitFor();
    await server.ctx.db
      .updateTable('userSession')
      .set({ lastSeenAt: new Date(Date.now() - 60 * 60_000).toISOString() })
      .execute();

    await page.goto(`/enterprises/${server.enterprises.huancui}`);
    await page.waitForURL('**/login');
    await page.getByText('会话已过期，请重新登录').waitFor();
    await logIn(page, FIXTURE_USERNAMES.district_officer);
    await page.waitForURL(`**/enterprises/${server.enterprises.huancui}`);
  });
});
