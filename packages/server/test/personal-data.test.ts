import { randomBytes } from 'node:crypto';
import { addDays, chinaDate } from '@zhizao/domain';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import {
  creditCode,
  download,
  enterpriseWorkbook,
  goodRow,
  readWorkbook,
  rowTexts,
  upload,
} from '../src/modules/registry/excel.fixtures.ts';
import { giveMaturityLevel, programmeBody, submittedApplication } from '../src/modules/recognition/test-fixtures.ts';
import { FieldCipher, isSealed, parseDataKeys, sealedKeyId } from '../src/platform/field-crypto.ts';
import {
  describeEachDatabase,
  enterpriseInput,
  FIXTURE_USERNAMES,
  type Json,
  TEST_PASSWORD,
  TestClient,
  type TestServer,
} from './harness.ts';

// Issue 11 item 9: ID numbers, phones and e-mails are sealed in their columns (SM4 + HMAC-SM3), answered in
// plaintext, refused cleanly when altered, and re-sealed under a new key at the next start.

const OLD_KEYS = `old1:${randomBytes(32).toString('hex')}`;
const NEW_KEYS = `new2:${randomBytes(32).toString('hex')},${OLD_KEYS}`;

/** What a column holds, read past the API. */
const stored = async (
  server: TestServer,
  table: 'enterprise' | 'idPrefix' | 'recognitionObjection',
  where: [string, unknown],
  column: string,
) => {
  const row = await (server.ctx.db as Json).selectFrom(table).select(column).where(where[0], '=', where[1]).executeTakeFirstOrThrow();
  return row[column] as string | null;
};

const expectSealed = (value: string | null, plain: string) => {
  expect(value).not.toBe(plain);
  expect(value).not.toContain(plain);
  expect(isSealed(value ?? '')).toBe(true);
};

/** A public notice, open today, on one shortlisted application of the fixture enterprise. */
async function openNotice(server: TestServer, bureau: TestClient): Promise<{ noticeId: number; applicationId: number }> {
  await giveMaturityLevel(server, server.enterprises.huancui, 3);
  const programme = await bureau.post('/api/recognition/programmes', programmeBody({ title: '个人信息加密测试认定' }));
  expect(programme.status, JSON.stringify(programme.body)).toBe(200);
  const app = await submittedApplication(await server.as('enterprise_user'), programme.body.id);
  // straight to the shortlist: the scoring path has its own tests
  await server.ctx.db
    .updateTable('recognitionApplication')
    .set({ state: 'shortlisted', finalScore: 80 })
    .where('id', '=', app.id)
    .execute();
  const notice = await bureau.post(`/api/recognition/programmes/${programme.body.id}/notices`, {
    applicationIds: [app.id],
    startsOn: addDays(chinaDate(), -1),
  });
  expect(notice.status, JSON.stringify(notice.body)).toBe(200);
  return { noticeId: notice.body.id, applicationId: app.id };
}

describeEachDatabase(
  'personal information at rest',
  (server) => {
    let enterpriseId: number;
    let prefix: string;
    let noticeId: number;

    it('seals an enterprise’s contact phone and e-mail in their columns, and answers and exports them in plaintext', async () => {
      const admin = await server().as('bureau_admin');
      const input = enterpriseInput(
        { name: '加密测试精密制造有限公司', contactPhone: '13912345678', contactEmail: 'secret@example.com' },
        9301,
      );
      const created = await admin.post('/api/enterprises', input);
      expect(created.status, JSON.stringify(created.body)).toBe(200);
      enterpriseId = created.body.id;
      expect(created.body).toMatchObject({ contactPhone: '13912345678', contactEmail: 'secret@example.com' });
      expectSealed(await stored(server(), 'enterprise', ['id', enterpriseId], 'contactPhone'), '13912345678');
      expectSealed(await stored(server(), 'enterprise', ['id', enterpriseId], 'contactEmail'), 'secret@example.com');
      expect((await admin.get(`/api/enterprises/${enterpriseId}`)).body).toMatchObject({ contactPhone: '13912345678' });

      const changed = await admin.put(`/api/enterprises/${enterpriseId}`, { ...input, contactPhone: '0631-5201234', version: 1 });
      expect(changed.status, JSON.stringify(changed.body)).toBe(200);
      expect(changed.body.contactPhone).toBe('0631-5201234');
      expectSealed(await stored(server(), 'enterprise', ['id', enterpriseId], 'contactPhone'), '0631-5201234');

      const exported = await download(admin, `/api/enterprises/export.xlsx?q=${encodeURIComponent('加密测试')}`);
      expect(exported.status).toBe(200);
      const sheet = (await readWorkbook(exported.data)).getWorksheet('企业名录')!;
      const row = rowTexts(sheet, 3);
      // opened for the sheet (the phone masked there, as exports always do)
      expect(row).toContain('secret@example.com');
      expect(row.some((cell) => cell.endsWith('1234') && !cell.startsWith('sm4:'))).toBe(true);
      expect(row.join(' ')).not.toContain('sm4:');

      // the audit log keeps the change, with the contacts sealed as in the table
      const audit = await server()
        .ctx.db.selectFrom('auditLog')
        .select(['afterJson'])
        .where('action', '=', 'enterprise.update')
        .where('entityId', '=', String(enterpriseId))
        .executeTakeFirstOrThrow();
      expect(audit.afterJson).not.toContain('0631-5201234');
      expect(JSON.parse(audit.afterJson!).contactPhone).toMatch(/^sm4:1:old1:/);
    });

    it('seals a prefix application’s contact phone and e-mail, and answers them in plaintext', async () => {
      const enterprise = await server().as('enterprise_user');
      const applied = await enterprise.post('/api/identifiers/prefixes', {
        contactName: '王五',
        contactPhone: '13700000007',
        contactEmail: 'wang@example.com',
        purpose: '产品追溯',
      });
      expect(applied.status, JSON.stringify(applied.body)).toBe(200);
      prefix = applied.body.prefix;
      expect(applied.body).toMatchObject({ contactPhone: '13700000007', contactEmail: 'wang@example.com' });
      expectSealed(await stored(server(), 'idPrefix', ['prefix', prefix], 'contactPhone'), '13700000007');
      expectSealed(await stored(server(), 'idPrefix', ['prefix', prefix], 'contactEmail'), 'wang@example.com');
      const listed = (await (await server().as('bureau_admin')).get('/api/identifiers/prefixes')).body.items;
      expect(listed.find((p: { prefix: string }) => p.prefix === prefix)).toMatchObject({ contactPhone: '13700000007' });
    });

    it('seals an objector’s ID number and contact, filed online or on paper, and shows them to the bureau in plaintext', async () => {
      const bureau = await server().as('bureau_admin');
      ({ noticeId } = await openNotice(server(), bureau));
      const filed = await server().client().post(`/api/public/recognition/notices/${noticeId}/objections`, {
        applicationIndex: 1,
        objectorName: '李某',
        objectorIdNumber: '370000199001011234',
        contact: '13900000000',
        text: '该企业设备数控化率数据存疑',
      });
      expect(filed.status, JSON.stringify(filed.body)).toBe(200);
      const paper = await bureau.post(`/api/recognition/notices/${noticeId}/objections`, {
        objectorName: '王某',
        objectorIdNumber: '370000198001015678',
        contact: 'wang@example.com',
        text: '书面异议：项目尚未完工',
        receivedOn: chinaDate(),
      });
      expect(paper.status, JSON.stringify(paper.body)).toBe(200);
      expect(paper.body).toMatchObject({ objectorIdNumber: '370000198001015678', contact: 'wang@example.com' });
      const online = await stored(server(), 'recognitionObjection', ['reference', filed.body.reference], 'objectorIdNumber');
      expectSealed(online, '370000199001011234');
      expectSealed(await stored(server(), 'recognitionObjection', ['id', paper.body.id], 'contact'), 'wang@example.com');
      const detail = await bureau.get(`/api/recognition/notices/${noticeId}`);
      expect(detail.body.objections.map((o: Json) => [o.objectorIdNumber, o.contact])).toEqual([
        ['370000199001011234', '13900000000'],
        ['370000198001015678', 'wang@example.com'],
      ]);
    });

    it('seals the rows of an Excel import while they wait for the commit, and imports them sealed', async () => {
      const admin = await server().as('bureau_admin');
      const file = await enterpriseWorkbook([goodRow('PD', 1, { contactPhone: '13655550001', contactEmail: 'import@example.com' })]);
      const preview = await upload(admin, file);
      expect(preview.status, JSON.stringify(preview.body)).toBe(200);
      const staged = await server()
        .ctx.db.selectFrom('importJob')
        .select('rowsJson')
        .where('id', '=', preview.body.id)
        .executeTakeFirstOrThrow();
      expectSealed(staged.rowsJson, '13655550001');
      const committed = await admin.post(`/api/enterprises/import/${preview.body.id}/commit`, { mode: 'all' });
      expect(committed.status, JSON.stringify(committed.body)).toBe(200);
      const imported = await server()
        .ctx.db.selectFrom('enterprise')
        .select(['id', 'contactEmail'])
        .where('creditCode', '=', creditCode('PD', 1))
        .executeTakeFirstOrThrow();
      expectSealed(imported.contactEmail, 'import@example.com');
      expect((await admin.get(`/api/enterprises/${imported.id}`)).body.contactEmail).toBe('import@example.com');
    });

    it('answers a clean error for an altered value, never garbage', async () => {
      const bureau = await server().as('bureau_admin');
      const { db } = server().ctx;
      const objection = await db
        .selectFrom('recognitionObjection')
        .select(['id', 'contact'])
        .where('noticeId', '=', noticeId)
        .executeTakeFirstOrThrow();
      const at = objection.contact.length - 20; // inside the ciphertext
      const altered = objection.contact.slice(0, at) + (objection.contact[at] === 'A' ? 'B' : 'A') + objection.contact.slice(at + 1);
      await db.updateTable('recognitionObjection').set({ contact: altered }).where('id', '=', objection.id).execute();
      const detail = await bureau.get(`/api/recognition/notices/${noticeId}`);
      expect(detail.status).toBe(500);
      expect(detail.body.error).toMatchObject({ code: 'data.unreadable' });
      expect(JSON.stringify(detail.body)).not.toContain('1390000');
      await db.updateTable('recognitionObjection').set({ contact: objection.contact }).where('id', '=', objection.id).execute();
      expect((await bureau.get(`/api/recognition/notices/${noticeId}`)).status).toBe(200);
    });

    it('re-seals old rows and plaintext under the new key at the next start, and they still read back', async () => {
      const { db } = server().ctx;
      // a row from before encryption, written past the repo
      await db
        .updateTable('enterprise')
        .set({ contactEmail: 'legacy@example.com' })
        .where('id', '=', server().enterprises.wendeng)
        .execute();
      const { database } = server();
      const config = loadConfig({
        ZHIZAO_DATA_DIR: database.dataDir,
        ZHIZAO_SQLITE_PATH: database.sqlitePath,
        ...(database.databaseUrl ? { DATABASE_URL: database.databaseUrl } : {}),
        ZHIZAO_DEMO: '0',
        LOG_LEVEL: 'silent',
        ZHIZAO_WEB_DIST: '',
        ZHIZAO_DATA_KEYS: NEW_KEYS,
      });
      const restarted = await buildApp(config);
      try {
        for (const [table, columns] of [
          ['enterprise', ['contactPhone', 'contactEmail']],
          ['idPrefix', ['contactPhone', 'contactEmail']],
          ['recognitionObjection', ['objectorIdNumber', 'contact']],
          ['importJob', ['rowsJson']],
        ] as const) {
          const rows = await (db as Json).selectFrom(table).select(columns).execute();
          for (const row of rows) for (const c of columns) if (row[c] !== null) expect(sealedKeyId(row[c]), `${table}.${c}`).toBe('new2');
        }
        const rotations = await db.selectFrom('auditLog').select('entityType').where('action', '=', 'data.reseal').execute();
        expect(new Set(rotations.map((r) => r.entityType))).toEqual(
          new Set(['enterprise', 'idPrefix', 'recognitionObjection', 'importJob']),
        );
        expect(await restarted.ctx.audit.verify(db)).toMatchObject({ ok: true });

        await restarted.app.listen({ port: 0, host: '127.0.0.1' });
        const address = restarted.app.server.address();
        const client = new TestClient(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
        expect((await client.login(FIXTURE_USERNAMES.bureau_admin, TEST_PASSWORD)).status).toBe(200);
        expect((await client.get(`/api/enterprises/${enterpriseId}`)).body).toMatchObject({ contactPhone: '0631-5201234' });
        expect((await client.get(`/api/enterprises/${server().enterprises.wendeng}`)).body.contactEmail).toBe('legacy@example.com');
        const detail = await client.get(`/api/recognition/notices/${noticeId}`);
        expect(detail.body.objections.map((o: Json) => o.objectorIdNumber)).toEqual(['370000199001011234', '370000198001015678']);
        const prefixes = (await client.get('/api/identifiers/prefixes')).body.items;
        expect(prefixes.find((p: { prefix: string }) => p.prefix === prefix)).toMatchObject({ contactEmail: 'wang@example.com' });

        // once every row is under the new key, the old one can go: a start with the new key alone reads them all
        const newOnly = new FieldCipher(parseDataKeys(NEW_KEYS).slice(0, 1));
        const phone = await stored(server(), 'enterprise', ['id', enterpriseId], 'contactPhone');
        expect(newOnly.open(phone)).toBe('0631-5201234');
        // and a second start finds nothing left to do
        const before = (
          await db
            .selectFrom('auditLog')
            .select(sql<number>`count(*)`.as('n'))
            .executeTakeFirstOrThrow()
        ).n;
        const again = await buildApp(config);
        await again.app.close();
        expect(
          (
            await db
              .selectFrom('auditLog')
              .select(sql<number>`count(*)`.as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ).toBe(before);
      } finally {
        await restarted.app.close();
      }
    });
  },
  { ZHIZAO_DATA_KEYS: OLD_KEYS },
);
