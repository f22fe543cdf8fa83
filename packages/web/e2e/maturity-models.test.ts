import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserEnv } from './support.ts';

// The bureau's model administration in the browser: copy CMMM-2020, change weights (the server refuses
// sums ≠ 100 %), edit a bank item of the copy; the shipped version stays read-only.

/** The input inside an InputNumber marked with a test id (antd puts the id on the input or its wrapper). */
async function weightInput(page: Page, id: string): Promise<Locator> {
  const box = page.getByTestId(id).first();
  await box.waitFor();
  return (await box.evaluate((e) => e.tagName)) === 'INPUT' ? box : box.locator('input');
}

async function setWeight(page: Page, id: string, value: string) {
  const input = await weightInput(page, id);
  await input.fill(value);
  await input.blur();
}

describe('the bureau administers maturity model versions', () => {
  const env = useBrowserEnv();

  it('copies CMMM-2020, changes its weights, sees the refusal of a bad sum and edits a bank item; the shipped version is read-only', async () => {
    const page = await env().pageAs('bureau_admin');
    await page.getByTestId('side-menu').getByText('成熟度模型').click();
    await page.waitForURL(/\/maturity\/models$/);
    const table = page.getByTestId('model-table');
    await expect.poll(() => table.innerText()).toContain('CMMM-2020');
    expect(await table.innerText()).toContain('标准');

    // The shipped version is read-only.
    await table.locator('tr[data-row-key="CMMM-2020"]').getByTestId('open-model').click();
    await page.waitForURL(/\/maturity\/models\/CMMM-2020$/);
    await page.getByTestId('weights-readonly').waitFor();
    expect(await page.getByTestId('save-weights').count()).toBe(0);
    expect(await (await weightInput(page, 'w-discrete-domain-organisation_strategy')).isDisabled()).toBe(true);
    await page.getByRole('tab', { name: '题库' }).click();
    await page.getByTestId('bank-readonly').waitFor();
    expect(await page.getByTestId('edit-requirement').count()).toBe(0);

    // Copy it; a taken id is refused on its field.
    await page.goBack();
    await page.waitForURL(/\/maturity\/models$/);
    await table.locator('tr[data-row-key="CMMM-2020"]').getByTestId('copy-model').click();
    const dialog = page.getByTestId('model-copy-modal');
    await dialog.locator('#modelCopy_newId').fill('CMMM-2020');
    await dialog.locator('#modelCopy_zh').fill('威海版');
    await dialog.locator('#modelCopy_en').fill('Weihai edition');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await expect.poll(() => dialog.locator('.ant-form-item-explain-error').innerText()).not.toBe('');
    await dialog.locator('#modelCopy_newId').fill('WH-2026');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await page.waitForURL(/\/maturity\/models\/WH-2026$/);
    await expect.poll(() => page.getByTestId('model-status').first().innerText()).toBe('自定义');

    // Two domain weights changed, the sum kept at 100 %: saved and there after a reload.
    await setWeight(page, 'w-discrete-domain-organisation_strategy', '10');
    await setWeight(page, 'w-discrete-domain-personnel_skills', '6.666667');
    await expect.poll(() => page.getByTestId('domain-sum-discrete').innerText()).toBe('100.00 %');
    expect(await page.getByTestId('domain-sum-warning-discrete').count()).toBe(0);
    await page.getByTestId('save-weights').click();
    await page.getByTestId('weights-saved').waitFor();
    await page.reload();
    await expect.poll(async () => (await weightInput(page, 'w-discrete-domain-organisation_strategy')).inputValue()).toMatch(/^10(\.0+)?$/);
    await expect.poll(async () => (await weightInput(page, 'w-discrete-domain-personnel_skills')).inputValue()).toMatch(/^6\.6666/);

    // A sum of 110 %: warned, and the server refuses.
    await setWeight(page, 'w-discrete-domain-organisation_strategy', '20');
    await page.getByTestId('domain-sum-warning-discrete').waitFor();
    await page.getByTestId('save-weights').click();
    await expect.poll(() => page.getByTestId('weights-problems').innerText()).toContain('权重之和不为 1');

    // Edit one bank item's Chinese text.
    await page.getByRole('tab', { name: '题库' }).click();
    await page.getByTestId('edit-requirement').first().click();
    const modal = page.getByTestId('requirement-modal');
    await modal.locator('#requirement_textZh').fill('威海版修改后的要求');
    await modal.getByRole('button', { name: /确\s*定/ }).click();
    await expect.poll(() => page.getByTestId('bank-table').innerText()).toContain('威海版修改后的要求');
  });
});
