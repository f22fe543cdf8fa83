import { describe, expect, it } from 'vitest';
import { workbookWith } from './excel.ts';
import { activePrefix } from './identifiers-support.ts';
import { useBrowserEnv } from './support.ts';

// Batch registration from a file: the enterprise uploads a CSV, watches the progress, and sees every refused
// row with its line number; then an Excel file registers in full.

describe('batch registration from a file', () => {
  const env = useBrowserEnv();

  it('uploads a batch file with a progress bar, lists every refused row of a bad file, then registers a good one', async () => {
    const prefix = await activePrefix(env().server);
    const page = await env().pageAs('enterprise_user');
    await page.goto('/identifiers/upload');
    await expect.poll(() => page.getByTestId('upload-template-version').innerText(), { timeout: 10_000 }).toContain('1.0');
    const csv = (rows: string[]) => Buffer.from(['handle,name,batch,weight', ...rows].join('\n'), 'utf8');

    // BATCH-2 lacks the required name, BATCH-3 has a batch number against the pattern.
    const bad = csv(['BATCH-1,批量产品一,B1,10', 'BATCH-2,,B2,11', 'BATCH-3,批量产品三,X3,12']);
    await page.locator('input[type=file]').setInputFiles({ name: '批量注册-错误.csv', mimeType: 'text/csv', buffer: bad });
    const job = page.getByTestId('upload-job');
    await job.waitFor();
    await page.getByTestId('job-progress').waitFor();
    await page.getByTestId('job-result').waitFor();
    const errors = page.getByTestId('upload-errors');
    await errors.waitFor();
    const report = await errors.innerText();
    // File line numbers (the header is line 1), each with the refused handle and why.
    expect(report).toMatch(/^3\s+\S+\/BATCH-2\s+\S/m);
    expect(report).toMatch(/^4\s+\S+\/BATCH-3\s+\S/m);
    expect(report).not.toContain('BATCH-1');
    expect(await errors.locator('tr.ant-table-row').count()).toBe(2);
    // The good row of the bad file is registered; the bar has run to the end.
    expect(await page.getByTestId('job-result').innerText()).toContain('2 行未通过校验，已注册 1 个标识');
    expect(await page.getByTestId('job-progress').innerText()).toContain('100%');

    // The good file as Excel this time.
    const good = await workbookWith(
      ['handle', 'name', 'batch', 'weight'],
      [
        { handle: 'BATCH-4', name: '批量产品四', batch: 'B4', weight: '10' },
        { handle: 'BATCH-5', name: '批量产品五' },
      ],
    );
    await page.locator('input[type=file]').setInputFiles({
      name: '批量注册.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: good,
    });
    await expect.poll(() => page.getByTestId('job-result').innerText(), { timeout: 20_000 }).toContain('已注册 2 个标识');
    expect(await page.getByTestId('upload-errors').count()).toBe(0);

    const enterprise = await env().server.as('enterprise_user');
    const listed = await enterprise.get(`/api/identifiers/prefixes/${prefix}/identifiers?q=BATCH&page=1&pageSize=20`);
    expect(listed.body.items.map((i: { handle: string }) => i.handle).sort()).toEqual([
      `${prefix}/BATCH-1`,
      `${prefix}/BATCH-4`,
      `${prefix}/BATCH-5`,
    ]);
  });
});
