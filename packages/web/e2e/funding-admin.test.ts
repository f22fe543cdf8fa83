import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { created, fundFor, projectBody, TEN_PERCENT_POLICY } from '../../server/src/modules/funding/funding.test-support.ts';
import { useBrowserEnv } from './support.ts';

// The bureau's side of the funds in the browser: a year's fund whose 智改数转 share is computed as the
// envelopes are typed, a policy revised into a second version with its history, the project list of a
// district officer, and the reports with the project trend and a drill-down to records.

const SHOTS = process.env.ZHIZAO_E2E_SHOTS;
const shot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
};

describe('the bureau manages funds and policies and reads the reports', () => {
  const env = useBrowserEnv();

  beforeAll(async () => {
    const server = env().server;
    const bureau = await server.as('bureau_admin');
    await fundFor(bureau, 2023, 3_589_000, 8_504_739); // the seed's 2023 proportion, scaled down
    await created(bureau.post('/api/funding/policies', TEN_PERCENT_POLICY));
    // Projects per year, growing as the seed's trend does (§二.1), in both fixture districts.
    const perYear: [number, number][] = [[2019, 1], [2021, 2], [2023, 3]];
    for (const [year, count] of perYear) {
      for (let i = 0; i < count; i++) {
        const enterpriseId = i % 2 ? server.enterprises.wendeng : server.enterprises.huancui;
        await created(bureau.post('/api/funding/projects', projectBody({ enterpriseId, year, name: `${year}年项目${i + 1}`, startDate: `${year}-03-01`, completionDate: `${year}-12-31` })));
      }
    }
  });

  it('creates a fund whose 智改数转 share is computed, never typed', async () => {
    const page = await env().pageAs('bureau_admin');
    await page.getByTestId('side-menu').getByText('专项资金').click();
    await expect.poll(() => page.getByTestId('fund-share').innerText()).toContain('42.2%');
    await page.getByTestId('new-fund').click();
    const dialog = page.getByTestId('fund-modal');
    await page.locator('#fund_totalFen').fill('1000000');
    await page.locator('#fund_envelopes_0_amountFen').fill('250000');
    await page.locator('#fund_name').click();
    await expect.poll(() => dialog.getByTestId('fund-share-preview').innerText()).toContain('25.0%');
    await shot(page, '10-fund-new');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('fund-share').innerText()).toContain('25.0%');
  });

  it('revises a policy into a second version and keeps the first in the history', async () => {
    const page = await env().pageAs('bureau_admin');
    await page.getByTestId('side-menu').getByText('奖补政策').click();
    const card = page.getByTestId(`policy-${TEN_PERCENT_POLICY.code}`);
    await expect.poll(() => card.innerText()).toContain('v1');
    await card.getByTestId('new-version').click();
    await page.locator('#policy_ratePct').fill('12');
    await page.getByTestId('save-policy').click();
    await page.getByTestId('policy-editor').waitFor({ state: 'hidden' });
    await expect.poll(() => card.innerText()).toContain('固定比例 12%');
    expect(await card.innerText()).toMatch(/v2[\s\S]*v1/);
    await shot(page, '11-policies');
  });

  it('shows a district officer the projects of its district only', async () => {
    const page = await env().pageAs('district_officer');
    await page.getByTestId('side-menu').getByText('智改数转项目').click();
    const rows = page.getByTestId('project-table').locator('tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(4); // 环翠's 1 + 1 + 2 of the 6
    expect(await page.getByTestId('project-table').innerText()).not.toContain('文登');
    await shot(page, '12-projects');
  });

  it('reads the project trend per year and drills down from a figure to its records', async () => {
    const page = await env().pageAs('bureau_admin');
    await page.getByTestId('side-menu').getByText('奖补统计').click();
    await page.getByTestId('trend-chart').locator('canvas').waitFor();
    const table = page.getByTestId('year-table');
    await expect.poll(() => table.locator('tr[data-row-key="2023"]').innerText()).toMatch(/2023\s+3\b/);
    await table.locator('tr[data-row-key="2023"]').getByTestId('drill').first().click();
    const records = page.getByTestId('records');
    await expect.poll(() => records.locator('tr.ant-table-row').count()).toBe(3);
    expect(await records.innerText()).toContain('2023年项目3');
    await shot(page, '13-reports');
  });
});
