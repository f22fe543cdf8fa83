import { CMMM_2020, CMMM_2020_REQUIREMENTS, type Answer } from '@zhizao/domain';
import { describe, expect, it } from 'vitest';
import { answer, openSubDomain, requirements, saved } from './maturity-support.ts';
import { useBrowserEnv } from './support.ts';

// Expert assessment in the browser: the bureau assigns the fixture expert to a submitted self-assessment,
// the expert re-scores it on site, and the verified result sits beside the self-assessed one.

const domainOf = new Map(CMMM_2020.domains.flatMap((d) => d.subDomains.map((s) => [s.code, d.code] as const)));
/** Organisational strategy fully met, level 1 mostly, the rest partly (as in the server's expert test). */
const SELF: Answer[] = CMMM_2020_REQUIREMENTS.map((r) => ({
  requirementId: r.id,
  value: domainOf.get(r.subDomainCode) === 'organisation_strategy' ? 1 : r.level <= 1 ? 0.8 : 0.5,
}));
const strategySub = CMMM_2020.domains.find((d) => d.code === 'organisation_strategy')!.subDomains[0]!.code;

describe('an expert verifies a submitted maturity assessment in the browser', () => {
  const env = useBrowserEnv();

  it('is assigned by the bureau, re-scored and submitted by the expert, and compared for all three', async () => {
    const server = env().server;
    const enterprise = await server.as('enterprise_user');
    const created = await enterprise.post('/api/maturity/assessments', { targetLevel: 2 });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const id = created.body.id as number;
    expect((await enterprise.put(`/api/maturity/assessments/${id}/answers`, { version: 1, answers: SELF })).status).toBe(200);
    expect((await enterprise.post(`/api/maturity/assessments/${id}/submit`, { version: 2 })).status).toBe(200);
    const expertUserId = (
      await server.ctx.db.selectFrom('appUser').select('id').where('username', '=', 't-expert').executeTakeFirstOrThrow()
    ).id;

    // The bureau admin assigns the expert from the assessment list.
    const bureau = await env().pageAs('bureau_admin');
    await bureau.goto('/maturity');
    await bureau.getByTestId('assign-expert-action').first().click();
    const dialog = bureau.getByTestId('assign-expert');
    await dialog.locator('#assignExpert_expertUserId').fill(String(expertUserId));
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await bureau.getByText('已指派专家').waitFor();

    // The expert finds it under 专家评审, starts from the enterprise's answers and changes two of them.
    const expert = await env().pageAs('expert');
    await expert.getByTestId('side-menu').getByText('专家评审').click();
    await expert.getByTestId('open-review').first().click();
    await expert.waitForURL(new RegExp(`/maturity/${id}/expert-review$`));
    await expert.getByTestId('start-from-self').click();
    await expert.getByTestId('start-from-self').waitFor({ state: 'detached' });
    await openSubDomain(expert, strategySub);
    await expect.poll(() => expert.getByTestId('self-answer').first().innerText()).toContain('全部满足');
    await expect.poll(() => requirements(expert).first().locator('.ant-radio-wrapper-checked').innerText()).toBe('全部满足');
    await answer(expert, 0, '不满足');
    await answer(expert, 1, '不满足');
    await saved(expert);
    await expect.poll(() => expert.getByTestId('differences').locator('.ant-table-tbody tr.ant-table-row').count()).toBe(2);

    await expert.getByTestId('submit-review').click();
    const confirm = expert.locator('.ant-modal-confirm');
    await confirm.getByRole('button', { name: '提交评审' }).click();
    await expert.getByText('评审已提交').waitFor();
    await expert.getByTestId('submit-review').waitFor({ state: 'detached' });
    await expect.poll(() => expert.getByTestId('verified-result').innerText()).toContain('专家核定');
    const rows = expert.getByTestId('differences').locator('.ant-table-tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.first().innerText()).toContain('全部满足');
    expect(await rows.first().innerText()).toContain('不满足');
    const verifiedLevel = await expert.getByTestId('verified-level').innerText();
    const selfLevel = await expert.getByTestId('self-level').innerText();
    expect(selfLevel).toMatch(/级/);
    expect(verifiedLevel).toMatch(/级/);

    // The bureau and the enterprise see the same comparison.
    await bureau.goto(`/maturity/${id}/expert-review`);
    await expect.poll(() => bureau.getByTestId('verified-level').innerText()).toBe(verifiedLevel);
    const mine = await env().pageAs('enterprise_user');
    await mine.getByTestId('side-menu').getByText('专家评审').click();
    await mine.getByTestId('open-review').first().click();
    await expect.poll(() => mine.getByTestId('verified-level').innerText()).toBe(verifiedLevel);
    await expect.poll(() => mine.getByTestId('self-level').innerText()).toBe(selfLevel);
    await expect.poll(() => mine.getByTestId('differences').locator('.ant-table-tbody tr.ant-table-row').count()).toBe(2);
  });
});
