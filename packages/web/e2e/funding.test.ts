import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { fundFor, TEN_PERCENT_POLICY, created } from '../../server/src/modules/funding/funding.test-support.ts';
import { eventually, shot } from './funding-support.ts';
import { chooseOption, useBrowserEnv } from './support.ts';

// An award from application to payment in the browser (issue 5, "done when"): the enterprise registers a
// project (a negative investment is refused on its field and the form keeps what was typed), applies
// with the calculator's breakdown on screen; the district passes the preliminary review; the bureau draws
// the second-review sample with a recorded seed, publishes the notice, is refused an approval over the
// envelope (the dialog keeps its input), approves what fits and pays it, evaluates the results against the
// target and claws back; the enterprise sees the money and the report.

/** Types a date into an Ant Design DatePicker by its form id and confirms it. */
async function typeDate(page: Page, id: string, date: string) {
  await page.locator(`#${id}`).click();
  await page.locator(`#${id}`).fill(date);
  await page.locator(`#${id}`).press('Enter');
}

const modal = (page: Page) => page.getByTestId('move-modal');
const status = (page: Page) => page.getByTestId('award-status').first().innerText();

/** Opens a move's dialog on the award page and confirms it as offered. */
async function move(page: Page, action: string) {
  await page.getByTestId(`move-${action}`).click();
  await modal(page)
    .getByRole('button', { name: /确\s*定/ })
    .click();
  await modal(page).waitFor({ state: 'hidden' });
}

describe('a 智改数转 award runs from application to payment in the browser', () => {
  const env = useBrowserEnv();

  beforeAll(async () => {
    const bureau = await env().server.as('bureau_admin');
    // A small 智改数转 envelope (¥500,000), so the full ¥1 M award does not fit.
    await fundFor(bureau, 2024, 500_000, 1_000_000);
    await created(bureau.post('/api/funding/policies', TEN_PERCENT_POLICY));
  });

  it('applies, reviews, samples, notices, refuses over budget, approves, pays, evaluates and claws back', async () => {
    // The enterprise registers its project.
    const enterprise = await env().pageAs('enterprise_user');
    await enterprise.getByTestId('side-menu').getByText('智改数转项目').click();
    await enterprise.waitForURL(/\/funding\/projects$/);
    await enterprise.getByTestId('new-project').click();
    await enterprise.locator('#project_name').fill('精密轴承智能工厂');
    await chooseOption(enterprise, 'project_year', '2024');
    await chooseOption(enterprise, 'project_kind', '智能工厂');
    await enterprise.locator('#project_equipmentFen').fill('-100');
    await enterprise.locator('#project_softwareFen').fill('2000000');
    await enterprise.locator('#project_servicesFen').fill('500000');
    await typeDate(enterprise, 'project_startDate', '2024-03-01');
    await enterprise.getByRole('button', { name: '添加指标' }).click();
    await enterprise.locator('#project_targets_0_code').fill('productivity');
    await enterprise.locator('#project_targets_0_name').fill('生产效率');
    await enterprise.locator('#project_targets_0_baseline').fill('100');
    await enterprise.locator('#project_targets_0_target').fill('120');
    await shot(enterprise, '01-project-form');
    await enterprise.getByTestId('save-project').click();

    // Refused on the field; everything typed is still there.
    const equipmentItem = enterprise.locator('.ant-form-item').filter({ has: enterprise.locator('#project_equipmentFen') });
    await eventually(() => equipmentItem.locator('.ant-form-item-explain-error').innerText()).toMatch(/.+/);
    expect(enterprise.url()).toMatch(/\/funding\/projects\/new$/);
    expect(await enterprise.locator('#project_name').inputValue()).toBe('精密轴承智能工厂');
    expect(await enterprise.locator('#project_softwareFen').inputValue()).toMatch(/^2,000,000(\.00)?$/);
    expect(await enterprise.locator('#project_targets_0_target').inputValue()).toBe('120');
    await shot(enterprise, '02-project-refused');

    await enterprise.locator('#project_equipmentFen').fill('8000000');
    await enterprise.locator('#project_name').click(); // leave the number box so it settles
    await eventually(() => enterprise.getByTestId('investment-total').innerText()).toContain('10,500,000.00');
    await enterprise.getByTestId('save-project').click();
    await enterprise.waitForURL(/\/funding\/projects\/\d+$/);
    await eventually(() => enterprise.getByTestId('project-investment').innerText()).toContain('10,500,000.00 元');

    // Applying shows the calculator's reasoning line by line: 10 % of equipment + software.
    await enterprise.getByTestId('apply-award').click();
    const calculation = enterprise.getByTestId('calculation');
    await eventually(() => enterprise.getByTestId('calc-amount').innerText()).toBe('1,000,000.00 元');
    const lines = await calculation.innerText();
    expect(lines).toContain('8,000,000.00');
    expect(lines).toContain('10%');
    await shot(enterprise, '03-apply');
    await enterprise.getByTestId('submit-application').click();
    await enterprise.waitForURL(/\/funding\/awards\/\d+$/);
    const awardPath = new URL(enterprise.url()).pathname;
    await eventually(() => status(enterprise)).toBe('已申报');
    // While the award is open the project stays as applied: no editing.
    await enterprise.getByRole('link', { name: '精密轴承智能工厂' }).click();
    await enterprise.getByTestId('project-locked').waitFor();
    expect(await enterprise.getByTestId('edit-project').count()).toBe(0);
    await enterprise.goBack();

    // The district passes the preliminary review.
    const district = await env().pageAs('district_officer');
    await district.goto(awardPath);
    await district.getByTestId('move-preliminaryPass').waitFor();
    await move(district, 'preliminaryPass');
    await eventually(() => status(district)).toBe('初审通过');

    // The bureau draws the second-review sample with its own seed, which stays on record.
    const bureau = await env().pageAs('bureau_admin');
    await bureau.getByTestId('side-menu').getByText('奖补申请与审核').click();
    await chooseOption(bureau, 'awards-year', '2024');
    await eventually(() => bureau.getByTestId('sample-card').innerText()).toContain('待抽样 1 件');
    await bureau.getByTestId('sample-seed').fill('e2e-seed-2024');
    await bureau.getByTestId('draw-sample').click();
    await eventually(() => bureau.getByTestId('sample-draws').innerText()).toContain('e2e-seed-2024');
    expect(await bureau.getByTestId('sample-draws').innerText()).toContain('已抽取 1 / 1 件');
    await shot(bureau, '04-review-queue');

    await bureau.goto(awardPath);
    await eventually(() => status(bureau)).toBe('抽中复审');
    await move(bureau, 'secondPass');
    await eventually(() => status(bureau)).toBe('审核通过');
    await move(bureau, 'publishNotice');
    await eventually(() => status(bureau)).toBe('公示中');

    // Approving the full award exceeds the envelope: refused, the dialog keeps the amount typed.
    await bureau.getByTestId('move-approve').click();
    await eventually(() => modal(bureau).getByTestId('envelope-available').innerText()).toContain('500,000.00 元');
    expect(await modal(bureau).getByTestId('envelope-available').innerText()).toContain('超出预算');
    await modal(bureau)
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await eventually(() => modal(bureau).locator('.ant-alert-error').first().innerText()).toContain('超出预算');
    expect(await bureau.locator('#move_approvedFen').inputValue()).toBe('1,000,000.00');
    await shot(bureau, '05-over-budget');
    await eventually(() => status(bureau)).toBe('公示中');

    // What fits is approved and paid in one batch.
    await bureau.locator('#move_approvedFen').fill('400000');
    await modal(bureau)
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await modal(bureau).waitFor({ state: 'hidden' });
    await eventually(() => status(bureau)).toBe('已批准');
    await move(bureau, 'pay');
    await eventually(() => status(bureau)).toBe('已拨付');
    await eventually(() => bureau.getByTestId('payments').innerText()).toContain('400,000.00 元');
    await shot(bureau, '06-award-paid');

    // At completion the bureau evaluates against the targets; a missed target leads to a claw-back.
    await bureau.getByTestId('move-evaluate').click();
    await bureau.locator('#move_actuals_productivity').fill('110');
    await modal(bureau)
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await modal(bureau).waitFor({ state: 'hidden' });
    await eventually(() => status(bureau)).toBe('已绩效评价');
    await eventually(() => bureau.getByTestId('evaluation').innerText()).toContain('未达标');
    await move(bureau, 'clawBack');
    await eventually(() => status(bureau)).toBe('已追回');
    await shot(bureau, '06b-clawed-back');

    // The envelope's ledger shows the allocation, the payment and the claw-back, which frees the money again.
    await bureau.getByTestId('side-menu').getByText('专项资金').click();
    const ledgerRows = bureau.getByTestId('ledger').locator('tr.ant-table-row');
    await eventually(() => ledgerRows.count()).toBe(3);
    expect(await ledgerRows.allInnerTexts()).toEqual([
      expect.stringMatching(/追回[\s\S]*−400,000\.00 元/),
      expect.stringMatching(/拨付[\s\S]*2024-1[\s\S]*400,000\.00 元/),
      expect.stringMatching(/下达[\s\S]*400,000\.00 元/),
    ]);
    expect(await bureau.getByTestId('envelopes').innerText()).toMatch(/智改数转奖补[\s\S]*40\.00 万元[\s\S]*50\.00 万元/); // allocated 40 万, all 50 万 free again
    await shot(bureau, '07-funds');

    // The enterprise sees the money received, the report against its target, and the claw-back.
    await enterprise.reload();
    await eventually(() => status(enterprise)).toBe('已追回');
    await eventually(() => enterprise.getByTestId('award-paid').innerText()).toContain('400,000.00');
    expect(await enterprise.getByTestId('evaluation').innerText()).toMatch(/生产效率[\s\S]*120[\s\S]*110/);
    await shot(enterprise, '08-enterprise-award');
  });
});
