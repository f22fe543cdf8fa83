import { expect, it } from 'vitest';
import { expectError } from '../../../test/expect.ts';
import { describeEachDatabase, TEST_PASSWORD, type TestResponse, type TestServer } from '../../../test/harness.ts';
import { createUser } from './users.service.ts';

// Login failures are counted per (username, source), before the password is checked, in one atomic statement:
// parallel guesses cannot outrun the lock, a stranger cannot lock an administrator out from elsewhere, and a
// username that does not exist is answered exactly like one that does. A trusted proxy's X-Forwarded-For gives
// each request the source it names.

let sources = 0;
const nextSource = () => `198.51.100.${++sources}`;
let accounts = 0;

async function newAccount(server: TestServer): Promise<string> {
  const username = `guarded-${++accounts}`;
  const fixture = { userId: null, username: 'test-fixture', role: null, ip: null };
  await createUser(server.ctx, fixture, { username, displayName: '锁定测试', password: TEST_PASSWORD, role: 'expert' });
  return username;
}

function loginFrom(server: TestServer, source: string, username: string, password: string): Promise<TestResponse> {
  return server.client().request('POST', '/api/auth/login', { username, password }, { 'x-forwarded-for': source });
}

const count = (responses: TestResponse[], status: number) => responses.filter((r) => r.status === status).length;

describeEachDatabase(
  'login attempts',
  (server) => {
    it('checks at most the threshold of 60 parallel wrong passwords, and locks', async () => {
      const username = await newAccount(server());
      const source = nextSource();
      const responses = await Promise.all(Array.from({ length: 60 }, () => loginFrom(server(), source, username, 'Wrong@pass1')));
      // five checked: four 401s and the fifth's lock; the other 55 are turned away unchecked
      expect(count(responses, 401)).toBe(4);
      expect(count(responses, 423)).toBe(56);
      const audited = await server()
        .ctx.db.selectFrom('auditLog')
        .select('action')
        .where('actorUsername', '=', username)
        .where('action', 'in', ['auth.loginFailed', 'auth.locked'])
        .execute();
      expect(audited.length).toBe(5);
      expectError(await loginFrom(server(), source, username, TEST_PASSWORD), 423, 'auth.locked');
    });

    it('compares at most the threshold of 40 parallel guesses, the right one among them', async () => {
      const username = await newAccount(server());
      const source = nextSource();
      const guesses = [...Array.from({ length: 39 }, (_, i) => `Wrong@pass${i}`), TEST_PASSWORD];
      const responses = await Promise.all(guesses.map((p) => loginFrom(server(), source, username, p)));
      // at most five passwords were compared: four 401s and a fifth that either logged in or set the lock
      expect(count(responses, 401) + count(responses, 200)).toBeLessThanOrEqual(5);
      expect(count(responses, 423)).toBeGreaterThanOrEqual(35);
    });

    it('locks only the source that guessed: the owner logs in from their own address', async () => {
      const username = await newAccount(server());
      const stranger = nextSource();
      for (let i = 0; i < 4; i++) expectError(await loginFrom(server(), stranger, username, 'Wrong@pass1'), 401, 'auth.badCredentials');
      expectError(await loginFrom(server(), stranger, username, 'Wrong@pass1'), 423, 'auth.locked');
      expect((await loginFrom(server(), nextSource(), username, TEST_PASSWORD)).status).toBe(200);
      // and the stranger stays locked, the right password included
      expectError(await loginFrom(server(), stranger, username, TEST_PASSWORD), 423, 'auth.locked');
    });

    it('answers an unknown username exactly like a known one, lock included', async () => {
      const known = await newAccount(server());
      const answers = async (username: string) => {
        const source = nextSource();
        const seen: [number, string][] = [];
        for (let i = 0; i < 6; i++) {
          const res = await loginFrom(server(), source, username, 'Wrong@pass1');
          seen.push([res.status, JSON.stringify(res.body)]);
        }
        return seen;
      };
      expect(await answers('nobody-by-this-name')).toEqual(await answers(known));
    });

    it('doubles the lock each time the same source runs into it again', async () => {
      const username = await newAccount(server());
      const source = nextSource();
      const lockOnce = async () => {
        for (let i = 0; i < 4; i++) await loginFrom(server(), source, username, 'Wrong@pass1');
        return loginFrom(server(), source, username, 'Wrong@pass1');
      };
      expect((await lockOnce()).body.error.message).toContain('30');
      // the first lock runs out
      await server()
        .ctx.db.updateTable('loginAttempt')
        .set({ lockedUntil: new Date(Date.now() - 1000).toISOString() })
        .where('username', '=', username)
        .execute();
      expect((await lockOnce()).body.error.message).toContain('60');
    });

    it('an unlock by the security admin ends the lock from every source', async () => {
      const username = await newAccount(server());
      const [a, b] = [nextSource(), nextSource()];
      for (const source of [a, b]) for (let i = 0; i < 5; i++) await loginFrom(server(), source, username, 'Wrong@pass1');
      const sec = await server().as('security_admin');
      const listed = (await sec.get(`/api/users?q=${username}`)).body.items[0];
      expect(listed.locked).toBe(true);
      expect((await sec.post(`/api/users/${listed.id}/unlock`)).status).toBe(200);
      for (const source of [a, b]) expect((await loginFrom(server(), source, username, TEST_PASSWORD)).status).toBe(200);
    });

    it('refuses passwords from the common-password list, with leetspeak and appended digits undone', async () => {
      const sys = await server().as('system_admin');
      for (const password of ['Password1', 'Passw0rd!', 'Qwerty123', 'P@ssword2024']) {
        const res = await sys.post('/api/users', { username: `weak-${++accounts}`, displayName: '弱密码', password });
        expectError(res, 400, 'password.common', 'password');
      }
      expect(
        (await sys.post('/api/users', { username: `strong-${++accounts}`, displayName: '强密码', password: 'Lantern#Quay74' })).status,
      ).toBe(200);
    });
  },
  { ZHIZAO_TRUST_PROXY: '1' },
);
