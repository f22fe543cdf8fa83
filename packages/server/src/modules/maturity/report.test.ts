import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  CMMM_2020,
  CMMM_2020_REQUIREMENTS,
  completeCreditCode,
  scoreAssessment,
  type Answer,
  type ManufacturingType,
} from '@zhizao/domain';
import JSZip from 'jszip';
import { beforeAll, expect, it } from 'vitest';
import { expectError } from '../../../test/expect.ts';
import { describeEachDatabase, enterpriseInput, TEST_PASSWORD, type TestClient } from '../../../test/harness.ts';
import { createUser } from '../accounts/users.service.ts';
import { insertEnterprise } from '../registry/enterprise.repo.ts';

// The report of a submitted self-diagnosis over real HTTP: its numbers against the frozen result, peers
// from other enterprises' latest submissions (small groups withheld), history, Word and PDF downloads,
// and the enterprise's choice to share the full report with the bureau.

/** Levels up to `reached` fully met, everything above partly: A_1…A_n = 1, the rest 0.5, so S = n + 0.5 (n < 5). */
const answersReaching = (reached: number): Answer[] =>
  CMMM_2020_REQUIREMENTS.map((r) => ({ requirementId: r.id, value: r.level <= reached ? 1 : 0.5 }));

const bodyOf = async (res: Response) => Buffer.from(await res.arrayBuffer());

describeEachDatabase('maturity report', (server) => {
  let enterprise: TestClient;
  let bureau: TestClient;
  let officer: TestClient;
  let wendengUser: TestClient;
  let first: number;
  let report: number;
  let draft: number;
  let serial = 7100;

  /** Another enterprise with submitted self-diagnoses written straight to the database (oldest first). */
  async function peer(
    input: { districtCode?: string; chainCodes?: string[]; manufacturingType?: ManufacturingType },
    reachedLevels: number[],
  ) {
    const { ctx } = server();
    serial++;
    const district = input.districtCode ?? '371002';
    const created = await ctx.db.transaction().execute((tx) =>
      insertEnterprise(
        tx,
        ctx.cipher,
        enterpriseInput(
          {
            districtCode: district,
            chainCodes: input.chainCodes ?? [],
            manufacturingType: input.manufacturingType ?? 'discrete',
            creditCode: completeCreditCode(`91${district}PE${String(serial).padStart(7, '0')}`),
            name: `同行企业${serial}`,
          },
          serial,
        ),
      ),
    );
    for (const [i, reached] of reachedLevels.entries())
      await submitted(created.id, input.manufacturingType ?? 'discrete', reached, `2026-0${i + 1}-15T02:00:00.000Z`);
    return created.id;
  }

  async function submitted(enterpriseId: number, manufacturingType: ManufacturingType, reached: number, at: string) {
    const result = scoreAssessment(CMMM_2020, CMMM_2020_REQUIREMENTS, answersReaching(reached), { manufacturingType, mode: 'final' });
    await server()
      .ctx.db.insertInto('maturityAssessment')
      .values({
        enterpriseId,
        modelVersion: 'CMMM-2020',
        manufacturingType,
        targetLevel: 2,
        status: 'submitted',
        version: 2,
        createdBy: null,
        createdAt: at,
        updatedAt: at,
        submittedAt: at,
        resultJson: JSON.stringify(result),
        modelJson: JSON.stringify(CMMM_2020),
        formulaId: result.formulaId,
      })
      .execute();
  }

  async function selfDiagnose(reached: number): Promise<number> {
    const created = await enterprise.post('/api/maturity/assessments', { targetLevel: reached + 1 });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const saved = await enterprise.put(`/api/maturity/assessments/${created.body.id}/answers`, {
      version: 1,
      answers: answersReaching(reached),
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const done = await enterprise.post(`/api/maturity/assessments/${created.body.id}/submit`, { version: 2 });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    return created.body.id;
  }

  beforeAll(async () => {
    const { ctx, enterprises } = server();
    enterprise = await server().as('enterprise_user');
    bureau = await server().as('bureau_admin');
    officer = await server().as('district_officer');
    const seed = { userId: null, username: 'test-fixture', role: null, ip: null };
    await createUser(ctx, seed, {
      username: 't-wendeng-r',
      displayName: '文登企业用户',
      password: TEST_PASSWORD,
      role: 'enterprise_user',
      districtCode: null,
      enterpriseId: enterprises.wendeng,
    });
    wendengUser = server().client();
    expect((await wendengUser.login('t-wendeng-r', TEST_PASSWORD)).status).toBe(200);

    // 环翠 fixture enterprise: chains TC1 and TC2, district 371002, discrete; two self-diagnoses (S 1.5, then 2.5)
    await ctx.db.insertInto('enterpriseChain').values({ enterpriseId: enterprises.huancui, chainCode: 'TC2' }).execute();
    first = await selfDiagnose(1);
    report = await selfDiagnose(2);
    draft = (await enterprise.post('/api/maturity/assessments', { targetLevel: 3 })).body.id;

    // TC1, 371002, discrete: latest scores 0.5 1.5 2.5 3.5 0.5 2.5 (the fifth scored 4.5 before)
    for (const levels of [[0], [1], [2], [3], [4, 0], [2]]) await peer({ chainCodes: ['TC1'] }, levels);
    // TC2, 371002, process: 3.5 4.5 — a chain group of two, withheld
    await peer({ chainCodes: ['TC2'], manufacturingType: 'process' }, [3]);
    await peer({ chainCodes: ['TC2'], manufacturingType: 'process' }, [4]);
    // 文登 (371003), discrete: 1.5 — and a draft elsewhere counts for nothing
    await submitted(enterprises.wendeng, 'discrete', 1, '2026-03-01T02:00:00.000Z');
  });

  it('gives the enterprise the full report: numbers from the frozen result, radar at the next level, the gap list', async () => {
    const res = await enterprise.get(`/api/maturity/assessments/${report}/report`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const frozen = (await enterprise.get(`/api/maturity/assessments/${report}/result`)).body.result;
    const r = res.body;
    expect(r).toMatchObject({
      id: report,
      access: 'full',
      shared: false,
      sharedAt: null,
      enterprise: { id: server().enterprises.huancui, name: '测试精密机械制造有限公司9001', district: { code: '371002' } },
      manufacturingType: 'discrete',
      model: { id: 'CMMM-2020', formulaId: 'bandAligned', provisional: true },
      level: { level: 2, name: { zh: '二级 规范级', en: 'Level 2 Specification' } },
    });
    expect(r.enterprise.chains.map((c: { code: string }) => c.code)).toEqual(['TC1', 'TC2']);
    expect(r.totalScore).toBe(frozen.totalScore);
    expect(r.totalScore).toBeCloseTo(2.5, 9);
    expect(r.levels.map((l: { score: number; passed: boolean }) => [l.score, l.passed])).toEqual(
      frozen.levels.map((l: { score: number; passed: boolean }) => [l.score, l.passed]),
    );
    expect(r.levels[2].name.zh).toBe('三级 集成级');
    expect(r.radar.level).toBe(3);
    expect(r.radar.domains).toHaveLength(12);
    expect(r.radar.domains.map((d: { code: string; score: number }) => [d.code, d.score])).toEqual(
      frozen.levels[2].domains.map((d: { code: string; score: number }) => [d.code, d.score]),
    );
    expect(r.radar.domains[0].name).toEqual(CMMM_2020.domains[0]!.name);
    const advice = (await enterprise.get(`/api/maturity/assessments/${report}/advice`)).body;
    expect(r.advice).toEqual(advice);
    expect(r.advice).toMatchObject({ reachedLevel: 2, targetLevel: 3 });
    expect(r.advice.gaps.length).toBeGreaterThan(0);
  });

  it('compares with peers: latest submission per other enterprise, per chain, district and type; groups under 5 withheld', async () => {
    const { peers } = (await enterprise.get(`/api/maturity/assessments/${report}/report`)).body;
    const byGroup = Object.fromEntries(peers.map((p: { kind: string; code: string }) => [`${p.kind}:${p.code}`, p]));
    expect(Object.keys(byGroup)).toEqual(['chain:TC1', 'chain:TC2', 'district:371002', 'manufacturingType:discrete']);
    // TC1: 0.5 1.5 2.5 3.5 0.5 2.5 → below 2.5: three, equal: two → (3 + 1) / 6
    expect(byGroup['chain:TC1']).toMatchObject({ size: 6, hidden: false, name: { zh: '测试产业链一' } });
    expect(byGroup['chain:TC1'].average).toBeCloseTo(11 / 6, 9);
    expect(byGroup['chain:TC1'].percentile).toBeCloseTo((4 / 6) * 100, 9);
    expect(byGroup['chain:TC2']).toEqual({
      kind: 'chain',
      code: 'TC2',
      name: { zh: '测试产业链二', en: 'Test chain 2' },
      size: 2,
      hidden: true,
      average: null,
      percentile: null,
    });
    // 371002: TC1's six and TC2's two → 19 / 8; below three, equal two → (3 + 1) / 8
    expect(byGroup['district:371002']).toMatchObject({ size: 8, hidden: false });
    expect(byGroup['district:371002'].average).toBeCloseTo(19 / 8, 9);
    expect(byGroup['district:371002'].percentile).toBeCloseTo(50, 9);
    // discrete: TC1's six and 文登's 1.5 → 12.5 / 7; below four, equal two → (4 + 1) / 7
    expect(byGroup['manufacturingType:discrete']).toMatchObject({ size: 7, hidden: false, name: { zh: '离散型制造' } });
    expect(byGroup['manufacturingType:discrete'].average).toBeCloseTo(12.5 / 7, 9);
    expect(byGroup['manufacturingType:discrete'].percentile).toBeCloseTo((5 / 7) * 100, 9);
  });

  it('lists the enterprise’s past submitted self-diagnoses, oldest first, drafts left out', async () => {
    const { history } = (await enterprise.get(`/api/maturity/assessments/${report}/report`)).body;
    expect(history.map((h: { id: number }) => h.id)).toEqual([first, report]);
    expect(history[0]).toMatchObject({ modelVersion: 'CMMM-2020', reachedLevel: 1, levelName: { zh: '一级 规划级' } });
    expect(history[0].totalScore).toBeCloseTo(1.5, 9);
    expect(history[1].totalScore).toBeCloseTo(2.5, 9);
    expect(Date.parse(history[0].submittedAt)).toBeLessThanOrEqual(Date.parse(history[1].submittedAt));
    expect(history.map((h: { id: number }) => h.id)).not.toContain(draft);
  });

  it('has no report for a draft (409) and keeps other enterprises’ reports out of reach (404)', async () => {
    expectError(await enterprise.get(`/api/maturity/assessments/${draft}/report`), 409, 'maturity.noReport');
    expectError(await enterprise.get(`/api/maturity/assessments/${draft}/report.pdf`), 409, 'maturity.noReport');
    for (const path of ['report', 'report.docx', 'report.pdf']) {
      const res = await wendengUser.get(`/api/maturity/assessments/${report}/${path}`);
      expectError(res, 404, 'maturity.assessmentNotFound');
      expect(res.headers.get('content-disposition')).toBeNull();
    }
    expectError(await wendengUser.post(`/api/maturity/assessments/${report}/share`), 404, 'maturity.assessmentNotFound');
    for (const role of ['expert', 'service_provider'] as const)
      expectError(await (await server().as(role)).get(`/api/maturity/assessments/${report}/report`), 403, 'auth.forbidden');
    expectError(await server().client().get(`/api/maturity/assessments/${report}/report.pdf`), 401, 'auth.required');
    expectError(await enterprise.get('/api/maturity/assessments/999999/report.docx'), 404, 'maturity.assessmentNotFound');
  });

  it('downloads the report as Word, in Chinese by default and in English on request', async () => {
    const res = await enterprise.raw('GET', `/api/maturity/assessments/${report}/report.docx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const disposition = res.headers.get('content-disposition')!;
    expect(disposition).toMatch(
      new RegExp(`^attachment; filename="maturity-report-${report}-\\d{4}-\\d{2}-\\d{2}\\.docx"; filename\\*=UTF-8''`),
    );
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toMatch(
      /^测试精密机械制造有限公司9001-成熟度自诊断报告-\d{4}-\d{2}-\d{2}\.docx$/,
    );
    const xml = await (await JSZip.loadAsync(await bodyOf(res))).file('word/document.xml')!.async('string');
    for (const text of [
      '智能制造能力成熟度自诊断报告',
      '测试精密机械制造有限公司9001',
      '二级 规范级',
      '2.50',
      '暂定结果',
      '差距清单',
      '同行比较',
      '不足 5 家，不显示',
      '历次自诊断',
    ])
      expect(xml).toContain(text);

    const en = await enterprise.raw('GET', `/api/maturity/assessments/${report}/report.docx`, { headers: { 'accept-language': 'en' } });
    const enXml = await (await JSZip.loadAsync(await bodyOf(en))).file('word/document.xml')!.async('string');
    for (const text of [
      'Smart-manufacturing capability maturity self-diagnosis report',
      'Level 2 Specification',
      'Peer comparison',
      'fewer than 5, not shown',
    ])
      expect(enXml).toContain(text);
  });

  it('downloads the report as a small PDF that embeds its CJK font (subset), so the Chinese shows anywhere', async () => {
    const res = await enterprise.raw('GET', `/api/maturity/assessments/${report}/report.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('测试精密机械制造有限公司9001-成熟度自诊断报告-')}`,
    );
    const pdf = await bodyOf(res);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.includes('/FontFile3')).toBe(true);
    expect(pdf.length).toBeLessThan(400_000);
    const text = pdfText(pdf);
    if (text !== null)
      for (const t of ['测试精密机械制造有限公司9001', '二级 规范级', '同行比较']) expect(text.replace(/\s+/g, ' ')).toContain(t);

    const en = await bodyOf(
      await enterprise.raw('GET', `/api/maturity/assessments/${report}/report.pdf`, { headers: { 'accept-language': 'en' } }),
    );
    const enText = pdfText(en);
    if (enText !== null) expect(enText).toContain('Peer comparison');
  });

  it('shows the bureau level and score only until the enterprise shares the report; sharing is audited and can be withdrawn', async () => {
    for (const c of [bureau, officer]) {
      const summary = await c.get(`/api/maturity/assessments/${report}/report`);
      expect(summary.status, JSON.stringify(summary.body)).toBe(200);
      expect(summary.body).toMatchObject({
        access: 'summary',
        shared: false,
        level: { level: 2 },
        levels: null,
        radar: null,
        advice: null,
        peers: null,
        history: null,
      });
      expect(summary.body.totalScore).toBeCloseTo(2.5, 9);
      for (const format of ['docx', 'pdf'])
        expectError(await c.get(`/api/maturity/assessments/${report}/report.${format}`), 403, 'maturity.reportNotShared');
      // the older detail, result and advice routes keep the same rule: no answers, no level breakdown
      const detail = await c.get(`/api/maturity/assessments/${report}`);
      expect(detail.status, JSON.stringify(detail.body)).toBe(200);
      expect(detail.body).toMatchObject({ access: 'summary', answers: [] });
      expect(detail.body.result).toMatchObject({ reachedLevel: 2, levels: [] });
      expect((await c.get(`/api/maturity/assessments/${report}/result`)).body.result.levels).toEqual([]);
      expectError(await c.get(`/api/maturity/assessments/${report}/advice`), 403, 'maturity.reportNotShared');
    }
    expectError(await bureau.post(`/api/maturity/assessments/${report}/share`), 403, 'auth.forbidden');
    expectError(await enterprise.post(`/api/maturity/assessments/${draft}/share`), 409, 'maturity.shareNotSubmitted');

    const shared = await enterprise.post(`/api/maturity/assessments/${report}/share`);
    expect(shared.status, JSON.stringify(shared.body)).toBe(200);
    expect(shared.body).toMatchObject({ id: report, shared: true });
    const again = await enterprise.post(`/api/maturity/assessments/${report}/share`);
    expect(again.body.sharedAt).toBe(shared.body.sharedAt);
    for (const c of [bureau, officer]) {
      const full = (await c.get(`/api/maturity/assessments/${report}/report`)).body;
      expect(full).toMatchObject({ access: 'full', shared: true, sharedAt: shared.body.sharedAt });
      expect(full.peers).toHaveLength(4);
      expect((await c.get(`/api/maturity/assessments/${report}`)).body.answers.length).toBeGreaterThan(0);
      expect((await c.get(`/api/maturity/assessments/${report}/advice`)).status).toBe(200);
      const pdf = await c.raw('GET', `/api/maturity/assessments/${report}/report.pdf`);
      expect(pdf.status).toBe(200);
    }
    // the officer of another district still finds nothing
    const seed = { userId: null, username: 'test-fixture', role: null, ip: null };
    await createUser(server().ctx, seed, {
      username: 't-district-wd',
      displayName: '文登区',
      password: TEST_PASSWORD,
      role: 'district_officer',
      districtCode: '371003',
      enterpriseId: null,
    });
    const otherOfficer = server().client();
    await otherOfficer.login('t-district-wd', TEST_PASSWORD);
    expectError(await otherOfficer.get(`/api/maturity/assessments/${report}/report`), 404, 'maturity.assessmentNotFound');
    // the earlier assessment was not shared
    expect((await bureau.get(`/api/maturity/assessments/${first}/report`)).body.access).toBe('summary');

    const withdrawn = await enterprise.delete(`/api/maturity/assessments/${report}/share`);
    expect(withdrawn.body).toEqual({ id: report, shared: false, sharedAt: null });
    expect((await bureau.get(`/api/maturity/assessments/${report}/report`)).body.access).toBe('summary');

    const auditor = await server().as('audit_admin');
    const audit = (await auditor.get(`/api/audit?entityType=maturityAssessment&entityId=${report}&pageSize=50`)).body.items;
    const actions = audit.map((e: { action: string }) => e.action);
    expect(actions.filter((a: string) => a === 'maturity.report.share')).toHaveLength(1);
    expect(actions.filter((a: string) => a === 'maturity.report.unshare')).toHaveLength(1);
    const share = audit.find((e: { action: string }) => e.action === 'maturity.report.share');
    expect(share).toMatchObject({ actorUsername: 't-enterprise', before: { sharedAt: null }, after: { sharedAt: shared.body.sharedAt } });
  });
});

/** The PDF's text through pdftotext (poppler-utils) when the machine has it; null otherwise. */
function pdfText(pdf: Buffer): string | null {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zhizao-pdf-')), 'report.pdf');
  fs.writeFileSync(file, pdf);
  try {
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return null;
    throw error;
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}
