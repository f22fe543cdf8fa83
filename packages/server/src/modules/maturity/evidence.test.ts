import { CMMM_2020_REQUIREMENTS, type Answer } from '@zhizao/domain';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { expectError } from '../../../test/expect.ts';
import { describeEachDatabase, type Json, TEST_PASSWORD, type TestClient, type TestResponse } from '../../../test/harness.ts';
import { createUser } from '../accounts/users.service.ts';

// Evidence files per assessment item over real HTTP: upload (type checked by extension and content,
// size and count limits), list, download as an attachment, delete; ownership; locked after submit; audit.

const ANSWERS: Answer[] = CMMM_2020_REQUIREMENTS.map((r) => ({ requirementId: r.id, value: 0.5 }));
const ITEM = CMMM_2020_REQUIREMENTS[0]!.id;
const OTHER_ITEM = CMMM_2020_REQUIREMENTS[1]!.id;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 1)]);
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(64, 0)]);

async function upload(
  c: TestClient,
  assessmentId: number,
  requirementId: string,
  fileName: string,
  data: Buffer,
  type = 'application/octet-stream',
): Promise<TestResponse> {
  const form = new FormData();
  form.append('requirementId', requirementId);
  form.append('file', new Blob([new Uint8Array(data)], { type }), fileName);
  const response = await c.raw('POST', `/api/maturity/assessments/${assessmentId}/evidence`, { body: form });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON
  }
  return { status: response.status, body, headers: response.headers };
}

async function download(c: TestClient, fileId: string) {
  const response = await c.raw('GET', `/api/maturity/evidence/${fileId}`);
  return { status: response.status, headers: response.headers, data: Buffer.from(await response.arrayBuffer()) };
}

describeEachDatabase('maturity evidence files', (server) => {
  let enterprise: TestClient;
  let wendengUser: TestClient;
  let bureau: TestClient;
  let district: TestClient;
  let expert: TestClient;
  let provider: TestClient;
  let auditor: TestClient;
  let assessmentId: number;
  let pdfId: string;
  const evidenceDir = () => path.join(server().database.dataDir, 'evidence', String(assessmentId));

  beforeAll(async () => {
    enterprise = await server().as('enterprise_user');
    bureau = await server().as('bureau_admin');
    district = await server().as('district_officer');
    expert = await server().as('expert');
    provider = await server().as('service_provider');
    auditor = await server().as('audit_admin');
    const seed = { userId: null, username: 'test-fixture', role: null, ip: null };
    await createUser(server().ctx, seed, {
      username: 't-wendeng-ev',
      displayName: '文登企业用户',
      password: TEST_PASSWORD,
      role: 'enterprise_user',
      districtCode: null,
      enterpriseId: server().enterprises.wendeng,
    });
    wendengUser = server().client();
    expect((await wendengUser.login('t-wendeng-ev', TEST_PASSWORD)).status).toBe(200);
    const created = await enterprise.post('/api/maturity/assessments', { targetLevel: 2 });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    assessmentId = created.body.id;
  });

  it('uploads a file to an item, stores it under a random name, lists and downloads it as an attachment', async () => {
    const res = await upload(enterprise, assessmentId, ITEM, '质量管理制度（第2版）.pdf', PDF, 'application/pdf');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      assessmentId,
      requirementId: ITEM,
      fileName: '质量管理制度（第2版）.pdf',
      contentType: 'application/pdf',
      size: PDF.length,
    });
    expect(res.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    pdfId = res.body.id;
    expect(fs.readdirSync(evidenceDir())).toEqual([pdfId]);
    expect(fs.readFileSync(path.join(evidenceDir(), pdfId)).equals(PDF)).toBe(true);

    // The item may also come as a query parameter (the web's upload sends the file field alone).
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PNG)]), 'photo.PNG');
    const pngResponse = await enterprise.raw(
      'POST',
      `/api/maturity/assessments/${assessmentId}/evidence?requirementId=${encodeURIComponent(OTHER_ITEM)}`,
      { body: form },
    );
    const png = {
      status: pngResponse.status,
      body: (await pngResponse.json()) as { id: string; contentType: string; requirementId: string },
    };
    expect(png.body.requirementId).toBe(OTHER_ITEM);
    expect(png.status, JSON.stringify(png.body)).toBe(200);
    expect(png.body.contentType).toBe('image/png');

    const all = await enterprise.get(`/api/maturity/assessments/${assessmentId}/evidence`);
    expect(all.status).toBe(200);
    expect(all.body.items.map((e: { id: string }) => e.id).sort()).toEqual([pdfId, png.body.id].sort());
    const one = await enterprise.get(`/api/maturity/assessments/${assessmentId}/evidence?requirementId=${encodeURIComponent(ITEM)}`);
    expect(one.body.items.map((e: { id: string }) => e.id)).toEqual([pdfId]);

    const file = await download(enterprise, pdfId);
    expect(file.status).toBe(200);
    expect(file.data.equals(PDF)).toBe(true);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    const disposition = file.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("filename*=UTF-8''")[1]!)).toBe('质量管理制度（第2版）.pdf');
  });

  it('refuses a file whose content does not match its extension, an unknown type, no file and an unknown item with 400', async () => {
    expectError(await upload(enterprise, assessmentId, ITEM, 'setup.pdf', EXE), 400, 'maturity.evidenceType', 'file');
    expectError(await upload(enterprise, assessmentId, ITEM, 'setup.exe', EXE), 400, 'maturity.evidenceType', 'file');
    expectError(await upload(enterprise, assessmentId, ITEM, 'notes.txt', Buffer.from('hello')), 400, 'maturity.evidenceType', 'file');
    expectError(
      await upload(enterprise, assessmentId, ITEM, 'fake.docx', Buffer.from('PK\x03\x04nothing office here')),
      400,
      'maturity.evidenceType',
      'file',
    );
    expectError(await upload(enterprise, assessmentId, 'NO-SUCH-ITEM', 'a.pdf', PDF), 400, 'maturity.requirementNotFound', 'requirementId');
    const form = new FormData();
    form.append('requirementId', ITEM);
    const none = await enterprise.raw('POST', `/api/maturity/assessments/${assessmentId}/evidence`, { body: form });
    expect(none.status).toBe(400);
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe('maturity.evidenceNoFile');
    expect(fs.readdirSync(evidenceDir())).toHaveLength(2);
  });

  it('refuses a file over 10 MB with 413 and leaves nothing behind', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024, 0x20)]);
    expectError(await upload(enterprise, assessmentId, ITEM, 'big.pdf', big), 413, 'request.tooLarge');
    expect(fs.readdirSync(evidenceDir())).toHaveLength(2);
  });

  it('allows at most 10 files per item', async () => {
    const item = CMMM_2020_REQUIREMENTS[2]!.id;
    for (let i = 0; i < 10; i++) expect((await upload(enterprise, assessmentId, item, `p${i}.pdf`, PDF)).status).toBe(200);
    expectError(await upload(enterprise, assessmentId, item, 'p10.pdf', PDF), 409, 'maturity.evidenceTooMany', 'requirementId');
    const listed = await enterprise.get(`/api/maturity/assessments/${assessmentId}/evidence?requirementId=${encodeURIComponent(item)}`);
    expect(listed.body.items).toHaveLength(10);
    for (const e of listed.body.items) expect((await enterprise.delete(`/api/maturity/evidence/${e.id}`)).status).toBe(200);
  });

  it('lets readers in scope download, and hides the files from another enterprise (404) and other roles', async () => {
    for (const c of [bureau, district]) {
      expect((await c.get(`/api/maturity/assessments/${assessmentId}/evidence`)).body.items).toHaveLength(2);
      expect((await download(c, pdfId)).data.equals(PDF)).toBe(true);
    }
    expectError(await wendengUser.get(`/api/maturity/assessments/${assessmentId}/evidence`), 404, 'maturity.assessmentNotFound');
    expectError(await wendengUser.get(`/api/maturity/evidence/${pdfId}`), 404, 'maturity.evidenceNotFound');
    expectError(await upload(wendengUser, assessmentId, ITEM, 'x.pdf', PDF), 404, 'maturity.assessmentNotFound');
    expectError(await wendengUser.delete(`/api/maturity/evidence/${pdfId}`), 404, 'maturity.evidenceNotFound');
    expectError(await expert.get(`/api/maturity/evidence/${pdfId}`), 404, 'maturity.evidenceNotFound');
    expectError(await upload(bureau, assessmentId, ITEM, 'x.pdf', PDF), 403, 'auth.forbidden');
    expectError(await bureau.delete(`/api/maturity/evidence/${pdfId}`), 403, 'auth.forbidden');
    expectError(await provider.get(`/api/maturity/assessments/${assessmentId}/evidence`), 404, 'maturity.assessmentNotFound');
    expectError(await server().client().get(`/api/maturity/evidence/${pdfId}`), 401, 'auth.required');
    expectError(await enterprise.get('/api/maturity/evidence/no-such-file'), 404, 'maturity.evidenceNotFound');
  });

  it('deletes a file: the row and the bytes', async () => {
    const extra = await upload(enterprise, assessmentId, ITEM, 'extra.pdf', PDF);
    expect(extra.status).toBe(200);
    const deleted = await enterprise.delete(`/api/maturity/evidence/${extra.body.id}`);
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(200);
    expect(fs.existsSync(path.join(evidenceDir(), extra.body.id))).toBe(false);
    expectError(await enterprise.get(`/api/maturity/evidence/${extra.body.id}`), 404, 'maturity.evidenceNotFound');
    expectError(await enterprise.delete(`/api/maturity/evidence/${extra.body.id}`), 404, 'maturity.evidenceNotFound');
  });

  it('locks the files once the assessment is submitted (409), downloads still work, the assigned expert reads them', async () => {
    expect((await enterprise.put(`/api/maturity/assessments/${assessmentId}/answers`, { version: 1, answers: ANSWERS })).status).toBe(200);
    const done = await enterprise.post(`/api/maturity/assessments/${assessmentId}/submit`, { version: 2 });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expectError(await upload(enterprise, assessmentId, ITEM, 'late.pdf', PDF), 409, 'maturity.locked');
    expectError(await enterprise.delete(`/api/maturity/evidence/${pdfId}`), 409, 'maturity.locked');
    expect((await download(enterprise, pdfId)).status).toBe(200);

    const expertUserId = (
      await server().ctx.db.selectFrom('appUser').select('id').where('username', '=', 't-expert').executeTakeFirstOrThrow()
    ).id;
    const assigned = await bureau.post(`/api/maturity/assessments/${assessmentId}/expert-review`, { expertUserId });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
    expect((await expert.get(`/api/maturity/assessments/${assessmentId}/evidence`)).body.items).toHaveLength(2);
    expect((await download(expert, pdfId)).data.equals(PDF)).toBe(true);
  });

  it('audits uploads and deletions with the metadata, never the bytes', async () => {
    const audit = (await auditor.get(`/api/audit?entityType=maturityAssessment&entityId=${assessmentId}&pageSize=100`)).body.items as {
      action: string;
      after: Json;
      before: Json;
      actorUsername: string;
    }[];
    const uploads = audit.filter((e) => e.action === 'maturity.evidence.upload');
    const deletions = audit.filter((e) => e.action === 'maturity.evidence.delete');
    expect(uploads).toHaveLength(13);
    expect(deletions).toHaveLength(11);
    const first = uploads.find((e) => e.after.id === pdfId)!;
    expect(first).toMatchObject({
      actorUsername: 't-enterprise',
      after: { requirementId: ITEM, fileName: '质量管理制度（第2版）.pdf', size: PDF.length, contentType: 'application/pdf' },
    });
    expect(JSON.stringify(audit)).not.toContain('%PDF');
  });
});
