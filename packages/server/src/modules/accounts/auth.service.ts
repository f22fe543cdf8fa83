import { passwordProblems, type SecuritySettings } from '@zhizao/domain';
import type { AuditActor } from '../../platform/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from '../../platform/crypto.ts';
import { AppError } from '../../platform/errors.ts';
import { newSessionTokens } from '../../platform/auth.ts';
import { findUserById, findUserByUsername, presentUser } from './users.repo.ts';

/** Throws the first password-policy problem as a field error. */
export function assertPasswordPolicy(password: string, username: string, settings: SecuritySettings, field = 'password'): void {
  const problem = passwordProblems(password, username, settings)[0];
  if (!problem) return;
  const limit = problem === 'tooShort' ? settings.passwordMinLength : settings.passwordMinClasses;
  throw new AppError(400, `password.${problem}`, { limit }, field);
}

export async function login(ctx: AppContext, username: string, password: string, client: { ip: string; userAgent: string | null }) {
  const settings = ctx.settings.securitySettings;
  const who: AuditActor = { userId: null, username, role: null, ip: client.ip };
  const user = await findUserByUsername(ctx.db, username);
  if (!user) {
    await verifyPassword(password, DUMMY_PASSWORD_HASH);
    await ctx.db
      .transaction()
      .execute((tx) => ctx.audit.append(tx, who, { action: 'auth.loginFailed', entityType: 'user', after: { reason: 'unknownUser' } }));
    throw new AppError(401, 'auth.badCredentials');
  }
  const actor: AuditActor = { userId: user.id, username: user.username, role: user.role, ip: client.ip };
  const now = Date.now();
  if (user.lockedUntil && Date.parse(user.lockedUntil) > now) {
    throw new AppError(423, 'auth.locked', { minutes: Math.ceil((Date.parse(user.lockedUntil) - now) / 60_000) });
  }
  const passwordOk = await verifyPassword(password, user.passwordHash);
  if (!passwordOk) {
    const failures = user.failedLoginCount + 1;
    const lock = failures >= settings.lockoutThreshold;
    const lockedUntil = lock ? new Date(now + settings.lockoutMinutes * 60_000).toISOString() : null;
    await ctx.db.transaction().execute(async (tx) => {
      await tx
        .updateTable('appUser')
        .set({ failedLoginCount: lock ? 0 : failures, lockedUntil })
        .where('id', '=', user.id)
        .execute();
      await ctx.audit.append(tx, actor, {
        action: lock ? 'auth.locked' : 'auth.loginFailed',
        entityType: 'user',
        entityId: user.id,
        after: { failures },
      });
    });
    if (lock) throw new AppError(423, 'auth.locked', { minutes: settings.lockoutMinutes });
    throw new AppError(401, 'auth.badCredentials');
  }
  if (!user.enabled) throw new AppError(403, 'auth.disabled');
  if (!user.role) throw new AppError(403, 'auth.noRole');

  const tokens = newSessionTokens();
  const at = new Date(now).toISOString();
  await ctx.db.transaction().execute(async (tx) => {
    await tx.updateTable('appUser').set({ failedLoginCount: 0, lockedUntil: null, lastLoginAt: at }).where('id', '=', user.id).execute();
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
