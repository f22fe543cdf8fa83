import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { requirements } from './maturity-support.ts';
import { useBrowserEnv } from './support.ts';

// Evidence files in the questionnaire: a small PDF uploaded under one item, listed there, downloaded.

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe('an enterprise attaches evidence to a questionnaire item', () => {
  const env = useBrowserEnv();

  it('uploads a PDF to an item, sees it listed and downloads it', async () => {
    const page = await env().pageAs('enterprise_user');
    await page.getByTestId('side-menu').getByText('智能制造成熟度').click();
    await page.getByTestId('start-assessment-button').click();
    const dialog = page.getByTestId('start-assessment');
    await dialog.locator('#startAssessment_targetLevel').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="一级 规划级"]').click();
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await page.waitForURL(/\/maturity\/\d+$/);
    await page.getByTestId('domain-nav').waitFor();

    const item = requirements(page).first();
    await item
      .getByTestId('evidence')
      .locator('input[type=file]')
      .setInputFiles({ name: '质量手册.pdf', mimeType: 'application/pdf', buffer: PDF });
    await expect.poll(() => item.getByTestId('evidence-file').count(), { timeout: 15_000 }).toBe(1);
    expect(await item.getByTestId('evidence-file').innerText()).toContain('质量手册.pdf');
    expect(await requirements(page).nth(1).getByTestId('evidence-file').count()).toBe(0);

    const [download] = await Promise.all([page.waitForEvent('download'), item.getByTestId('evidence-download').click()]);
    expect(download.suggestedFilename()).toBe('质量手册.pdf');
    expect(fs.readFileSync((await download.path())!).equals(PDF)).toBe(true);

    // Still there after a reload.
    await page.reload();
    await expect.poll(() => requirements(page).first().getByTestId('evidence-file').count(), { timeout: 15_000 }).toBe(1);
  });
});
