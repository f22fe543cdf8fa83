import { describe, expect, it } from 'vitest';
import { eventually, shot } from './funding-support.ts';
import { chooseOption, useBrowserEnv } from './support.ts';

// The showcases' coverage card (chains × segments, gaps in red) moving as a case is published, and a
// course's before/after card: a trainee firm's maturity the last time before and the first time after.

describe('showcase coverage and training outcomes in the browser', () => {
  const env = useBrowserEnv();
  const showcase = (name: string, status: string, segment: string) => ({
    name,
    enterpriseId: env().server.enterprises.huancui,
    chain: 'TC1',
    segment,
    status,
    publishedOn: status === 'published' ? '2024-03-01' : null,
    problem: '人工装配，节拍慢',
    solution: '自动化装配线',
  });

  it('colours each chain’s segments and shows the gaps; publishing a candidate covers its niche', async () => {
    const bureau = await env().server.as('bureau_admin');
    expect((await bureau.post('/api/registers/showcases', showcase('精密轴承智能工厂', 'published', '精密轴承'))).status).toBe(201);
    const candidate = await bureau.post('/api/registers/showcases', showcase('数控机床数字化车间', 'candidate', '数控机床'));
    expect(candidate.status).toBe(201);

    const page = await env().pageAs('bureau_admin');
    await page.goto('/registers/showcases');
    const card = page.getByTestId('showcase-coverage');
    await card.waitFor();
    await page.getByTestId('coverage-gap-TC2').waitFor();
    expect(await page.getByTestId('coverage-TC1-covered').innerText()).toBe('精密轴承');
    expect(await page.getByTestId('coverage-TC1-candidate').innerText()).toBe('数控机床');
    await shot(page, 'showcases-coverage');

    // published through the form: the candidate's niche turns green
    await page.goto(`/registers/showcases/${candidate.body.id}/edit`);
    await page.getByTestId('register-form').waitFor();
    await chooseOption(page, 'status', '已发布');
    await page.locator('#publishedOn').click();
    await page.locator('#publishedOn').fill('2024-06-01');
    // Enter takes the typed date and submits the form
    await page.locator('#publishedOn').press('Enter');
    await page.waitForURL(/\/registers\/showcases$/);
    await eventually(() => page.getByTestId('coverage-TC1-covered').count()).toBe(2);
    expect(await page.getByTestId('coverage-TC1-candidate').count()).toBe(0);
  });

  it('shows a course’s trainee firms with their maturity before and after', async () => {
    const { server } = env();
    const bureau = await server.as('bureau_admin');
    const course = await bureau.post('/api/registers/training-events', {
      name: '数字技术工程师培育班（浏览器测试）',
      kind: 'course',
      organiser: '哈尔滨工业大学（威海）',
      topic: '工业大数据',
      startDate: '2025-03-03',
      endDate: '2025-06-27',
      chain: null,
      hostShowcase: null,
      plannedPlaces: 30,
    });
    expect(course.status, JSON.stringify(course.body)).toBe(201);
    const attendee = { event: course.body.id, personName: null, headcount: 2, attendancePct: 90, completed: true };
    for (const enterpriseId of [server.enterprises.huancui, server.enterprises.wendeng])
      expect((await bureau.post('/api/registers/training-attendees', { ...attendee, enterpriseId })).status).toBe(201);
    for (const [at, score, level] of [
      ['2025-01-10T02:00:00.000Z', 1.6, 1],
      ['2025-09-10T02:00:00.000Z', 2.45, 2],
    ] as const)
      await server.ctx.db
        .insertInto('maturityAssessment')
        .values({
          enterpriseId: server.enterprises.huancui,
          modelVersion: 'CMMM-2020',
          manufacturingType: 'discrete',
          targetLevel: level + 1,
          status: 'submitted',
          version: 2,
          createdBy: null,
          createdAt: at,
          updatedAt: at,
          submittedAt: at,
          resultJson: '{}',
          modelJson: null,
          formulaId: 'bandAligned',
          reachedLevel: level,
          totalScore: score,
          isLatest: 0,
        })
        .execute();

    const page = await env().pageAs('bureau_admin');
    await page.goto('/registers/training-events');
    await page.getByTestId('training-outcomes').waitFor();
    await page.getByTestId('outcomes-table').waitFor();
    const summary = await page.getByTestId('outcomes-summary').innerText();
    expect(summary).toContain('+0.85');
    const rows = await page.getByTestId('outcomes-table').locator('tbody tr').allInnerTexts();
    const trained = rows.find((r) => r.includes('2025-01-10'));
    expect(trained).toContain('1.6 分 · 1 级（2025-01-10）');
    expect(trained).toContain('2.45 分 · 2 级（2025-09-10）');
    expect(trained).toContain('+0.85');
    expect(rows).toHaveLength(2);
    expect(rows.filter((r) => r.includes('分 ·'))).toHaveLength(1);
    await shot(page, 'training-outcomes');
  });
});
