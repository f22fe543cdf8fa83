import { completeCreditCode } from '@zhizao/domain';
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { enterpriseInput } from '../../server/test/harness.ts';
import { insertEnterprise } from '../../server/src/modules/registry/enterprise.repo.ts';
import { sheetRows } from './excel.ts';
import { useBrowserEnv } from './support.ts';

// The bureau's city-wide maturity picture in the browser: distribution per chain / district / type
// beside the national snapshot, the eligible list and its Excel; a district officer sees its district.

describe('the bureau sees the city-wide maturity picture', () => {
  const env = useBrowserEnv();

  beforeAll(async () => {
    const server = env().server;
    const { db, cipher } = server.ctx;
    /** A submitted assessment as the submit service leaves it (level and score on the row). */
    const submitted = (enterpriseId: number, level: number, type = 'discrete') =>
      db
        .insertInto('maturityAssessment')
        .values({
          enterpriseId,
          modelVersion: 'CMMM-2020',
          manufacturingType: type,
          targetLevel: 2,
          status: 'submitted',
          version: 2,
          createdBy: null,
          createdAt: '2026-06-01T02:00:00.000Z',
          updatedAt: '2026-06-01T02:00:00.000Z',
          submittedAt: '2026-06-01T02:00:00.000Z',
          resultJson: '{}',
          modelJson: null,
          formulaId: 'bandAligned',
          reachedLevel: level,
          totalScore: level + 0.1,
          isLatest: 1,
        })
        .execute();
    const make = (serial: number, district: string, chains: string[], type: 'discrete' | 'process') =>
      db.transaction().execute(
        async (tx) =>
          (
            await insertEnterprise(
              tx,
              cipher,
              enterpriseInput(
                {
                  districtCode: district,
                  chainCodes: chains,
                  manufacturingType: type,
                  name: `全景测试企业${serial}`,
                  creditCode: completeCreditCode(`91${district}TE${String(serial).padStart(7, '0')}`),
                },
                serial,
              ),
            )
          ).id,
      );
    await submitted(server.enterprises.huancui, 2); // 371002, TC1
    await submitted(server.enterprises.wendeng, 3); // 371003
    await submitted(await make(9201, '371002', ['TC1'], 'process'), 1, 'process');
    await submitted(await make(9202, '371003', ['TC2'], 'discrete'), 4);
  });

  it('shows the distribution as a chart and counts, switches grouping, compares with the nation and exports the eligible list', async () => {
    const page = await env().pageAs('bureau_admin');
    await page.getByTestId('side-menu').getByText('成熟度全景').click();
    await page.waitForURL(/\/maturity\/city$/);
    await page.getByTestId('distribution-chart').locator('canvas').waitFor();
    const table = page.getByTestId('distribution-table');
    await expect.poll(() => table.innerText()).toContain('测试产业链一');
    // The total row: one enterprise at each of levels 1–4.
    await expect.poll(() => table.locator('tr[data-row-key="__city"]').innerText()).toMatch(/合计\s+0\s+1\s+1\s+1\s+1\s+0\s+4/);
    await expect.poll(() => page.getByTestId('national-source').innerText()).toContain('来源');
    await expect.poll(() => page.getByTestId('national-table').innerText()).toContain('75.0%'); // 3 of 4 at level 2 or above

    await page.getByTestId('group-by').getByText('按区市').click();
    await expect.poll(() => table.innerText()).toContain('文登');
    await page.getByTestId('group-by').getByText('按制造类型').click();
    await expect.poll(() => table.innerText()).toContain('流程型');

    const eligible = page.getByTestId('eligible-table');
    await expect.poll(() => eligible.locator('tr.ant-table-row').count()).toBe(3);
    await expect.poll(() => eligible.innerText()).toContain('文登测试纺织有限公司');
    expect(await eligible.innerText()).not.toContain('全景测试企业9201'); // level 1

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-eligible').click()]);
    expect(download.suggestedFilename()).toMatch(/成熟度可申报企业.*\.xlsx$/);
    const rows = await sheetRows(fs.readFileSync((await download.path())!));
    const text = rows.flat().join('|');
    expect(text).toContain('文登测试纺织有限公司');
    expect(text).toContain('全景测试企业9202');
    expect(text).not.toContain('全景测试企业9201');
  });

  it('shows a district officer only its own district', async () => {
    const page = await env().pageAs('district_officer');
    await page.getByTestId('side-menu').getByText('成熟度全景').click();
    await page.getByTestId('distribution-chart').locator('canvas').waitFor();
    await expect
      .poll(() => page.getByTestId('distribution-table').locator('tr[data-row-key="__city"]').innerText())
      .toMatch(/合计\s+0\s+1\s+1\s+0\s+0\s+0\s+2/);
    const eligible = page.getByTestId('eligible-table');
    await expect.poll(() => eligible.locator('tr.ant-table-row').count()).toBe(1);
    expect(await eligible.innerText()).toContain('测试精密机械制造有限公司9001');
    expect(await eligible.innerText()).not.toContain('文登');
  });
});
