import { DEFAULT_SECURITY_SETTINGS, formatMessage, SEPARATED_ADMIN_ROLES, type Role, type SecuritySettings } from '@zhizao/domain';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { expectError } from '../../../test/expect.ts';
import { describeEachDatabase, FIXTURE_USERNAMES, TEST_PASSWORD, type TestClient, type TestResponse } from '../../../test/harness.ts';
import { createUser } from './users.service.ts';

// 三员分立 (gov-it.md §1): the system admin creates and deletes accounts, the security admin gives them
// rights and guards their passwords, and neither does the other's job.
let serial = 0;

describeEachDatabase('accounts and the separation of admin duties', (server) => {
  let sys: TestClient;
  let sec: TestClient;

  beforeAll(async () => {
    sys = await server().as('system_admin');
    sec = await server().as('security_admin');
  });

  // Settings are global to the server: every test leaves the defaults behind.
  afterEach(async () => {
    if (JSON.stringify(server().ctx.settings.securitySettings) !== JSON.stringify(DEFAULT_SECURITY_SETTINGS)) {
      expect((await sec.put('/api/settings/security', DEFAULT_SECURITY_SETTINGS)).status).toBe(200);
    }
  });

  /** A new account made the 三员 way: the system admin creates it, the security admin gives it a role. */
  async function account(role: Role | null = 'expert', scope: { districtCode?: string; enterpriseId?: number } = {}) {
    const username = `u${++serial}-${Date.now().toString(36)}`;
    const created = await sys.post('/api/users', { username, displayName: `测试用户${serial}`, password: TEST_PASSWORD });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    if (role) expect((await sec.put(`/api/users/${created.body.id}/role`, { role, ...scope })).status).toBe(200);
    return { id: created.body.id as number, username };
  }
  async function loggedIn(username: string, password = TEST_PASSWORD) {
    const c = server().client();
    const res = await c.login(username, password);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return c;
  }
  const ownId = async (c: TestClient) => (await c.get('/api/auth/me')).body.user.id as number;
  const saveSettings = (changes: Partial<SecuritySettings>) =>
    sec.put('/api/settings/security', { ...DEFAULT_SECURITY_SETTINGS, ...changes });

  // ── system admin ─────────────────────────────────────────────────────────────────────────────
  it('lets the system admin create an account, which has no role and cannot log in yet (403 auth.noRole)', async () => {
    const username = `new-${Date.now().toString(36)}`;
    const res = await sys.post('/api/users', { username, displayName: '新用户', password: TEST_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ username, role: null, districtCode: null, enterpriseId: null, enabled: true, locked: false });
    expect(res.body).not.toHaveProperty('passwordHash');
    const login = await server().client().login(username, TEST_PASSWORD);
    expectError(login, 403, 'auth.noRole');
    expect(login.body.error.message).toBe('账号尚未分配角色，请联系安全管理员');
  });

  it('does not let the system admin give a role while creating an account', async () => {
    const res = await sys.post('/api/users', {
      username: `r-${Date.now().toString(36)}`,
      displayName: '带角色',
      password: TEST_PASSWORD,
      role: 'bureau_admin',
    });
    expectError(res, 400, 'validation.additionalProperties', 'role');
  });

  it('refuses a username that is taken (409) and a weak first password (400 naming the field)', async () => {
    expectError(
      await sys.post('/api/users', { username: FIXTURE_USERNAMES.expert, displayName: '重名', password: TEST_PASSWORD }),
      409,
      'user.usernameTaken',
      'username',
    );
    expectError(
      await sys.post('/api/users', { username: `w-${Date.now().toString(36)}`, displayName: '弱密码', password: 'Ab1!' }),
      400,
      'password.tooShort',
      'password',
    );
  });

  it('answers parallel creations of one username with one account and 409s, never 500', async () => {
    const username = `p-${Date.now().toString(36)}`;
    const results = await Promise.all(
      Array.from({ length: 4 }, () => sys.post('/api/users', { username, displayName: '并发', password: TEST_PASSWORD })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    for (const r of results.filter((r) => r.status === 409)) expectError(r, 409, 'user.usernameTaken', 'username');
    expect((await sys.get(`/api/users?q=${username}`)).body.total).toBe(1);
  });

  it('refuses the system admin every rights operation and the audit log (403)', async () => {
    const { id } = await account(null);
    expectError(await sys.put(`/api/users/${id}/role`, { role: 'expert' }), 403, 'auth.forbidden');
    expectError(await sys.post(`/api/users/${id}/reset-password`, { newPassword: 'New@pass123' }), 403, 'auth.forbidden');
    expectError(await sys.put(`/api/users/${id}/enabled`, { enabled: false }), 403, 'auth.forbidden');
    expectError(await sys.post(`/api/users/${id}/unlock`), 403, 'auth.forbidden');
    expectError(await sys.get('/api/settings/security'), 403, 'auth.forbidden');
    expectError(await sys.put('/api/settings/security', DEFAULT_SECURITY_SETTINGS), 403, 'auth.forbidden');
    expectError(await sys.get('/api/audit'), 403, 'auth.forbidden');
    expectError(await sys.get('/api/audit/verify'), 403, 'auth.forbidden');
  });

  it('lets the system admin delete an account, which then cannot log in', async () => {
    const { id, username } = await account('expert');
    expect((await sys.delete(`/api/users/${id}`)).body).toEqual({ ok: true });
    expectError(await server().client().login(username, TEST_PASSWORD), 401, 'auth.badCredentials');
    expect((await sys.get(`/api/users?q=${username}`)).body.total).toBe(0);
    expectError(await sys.delete(`/api/users/${id}`), 404, 'user.notFound');
  });

  // ── security admin ───────────────────────────────────────────────────────────────────────────
  it('lets the security admin assign a role, after which the account logs in with it', async () => {
    const { id, username } = await account(null);
    const res = await sec.put(`/api/users/${id}/role`, { role: 'service_provider' });
    expect(res.status).toBe(200);
    expect(res.body.role).toBe('service_provider');
    const me = await (await loggedIn(username)).get('/api/auth/me');
    expect(me.body.user.role).toBe('service_provider');
    expect(me.body.permissions).toContain('registry.read');
    expect(me.body.permissions).not.toContain('registry.create');
  });

  it('requires a district for a district officer and an enterprise for an enterprise user (400 user.scopeRequired)', async () => {
    const { id } = await account(null);
    const noDistrict = await sec.put(`/api/users/${id}/role`, { role: 'district_officer' });
    expectError(noDistrict, 400, 'user.scopeRequired', 'districtCode');
    expect(noDistrict.body.error.message).toBe('该角色需要指定「所属区市」');
    expectError(
      await sec.put(`/api/users/${id}/role`, { role: 'enterprise_user', districtCode: '371002' }),
      400,
      'user.scopeRequired',
      'enterpriseId',
    );
    expect((await sys.get(`/api/users?q=u${serial}-`)).body.items[0].role).toBeNull();
  });

  it('refuses a scope that does not exist (400), not a database error', async () => {
    const { id } = await account(null);
    expectError(
      await sec.put(`/api/users/${id}/role`, { role: 'district_officer', districtCode: '999999' }),
      400,
      'enterprise.unknownDistrict',
      'districtCode',
    );
    expectError(
      await sec.put(`/api/users/${id}/role`, { role: 'enterprise_user', enterpriseId: 2000000000 }),
      400,
      'enterprise.notFound',
      'enterpriseId',
    );
    expectError(
      await sec.put(`/api/users/${id}/role`, { role: 'enterprise_user', enterpriseId: 99999999999 }),
      400,
      'validation.maximum',
      'enterpriseId',
    );
  });

  it('gives a district officer exactly its district and drops a scope the role does not use', async () => {
    const officer = await account('district_officer', { districtCode: '371003' });
    const c = await loggedIn(officer.username);
    expect((await c.get(`/api/enterprises/${server().enterprises.wendeng}`)).body.canEdit).toBe(true);
    expect((await c.get(`/api/enterprises/${server().enterprises.huancui}`)).body.canEdit).toBe(false);
    const expert = await sec.put(`/api/users/${officer.id}/role`, {
      role: 'expert',
      districtCode: '371003',
      enterpriseId: server().enterprises.wendeng,
    });
    expect(expert.body).toMatchObject({ role: 'expert', districtCode: null, enterpriseId: null });
  });

  it('ends the account’s sessions when its role changes', async () => {
    const { id, username } = await account('expert');
    const c = await loggedIn(username);
    await sec.put(`/api/users/${id}/role`, { role: 'service_provider' });
    expectError(await c.get('/api/auth/me'), 401, 'auth.sessionExpired');
  });

  it('refuses the security admin creating or deleting accounts (403)', async () => {
    const { id } = await account('expert');
    expectError(
      await sec.post('/api/users', { username: `s-${Date.now().toString(36)}`, displayName: '越权', password: TEST_PASSWORD }),
      403,
      'auth.forbidden',
    );
    expectError(await sec.delete(`/api/users/${id}`), 403, 'auth.forbidden');
  });

  it('resets a password only to one the policy accepts, naming the field', async () => {
    const username = `Pw.Tester${++serial}`;
    const created = await sys.post('/api/users', { username, displayName: '改密测试', password: TEST_PASSWORD });
    await sec.put(`/api/users/${created.body.id}/role`, { role: 'expert' });
    const reset = (newPassword: string) => sec.post(`/api/users/${created.body.id}/reset-password`, { newPassword });
    const short = await reset('Ab1!x');
    expectError(short, 400, 'password.tooShort', 'newPassword');
    expect(short.body.error.message).toBe('密码至少 8 位');
    expectError(await reset('abcdefghijk'), 400, 'password.tooFewClasses', 'newPassword');
    expectError(await reset(username), 400, 'password.equalsUsername', 'newPassword');
    expectError(await reset(username.toLowerCase()), 400, 'password.equalsUsername', 'newPassword');

    const c = await loggedIn(username);
    expect((await reset('Fresh#pass42')).status).toBe(200);
    expectError(await c.get('/api/auth/me'), 401, 'auth.sessionExpired');
    expectError(await server().client().login(username, TEST_PASSWORD), 401, 'auth.badCredentials');
    await loggedIn(username, 'Fresh#pass42');
  });

  it('disables an account, ending its sessions at once, and enables it again', async () => {
    const { id, username } = await account('expert');
    const c = await loggedIn(username);
    const disabled = await sec.put(`/api/users/${id}/enabled`, { enabled: false });
    expect(disabled.body.enabled).toBe(false);
    expectError(await c.get('/api/enterprises'), 401, 'auth.sessionExpired');
    expectError(await server().client().login(username, TEST_PASSWORD), 403, 'auth.disabled');
    expect((await sec.put(`/api/users/${id}/enabled`, { enabled: true })).body.enabled).toBe(true);
    await loggedIn(username);
  });

  it('unlocks a locked-out account', async () => {
    const { id, username } = await account('expert');
    const c = server().client();
    for (let i = 0; i < DEFAULT_SECURITY_SETTINGS.lockoutThreshold - 1; i++)
      expectError(await c.login(username, 'Wrong@pass1'), 401, 'auth.badCredentials');
    expectError(await c.login(username, 'Wrong@pass1'), 423, 'auth.locked');
    expectError(await c.login(username, TEST_PASSWORD), 423, 'auth.locked');
    expect((await sys.get(`/api/users?q=${username}`)).body.items[0].locked).toBe(true);
    const unlocked = await sec.post(`/api/users/${id}/unlock`);
    expect(unlocked.body.locked).toBe(false);
    await loggedIn(username);
  });

  it('lets nobody change their own role or status, reset their own password or delete themselves', async () => {
    const me = await ownId(sec);
    expectError(await sec.put(`/api/users/${me}/role`, { role: 'bureau_admin' }), 403, 'user.cannotChangeSelf');
    expectError(await sec.put(`/api/users/${me}/enabled`, { enabled: false }), 403, 'user.cannotChangeSelf');
    expectError(await sec.post(`/api/users/${me}/reset-password`, { newPassword: 'Other#pass42' }), 403, 'user.cannotChangeSelf');
    expectError(await sec.post(`/api/users/${me}/unlock`), 403, 'user.cannotChangeSelf');
    expectError(await sys.delete(`/api/users/${await ownId(sys)}`), 403, 'user.cannotChangeSelf');
    expect((await sec.get('/api/auth/me')).body.user).toMatchObject({ role: 'security_admin', enabled: true });
  });

  it('keeps account management from every other role', async () => {
    const { id } = await account('expert');
    for (const role of ['bureau_admin', 'district_officer', 'enterprise_user', 'audit_admin'] as const) {
      const c = await server().as(role);
      expectError(await c.get('/api/users'), 403, 'auth.forbidden');
      expectError(await c.post('/api/users', { username: `x-${role}`, displayName: 'x', password: TEST_PASSWORD }), 403, 'auth.forbidden');
      expectError(await c.put(`/api/users/${id}/role`, { role: 'bureau_admin' }), 403, 'auth.forbidden');
      expectError(await c.put(`/api/users/${id}/enabled`, { enabled: false }), 403, 'auth.forbidden');
      expectError(await c.get('/api/settings/security'), 403, 'auth.forbidden');
    }
    expectError(await server().client().get('/api/users'), 401, 'auth.required');
  });

  it('lists accounts for the system and security admins, never with a password hash', async () => {
    for (const c of [sys, sec]) {
      const res = await c.get(`/api/users?role=security_admin`);
      expect(res.status).toBe(200);
      expect(res.body.items.map((u: { username: string }) => u.username)).toContain(FIXTURE_USERNAMES.security_admin);
      expect(res.body.items.every((u: { role: string }) => u.role === 'security_admin')).toBe(true);
      expect(JSON.stringify(res.body)).not.toMatch(/scrypt|passwordHash/);
    }
  });

  // ── the three administrators cannot touch one another (三员分立) ──────────────────────────────
  /** One of the three, made the only way there is: as the command line (npm run create-admin) does. */
  async function separatedAdmin(role: Role) {
    const username = `adm${++serial}-${Date.now().toString(36)}`;
    const cli = { userId: null, username: 'cli', role: null, ip: null };
    const { id } = await createUser(server().ctx, cli, { username, displayName: `三员${serial}`, password: TEST_PASSWORD, role });
    return { id, username };
  }
  const separatedRefusal = (res: TestResponse, field?: string) => {
    expectError(res, 403, 'user.separatedAdminViaCli', field);
    expect(res.body.error.message).toContain('npm run users:reset-password');
  };

  it('refuses the security admin resetting, disabling, enabling or re-roling any of the three administrators', async () => {
    for (const role of SEPARATED_ADMIN_ROLES) {
      const target = await separatedAdmin(role);
      const session = await loggedIn(target.username);
      separatedRefusal(await sec.post(`/api/users/${target.id}/reset-password`, { newPassword: 'Taken#over42' }));
      separatedRefusal(await sec.put(`/api/users/${target.id}/enabled`, { enabled: false }));
      separatedRefusal(await sec.put(`/api/users/${target.id}/enabled`, { enabled: true }));
      separatedRefusal(await sec.put(`/api/users/${target.id}/role`, { role: 'expert' }));
      separatedRefusal(await sec.put(`/api/users/${target.id}/role`, { role: 'bureau_admin' }));
      // nothing changed: the same password, role and session, and no change in the audit log
      expect((await session.get('/api/auth/me')).body.user).toMatchObject({ role, enabled: true });
      expectError(await server().client().login(target.username, 'Taken#over42'), 401, 'auth.badCredentials');
      await loggedIn(target.username);
      const audit = await (await server().as('audit_admin')).get(`/api/audit?entityType=user&entityId=${target.id}`);
      const changes = audit.body.items.map((e: { action: string }) => e.action).filter((a: string) => a.startsWith('user.'));
      expect(changes).toEqual(['user.create']);
    }
  });

  it('refuses the system admin deleting any of the three administrators', async () => {
    for (const role of SEPARATED_ADMIN_ROLES) {
      const target = await separatedAdmin(role);
      separatedRefusal(await sys.delete(`/api/users/${target.id}`));
      await loggedIn(target.username);
    }
    // the case: the fixture audit admin survives the fixture system admin
    const auditAdmin = (await sys.get(`/api/users?q=${FIXTURE_USERNAMES.audit_admin}`)).body.items[0];
    separatedRefusal(await sys.delete(`/api/users/${auditAdmin.id}`));
    separatedRefusal(await sec.post(`/api/users/${auditAdmin.id}/reset-password`, { newPassword: 'Taken#over42' }));
    expect((await (await server().as('audit_admin')).get('/api/audit/verify')).status).toBe(200);
  });

  it('refuses making an ordinary account one of the three administrators, naming the role', async () => {
    const { id, username } = await account('expert');
    for (const role of SEPARATED_ADMIN_ROLES) separatedRefusal(await sec.put(`/api/users/${id}/role`, { role }), 'role');
    const refused = await sec.request('PUT', `/api/users/${id}/role`, { role: 'audit_admin' }, { 'accept-language': 'en' });
    expect(refused.body.error.message).toBe(formatMessage('user.separatedAdminViaCli', 'en'));
    expect((await (await loggedIn(username)).get('/api/auth/me')).body.user.role).toBe('expert');
  });

  it('still lets the administrators manage ordinary accounts, the bureau admin’s included', async () => {
    const { id, username } = await account('bureau_admin');
    expect((await sec.put(`/api/users/${id}/role`, { role: 'expert' })).body.role).toBe('expert');
    expect((await sec.put(`/api/users/${id}/role`, { role: 'bureau_admin' })).body.role).toBe('bureau_admin');
    expect((await sec.post(`/api/users/${id}/reset-password`, { newPassword: 'Fresh#pass42' })).status).toBe(200);
    await loggedIn(username, 'Fresh#pass42');
    expect((await sec.put(`/api/users/${id}/enabled`, { enabled: false })).body.enabled).toBe(false);
    expect((await sec.put(`/api/users/${id}/enabled`, { enabled: true })).body.enabled).toBe(true);
    expect((await sys.delete(`/api/users/${id}`)).body).toEqual({ ok: true });
  });

  it('lets the security admin unlock a locked-out administrator, which gives nobody its rights', async () => {
    const target = await separatedAdmin('audit_admin');
    const c = server().client();
    for (let i = 0; i < DEFAULT_SECURITY_SETTINGS.lockoutThreshold; i++) await c.login(target.username, 'Wrong@pass1');
    expectError(await c.login(target.username, TEST_PASSWORD), 423, 'auth.locked');
    expect((await sec.post(`/api/users/${target.id}/unlock`)).body.locked).toBe(false);
    await loggedIn(target.username);
  });

  // ── the user's own password ──────────────────────────────────────────────────────────────────
  it('ends a user’s other sessions when they change their password, and keeps the one they used', async () => {
    const { username } = await account('expert');
    const here = await loggedIn(username);
    const elsewhere = await loggedIn(username);
    expectError(
      await here.post('/api/auth/password', { currentPassword: 'Wrong@pass1', newPassword: 'Mine#pass42' }),
      400,
      'auth.wrongCurrentPassword',
      'currentPassword',
    );
    expectError(
      await here.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'short' }),
      400,
      'password.tooShort',
      'newPassword',
    );
    expect((await elsewhere.get('/api/auth/me')).status).toBe(200);
    expect((await here.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'Mine#pass42' })).status).toBe(200);
    expectError(await elsewhere.get('/api/auth/me'), 401, 'auth.sessionExpired');
    expect((await here.get('/api/auth/me')).status).toBe(200);
    await loggedIn(username, 'Mine#pass42');
  });

  // ── security settings ────────────────────────────────────────────────────────────────────────
  it('shows the security settings with their floor, and never goes below it', async () => {
    const res = await sec.get('/api/settings/security');
    expect(res.body).toMatchObject({ settings: DEFAULT_SECURITY_SETTINGS, floor: { passwordMinLength: 8, passwordMinClasses: 3 } });
    expectError(await saveSettings({ passwordMinLength: 6 }), 400, 'validation.minimum', 'passwordMinLength');
    expectError(await saveSettings({ passwordMinClasses: 2 }), 400, 'validation.minimum', 'passwordMinClasses');
    expectError(await saveSettings({ idleTimeoutMinutes: 31 }), 400, 'validation.maximum', 'idleTimeoutMinutes');
    const { lockoutMinutes: _dropped, ...partial } = DEFAULT_SECURITY_SETTINGS;
    expectError(await sec.put('/api/settings/security', partial), 400, 'validation.required', 'lockoutMinutes');
    expect((await sec.get('/api/settings/security')).body.settings).toEqual(DEFAULT_SECURITY_SETTINGS);
  });

  it('applies a longer minimum password length at once', async () => {
    const { id } = await account('expert');
    expect((await saveSettings({ passwordMinLength: 12 })).status).toBe(200);
    const res = await sec.post(`/api/users/${id}/reset-password`, { newPassword: 'Ten#chars1' });
    expectError(res, 400, 'password.tooShort', 'newPassword');
    expect(res.body.error.message).toBe('密码至少 12 位');
    expect((await sec.post(`/api/users/${id}/reset-password`, { newPassword: 'Twelve#chars' })).status).toBe(200);
  });

  it('applies a lower lock-out threshold at once', async () => {
    const { username } = await account('expert');
    expect((await saveSettings({ lockoutThreshold: 3 })).status).toBe(200);
    const c = server().client();
    expectError(await c.login(username, 'Wrong@pass1'), 401, 'auth.badCredentials');
    expectError(await c.login(username, 'Wrong@pass1'), 401, 'auth.badCredentials');
    expectError(await c.login(username, 'Wrong@pass1'), 423, 'auth.locked');
  });

  it('applies a shorter idle timeout at once', async () => {
    const { id, username } = await account('expert');
    const c = await loggedIn(username);
    const idleFor = async (minutes: number) =>
      server()
        .ctx.db.updateTable('userSession')
        .set({ lastSeenAt: new Date(Date.now() - minutes * 60_000).toISOString() })
        .where('userId', '=', id)
        .execute();
    await idleFor(6);
    expect((await c.get('/api/auth/me')).status).toBe(200); // 6 minutes is within the default 15
    expect((await saveSettings({ idleTimeoutMinutes: 5 })).status).toBe(200);
    expect((await c.get('/api/auth/me')).body.idleTimeoutMinutes).toBe(5);
    await idleFor(6);
    expectError(await c.get('/api/auth/me'), 401, 'auth.sessionExpired');
  });

  it('ends the oldest session when a login goes past the concurrent-session limit', async () => {
    const { username } = await account('expert');
    expect((await saveSettings({ maxConcurrentSessions: 2 })).status).toBe(200);
    const first = await loggedIn(username);
    const second = await loggedIn(username);
    expect((await first.get('/api/auth/me')).status).toBe(200);
    const third = await loggedIn(username);
    expectError(await first.get('/api/auth/me'), 401, 'auth.sessionExpired');
    expect((await second.get('/api/auth/me')).status).toBe(200);
    expect((await third.get('/api/auth/me')).status).toBe(200);
  });

  it('keeps the security settings from every other role', async () => {
    for (const role of ['bureau_admin', 'audit_admin'] as const) {
      expectError(
        await (await server().as(role)).put('/api/settings/security', { ...DEFAULT_SECURITY_SETTINGS, passwordMinLength: 20 }),
        403,
        'auth.forbidden',
      );
    }
    expect(server().ctx.settings.securitySettings).toEqual(DEFAULT_SECURITY_SETTINGS);
  });

  it('sends an account whose password is older than the policy allows to change it, and nowhere else', async () => {
    const { id, username } = await account('expert');
    await server()
      .ctx.db.updateTable('appUser')
      .set({ passwordChangedAt: new Date(Date.now() - 91 * 86_400_000).toISOString() })
      .where('id', '=', id)
      .execute();
    const c = await loggedIn(username);
    expect((await c.get('/api/auth/me')).body.passwordExpired).toBe(true);
    expectError(await c.get('/api/enterprises'), 403, 'auth.passwordExpired');
    expectError(
      await c.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD }),
      400,
      'password.sameAsCurrent',
      'newPassword',
    );
    expect((await c.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'Renewed#pass9' })).status).toBe(200);
    expect((await c.get('/api/auth/me')).body.passwordExpired).toBe(false);
    expect((await c.get('/api/enterprises')).status).toBe(200);
  });

  it('applies a shorter password age at once', async () => {
    const { id, username } = await account('expert');
    await server()
      .ctx.db.updateTable('appUser')
      .set({ passwordChangedAt: new Date(Date.now() - 10 * 86_400_000).toISOString() })
      .where('id', '=', id)
      .execute();
    const c = await loggedIn(username);
    expect((await c.get('/api/enterprises')).status).toBe(200);
    expect((await saveSettings({ passwordMaxAgeDays: 7 })).status).toBe(200);
    expectError(await c.get('/api/enterprises'), 403, 'auth.passwordExpired');
    expectError(await saveSettings({ passwordMaxAgeDays: 91 }), 400, 'validation.maximum', 'passwordMaxAgeDays');
  });

  it('lets the security admin pick an enterprise by name for an enterprise user, seeing nothing private', async () => {
    const res = await sec.get(`/api/users/enterprise-options?q=${encodeURIComponent('文登')}`);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      { id: server().enterprises.wendeng, name: '文登测试纺织有限公司', creditCode: expect.any(String), districtCode: '371003' },
    ]);
    for (const role of ['system_admin', 'audit_admin', 'expert', 'enterprise_user'] as const) {
      expectError(await (await server().as(role)).get('/api/users/enterprise-options'), 403, 'auth.forbidden');
    }
  });
});
