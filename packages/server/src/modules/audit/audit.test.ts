import { DEFAULT_SECURITY_SETTINGS, type EnterpriseInput, type Role } from '@zhizao/domain';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { expectError } from '../../../test/expect.ts';
import {
  describeEachDatabase,
  enterpriseInput,
  FIXTURE_USERNAMES,
  type Json,
  TEST_PASSWORD,
  type TestClient,
} from '../../../test/harness.ts';
import { listOperations } from '../../../test/openapi.ts';

// The audit log (gov-it.md §1 安全审计): every change leaves who / when / what / before → after, in the
// same transaction as the change, chained by HMAC-SM3 so that editing, deleting or forging is found.
const INPUT_FIELDS = Object.keys(enterpriseInput()) as (keyof EnterpriseInput)[];
let serial = 700;

describeEachDatabase('audit log', (server) => {
  let auditor: TestClient;
  let admin: TestClient;

  beforeAll(async () => {
    auditor = await server().as('audit_admin');
    admin = await server().as('bureau_admin');
  });

  const db = () => server().ctx.db;
  const head = () => db().selectFrom('auditHead').select(['seq', 'hash']).executeTakeFirstOrThrow();
  const entriesFor = async (entityType: string, entityId: number | string) =>
    (await auditor.get(`/api/audit?entityType=${entityType}&entityId=${entityId}&pageSize=200`)).body.items as Json[];
  const verify = async () => {
    const res = await auditor.get('/api/audit/verify');
    expect(res.status).toBe(200);
    return res.body;
  };
  async function create(c: TestClient, overrides: Partial<EnterpriseInput> = {}) {
    const res = await c.post('/api/enterprises', enterpriseInput(overrides, serial++));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  }
  const forUpdate = (e: Record<string, unknown>, changes: Partial<EnterpriseInput> = {}) => ({
    ...Object.fromEntries(INPUT_FIELDS.map((k) => [k, e[k]])),
    ...changes,
    version: e.version,
  });

  it('records an enterprise’s registration, change and archiving with who, when and before → after', async () => {
    const started = new Date().toISOString();
    const e = await create(admin, { mainProducts: '旧产品' });
    const updated = (await admin.put(`/api/enterprises/${e.id}`, forUpdate(e, { mainProducts: '新产品' }))).body;
    await admin.post(`/api/enterprises/${e.id}/archive`);

    const [archive, update, creation] = await entriesFor('enterprise', e.id);
    const who = {
      actorUsername: FIXTURE_USERNAMES.bureau_admin,
      actorRole: 'bureau_admin',
      actorUserId: expect.any(Number),
      ip: '127.0.0.1',
    };
    expect(creation).toMatchObject({ ...who, action: 'enterprise.create', entityType: 'enterprise', entityId: String(e.id), before: null });
    expect(creation.after).toMatchObject({ id: e.id, creditCode: e.creditCode, mainProducts: '旧产品' });
    expect(update).toMatchObject({
      ...who,
      action: 'enterprise.update',
      before: { mainProducts: '旧产品', version: 1 },
      after: { mainProducts: '新产品', version: 2 },
    });
    expect(archive).toMatchObject({ ...who, action: 'enterprise.archive', before: { archived: false }, after: { archived: true } });
    for (const entry of [creation, update, archive]) {
      expect(entry.at >= started && entry.at <= new Date().toISOString()).toBe(true);
    }
    expect(creation.seq).toBeLessThan(update.seq);
    expect(update.seq).toBeLessThan(archive.seq);
    expect(updated.version).toBe(2);
  });

  it('records account changes by the system and security admins with before → after, never a password hash', async () => {
    const sys = await server().as('system_admin');
    const sec = await server().as('security_admin');
    const username = `audited-${Date.now().toString(36)}`;
    const { id } = (await sys.post('/api/users', { username, displayName: '被审计的人', password: TEST_PASSWORD })).body;
    await sec.put(`/api/users/${id}/role`, { role: 'expert' });
    await sec.post(`/api/users/${id}/reset-password`, { newPassword: 'Reset#pass42' });
    await sec.put(`/api/users/${id}/enabled`, { enabled: false });
    await sys.delete(`/api/users/${id}`);

    const entries = (await entriesFor('user', id)).reverse();
    expect(entries.map((e) => [e.action, e.actorUsername, e.actorRole])).toEqual([
      ['user.create', FIXTURE_USERNAMES.system_admin, 'system_admin'],
      ['user.assignRole', FIXTURE_USERNAMES.security_admin, 'security_admin'],
      ['user.resetPassword', FIXTURE_USERNAMES.security_admin, 'security_admin'],
      ['user.disable', FIXTURE_USERNAMES.security_admin, 'security_admin'],
      ['user.delete', FIXTURE_USERNAMES.system_admin, 'system_admin'],
    ]);
    expect(entries[0].after).toMatchObject({ username, role: null });
    expect(entries[1]).toMatchObject({ before: { role: null }, after: { role: 'expert' } });
    expect(entries[3]).toMatchObject({ before: { enabled: true }, after: { enabled: false } });
    expect(entries[4]).toMatchObject({ before: { username }, after: null });
    expect(JSON.stringify(entries)).not.toMatch(/scrypt|passwordHash|Reset#pass42|Test@pass1/);

    await sec.put('/api/settings/security', { ...DEFAULT_SECURITY_SETTINGS, lockoutThreshold: 4 });
    await sec.put('/api/settings/security', DEFAULT_SECURITY_SETTINGS);
    const [restored, changed] = await entriesFor('setting', 'security');
    expect(changed).toMatchObject({
      action: 'settings.security',
      actorRole: 'security_admin',
      before: { lockoutThreshold: 5 },
      after: { lockoutThreshold: 4 },
    });
    expect(restored).toMatchObject({ before: { lockoutThreshold: 4 }, after: { lockoutThreshold: 5 } });
  });

  it('records logins, failed logins (known and unknown names) and logouts', async () => {
    const c = server().client();
    await c.login(FIXTURE_USERNAMES.expert, 'Wrong@pass1');
    await c.login('nobody-here', 'Wrong@pass1');
    await c.login(FIXTURE_USERNAMES.expert, TEST_PASSWORD);
    await c.post('/api/auth/logout');
    const recent = (await auditor.get('/api/audit?entityType=user&pageSize=4')).body.items.reverse();
    expect(recent.map((e: Json) => [e.action, e.actorUsername])).toEqual([
      ['auth.loginFailed', FIXTURE_USERNAMES.expert],
      ['auth.loginFailed', 'nobody-here'],
      ['auth.login', FIXTURE_USERNAMES.expert],
      ['auth.logout', FIXTURE_USERNAMES.expert],
    ]);
    expect(recent[0].after).toEqual({ failures: 1 });
    expect(recent[1].after).toEqual({ reason: 'unknownUser', failures: 1 });
    expect(recent[2].actorRole).toBe('expert');
    // the expert's failure count from this source is gone after the good login
    const attempts = await db().selectFrom('loginAttempt').selectAll().where('username', '=', FIXTURE_USERNAMES.expert).execute();
    expect(attempts).toEqual([]);
  });

  it('filters the log by action, actor and time, newest first', async () => {
    const all = (await auditor.get(`/api/audit?actor=${FIXTURE_USERNAMES.bureau_admin}&pageSize=200`)).body;
    expect(all.total).toBeGreaterThan(2);
    expect(all.items.every((e: Json) => e.actorUsername === FIXTURE_USERNAMES.bureau_admin)).toBe(true);
    expect(all.items.map((e: Json) => e.seq)).toEqual([...all.items.map((e: Json) => e.seq)].sort((a, b) => b - a));
    const creates = (await auditor.get('/api/audit?action=enterprise.create&pageSize=200')).body.items;
    expect(creates.length).toBeGreaterThan(0);
    expect(creates.every((e: Json) => e.action === 'enterprise.create')).toBe(true);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await auditor.get(`/api/audit?from=${future}`)).body.total).toBe(0);
    expect((await auditor.get(`/api/audit?to=${future}`)).body.total).toBe((await head()).seq);
    expectError(await auditor.get('/api/audit?from=yesterday'), 400, 'validation.format', 'from');
    // a leap second is a valid RFC 3339 date-time that JavaScript dates cannot hold
    expectError(await auditor.get('/api/audit?to=2016-12-31T23:59:60Z'), 400, 'validation.format', 'to');
  });

  it('lets only the audit admin read and verify the log', async () => {
    for (const role of [
      'bureau_admin',
      'district_officer',
      'enterprise_user',
      'service_provider',
      'expert',
      'system_admin',
      'security_admin',
    ] as Role[]) {
      const c = await server().as(role);
      expectError(await c.get('/api/audit'), 403, 'auth.forbidden');
      expectError(await c.get('/api/audit/verify'), 403, 'auth.forbidden');
    }
    const anonymous = server().client();
    expectError(await anonymous.get('/api/audit'), 401, 'auth.required');
    expectError(await anonymous.get('/api/audit/verify'), 401, 'auth.required');
    expect((await auditor.get('/api/audit')).status).toBe(200);
  });

  it('offers no way to change or delete the log through the API', async () => {
    const auditOps = (await listOperations(auditor)).filter((op) => op.path.startsWith('/api/audit'));
    expect(auditOps.length).toBeGreaterThan(0);
    expect(auditOps.filter((op) => op.method !== 'GET')).toEqual([]);
  });

  it('verifies an intact chain: every entry, in order, up to the head', async () => {
    const result = await verify();
    expect(result).toEqual({ ok: true, checked: (await head()).seq, firstBadSeq: null, problem: null, problemCount: 0, problems: [] });
    expect(result.checked).toBeGreaterThan(10);
  });

  // Each tampering test damages the chain, checks the report, then puts the row back exactly.
  it('finds an entry whose after_json was edited in the database', async () => {
    const e = await create(admin);
    const [entry] = await entriesFor('enterprise', e.id);
    const row = await db().selectFrom('auditLog').selectAll().where('seq', '=', entry.seq).executeTakeFirstOrThrow();
    await db()
      .updateTable('auditLog')
      .set({ afterJson: row.afterJson!.replace(e.name, '篡改后的名称') })
      .where('seq', '=', entry.seq)
      .execute();
    expect(await verify()).toMatchObject({
      ok: false,
      firstBadSeq: entry.seq,
      problem: 'altered',
      problems: [{ seq: entry.seq, kind: 'altered' }],
    });
    await db().updateTable('auditLog').set({ afterJson: row.afterJson }).where('seq', '=', entry.seq).execute();
    expect((await verify()).ok).toBe(true);
  });

  it('finds an entry deleted from the middle of the chain', async () => {
    const { seq: last } = await head();
    const middle = Math.floor(last / 2);
    const row = await db().selectFrom('auditLog').selectAll().where('seq', '=', middle).executeTakeFirstOrThrow();
    await db().deleteFrom('auditLog').where('seq', '=', middle).execute();
    expect(await verify()).toMatchObject({ ok: false, firstBadSeq: middle, problem: 'missing' });
    await db().insertInto('auditLog').values(row).execute();
    expect((await verify()).ok).toBe(true);
  });

  it('finds the last entry deleted', async () => {
    await create(admin);
    const { seq: last } = await head();
    const row = await db().selectFrom('auditLog').selectAll().where('seq', '=', last).executeTakeFirstOrThrow();
    await db().deleteFrom('auditLog').where('seq', '=', last).execute();
    expect(await verify()).toMatchObject({
      ok: false,
      firstBadSeq: last,
      problem: 'missing',
      problems: [{ seq: last, toSeq: last, kind: 'missing' }],
    });
    await db().insertInto('auditLog').values(row).execute();
    expect((await verify()).ok).toBe(true);
  });

  it('finds a forged entry inserted at the end, even with the head moved to match', async () => {
    const before = await head();
    const forged = {
      seq: before.seq + 1,
      at: new Date().toISOString(),
      actorUserId: null,
      actorUsername: FIXTURE_USERNAMES.bureau_admin,
      actorRole: 'bureau_admin',
      action: 'enterprise.archive',
      entityType: 'enterprise',
      entityId: '1',
      beforeJson: null,
      afterJson: '{"archived":true}',
      ip: '10.0.0.1',
      prevHash: before.hash,
      hash: 'f'.repeat(64),
    };
    await db().insertInto('auditLog').values(forged).execute();
    expect(await verify()).toMatchObject({ ok: false, firstBadSeq: forged.seq, problem: 'altered' });
    await db().updateTable('auditHead').set({ seq: forged.seq, hash: forged.hash }).execute();
    expect(await verify()).toMatchObject({ ok: false, firstBadSeq: forged.seq, problem: 'altered' });
    await db().deleteFrom('auditLog').where('seq', '=', forged.seq).execute();
    await db().updateTable('auditHead').set(before).execute();
    expect((await verify()).ok).toBe(true);
  });

  it('finds a forged entry put in place of a real one', async () => {
    const { seq: last } = await head();
    const target = Math.max(1, last - 3);
    const row = await db().selectFrom('auditLog').selectAll().where('seq', '=', target).executeTakeFirstOrThrow();
    await db().deleteFrom('auditLog').where('seq', '=', target).execute();
    await db()
      .insertInto('auditLog')
      .values({ ...row, actorUsername: 'someone-else' })
      .execute();
    expect(await verify()).toMatchObject({ ok: false, firstBadSeq: target, problem: 'altered' });
    await db().deleteFrom('auditLog').where('seq', '=', target).execute();
    await db().insertInto('auditLog').values(row).execute();
    expect((await verify()).ok).toBe(true);
  });

  it('reports every bad entry and goes on past each one, so one bad row hides nothing after it', async () => {
    for (let i = 0; i < 3; i++) await create(admin);
    const { seq: last } = await head();
    const [edited, deleted, forged] = [last - 6, last - 4, last - 1];
    const rows = await db().selectFrom('auditLog').selectAll().where('seq', 'in', [edited, deleted, forged]).orderBy('seq').execute();
    await db().updateTable('auditLog').set({ action: 'tampered' }).where('seq', '=', edited).execute();
    await db().deleteFrom('auditLog').where('seq', '=', deleted).execute();
    await db().updateTable('auditLog').set({ ip: '10.9.9.9' }).where('seq', '=', forged).execute();
    const result = await verify();
    expect(result).toMatchObject({ ok: false, firstBadSeq: edited, problem: 'altered', problemCount: 3, checked: last - 1 });
    expect(result.problems).toEqual([
      { seq: edited, kind: 'altered' },
      { seq: deleted, toSeq: deleted, kind: 'missing' },
      { seq: forged, kind: 'altered' },
    ]);
    for (const row of rows) {
      await db().deleteFrom('auditLog').where('seq', '=', row.seq).execute();
      await db().insertInto('auditLog').values(row).execute();
    }
    expect((await verify()).ok).toBe(true);
  });

  it('hashes text as it is stored: an entry written with a lone surrogate verifies', async () => {
    const ctx = server().ctx;
    await ctx.db
      .transaction()
      .execute((tx) =>
        ctx.audit.append(
          tx,
          { userId: null, username: 'lone\ud800', role: null, ip: '127.0.0.1' },
          { action: 'auth.loginFailed', entityType: 'user', entityId: '\udfff', after: { note: '\ud800' } },
        ),
      );
    const row = await db().selectFrom('auditLog').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(row.actorUsername).toBe('lone\ufffd');
    expect(await verify()).toMatchObject({ ok: true, problemCount: 0 });
  });

  it('refuses a login whose username is not well-formed Unicode with 400 naming the field, and the chain still verifies', async () => {
    const res = await server().client().post('/api/auth/login', { username: 'x\ud800', password: 'whatever' });
    expectError(res, 400, 'validation.malformedText', 'username');
    expect((await verify()).ok).toBe(true);
  });

  it('keeps a valid, gap-free chain under parallel changes from several clients', async () => {
    // (each account may hold three sessions: two more bureau logins would end `admin`'s)
    const clients = [
      admin,
      await server().as('district_officer'),
      await server().as('bureau_admin'),
      await server().as('district_officer'),
    ];
    const targets = await Promise.all(Array.from({ length: 6 }, () => create(admin)));
    const { seq: start } = await head();
    const results = await Promise.all([
      // 10 registrations, 6 updates of different enterprises, 4 racing updates of one enterprise
      ...Array.from({ length: 10 }, (_, i) => clients[i % clients.length]!.post('/api/enterprises', enterpriseInput({}, serial++))),
      ...targets.map((t, i) => clients[i % 3]!.put(`/api/enterprises/${t.id}`, forUpdate(t, { mainProducts: `并发修改${i}` }))),
      ...Array.from({ length: 4 }, (_, i) =>
        clients[i]!.put(`/api/enterprises/${targets[0]!.id}`, forUpdate(targets[0]!, { address: `抢先${i}` })),
      ),
    ]);
    const ok = results.filter((r) => r.status === 200).length;
    expect(results.map((r) => r.status).filter((s) => s !== 200 && s !== 409)).toEqual([]);
    expect(ok).toBe(16); // exactly one of the five saves of targets[0] (all from version 1) wins
    const { seq: end } = await head();
    expect(end - start).toBe(ok);
    const seqs = (await db().selectFrom('auditLog').select('seq').orderBy('seq').execute()).map((r) => r.seq);
    expect(seqs).toEqual(Array.from({ length: end }, (_, i) => i + 1));
    expect(await verify()).toEqual({ ok: true, checked: end, firstBadSeq: null, problem: null, problemCount: 0, problems: [] });
  });

  it('writes no entry for a change that fails', async () => {
    const e = await create(admin);
    expect((await admin.put(`/api/enterprises/${e.id}`, forUpdate(e, { mainProducts: '第一次' }))).status).toBe(200);
    const { seq } = await head();
    expectError(await admin.put(`/api/enterprises/${e.id}`, forUpdate(e, { mainProducts: '过期版本' })), 409, 'enterprise.versionConflict');
    expectError(
      await admin.post('/api/enterprises', enterpriseInput({ creditCode: e.creditCode }, serial++)),
      409,
      'enterprise.creditCodeTaken',
    );
    expectError(await admin.post('/api/enterprises', enterpriseInput({ name: '' }, serial++)), 400, 'enterprise.required');
    expect((await head()).seq).toBe(seq);
    expect((await entriesFor('enterprise', e.id)).map((x) => x.action)).toEqual(['enterprise.update', 'enterprise.create']);
  });

  it('makes no change when its audit entry cannot be written: one transaction for both', async () => {
    const e = await create(admin);
    const { seq } = await head();
    await sql`alter table audit_log rename to audit_log_offline`.execute(db());
    try {
      const res = await admin.put(`/api/enterprises/${e.id}`, forUpdate(e, { name: '无审计的修改' }));
      expectError(res, 500, 'server.internal');
    } finally {
      await sql`alter table audit_log_offline rename to audit_log`.execute(db());
    }
    expect((await admin.get(`/api/enterprises/${e.id}`)).body).toMatchObject({ name: e.name, version: 1 });
    expect((await head()).seq).toBe(seq);
    expect((await verify()).ok).toBe(true);
  });
});
