import { roleScopeProblem, SEPARATED_ADMIN_ROLES, type Role, type SecuritySettings } from '@zhizao/domain';
import type { Updateable } from 'kysely';
import { isUniqueViolation } from '../../db/database.ts';
import type { AppUserTable } from '../../db/schema.ts';
import type { AuditActor } from '../../platform/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { hashPassword } from '../../platform/crypto.ts';
import { AppError } from '../../platform/errors.ts';
import { assertPasswordPolicy } from './auth.service.ts';
import { clearAttempts } from './login-attempts.ts';
import { findUserById, findUserByUsername, presentUser } from './users.repo.ts';

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  role?: Role | null;
  districtCode?: string | null;
  enterpriseId?: number | null;
}

/**
 * Creates an account. Through the API the system admin creates accounts without a role (三员分立: only the
 * security admin assigns rights); the command line and the demo seed give one straight away.
 */
export async function createUser(ctx: AppContext, actor: AuditActor, input: NewUser) {
  assertPasswordPolicy(input.password, input.username, ctx.settings.securitySettings);
  if (await findUserByUsername(ctx.db, input.username))
    throw new AppError(409, 'user.usernameTaken', { username: input.username }, 'username');
  if (input.role) await assertScope(ctx, input.role, input.districtCode ?? null, input.enterpriseId ?? null);
  const passwordHash = await hashPassword(input.password);
  const at = new Date().toISOString();
  return ctx.db
    .transaction()
    .execute(async (tx) => {
      const row = await tx
        .insertInto('appUser')
        .values({
          username: input.username,
          displayName: input.displayName,
          passwordHash,
          role: input.role ?? null,
          districtCode: input.districtCode ?? null,
          enterpriseId: input.enterpriseId ?? null,
          enabled: 1,
          failedLoginCount: 0,
          passwordChangedAt: at,
          createdAt: at,
          updatedAt: at,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const view = presentUser(row);
      await ctx.audit.append(tx, actor, { action: 'user.create', entityType: 'user', entityId: row.id, after: view });
      return view;
    })
    .catch((error: unknown) => {
      // a parallel request took the name between the check above and this insert
      throw isUniqueViolation(error) ? new AppError(409, 'user.usernameTaken', { username: input.username }, 'username') : error;
    });
}

/** A role's scope must be given and must exist: a 400 naming the field, never a foreign-key error. */
async function assertScope(ctx: AppContext, role: Role, districtCode: string | null, enterpriseId: number | null) {
  const missing = roleScopeProblem(role, districtCode, enterpriseId);
  if (missing) throw new AppError(400, 'user.scopeRequired', {}, missing);
  if (
    role === 'district_officer' &&
    !(await ctx.db.selectFrom('district').select('code').where('code', '=', districtCode!).executeTakeFirst())
  ) {
    throw new AppError(400, 'enterprise.unknownDistrict', {}, 'districtCode');
  }
  if (
    role === 'enterprise_user' &&
    !(await ctx.db.selectFrom('enterprise').select('id').where('id', '=', enterpriseId!).executeTakeFirst())
  ) {
    throw new AppError(400, 'enterprise.notFound', {}, 'enterpriseId');
  }
}

const isSeparatedAdmin = (role: string | null) => role !== null && (SEPARATED_ADMIN_ROLES as readonly string[]).includes(role);

/**
 * 三员分立: through the API none of the three administrators may reset, delete, disable or re-role
 * another of them (or make one), else one could take over the others' duties. The command line does it.
 */
function refuseSeparatedAdmin(role: string | null, field?: string) {
  if (isSeparatedAdmin(role)) throw new AppError(403, 'user.separatedAdminViaCli', {}, field);
}

/** The account to change: someone else's, and (unless `adminsToo`) not one of the three administrators. */
async function loadOther(ctx: AppContext, actor: AuditActor, id: number, adminsToo = false) {
  if (actor.userId === id) throw new AppError(403, 'user.cannotChangeSelf');
  const user = await findUserById(ctx.db, id);
  if (!user) throw new AppError(404, 'user.notFound');
  if (!adminsToo) refuseSeparatedAdmin(user.role);
  return user;
}

/** Applies a change to one account and audits before → after, in one transaction. */
async function changeUser(
  ctx: AppContext,
  actor: AuditActor,
  id: number,
  action: string,
  patch: Updateable<AppUserTable>,
  { endSessions = false, adminsToo = false } = {},
) {
  const before = await loadOther(ctx, actor, id, adminsToo);
  return ctx.db.transaction().execute(async (tx) => {
    const after = await tx
      .updateTable('appUser')
      .set({ ...patch, updatedAt: new Date().toISOString() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (endSessions) await tx.deleteFrom('userSession').where('userId', '=', id).execute();
    // clearing the account's lock (unlock, password reset) ends its lock from every source too
    if (patch.lockedUntil === null) await clearAttempts(tx, before.username);
    const view = presentUser(after);
    await ctx.audit.append(tx, actor, { action, entityType: 'user', entityId: id, before: presentUser(before), after: view });
    return view;
  });
}

export async function assignRole(
  ctx: AppContext,
  actor: AuditActor,
  id: number,
  role: Role,
  districtCode: string | null,
  enterpriseId: number | null,
) {
  refuseSeparatedAdmin(role, 'role');
  await assertScope(ctx, role, districtCode, enterpriseId);
  const scope = {
    districtCode: role === 'district_officer' ? districtCode : null,
    enterpriseId: role === 'enterprise_user' ? enterpriseId : null,
  };
  return changeUser(ctx, actor, id, 'user.assignRole', { role, ...scope }, { endSessions: true });
}

/** `fromCommandLine`: the server's own access (`npm run users:reset-password`), which 三员分立 leaves open. */
export async function resetPassword(ctx: AppContext, actor: AuditActor, id: number, newPassword: string, { fromCommandLine = false } = {}) {
  const user = await loadOther(ctx, actor, id, fromCommandLine);
  assertPasswordPolicy(newPassword, user.username, ctx.settings.securitySettings, 'newPassword');
  const passwordHash = await hashPassword(newPassword);
  return changeUser(
    ctx,
    actor,
    id,
    'user.resetPassword',
    { passwordHash, passwordChangedAt: new Date().toISOString(), failedLoginCount: 0, lockedUntil: null },
    { endSessions: true, adminsToo: fromCommandLine },
  );
}

export const setEnabled = (ctx: AppContext, actor: AuditActor, id: number, enabled: boolean) =>
  changeUser(ctx, actor, id, enabled ? 'user.enable' : 'user.disable', { enabled: enabled ? 1 : 0 }, { endSessions: !enabled });

// Unlocking gives nobody another's rights, and it is how a locked-out administrator gets back in.
export const unlockUser = (ctx: AppContext, actor: AuditActor, id: number) =>
  changeUser(ctx, actor, id, 'user.unlock', { lockedUntil: null, failedLoginCount: 0 }, { adminsToo: true });

export async function deleteUser(ctx: AppContext, actor: AuditActor, id: number) {
  const before = await loadOther(ctx, actor, id);
  await ctx.db.transaction().execute(async (tx) => {
    await tx.deleteFrom('userSession').where('userId', '=', id).execute();
    await tx.deleteFrom('importJob').where('userId', '=', id).execute();
    await tx.deleteFrom('appUser').where('id', '=', id).execute();
    await ctx.audit.append(tx, actor, { action: 'user.delete', entityType: 'user', entityId: id, before: presentUser(before) });
  });
}

export async function saveSecuritySettings(ctx: AppContext, actor: AuditActor, settings: SecuritySettings) {
  const before = ctx.settings.securitySettings;
  await ctx.db.transaction().execute(async (tx) => {
    await ctx.settings.saveSecurity(tx, settings);
    await ctx.audit.append(tx, actor, {
      action: 'settings.security',
      entityType: 'setting',
      entityId: 'security',
      before,
      after: settings,
    });
  });
  return settings;
}
