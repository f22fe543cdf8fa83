import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { enterpriseInput } from '../../server/test/harness.ts';
import { chooseOption, useBrowserEnv } from './support.ts';

const row = (page: Page, kind: string, code: string) =>
  page.getByTestId(`taxonomy-table-${kind}`).locator('tbody tr').filter({ hasText: code });
const field = (page: Page, name: string) => page.locator('.ant-form-item').filter({ has: page.locator(`#taxonomyEntry_${name}`) });
const confirmDelete = (page: Page) =>
  page
    .locator('.ant-popconfirm:visible')
    .getByRole('button', { name: /删\s*除/ })
    .click();
const save = (page: Page) =>
  page
    .getByTestId('taxonomy-entry-modal')
    .getByRole('button', { name: /保\s*存/ })
    .click();

describe('the bureau administers the industry taxonomy', () => {
  const env = useBrowserEnv();

  it('adds a chain, keeping the typing when its code is taken, and the enterprise form offers it at once', async () => {
    const page = await env().pageAs('bureau_admin');
    await page.getByTestId('side-menu').getByText('产业分类').click();
    await page.waitForURL('**/taxonomy');
    // The fixture chains are unconfirmed demo names; TC1 is used by one enterprise.
    await expect.poll(() => row(page, 'chains', 'TC1').innerText()).toContain('演示');
    await expect.poll(() => row(page, 'chains', 'TC1').locator('td').nth(3).innerText()).toBe('1');

    await page.getByTestId('new-taxonomy-entry').click();
    await page.locator('#taxonomyEntry_code').fill('tc2');
    await page.locator('#taxonomyEntry_nameZh').fill('海洋生物医药');
    await page.locator('#taxonomyEntry_nameEn').fill('Marine biomedicine');
    await save(page);
    await expect.poll(() => field(page, 'code').innerText()).toContain('代码「TC2」已存在');
    expect(await page.locator('#taxonomyEntry_nameZh').inputValue()).toBe('海洋生物医药');
    expect(await page.locator('#taxonomyEntry_nameEn').inputValue()).toBe('Marine biomedicine');

    await page.locator('#taxonomyEntry_code').fill('marine-bio');
    await save(page);
    await expect.poll(() => row(page, 'chains', 'MARINE-BIO').innerText()).toContain('海洋生物医药');
    expect(await row(page, 'chains', 'MARINE-BIO').getByTestId('demo-tag').count()).toBe(0);

    // Without reloading the app: the registry's own forms read the taxonomy again.
    await page.getByTestId('side-menu').getByText('企业名录').click();
    await page.getByTestId('new-enterprise').click();
    await chooseOption(page, 'enterprise_chainCodes', '海洋生物医药');
  });

  it('renames a demo cluster and a district, refuses to delete what is in use, and deletes what is not', async () => {
    const { server } = env();
    const page = await env().pageAs('bureau_admin');
    await page.goto('/taxonomy?tab=clusters');

    await page.getByTestId('new-taxonomy-entry').click();
    await page.locator('#taxonomyEntry_code').fill('K-NEW');
    await page.locator('#taxonomyEntry_nameZh').fill('新建测试集群');
    await page.locator('#taxonomyEntry_nameEn').fill('New test cluster');
    await chooseOption(page, 'taxonomyEntry_chainCode', '测试产业链一');
    await save(page);
    await expect.poll(() => row(page, 'clusters', 'K-NEW').innerText()).toContain('测试产业链一');

    // Someone registers an enterprise in the new cluster while the page still counts none.
    const admin = await server.as('bureau_admin');
    expect((await admin.post('/api/enterprises', enterpriseInput({ clusterCode: 'K-NEW' }, 9101))).status).toBe(200);
    await row(page, 'clusters', 'K-NEW').getByText('删除').click();
    await confirmDelete(page);
    const refusal = page.locator('.ant-modal-confirm');
    await expect.poll(() => refusal.innerText()).toContain('不能删除「新建测试集群」');
    expect(await refusal.innerText()).toContain('仍有企业使用该分类');
    await refusal.getByRole('button').click();
    // The counts were read again: the delete is now withheld, with the reason.
    await row(page, 'clusters', 'K-NEW').getByTestId('delete-blocked').waitFor();

    await row(page, 'clusters', 'TK1').getByText('编辑').click();
    expect(await page.locator('#taxonomyEntry_code').isDisabled()).toBe(true);
    await page.locator('#taxonomyEntry_nameZh').fill('威海测试集群');
    await save(page);
    await expect.poll(() => row(page, 'clusters', 'TK1').innerText()).toContain('威海测试集群');
    expect(await row(page, 'clusters', 'TK1').getByTestId('demo-tag').count()).toBe(0);

    await page.getByRole('tab', { name: /区市/ }).click();
    await row(page, 'districts', '371083').getByText('编辑').click();
    await page.locator('#taxonomyEntry_nameEn').fill('Rushan City');
    await save(page);
    await expect.poll(() => row(page, 'districts', '371083').innerText()).toContain('Rushan City');

    // TC2 has neither enterprises nor clusters: it may go.
    await page.getByRole('tab', { name: /产业链/ }).click();
    await row(page, 'chains', 'TC1').getByTestId('delete-blocked').waitFor();
    await row(page, 'chains', 'TC2').getByText('删除').click();
    await confirmDelete(page);
    await expect.poll(() => page.getByTestId('taxonomy-table-chains').innerText()).not.toContain('TC2');
    const { body } = await admin.get('/api/registry/taxonomy');
    expect(body.chains.map((c: { code: string }) => c.code)).not.toContain('TC2');
    expect(body.districts.find((d: { code: string }) => d.code === '371083').nameEn).toBe('Rushan City');
  });
});
