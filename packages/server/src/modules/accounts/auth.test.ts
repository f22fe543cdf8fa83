import { describe, expect, it } from 'vitest';
import { describeEachDatabase, FIXTURE_USERNAMES, TEST_PASSWORD } from '../../../test/harness.ts';

describeEachDatabase('authentication and sessions', (server) => {
  it('logs in, reads /me with the session cookie, and logs out', async () => {
    const c = server().client();
    const login = await c.login(FIXTURE_USERNAMES.bureau_admin, TEST_PASSWORD);
    expect(login.status).toBe(200);
    expect(login.body.user.role).toBe('bureau_admin');
    expect(login.body.user).not.toHaveProperty('passwordHash');
    expect(login.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    expect(login.headers.get('set-cookie')).toMatch(/SameSite=Strict/i);
    expect((await c.get('/api/auth/me')).status).toBe(200);
    expect((await c.post('/api/auth/logout')).status).toBe(200);
    const after = await c.get('/api/auth/me');
    expect(after.status).toBe(401);
  });

  it('refuses a wrong password with a message in the caller’s language', async () => {
    const c = server().client();
    const zh = await c.login(FIXTURE_USERNAMES.expert, 'Wrong@pass1');
    expect(zh.status).toBe(401);
    expect(zh.body.error).toEqual({ code: 'auth.badCredentials', message: '用户名或密码错误' });
    c.language = 'en';
    const en = await c.login('nobody-at-all', 'Wrong@pass1');
    expect(en.body.error.message).toBe('Wrong username or password');
  });

  it('locks an account after five failures, even for the right password', async () => {
    const c = server().client();
    for (let i = 0; i < 4; i++) expect((await c.login(FIXTURE_USERNAMES.service_provider, 'Wrong@pass1')).status).toBe(401);
    const fifth = await c.login(FIXTURE_USERNAMES.service_provider, 'Wrong@pass1');
    expect(fifth.status).toBe(423);
    expect(fifth.body.error.code).toBe('auth.locked');
    expect((await c.login(FIXTURE_USERNAMES.service_provider, TEST_PASSWORD)).status).toBe(423);
    // the security admin unlocks it
    const sec = await server().as('security_admin');
    const users = await sec.get(`/api/users?q=${FIXTURE_USERNAMES.service_provider}`);
    const id = users.body.items[0].id;
    expect(users.body.items[0].locked).toBe(true);
    expect((await sec.post(`/api/users/${id}/unlock`)).status).toBe(200);
    expect((await c.login(FIXTURE_USERNAMES.service_provider, TEST_PASSWORD)).status).toBe(200);
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const c = await server().as('bureau_admin');
    const res = await c.request('POST', `/api/enterprises/${server().enterprises.wendeng}/archive`, {}, { 'x-csrf-token': 'forged' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('auth.csrf');
  });

  it('ends a session that has been idle longer than the timeout', async () => {
    const c = await server().as('expert');
    await server()
      .ctx.db.updateTable('userSession')
      .set({ lastSeenAt: new Date(Date.now() - 16 * 60_000).toISOString() })
      .execute();
    const res = await c.get('/api/auth/me');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('auth.sessionExpired');
  });
});

describe('harness', () => {
  it('has a fixture account for every role', () => expect(Object.keys(FIXTURE_USERNAMES)).toHaveLength(8));
});
