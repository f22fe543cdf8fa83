import { beforeAll, expect, it } from 'vitest';
import { expectError } from '../../../../test/expect.ts';
import { describeEachDatabase, type TestClient } from '../../../../test/harness.ts';
import { exportedRows, filledTemplate, registerTemplateOf, uploadRegister } from '../engine/engine.test-support.ts';

// The policy library through the shared register engine: add with field rules named in the user's
// language, duplicates refused, edits under a version, delete, filters, Excel out and in (a bad row
// and a repeated row reported, nothing written), and who may keep it.

const BASE = '/api/registers/policies';
const policy = (overrides: Record<string, unknown> = {}) => ({
  title: '关于支持先进制造业强市建设的若干政策',
  issuer: '威海市人民政府',
  documentNumber: `威政发〔2023〕${Math.floor(Math.random() * 1e6)}号`,
  level: 'municipal',
  kind: 'support',
  issuedOn: '2023-03-01',
  effectiveFrom: '2023-04-01',
  effectiveTo: '2025-12-31',
  status: 'in_force',
  url: null,
  summary: '智改数转项目按设备投资给予奖补',
  ...overrides,
});

describeEachDatabase('policy library (register engine)', (server) => {
  let bureau: TestClient;
  let district: TestClient;

  beforeAll(async () => {
    bureau = await server().as('bureau_admin');
    district = await server().as('district_officer');
  });

  it('adds a policy, shows it with its derived validity, and lists it under its filters', async () => {
    const res = await bureau.post(
      BASE,
      policy({ documentNumber: '威政发〔2023〕5号', title: '三年行动计划（2023—2025年）', kind: 'plan' }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ title: '三年行动计划（2023—2025年）', level: 'municipal', version: 1, enterpriseId: null });
    expect(['valid', 'lapsed']).toContain(res.body.validity);
    const listed = await bureau.get(`${BASE}?kind=plan&q=${encodeURIComponent('行动计划')}`);
    expect(listed.body.items.map((p: { id: number }) => p.id)).toContain(res.body.id);
    const other = await bureau.get(`${BASE}?kind=talent`);
    expect(other.body.items.map((p: { id: number }) => p.id)).not.toContain(res.body.id);
    expect((await district.get(`${BASE}/${res.body.id}`)).status).toBe(200);
  });

  it('names the broken field in the user’s language: a future issue date, an end before the start, a bad link', async () => {
    expectError(await bureau.post(BASE, policy({ issuedOn: '2999-01-01' })), 400, 'registers.dateInFuture', 'issuedOn');
    const reversed = await bureau.post(BASE, policy({ effectiveTo: '2023-01-01' }));
    expectError(reversed, 400, 'registers.dateBefore', 'effectiveTo');
    expect(reversed.body.error.message).toContain('有效期至');
    expect(reversed.body.error.message).toContain('施行日期');
    const link = await bureau.post(BASE, policy({ url: 'ftp://x' }));
    expectError(link, 400, 'registers.pattern', 'url');
    expect(link.body.error.message).toContain('原文链接');
    bureau.language = 'en';
    const english = await bureau.post(BASE, policy({ level: 'galactic' }));
    bureau.language = 'zh-CN';
    expectError(english, 400, 'validation.enum', 'level');
    expect(english.body.error.message).toContain('Level');
  });

  it('refuses a second policy with the same document number, and an edit from a stale version', async () => {
    const first = await bureau.post(BASE, policy({ documentNumber: '威工信发〔2024〕9号' }));
    expect(first.status).toBe(201);
    const twin = await bureau.post(BASE, policy({ documentNumber: '威工信发〔2024〕9号', title: '另一个文件' }));
    expectError(twin, 409, 'registers.duplicate', 'documentNumber');
    const edited = await bureau.put(`${BASE}/${first.body.id}`, {
      ...policy({ documentNumber: '威工信发〔2024〕9号', status: 'repealed' }),
      version: 1,
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ status: 'repealed', validity: 'lapsed', version: 2 });
    expectError(
      await bureau.put(`${BASE}/${first.body.id}`, { ...policy({ documentNumber: '威工信发〔2024〕9号' }), version: 1 }),
      409,
      'registers.versionConflict',
    );
    expect((await bureau.delete(`${BASE}/${first.body.id}`)).status).toBe(200);
    expect((await bureau.get(`${BASE}/${first.body.id}`)).status).toBe(404);
    // deleted, its number is free again
    expect((await bureau.post(BASE, policy({ documentNumber: '威工信发〔2024〕9号' }))).status).toBe(201);
  });

  it('lets only the bureau keep the library: a district officer reads and exports but cannot add', async () => {
    expect((await district.post(BASE, policy())).status).toBe(403);
    expect((await district.get(`${BASE}/export.xlsx`)).status).toBe(200);
    const enterprise = await server().as('enterprise_user');
    expect((await enterprise.get(BASE)).status).toBe(200);
    expect((await enterprise.get(`${BASE}/export.xlsx`)).status).toBe(403);
  });

  it('imports a clean sheet whole, and a sheet with a bad row or a repeated row not at all', async () => {
    const template = await registerTemplateOf(bureau, 'policies');
    const row = (number: string, issued = '2022-05-06') => [
      '数字经济实施意见',
      '威海市人民政府',
      number,
      '市级',
      '实施意见',
      issued,
      '',
      '',
      '现行有效',
      '',
      '',
    ];
    const before = (await bureau.get(`${BASE}?pageSize=1`)).body.total;
    const bad = await uploadRegister(
      bureau,
      'policies',
      await filledTemplate(template, [row('威政字〔2022〕1号'), row('威政字〔2022〕2号', '2022/13/40'), row('威政字〔2022〕1号')]),
    );
    expectError(bad, 400, 'registers.importInvalid', 'file');
    const fields = bad.body.error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(['rows.3.issuedOn', 'rows.4.documentNumber']);
    expect(bad.body.error.details[1].message).toContain('第 4 行');
    expect((await bureau.get(`${BASE}?pageSize=1`)).body.total).toBe(before);
    const good = await uploadRegister(
      bureau,
      'policies',
      await filledTemplate(template, [row('威政字〔2022〕1号'), row('威政字〔2022〕3号', '2022/7/1')]),
    );
    expect(good.status, JSON.stringify(good.body)).toBe(200);
    expect(good.body.imported).toBe(2);
    const exported = await exportedRows(bureau, `${BASE}/export.xlsx?q=${encodeURIComponent('数字经济')}`);
    expect(exported[0]!.slice(0, 3)).toEqual(['文件名称*', '发文机关*', '文号']);
    expect(
      exported
        .slice(1)
        .map((r) => r[2])
        .sort(),
    ).toEqual(['威政字〔2022〕1号', '威政字〔2022〕3号']);
    expect(exported[1]![3]).toBe('市级');
    // the exported sheet imports again and is refused only as duplicates
    const again = await uploadRegister(
      bureau,
      'policies',
      await filledTemplate(
        template,
        exported.slice(1).map((r) => r.slice(0, 11)),
      ),
    );
    expectError(again, 400, 'registers.importInvalid');
    expect(again.body.error.details.map((d: { code: string }) => d.code)).toEqual([
      'registers.importRowProblem',
      'registers.importRowProblem',
    ]);
    expect(again.body.error.details[0].message).toContain('已有相同的记录');
  });
});
