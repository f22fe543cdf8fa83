import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { answer, answerEverything, openSubDomain, requirements, saved } from './maturity-support.ts';
import { useBrowserEnv } from './support.ts';

describe('an enterprise runs its maturity self-diagnosis in the browser', () => {
  const env = useBrowserEnv();

  it('starts one, answers every item, submits and reads the report with its level, radar and gap list', async () => {
    const page = await env().pageAs('enterprise_user');
    await page.getByTestId('side-menu').getByText('智能制造成熟度').click();
    await page.getByTestId('start-assessment-button').click();
    const dialog = page.getByTestId('start-assessment');
    await expect.poll(() => dialog.getByTestId('manufacturing-type').innerText()).toBe('离散型制造');
    await dialog.locator('#startAssessment_targetLevel').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="一级 规划级"]').click();
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await page.waitForURL(/\/maturity\/\d+$/);
    await page.getByTestId('domain-nav').waitFor();

    // 20 sub-domains, two level-1 items each; the target level keeps the higher levels out of the questionnaire.
    expect(await answerEverything(page, '全部满足')).toBe(40);
    await saved(page);
    await expect.poll(() => page.getByTestId('domain-nav').innerText()).not.toContain('0/2');
    await expect.poll(() => page.getByTestId('draft-score').innerText()).toContain('一级 规划级');

    // Leaving and coming back finds every answer stored.
    await page.reload();
    await openSubDomain(
      page,
      await page
        .locator('[data-testid^="nav-sub-"]')
        .first()
        .evaluate((e) => e.getAttribute('data-testid')!.slice(8)),
    );
    await expect.poll(() => requirements(page).first().locator('.ant-radio-wrapper-checked').innerText()).toBe('全部满足');

    await page.getByTestId('submit-assessment').click();
    const confirm = page.locator('.ant-modal-confirm');
    await expect.poll(() => confirm.innerText()).toContain('176 个未答项将按「不满足」计');
    await confirm.getByRole('button', { name: '提交评估' }).click();
    await page.waitForURL(/\/maturity\/\d+\/report$/);

    await expect.poll(() => page.getByTestId('report-level').innerText()).toContain('一级 规划级');
    await expect.poll(() => page.getByTestId('report-total').innerText()).toMatch(/\d\.\d\d/);
    await page.getByTestId('domain-radar').locator('canvas').waitFor();
    await page.getByTestId('level-chart').locator('canvas').waitFor();
    expect(await page.getByText('迈向 二级 规范级 的差距清单').count()).toBe(1);
    await expect.poll(() => page.getByTestId('gap-list').locator('.ant-table-tbody tr.ant-table-row').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('gap-list').innerText()).toContain('改进建议');

    // The report downloads as PDF (with its CJK font) and Word, and the enterprise shares it with the bureau.
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 PDF' }).click()]);
    expect(pdf.suggestedFilename()).toMatch(/成熟度自诊断报告.*\.pdf$/);
    const pdfBytes = fs.readFileSync((await pdf.path())!);
    expect(pdfBytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfBytes.includes('/FontFile3')).toBe(true);
    const [word] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 Word' }).click()]);
    expect(word.suggestedFilename()).toMatch(/\.docx$/);
    await page.getByRole('button', { name: '分享给工信局' }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await page.getByTestId('report-shared').waitFor();

    // Submitted is locked: the questionnaire opens read-only, and the list shows the level reached.
    await page.getByRole('button', { name: '查看问卷' }).click();
    await page.getByTestId('read-only').waitFor();
    expect(await page.getByTestId('submit-assessment').count()).toBe(0);
    await page.goto('/maturity');
    await expect.poll(() => page.getByTestId('assessment-table').innerText()).toContain('已提交');
    await expect.poll(() => page.getByTestId('assessment-table').innerText()).toContain('1 级');
  });

  it('keeps what was typed when someone else saved first, and saves it on the latest version after a reload', async () => {
    const { server } = env();
    const api = await server.as('enterprise_user');
    const { body: created } = await api.post('/api/maturity/assessments', { targetLevel: 2 });
    const page = await env().pageAs('enterprise_user');
    await page.goto(`/maturity/${created.id}`);
    await requirements(page).first().waitFor();
    const first = await requirements(page).first().getAttribute('data-requirement');
    const second = await requirements(page).nth(1).getAttribute('data-requirement');

    // Someone else saves through the API meanwhile: the page still holds version 1.
    expect(
      (
        await api.put(`/api/maturity/assessments/${created.id}/answers`, {
          version: created.version,
          answers: [{ requirementId: second, value: 0.5 }],
        })
      ).status,
    ).toBe(200);

    await answer(page, 0, '大部分满足');
    await requirements(page).first().getByTestId('note').fill('车间已上线 MES');
    const conflict = page.getByTestId('conflict');
    await expect.poll(() => conflict.innerText(), { timeout: 10_000 }).toContain('该评估已被他人修改');
    expect(await requirements(page).first().locator('.ant-radio-wrapper-checked').innerText()).toBe('大部分满足');
    expect(await requirements(page).first().getByTestId('note').inputValue()).toBe('车间已上线 MES');

    await page.getByTestId('conflict-reload').click();
    await saved(page);
    expect(await conflict.count()).toBe(0);
    expect(await requirements(page).first().getByTestId('note').inputValue()).toBe('车间已上线 MES');
    const { body } = await api.get(`/api/maturity/assessments/${created.id}`);
    const stored = (id: string | null) => body.answers.find((a: { requirementId: string }) => a.requirementId === id);
    expect(stored(first)).toMatchObject({ value: 0.8, note: '车间已上线 MES' });
    expect(stored(second)).toMatchObject({ value: 0.5 });
  });
});

describe('a submit the server refuses, and the bureau looking on', () => {
  const env = useBrowserEnv();

  it('marks the unanswered items, from the first one, and lists the assessment for the bureau as read-only', async () => {
    const { server } = env();
    const api = await server.as('enterprise_user');
    const { body: created } = await api.post('/api/maturity/assessments', { targetLevel: 1 });
    const page = await env().pageAs('enterprise_user');
    await page.goto(`/maturity/${created.id}`);
    await page.getByTestId('domain-nav').waitFor();
    await answer(page, 0, '不适用');
    await requirements(page).first().getByTestId('na-reason').fill('本企业不涉及该业务');
    await saved(page);

    // Nothing is sent while items the questionnaire asks are open: they are shown instead.
    await page.getByTestId('submit-assessment').click();
    await expect.poll(() => page.locator('.ant-message').innerText()).toContain('还有 39 项未作答');
    expect(await page.locator('.ant-modal-confirm').count()).toBe(0);
    // The first unanswered item is the second of the first sub-domain: the first is not applicable.
    await expect.poll(() => page.locator('.zz-maturity-item-missing').count()).toBe(1);
    expect(await page.locator('.zz-maturity-item-missing').getAttribute('data-requirement')).toBe(
      await requirements(page).nth(1).getAttribute('data-requirement'),
    );

    const bureau = await env().pageAs('bureau_admin');
    await bureau.getByTestId('side-menu').getByText('智能制造成熟度').click();
    const row = bureau.getByTestId('assessment-table').locator('.ant-table-tbody tr.ant-table-row').first();
    await expect.poll(() => row.innerText()).toContain('填报中');
    await row.getByRole('button', { name: '详情' }).click();
    await bureau.getByTestId('read-only').waitFor();
    expect(await bureau.getByTestId('submit-assessment').count()).toBe(0);
    // The enterprise has shared nothing: the bureau sees that, not the reason typed for the N/A answer.
    await bureau.getByTestId('answers-not-shared').waitFor();
    expect(await bureau.locator('body').innerText()).not.toContain('本企业不涉及该业务');
  });
});

describe('answers typed on a page that could not save them', () => {
  const env = useBrowserEnv();

  it('are still there after the page is closed and opened again, and are saved then', async () => {
    const { server } = env();
    const api = await server.as('enterprise_user');
    const { body: created } = await api.post('/api/maturity/assessments', { targetLevel: 1 });
    const page = await env().pageAs('enterprise_user');
    await page.goto(`/maturity/${created.id}`);
    await requirements(page).first().waitFor();
    const first = await requirements(page).first().getAttribute('data-requirement');
    expect((await api.put(`/api/maturity/assessments/${created.id}/answers`, { version: created.version, answers: [] })).status).toBe(200);

    await answer(page, 0, '部分满足');
    await page.getByTestId('conflict').waitFor();
    page.on('dialog', (dialog) => void dialog.accept());
    await page.reload();
    await saved(page);
    expect(await requirements(page).first().locator('.ant-radio-wrapper-checked').innerText()).toBe('部分满足');
    const { body } = await api.get(`/api/maturity/assessments/${created.id}`);
    expect(body.answers.find((a: { requirementId: string }) => a.requirementId === first)).toMatchObject({ value: 0.5 });
  });
});
