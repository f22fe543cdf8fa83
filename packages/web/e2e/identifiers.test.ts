import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { activePrefix } from './identifiers-support.ts';
import { useBrowserEnv } from './support.ts';

// The identifier node in the browser: the operator approves an enterprise's prefix application; the
// enterprise registers an identifier with its template's form and sees its values marked public or private;
// the operator's statistics count it and its upward report downloads.

describe('identifier node pages', () => {
  const env = useBrowserEnv();

  it('an enterprise applies for a prefix with its registry data and the node operator approves it', async () => {
    const { server } = env();
    const enterprise = await env().pageAs('enterprise_user');
    await enterprise.getByTestId('side-menu').getByText('企业前缀与密钥').click();
    await enterprise.waitForURL(/\/identifiers\/prefixes$/);
    await enterprise.getByTestId('apply-prefix').click();
    const modal = enterprise.getByTestId('prefix-apply-modal');
    // Real-name data shown from the registry record, not typed.
    const record = (await (await server.as('bureau_admin')).get(`/api/enterprises/${server.enterprises.huancui}`)).body;
    await expect.poll(() => modal.getByTestId('real-name').innerText(), { timeout: 10_000 }).toContain(record.creditCode);
    expect(await modal.getByTestId('real-name').innerText()).toContain(record.name);
    await enterprise.locator('#prefixApply_contactName').fill('王测试');
    await enterprise.locator('#prefixApply_contactPhone').fill('0631-5800000');
    await enterprise.locator('#prefixApply_purpose').fill('产品追溯与仓储管理');
    await modal.locator('.ant-modal-footer .ant-btn-primary').click();
    const table = enterprise.getByTestId('prefix-table');
    await table.getByTestId('prefix-status-pending').waitFor();
    const prefix = (await table.locator('tr.ant-table-row').filter({ hasText: '待审核' }).locator('td').first().innerText()).trim();
    expect(prefix).toMatch(/^88\.999\.\d+$/);

    const operator = await env().pageAs('bureau_admin');
    await operator.getByTestId('side-menu').getByText('前缀审核').click();
    await operator.waitForURL(/\/identifiers\/review$/);
    const review = operator.getByTestId('review-table');
    await expect.poll(() => review.innerText()).toContain(prefix);
    expect(await review.innerText()).toContain('王测试');
    await operator.getByTestId(`prefix-approve-${prefix}`).click();
    await operator.getByTestId('decision-modal').locator('.ant-modal-footer .ant-btn-primary').click();
    await operator.getByText(`已批准前缀 ${prefix}`).waitFor();
    // Gone from the pending list, listed as active.
    await expect.poll(() => review.innerText()).not.toContain(prefix);
    await operator.getByTestId('review-status').getByText('已启用').click();
    await expect.poll(() => review.innerText()).toContain(prefix);

    await enterprise.reload();
    const row = enterprise.getByTestId('prefix-table').locator('tr.ant-table-row').filter({ hasText: prefix });
    await expect.poll(() => row.innerText()).toContain('已启用');
  });

  it('an enterprise registers an identifier with its template form and sees its values with public and private marks', async () => {
    const prefix = await activePrefix(env().server);
    const page = await env().pageAs('enterprise_user');
    await page.getByTestId('side-menu').getByText('标识管理').click();
    await page.waitForURL(/\/identifiers$/);
    await expect.poll(() => page.getByTestId('prefix-select').innerText(), { timeout: 10_000 }).toContain(prefix);
    await page.getByTestId('register-identifier').click();
    const modal = page.getByTestId('register-modal');
    await page.locator('#register_values_i2000').waitFor();
    await page.locator('#register_suffix').fill('E2E-0001');
    // A batch number against the template's pattern: refused in the form, nothing sent, everything typed stays.
    await page.locator('#register_values_i2000').fill('智能轴承 A 型');
    await page.locator('#register_values_i2001').fill('2026-11');
    await modal.locator('.ant-modal-footer .ant-btn-primary').click();
    await modal.getByText('格式应符合 ^B[0-9]+$').waitFor();
    expect(await page.locator('#register_suffix').inputValue()).toBe('E2E-0001');
    expect(await page.locator('#register_values_i2000').inputValue()).toBe('智能轴承 A 型');
    await page.locator('#register_values_i2001').fill('B202611');
    await modal.locator('.ant-modal-footer .ant-btn-primary').click();

    const drawer = page.getByTestId('record-drawer');
    const values = drawer.getByTestId('record-values');
    await expect.poll(() => values.innerText()).toContain('智能轴承 A 型');
    const text = await values.innerText();
    expect(text).toMatch(/name\s+智能轴承 A 型\s+公开/);
    expect(text).toMatch(/batch\s+B202611\s+非公开/);
    expect(await drawer.innerText()).toContain(`${prefix}/E2E-0001`);
    await drawer.getByTestId('record-qr').locator('canvas').waitFor();
    await drawer.locator('.ant-drawer-close').click();
    await expect.poll(() => page.getByTestId('identifier-table').innerText()).toContain(`${prefix}/E2E-0001`);
    // Search by the start of the suffix, in any case.
    await page.getByTestId('identifier-search').locator('input').fill('e2e-');
    await expect.poll(() => page.getByTestId('identifier-table').locator('tr.ant-table-row').count()).toBe(1);
    await page.getByTestId('identifier-search').locator('input').fill('NOPE');
    await page.getByText('没有匹配的标识').waitFor();
    await page.getByTestId('identifier-search').locator('input').fill('');

    // The same handle again with other data: the server refuses, the form keeps what was typed.
    await page.getByTestId('register-identifier').click();
    await page.locator('#register_values_i2000').waitFor();
    await page.locator('#register_suffix').fill('e2e-0001');
    await page.locator('#register_values_i2000').fill('另一个名字');
    await modal.locator('.ant-modal-footer .ant-btn-primary').click();
    await modal.getByText('标识已存在且数据不同').waitFor();
    expect(await page.locator('#register_values_i2000').inputValue()).toBe('另一个名字');
  });

  it('the node operator sees registrations in the statistics and downloads the upward report', async () => {
    const { server } = env();
    const prefix = await activePrefix(server);
    const enterprise = await server.as('enterprise_user');
    const registered = await enterprise.post('/api/identifiers/records', {
      handle: `${prefix}/STAT-1`,
      templateVersion: '1.0',
      values: [{ index: 2000, type: 'name', data: '统计用产品' }],
    });
    expect(registered.status, JSON.stringify(registered.body)).toBe(200);
    const page = await env().pageAs('bureau_admin');
    await page.getByTestId('side-menu').getByText('节点运营统计').click();
    await page.waitForURL(/\/identifiers\/stats$/);
    await page.getByTestId('daily-chart').locator('canvas').waitFor();
    await expect.poll(() => page.getByTestId('stats-table').innerText(), { timeout: 10_000 }).toContain(prefix);
    expect(await page.getByTestId('stats-totals').innerText()).toMatch(/累计注册量\s+[1-9]/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/^identifier-statistics-88\.999-.*\.csv$/);
    const csv = fs.readFileSync((await download.path())!, 'utf8').replace(/^\ufeff/, '');
    expect(csv.split(/\r?\n/)[0]).toBe('day,prefix,credit_code,enterprise_name,registrations,resolutions');
    expect(csv).toContain(prefix);
  });

  it('an enterprise creates an API key whose secret is shown once, and revokes it', async () => {
    await activePrefix(env().server);
    const page = await env().pageAs('enterprise_user');
    await page.goto('/identifiers/prefixes');
    await page.getByTestId('create-api-key').click();
    await page.locator('#apiKey_label').fill('MES 系统');
    await page.locator('#apiKey_label').press('Enter');
    const id = (await page.getByTestId('new-key-id').innerText()).trim();
    const secret = (await page.getByTestId('new-key-secret').innerText()).trim();
    expect(id).toMatch(/^zk_/);
    expect(secret.length).toBeGreaterThanOrEqual(16);
    await page.getByRole('button', { name: '我已保存' }).click();
    const keys = page.getByTestId('api-key-table');
    const row = keys.locator('tr.ant-table-row').filter({ hasText: id });
    await expect.poll(() => row.innerText()).toContain('MES 系统');
    // Once the dialog has gone, the secret is nowhere on the page, and never shown again.
    await page.getByTestId('new-key-secret').waitFor({ state: 'detached' });
    expect(await page.getByText(secret).count()).toBe(0);
    // The key works for the SNMS token call until it is revoked.
    const token = async () => (await env().server.client().post('/identity/token', { username: id, password: secret })).body.status;
    expect(await token()).toBe(1);
    await row
      .getByRole('button', { name: '吊 销' })
      .or(row.getByRole('button', { name: '吊销' }))
      .click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await expect.poll(() => row.innerText()).toContain('已于');
    expect(await token()).not.toBe(1);
  });

  it('an enterprise writes a new template version from the latest one; refusals land on the fields and keep what was typed', async () => {
    const prefix = await activePrefix(env().server);
    const page = await env().pageAs('enterprise_user');
    await page.getByTestId('side-menu').getByText('元数据模板').click();
    await expect.poll(() => page.getByTestId('template-items').innerText(), { timeout: 10_000 }).toContain('batch');
    await page.getByTestId('new-template').click();
    await page.locator('#template_version').fill('1.0');
    await page.getByTestId('template-add-item').click();
    // The new item takes the next free index.
    await expect.poll(() => page.locator('#template_items_3_idIndex').inputValue()).toBe('2003');
    await page.locator('#template_items_3_type').fill('colour');
    await page.locator('#template_items_3_name').fill('颜色');
    // GB/T 4754 group 351 does not sit in division 34: the server says so on the class field.
    await page.locator('#template_industryTrade').fill('351');
    await page.locator('#template_industrySubclass').fill('3511');
    await page.getByTestId('template-save').click();
    await page.getByText('国民经济行业分类（GB/T 4754）代码不正确或层级不一致').waitFor();
    await page.locator('#template_industryTrade').fill('348');
    await page.locator('#template_industrySubclass').fill('3484');
    // Version 1.0 exists: refused, the drawer keeps the new item.
    await page.getByTestId('template-save').click();
    await page.getByText('模板版本 1.0 已存在').first().waitFor();
    expect(await page.locator('#template_items_3_type').inputValue()).toBe('colour');
    await page.locator('#template_version').fill('1.1');
    await page.getByTestId('template-save').click();
    await page.getByText('已保存模板版本 1.1').waitFor();
    await expect.poll(() => page.getByTestId('template-versions').innerText()).toContain('1.1');
    await expect.poll(() => page.getByTestId('template-items').innerText()).toContain('colour');
    const saved = await (await env().server.as('enterprise_user')).get(`/api/identifiers/prefixes/${prefix}/templates/1.1`);
    expect(saved.body.items.map((i: { idIndex: number }) => i.idIndex)).toEqual([2000, 2001, 2002, 2003]);
  });

  it('an enterprise grants a partner read access to its private values by credit code, and removes it', async () => {
    const { server } = env();
    const prefix = await activePrefix(server);
    const partner = (await (await server.as('bureau_admin')).get(`/api/enterprises/${server.enterprises.wendeng}`)).body;
    const page = await env().pageAs('enterprise_user');
    await page.goto('/identifiers/prefixes');
    await page.getByTestId('add-grant').click();
    await expect.poll(() => page.locator('.ant-modal').innerText(), { timeout: 10_000 }).toContain(prefix);
    // An unknown enterprise: refused on the field, the typed code stays.
    await page.locator('#grant_granteeCreditCode').fill('91371003MA3XXXXX0Y');
    await page.locator('#grant_granteeCreditCode').press('Enter');
    await page.locator('.ant-form-item-explain-error').first().waitFor();
    expect(await page.locator('#grant_granteeCreditCode').inputValue()).toBe('91371003MA3XXXXX0Y');
    await page.locator('#grant_granteeCreditCode').fill(partner.creditCode);
    await page.locator('#grant_granteeCreditCode').press('Enter');
    const grants = page.getByTestId('grant-table');
    await expect.poll(() => grants.innerText()).toContain(partner.name);
    await grants.getByRole('button').click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await expect.poll(() => grants.innerText()).toContain('尚未授权其他企业');
  });
});
