import { WEIHAI_DISTRICTS, type EntryValues, type FieldSpec } from '@zhizao/domain';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareSamples, sampleBody } from '../../server/src/modules/registers/engine/engine.test-support.ts';
import { REGISTER_MODULES } from '../../server/src/modules/registers/index.ts';
import type { TestClient } from '../../server/test/harness.ts';
import { eventually, shot } from './funding-support.ts';
import { chooseOption, useBrowserEnv } from './support.ts';

// Every register in the browser, from its sample row: an import with a bad row lists that row and adds
// nothing; the export downloads the workbook; a district officer cannot keep another district's rows.
// The form is one component for every register, so rows are added through it, field by field as a person
// would, for the few registers that between them use every kind of field (FORM_REGISTERS).

/** The fewest registers (greedily, in catalogue order) whose fields cover every field kind any register uses. */
function registersCoveringEveryFieldKind(): Set<string> {
  const missing = new Set(REGISTER_MODULES.flatMap((m) => m.definition.fields.map((f) => f.type)));
  const gain = (m: (typeof REGISTER_MODULES)[number]) => new Set(m.definition.fields.map((f) => f.type).filter((t) => missing.has(t))).size;
  const chosen = new Set<string>();
  while (missing.size) {
    const best = REGISTER_MODULES.reduce((a, b) => (gain(b) > gain(a) ? b : a));
    chosen.add(best.definition.key);
    for (const f of best.definition.fields) missing.delete(f.type);
  }
  return chosen;
}
const FORM_REGISTERS = registersCoveringEveryFieldKind();

async function typeDate(page: Page, id: string, date: string) {
  await page.locator(`#${id}`).click();
  await page.locator(`#${id}`).fill(date);
  await page.locator(`#${id}`).press('Enter');
}

describe('every register in the browser: add, import with a bad row, export, the district rule', () => {
  const env = useBrowserEnv();
  let bureau: TestClient;
  const names = { enterprise: '', creditCode: '' };
  const titles = new Map<string, string>();

  beforeAll(async () => {
    bureau = await env().server.as('bureau_admin');
    await prepareSamples(bureau, env().server.enterprises.huancui);
    const enterprise = await bureau.get(`/api/enterprises/${env().server.enterprises.huancui}`);
    names.enterprise = enterprise.body.name;
    names.creditCode = enterprise.body.creditCode;
    for (const { definition } of REGISTER_MODULES) {
      const rows = await bureau.get(`/api/registers/${definition.key}?pageSize=1`);
      titles.set(definition.key, rows.body.items[0]?.title ?? '');
    }
  });

  /** Types one field of the sample into the form the way a person would. */
  async function fill(page: Page, field: FieldSpec, value: EntryValues[string]) {
    if (value === null || value === undefined) return;
    const id = field.key;
    switch (field.type) {
      case 'text':
      case 'integer':
      case 'decimal':
      case 'year':
        return page.locator(`#${id}`).fill(String(value));
      case 'money':
        return page.locator(`#${id}`).fill(String(Number(value) / 100));
      case 'date':
        return typeDate(page, id, String(value));
      case 'enum':
        return chooseOption(page, id, field.options.find((o) => o.value === value)!.label.zh);
      case 'boolean':
        if (value) await page.locator(`#${id}`).click();
        return;
      case 'chain':
        return chooseOption(page, id, value === 'TC1' ? '测试产业链一' : '测试产业链二');
      case 'district':
        return chooseOption(page, id, WEIHAI_DISTRICTS.find((d) => d.code === value)!.nameZh);
      case 'enterprise':
        return chooseOption(page, id, `${names.enterprise}（${names.creditCode}）`, names.creditCode);
      case 'reference': {
        const title = titles.get(field.register)!;
        return chooseOption(page, id, title, title);
      }
    }
  }

  let page: Page | undefined;

  /** Adds the register's sample row through its form, field by field, confirming warnings if shown. */
  async function addThroughTheForm(bureauPage: Page, key: string) {
    const { definition } = REGISTER_MODULES.find((m) => m.definition.key === key)!;
    const before = (await bureau.get(`/api/registers/${key}?pageSize=1`)).body.total as number;
    await bureauPage.getByTestId('register-new').click();
    await bureauPage.getByTestId('register-form').waitFor();
    const sample = sampleBody(key);
    for (const field of definition.fields) await fill(bureauPage, field, sample[field.key] as EntryValues[string]);
    await shot(bureauPage, `register-${key}-form`);
    // Enter on a date typed into the last field submits the form already, as it does for a person
    if (bureauPage.url().endsWith('/new')) await bureauPage.getByTestId('register-save').click();
    const warnings = bureauPage.getByTestId('register-warnings');
    await Promise.race([bureauPage.waitForURL(new RegExp(`/registers/${key}$`)), warnings.waitFor()]);
    if (await warnings.isVisible()) await bureauPage.getByRole('button', { name: '确认无误，保存' }).click();
    await bureauPage.waitForURL(new RegExp(`/registers/${key}$`));
    await eventually(async () => (await bureau.get(`/api/registers/${key}?pageSize=1`)).body.total).toBe(before + 1);
  }

  it.each(REGISTER_MODULES.map((m) => [m.definition.key, m] as const))('%s', async (key, module) => {
    const { definition } = module;
    page ??= await env().pageAs('bureau_admin');
    await page.goto(`/registers/${key}`);
    await page.getByTestId('register-table').waitFor();
    if (FORM_REGISTERS.has(key)) await addThroughTheForm(page, key);
    const before = (await bureau.get(`/api/registers/${key}?pageSize=1`)).body.total as number;
    await shot(page, `register-${key}-list`);

    // export
    const download = page.waitForEvent('download');
    await page.getByTestId('register-export').click();
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);

    // import with a bad row: the first required field left blank
    await page.getByTestId('register-import').click();
    const templateRes = await bureau.raw('GET', `/api/registers/${key}/template.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await templateRes.arrayBuffer());
    const required = definition.fields.findIndex((f) => f.required);
    workbook.worksheets[0]!.getRow(2).values = definition.fields.map((f, i) => (i === required ? null : f.type === 'text' ? 'x' : null));
    await page.getByTestId('download-template').waitFor();
    await page.locator('input[type=file]').setInputFiles({
      name: `${key}.xlsx`,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(await workbook.xlsx.writeBuffer()),
    });
    await page.getByTestId('upload-error').waitFor({ timeout: 60_000 });
    const problems = page.getByTestId('import-problems');
    expect(await problems.count(), await page.getByTestId('upload-error').innerText()).toBe(1);
    expect(await problems.innerText()).toContain(definition.fields[required]!.label.zh);
    await shot(page, `register-${key}-import`);
    expect((await bureau.get(`/api/registers/${key}?pageSize=1`)).body.total).toBe(before);

    // the district rule: an officer of 环翠区 keeps only 环翠区's rows
    if (definition.ownership !== 'city') {
      if (FORM_REGISTERS.has(key)) {
        const officer = await env().pageAs('district_officer');
        await officer.goto(`/registers/${key}/new`);
        await officer.getByTestId('register-form').waitFor();
        const district = officer.locator('#districtCode');
        if (await district.count()) expect(await district.isDisabled()).toBe(true);
        await officer.close();
      }
      const other = await env().server.as('district_officer');
      const foreign = await other.post(`/api/registers/${key}`, {
        ...sampleBody(key),
        ...(definition.fields.some((f) => f.type === 'district')
          ? { districtCode: '371003' }
          : { enterpriseId: env().server.enterprises.wendeng }),
      });
      expect(foreign.status, JSON.stringify(foreign.body)).toBe(400);
    }
  });
});
