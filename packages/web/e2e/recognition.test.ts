import { chinaDate, addDays, DEFAULT_INDICATORS, isWorkingDay } from '@zhizao/domain';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { giveMaturityLevel, makeExperts, programmeBody } from '../../server/src/modules/recognition/test-fixtures.ts';
import { confirmMove, moveWithReason, numberField, saved, stateIs } from './recognition-support.ts';
import { chooseOption, logIn, useBrowserEnv } from './support.ts';

// The "done when": one application walked in real Chromium from the enterprise through the
// district, the city, three experts, a public notice with an objection filed on the public portal and
// handled by the bureau, to recognition and an upward recommendation pack.

const SCREENSHOTS = process.env.ZHIZAO_E2E_SCREENSHOTS;
const shot = async (page: import('playwright-core').Page, name: string) => {
  if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
};

describe('the recognition ladder in the browser', () => {
  const env = useBrowserEnv();

  it('walks one application from the enterprise to recognition and an upward recommendation pack', async () => {
    const server = env().server;
    const bureauApi = await server.as('bureau_admin');
    await giveMaturityLevel(server, server.enterprises.huancui, 3);
    const created = await bureauApi.post('/api/recognition/programmes', programmeBody({ title: '本年度市级智能工厂认定' }));
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const programmeId = created.body.id as number;
    // Three experts for the panel and a fourth, whom the bureau records as tied to the applicant.
    const experts = await makeExperts(server, 'e2e', 4);

    // ── The enterprise applies: gates explained live, everything typed saved as it goes.
    const enterprise = await env().pageAs('enterprise_user');
    await enterprise.goto('/recognition/applications');
    await enterprise.getByTestId('apply-button').click();
    const p = created.body as { year: number; title: string; opensOn: string; closesOn: string };
    await chooseOption(enterprise, 'apply_programmeId', `${p.year} 年市级智能工厂 · ${p.title}（${p.opensOn} ~ ${p.closesOn}）`, '本年度');
    await enterprise.getByTestId('apply-dialog').getByRole('button', { name: '开始填写' }).click();
    await expect.poll(() => enterprise.url(), { timeout: 30_000 }).toMatch(/\/recognition\/applications\/\d+$/);
    const applicationId = Number(enterprise.url().split('/').pop());
    await enterprise.getByTestId('gate-incident').and(enterprise.locator('[data-passed="false"]')).waitFor();
    await enterprise.getByTestId('project-name').fill('精密轴承智能工厂');
    await enterprise.getByTestId('project-description-input').fill('建设 MES、WMS 与设备联网，关键工序数控化，质量数据全程追溯');
    await enterprise.getByTestId('provider-name').fill('天润智能');
    await enterprise.getByTestId('incident-declaration').check();
    for (const [code, before, after] of [
      ['cncRate', 52, 86],
      ['operatingCost', 1200, 900],
      ['productivity', 10, 13.5],
    ] as const) {
      await numberField(enterprise, `kpi-${code}-before`).fill(String(before));
      await numberField(enterprise, `kpi-${code}-after`).fill(String(after));
    }
    await saved(enterprise);
    await enterprise.locator('[data-testid="gates"][data-eligible="true"]').waitFor();
    await expect.poll(() => enterprise.getByTestId('kpi-missing').count()).toBe(0);
    const pdf = {
      name: '申报书.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
    };
    await enterprise.getByTestId('attachments').locator('input[type=file]').setInputFiles(pdf);
    await enterprise.getByTestId('attachment').filter({ hasText: '申报书.pdf' }).waitFor();
    // Nothing typed is lost: a reload shows the server's copy.
    await enterprise.reload();
    await expect.poll(() => enterprise.getByTestId('project-name').inputValue()).toBe('精密轴承智能工厂');
    await expect.poll(() => numberField(enterprise, 'kpi-productivity-after').inputValue()).toBe('13.5');
    await shot(enterprise, 'enterprise-application');
    await confirmMove(enterprise, 'submit', /提交申报/);
    await stateIs(enterprise, 'submitted');

    // ── The district officer returns it with a reason; the enterprise sees why and resubmits.
    const district = await env().pageAs('district_officer');
    await district.goto('/recognition/applications');
    await district.getByTestId('open-application').filter({ hasText: '精密轴承智能工厂' }).click();
    await moveWithReason(district, 'district_return', '请补充关键设备清单');
    await stateIs(district, 'returned');
    await enterprise.reload();
    await expect.poll(() => enterprise.getByTestId('return-reason').innerText()).toContain('请补充关键设备清单');
    await enterprise
      .getByTestId('project-description-input')
      .fill('建设 MES、WMS 与设备联网，关键工序数控化，质量数据全程追溯；关键设备清单见附件');
    await saved(enterprise);
    await confirmMove(enterprise, 'resubmit', /重新提交/);
    await stateIs(enterprise, 'submitted');
    await district.reload();
    await moveWithReason(district, 'district_pass', '材料齐全，同意推荐');
    await stateIs(district, 'district_passed');

    // ── The city passes it to the experts and forms the panel; the tied expert is refused.
    const bureau = await env().pageAs('bureau_admin');
    await bureau.goto(`/recognition/applications/${applicationId}`);
    await moveWithReason(bureau, 'city_pass', '复审通过');
    await stateIs(bureau, 'expert_scoring');
    await bureau.getByTestId('record-tie').click();
    const tie = bureau.getByTestId('tie-dialog');
    await chooseOption(bureau, 'tie_expertUserId', 'e2e专家4 (e2e-expert-4)', 'e2e-expert-4');
    await tie.locator('#tie_note').fill('曾任该企业技术顾问');
    await tie.getByRole('button', { name: /确\s*定/ }).click();
    await expect.poll(() => bureau.getByTestId('known-ties').innerText()).toContain('e2e专家4');
    for (const e of experts)
      await chooseOption(
        bureau,
        'panelExperts',
        `e2e专家${experts.indexOf(e) + 1} (e2e-expert-${experts.indexOf(e) + 1})`,
        `e2e-expert-${experts.indexOf(e) + 1}`,
      );
    await bureau.getByTestId('panel-save').click();
    await expect.poll(() => bureau.getByTestId('panel-error').innerText()).toContain('e2e专家4');
    await bureau.locator('.ant-select-selection-item').filter({ hasText: 'e2e专家4' }).locator('.ant-select-selection-item-remove').click();
    await bureau.getByTestId('panel-save').click();
    await expect.poll(() => bureau.getByTestId('panel-members').locator('.ant-table-tbody tr.ant-table-row').count()).toBe(3);
    await expect.poll(() => bureau.getByTestId('panel-error').count()).toBe(0);

    // ── Three experts score on their own; others' totals appear only after one's own is in.
    const totals = [88, 82, 91];
    for (const [i, score] of totals.entries()) {
      const expert = await env().newPage();
      await logIn(expert, `e2e-expert-${i + 1}`);
      await expert.goto('/recognition/expert');
      await expert.getByTestId('open-assignment').first().click();
      await expert.getByTestId('others-hidden').waitFor();
      for (const indicator of DEFAULT_INDICATORS) await numberField(expert, `score-${indicator.code}`).fill(String(score));
      await saved(expert);
      await expect.poll(() => expert.getByTestId('sheet-total').innerText()).toContain(score.toFixed(2));
      if (i === 0) await shot(expert, 'expert-score-sheet');
      await expert.getByTestId('submit-sheet').click();
      await expert.locator('.ant-modal-confirm').getByRole('button', { name: '提交评分' }).click();
      await expert.getByTestId('sheet-submitted').waitFor();
      await expect.poll(() => expert.getByTestId('others').locator('.ant-table-tbody tr.ant-table-row').count()).toBe(i);
      await expert.context().close();
    }

    // ── The city closes the scoring; the shortlist ranks it with its spread, and it goes into a notice.
    await bureau.reload();
    await confirmMove(bureau, 'close_scoring', /结束评审并排名/);
    await stateIs(bureau, 'shortlisted');
    await expect.poll(() => bureau.getByTestId('final-score').innerText()).toBe('87.00');
    await bureau.goto(`/recognition/programmes/${programmeId}`);
    await bureau.getByTestId('tab-shortlist').click();
    await bureau.getByTestId('spread-chart').waitFor();
    const row = bureau.getByTestId('shortlist-table').locator('tr.ant-table-row').first();
    expect(await row.innerText()).toContain('82.00 – 91.00');
    await shot(bureau, 'bureau-shortlist');
    await row.locator('.ant-checkbox-input').check();
    await bureau.getByTestId('publish-notice-button').click();
    const publish = bureau.getByTestId('publish-notice');
    await publish.getByTestId('notice-period').waitFor();
    await publish.getByRole('button', { name: '发布公示' }).click();
    await expect.poll(() => bureau.url(), { timeout: 30_000 }).toMatch(/\/recognition\/notices\/\d+$/);
    const noticeId = Number(bureau.url().split('/').pop());
    await expect.poll(() => bureau.getByTestId('notice-window').innerText()).toContain('5 个工作日');
    // A notice published on a day off starts on the next working day; the walk needs it open today.
    const today = chinaDate();
    if (!isWorkingDay(today))
      await server.ctx.db
        .updateTable('recognitionNotice')
        .set({ startsOn: today, endsOn: addDays(today, 7) })
        .where('id', '=', noticeId)
        .execute();

    // ── A member of the public objects on the portal, under a real name, without logging in.
    const visitor = await env().newPage();
    await visitor.goto('/public/recognition');
    await visitor.getByTestId('public-notice-link').first().click();
    await expect.poll(() => visitor.getByTestId('public-notice-items').innerText()).toContain('精密轴承智能工厂');
    const publicText = await visitor.locator('body').innerText();
    expect(publicText).not.toContain('13800000001');
    expect(publicText).not.toContain('91371002');
    await visitor.getByTestId('objection-submit').click();
    await visitor.getByText('请填写真实姓名或单位名称').waitFor();
    await chooseOption(visitor, 'objection_applicationIndex', '1. 测试精密机械制造有限公司9001', '测试精密');
    await visitor.getByTestId('objection-name').fill('李某某');
    await visitor.getByTestId('objection-id').fill('370000199001010000');
    await visitor.getByTestId('objection-contact').fill('13900000000');
    await visitor.getByTestId('objection-text').fill('该企业设备数控化率数据存疑，请核实');
    await shot(visitor, 'public-notice');
    await visitor.getByTestId('objection-submit').click();
    await expect.poll(() => visitor.getByTestId('objection-receipt').innerText()).toMatch(/受理编号/);

    // ── The bureau handles the objection; once the window has closed, it recognises.
    await bureau.reload();
    const objection = bureau.getByTestId('objections').locator('tr.ant-table-row').first();
    await expect.poll(() => objection.innerText()).toContain('李某某');
    expect(await objection.getByTestId('objection-status').innerText()).toBe('待处理');
    await objection.getByTestId('handle-objection').click();
    const handle = bureau.getByTestId('handle-dialog');
    await handle.getByText('异议不成立').click();
    await handle.getByTestId('handle-note').fill('经现场核查，数控化率数据属实');
    await handle.getByRole('button', { name: /确\s*定/ }).click();
    await expect.poll(() => objection.getByTestId('objection-status').innerText()).toBe('异议不成立');
    await shot(bureau, 'bureau-notice');
    // The five working days pass: the notice's dates are moved into the past, as time would.
    await server.ctx.db
      .updateTable('recognitionNotice')
      .set({ startsOn: addDays(today, -12), endsOn: addDays(today, -3) })
      .where('id', '=', noticeId)
      .execute();
    await bureau.goto(`/recognition/applications/${applicationId}`);
    await confirmMove(bureau, 'recognise', /予以认定/);
    await stateIs(bureau, 'recognised');
    const number = await bureau.getByTestId('recognition-number').innerText();
    expect(number).toMatch(/^WH-\d{4}-SF-M-\d{3}$/);

    // ── The certificate, then the upward recommendation pack: summary Excel, books, SM3 snapshot, outcome.
    await bureau.goto('/recognition/recognitions');
    const recognised = bureau.getByTestId('recognition-table').locator('tr.ant-table-row').filter({ hasText: number });
    const [certificate] = await Promise.all([bureau.waitForEvent('download'), recognised.getByTestId('certificate').click()]);
    expect(
      fs
        .readFileSync((await certificate.path())!)
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    await recognised.locator('.ant-checkbox-input').check();
    await bureau.getByTestId('recommend-button').click();
    await bureau.getByTestId('recommend-dialog').getByRole('button', { name: '生成材料包' }).click();
    await expect.poll(() => bureau.url(), { timeout: 30_000 }).toMatch(/\/recognition\/recommendations/);
    const pack = bureau.getByTestId('pack').first();
    await expect.poll(() => pack.getByTestId('pack-sm3').innerText()).toMatch(/^[0-9a-f]{64}$/);
    expect(await pack.getByTestId('pack-file').count()).toBeGreaterThanOrEqual(3);
    const [summary] = await Promise.all([bureau.waitForEvent('download'), pack.getByTestId('pack-download-summary').click()]);
    expect(summary.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(
      fs
        .readFileSync((await summary.path())!)
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    const [book] = await Promise.all([bureau.waitForEvent('download'), pack.getByTestId('pack-download-book-pdf').first().click()]);
    expect(
      fs
        .readFileSync((await book.path())!)
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    await shot(bureau, 'bureau-recommendation');
    await pack.getByTestId('record-outcome').first().click();
    await bureau.locator('.ant-modal').getByText('已认定', { exact: true }).click();
    await bureau
      .locator('.ant-modal')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await expect.poll(() => pack.getByTestId('pack-outcome').first().innerText()).toBe('已认定');

    // ── Two years on, the municipal recognition is re-evaluated: excellent, and the next one is due later.
    await bureau.goto('/recognition/recognitions');
    const municipal = bureau.getByTestId('recognition-table').locator('tr.ant-table-row').filter({ hasText: number });
    await municipal.getByTestId('reevaluate').click();
    const reevaluation = bureau.getByTestId('reevaluate-dialog');
    await reevaluation.getByText('优秀', { exact: true }).click();
    await reevaluation.getByTestId('reevaluate-note').fill('生产效率、运营成本持续改善');
    await reevaluation.getByRole('button', { name: /确\s*定/ }).click();
    await reevaluation.waitFor({ state: 'hidden' });
    const listed = (await bureauApi.get(`/api/recognition/recognitions?level=municipal`)).body.items.find(
      (r: { recognitionNumber: string }) => r.recognitionNumber === number,
    );
    expect(listed.reevaluations).toMatchObject([{ outcome: 'excellent', note: '生产效率、运营成本持续改善' }]);

    // ── The enterprise sees its climb: municipal, then provincial.
    await enterprise.goto('/recognition/my-ladder');
    const ladder = enterprise.getByTestId('my-ladder');
    await expect.poll(() => ladder.innerText()).toContain(number);
    await expect.poll(() => ladder.locator('.ant-steps-item-finish').count()).toBe(2);
    await shot(enterprise, 'enterprise-ladder');
  });
});
