import { passwordProblems, type SecuritySettings } from '@zhizao/domain';
import type { AuditActor } from '../../platform/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from '../../platform/crypto.ts';
import { AppError } from '../../platform/errors.ts';
import { newSessionTokens } from '../../platform/auth.ts';
import { isCommonPassword } from './common-passwords.ts';
import { claimAttempt, failedAttempt, succeededAttempt } from './login-attempts.ts';
import { findUserById, findUserByUsername, presentUser } from './users.repo.ts';

/** Throws the first password-policy problem as a field error. */
export function assertPasswordPolicy(password: string, username: string, settings: SecuritySettings, field = 'password'): void {
  const problem = passwordProblems(password, username, settings)[0];
  if (!problem) {
    if (isCommonPassword(password)) throw new AppError(400, 'password.common', {}, field);
    return;
  }
  const limit = problem === 'tooShort' ? settings.passwordMinLength : settings.passwordMinClasses;
  throw new AppError(400, `password.${problem}`, { limit }, field);
}

export async function login(ctx: AppContext, username: string, password: string, client: { ip: string; userAgent: string | null }) {
  const settings = ctx.settings.securitySettings;
  const user = await findUserByUsername(ctx.db, username);
  const actor: AuditActor = user
    ? { userId: user.id, username: user.username, role: user.role, ip: client.ip }
    : { userId: null, username, role: null, ip: client.ip };
  const attempt = await claimAttempt(ctx.db, username, client.ip, settings);
  if (!attempt.check) throw new AppError(423, 'auth.locked', { minutes: attempt.lockedMinutes });
  // an unknown username costs the same scrypt as a known one, and is answered the same
  const passwordOk = await verifyPassword(password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
  if (!user || !passwordOk) {
    const locked = await failedAttempt(ctx.db, username, client.ip, attempt.failures, settings);
    await ctx.db.transaction().execute(async (tx) => {
      // the account's own lockedUntil tells its administrators that someone is locked out of it
      if (locked && user) await tx.updateTable('appUser').set({ lockedUntil: locked.until }).where('id', '=', user.id).execute();
      await ctx.audit.append(tx, actor, {
        action: locked ? 'auth.locked' : 'auth.loginFailed',
        entityType: 'user',
        entityId: user?.id ?? null,
        after: user ? { failures: attempt.failures } : { reason: 'unknownUser', failures: attempt.failures },
      });
    });
    if (locked) throw new AppError(423, 'auth.locked', { minutes: locked.minutes });
    throw new AppError(401, 'auth.badCredentials');
  }
  await succeededAttempt(ctx.db, username, client.ip);
  const now = Date.now();
  if (!user.enabled) throw new AppError(403, 'auth.disabled');
  if (!user.role) throw new AppError(403, 'auth.noRole');

  const tokens = newSessionTokens();
  const at = new Date(now).toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    await tx.updateTable('appUser').set({ lastLoginAt: at }).where('id', '=', user.id).execute();
    // Concurrent-login limit (等保 身份鉴别): the oldest sessions beyond the limit end.
    const sessions = await tx.selectFrom('userSession').select('id').where('userId', '=', user.id).orderBy('lastSeenAt', 'desc').execute();
    const surplus = sessions.slice(settings.maxConcurrentSessions - 1).map((s) => s.id);
    if (surplus.length) await tx.deleteFrom('userSession').where('id', 'in', surplus).execute();
    await tx
      .insertInto('userSession')
      .values({
        id: tokens.sessionId,
        userId: user.id,
        csrfToken: tokens.csrfToken,
        createdAt: at,
        lastSeenAt: at,
        ip: client.ip,
        userAgent: client.userAgent,
      })
      .execute();
    await ctx.audit.append(tx, actor, { action: 'auth.login', entityType: 'user', entityId: user.id });
  });
  return { token: tokens.token, csrfToken: tokens.csrfToken, user: presentUser({ ...user, lastLoginAt: at }) };
}

export async function logout(ctx: AppContext, sessionId: string, actor: AuditActor): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    await tx.deleteFrom('userSession').where('id', '=', sessionId).execute();
    await ctx.audit.append(tx, actor, { action: 'auth.logout', entityType: 'user', entityId: actor.userId });
  });
}

export async function changeOwnPassword(
  ctx: AppContext,
  actor: AuditActor & { userId: number },
  currentPassword: string,
  newPassword: string,
  keepSessionId: string,
) {
  const user = await findUserById(ctx.db, actor.userId);
  if (!user || !(await verifyPassword(currentPassword, user.passwordHash)))
    throw new AppError(400, 'auth.wrongCurrentPassword', {}, 'currentPassword');
  if (newPassword === currentPassword) throw new AppError(400, 'password.sameAsCurrent', {}, 'newPassword');
  assertPasswordPolicy(newPassword, user.username, ctx.settings.securitySettings, 'newPassword');
  const passwordHash = await hashPassword(newPassword);
  await ctx.db.transaction().execute(async (tx) => {
    const at = new Date().toISOString();
    await tx.updateTable('appUser').set({ passwordHash, passwordChangedAt: at, updatedAt: at }).where('id', '=', user.id).execute();
    // Other sessions end: whoever knew the old password is logged out.
    await tx.deleteFrom('userSession').where('userId', '=', user.id).where('id', '!=', keepSessionId).execute();
    await ctx.audit.append(tx, actor, { action: 'user.changePassword', entityType: 'user', entityId: user.id });
  });
}
