import { describe, expect, it } from 'vitest';
import { numberField } from './recognition-support.ts';
import { useBrowserEnv } from './support.ts';

// The bureau sets up a programme in the browser: the indicator table's weights are summed as typed, the
// server's refusals land on the form with everything typed kept, and the saved programme is listed.

describe('recognition programmes in the browser', () => {
  const env = useBrowserEnv();

  it('refuses weights that do not sum to 100 and a second programme of the same year, kind and level, keeping what was typed', async () => {
    const bureau = await env().pageAs('bureau_admin');
    await bureau.getByTestId('side-menu').getByText('认定计划').click();
    await bureau.getByText('还没有认定计划').waitFor();
    await bureau.getByTestId('new-programme').click();
    await bureau.getByTestId('programme-title').fill('本年度市级智能工厂认定');
    await numberField(bureau, 'indicator-weight').first().fill('25');
    await expect.poll(() => bureau.getByTestId('weight-sum').innerText()).toContain('105');
    await bureau.getByTestId('programme-save').click();
    await expect.poll(() => bureau.locator('body').innerText()).toContain('评分指标权重之和应为 100');
    expect(await bureau.getByTestId('programme-title').inputValue()).toBe('本年度市级智能工厂认定');
    expect(await numberField(bureau, 'indicator-weight').first().inputValue()).toBe('25');

    await numberField(bureau, 'indicator-weight').first().fill('20');
    await expect.poll(() => bureau.getByTestId('weight-sum').innerText()).toContain('100');
    await bureau.getByTestId('programme-save').click();
    await expect.poll(() => bureau.url(), { timeout: 15_000 }).toMatch(/\/recognition\/programmes\/\d+$/);
    await bureau.getByText('计划设置').waitFor();

    // The same year, kind and level again is refused; the form keeps its title.
    await bureau.goto('/recognition/programmes/new');
    await bureau.getByTestId('programme-title').fill('重复的认定计划');
    await bureau.getByTestId('programme-save').click();
    await expect.poll(() => bureau.locator('body').innerText()).toContain('认定批次已存在');
    expect(await bureau.getByTestId('programme-title').inputValue()).toBe('重复的认定计划');

    await bureau.goto('/recognition/programmes');
    await expect.poll(() => bureau.getByTestId('programme-table').innerText()).toContain('本年度市级智能工厂认定');
  });
});
