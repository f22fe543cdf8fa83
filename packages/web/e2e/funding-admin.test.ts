import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { created, fundFor, projectBody, TEN_PERCENT_POLICY } from '../../server/src/modules/funding/funding.test-support.ts';
import { sheetRows, workbookWith } from './excel.ts';
import { eventually, shot } from './funding-support.ts';
import { useBrowserEnv } from './support.ts';

// The bureau's side of the funds in the browser: a year's fund whose 智改数转 share is computed as the
// envelopes are typed, a policy revised into a second version with its history, the project list of a
// district officer with its Excel export and all-or-nothing import, and the reports with the project trend and a drill-down to records.

describe('the bureau manages funds and policies and reads the reports', () => {
  const env = useBrowserEnv();

  beforeAll(async () => {
    const server = env().server;
    const bureau = await server.as('bureau_admin');
    await fundFor(bureau, 2023, 3_589_000, 8_504_739); // the seed's 2023 proportion, scaled down
    await created(bureau.post('/api/funding/policies', TEN_PERCENT_POLICY));
    // Projects per year, growing as the seed's trend does (§二.1), in both fixture districts.
    const perYear: [number, number][] = [
      [2019, 1],
      [2021, 2],
      [2023, 3],
    ];
    for (const [year, count] of perYear) {
      for (let i = 0; i < count; i++) {
        const enterpriseId = i % 2 ? server.enterprises.wendeng : server.enterprises.huancui;
        await created(
          bureau.post(
            '/api/funding/projects',
            projectBody({ enterpriseId, year, name: `${year}年项目${i + 1}`, startDate: `${year}-03-01`, completionDate: `${year}-12-31` }),
          ),
        );
      }
    }
  });

  it('creates a fund whose 智改数转 share is computed, never typed', async () => {
    const page = await env().pageAs('bureau_admin');
    await page.getByTestId('side-menu').getByText('专项资金').click();
    await eventually(() => page.getByTestId('fund-share').innerText()).toContain('42.2%');
    await page.getByTestId('new-fund').click();
    const dialog = page.getByTestId('fund-modal');
    await page.locator('#fund_totalFen').fill('1000000');
    await page.locator('#fund_envelopes_0_amountFen').fill('250000');
    await page.locator('#fund_name').click();
    await eventually(() => dialog.getByTestId('fund-share-preview').innerText()).toContain('25.0%');
    await shot(page, '10-fund-new');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await eventually(() => page.getByTestId('fund-share').innerText()).toContain('25.0%');
  });

  it('revises a policy into a second version and keeps the first in the history', async () => {
    const page = await env().pageAs('bureau_admin');
    await page.getByTestId('side-menu').getByText('奖补政策').click();
    const card = page.getByTestId(`policy-${TEN_PERCENT_POLICY.code}`);
    await eventually(() => card.innerText()).toContain('v1');
    await card.getByTestId('new-version').click();
    await page.locator('#policy_ratePct').fill('12');
    await page.getByTestId('save-policy').click();
    await page.getByTestId('policy-editor').waitFor({ state: 'hidden' });
    await eventually(() => card.innerText()).toContain('固定比例 12%');
    expect(await card.innerText()).toMatch(/v2[\s\S]*v1/);
    await shot(page, '11-policies');
  });

  it('refuses a tiered policy whose bands are out of order, keeping the editor as typed', async () => {
    const page = await env().pageAs('bureau_admin');
    await page.getByTestId('side-menu').getByText('奖补政策').click();
    await page.getByTestId('new-policy').click();
    const editor = page.getByTestId('policy-editor');
    await page.locator('#policy_code').fill('test-yishui');
    await page.locator('#policy_name').fill('测试：设备投资分档奖补');
    await editor.getByText('按投资额分档').click();
    await page.locator('#policy_bands_0_fromYuan').fill('5000000');
    await page.locator('#policy_bands_0_ratePct').fill('1.5');
    await editor.getByRole('button', { name: '添加档位' }).click();
    await page.locator('#policy_bands_1_fromYuan').fill('3000000');
    await page.locator('#policy_bands_1_ratePct').fill('1.8');
    await page.getByTestId('save-policy').click();
    await eventually(() => editor.getByTestId('policy-error').innerText()).toContain('严格递增');
    expect(await page.locator('#policy_name').inputValue()).toBe('测试：设备投资分档奖补');
    expect(await page.locator('#policy_bands_1_fromYuan').inputValue()).toBe('3,000,000.00');

    await page.locator('#policy_bands_1_fromYuan').fill('30000000');
    await page.getByTestId('save-policy').click();
    await editor.waitFor({ state: 'hidden' });
    await eventually(() => page.getByTestId('policy-test-yishui').innerText()).toMatch(
      /按投资额分档[\s\S]*≥ 500\.00 万元 → 1\.5%[\s\S]*≥ 3,000\.00 万元 → 1\.8%/,
    );
  });

  it('shows a district officer the projects of its district only, and lets it correct one', async () => {
    const page = await env().pageAs('district_officer');
    await page.getByTestId('side-menu').getByText('智改数转项目').click();
    const rows = page.getByTestId('project-table').locator('tr.ant-table-row');
    await eventually(() => rows.count()).toBe(4); // 环翠's 1 + 1 + 2 of the 6
    expect(await page.getByTestId('project-table').innerText()).not.toContain('文登');
    await shot(page, '12-projects');

    // An officer corrects a project of its district; the saved version is what the page shows.
    await page.getByTestId('project-table').getByRole('link', { name: '2021年项目1' }).click();
    await page.getByTestId('edit-project').click();
    await page.locator('#project_name').fill('2021年项目1（更正）');
    await page.locator('#project_otherFen').fill('250000');
    await page.getByTestId('save-project').click();
    await page.waitForURL(/\/funding\/projects\/\d+$/);
    await eventually(() => page.getByTestId('project-investment').innerText()).toContain('10,750,000.00 元');
    expect(await page.locator('h4').first().innerText()).toBe('2021年项目1（更正）');
  });

  it('exports the district projects and imports a workbook only when every row is right', async () => {
    const page = await env().pageAs('district_officer');
    await page.getByTestId('side-menu').getByText('智改数转项目').click();
    const [exported] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-projects').click()]);
    const sheet = (await sheetRows(fs.readFileSync((await exported.path())!))).flat().join('|');
    expect(sheet).toContain('2023年项目1');
    expect(sheet).not.toContain('2023年项目2'); // 文登's

    await page.getByRole('button', { name: 'Excel 导入' }).click();
    const [template] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-template').click()]);
    const header = (await sheetRows(fs.readFileSync((await template.path())!)))[0]!;
    const { creditCode } = await env()
      .server.ctx.db.selectFrom('enterprise')
      .select('creditCode')
      .where('id', '=', env().server.enterprises.huancui)
      .executeTakeFirstOrThrow();
    const row = (name: string, equipment: string) => ({
      统一社会信用代码: creditCode,
      项目名称: name,
      年度: '2024',
      项目类型: '数字化车间',
      '设备投资（元）': equipment,
      '软件投资（元）': '300000',
      '服务投资（元）': '0',
      '其他投资（元）': '0',
      开工日期: '2024-04-01',
    });
    const upload = async (records: Record<string, string>[]) =>
      page.locator('input[type=file]').setInputFiles({
        name: '项目导入.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: await workbookWith(header, records),
      });

    await upload([row('导入车间甲', '1200000'), row('导入车间乙', '-5')]);
    await eventually(() => page.getByTestId('import-problems').innerText()).toMatch(/3\s+.*设备投资/);
    expect(await page.getByTestId('upload-error').innerText()).toMatch(/.+/);
    await shot(page, '14-import-refused');
    await upload([row('导入车间甲', '1200000'), row('导入车间乙', '900000')]);
    await eventually(() => page.getByTestId('import-done').innerText()).toContain('2');
  });

  it('reads the project trend per year, drills down from a figure to its records and exports the report', async () => {
    const page = await env().pageAs('bureau_admin');
    await page.getByTestId('side-menu').getByText('奖补统计').click();
    await page.getByTestId('trend-chart').locator('canvas').waitFor();
    const table = page.getByTestId('year-table');
    await eventually(() => table.locator('tr[data-row-key="2023"]').innerText()).toMatch(/2023\s+3\b/);
    await table.locator('tr[data-row-key="2023"]').getByTestId('drill').first().click();
    const records = page.getByTestId('records');
    await eventually(() => records.locator('tr.ant-table-row').count()).toBe(3);
    expect(await records.innerText()).toContain('2023年项目3');
    await shot(page, '13-reports');

    await page.keyboard.press('Escape');
    await records.waitFor({ state: 'detached' });
    const [report] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-report').click()]);
    expect(report.suggestedFilename()).toMatch(/\.xlsx$/);
    expect((await sheetRows(fs.readFileSync((await report.path())!))).flat().join('|')).toContain('2023');
  });
});
