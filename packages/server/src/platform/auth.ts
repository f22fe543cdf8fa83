import { can, type Actor, type Permission, type Role } from '@zhizao/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AuditActor } from './audit.ts';
import type { AppContext } from './context.ts';
import { randomToken, sm3 } from './crypto.ts';
import { AppError } from './errors.ts';

export const SESSION_COOKIE = 'zhizao_session';
export const CSRF_HEADER = 'x-csrf-token';
// Writing last_seen_at on every request would make each read a write; a minute's precision is enough.
const TOUCH_AFTER_MS = 60_000;

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionId: string | null;
    csrfToken: string | null;
    /** Set when a cookie was presented but its session had expired. */
    sessionExpired: boolean;
    /** The actor's password is older than the policy allows: only changing it is open. */
    passwordExpired: boolean;
  }
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Reads the session cookie on every request, expires idle sessions, enforces CSRF on writes. */
export function registerAuth(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('sessionExpired', false);
  app.decorateRequest('passwordExpired', false);

  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const sessionId = sm3(token);
    const row = await ctx.db
      .selectFrom('userSession as s')
      .innerJoin('appUser as u', 'u.id', 's.userId')
      .select([
        's.id',
        's.csrfToken',
        's.lastSeenAt',
        'u.id as userId',
        'u.username',
        'u.role',
        'u.districtCode',
        'u.enterpriseId',
        'u.enabled',
        'u.passwordChangedAt',
      ])
      .where('s.id', '=', sessionId)
      .executeTakeFirst();
    if (!row) {
      request.sessionExpired = true;
      return;
    }
    const idleMs = ctx.settings.securitySettings.idleTimeoutMinutes * 60_000;
    const lastSeen = Date.parse(row.lastSeenAt);
    if (Date.now() - lastSeen > idleMs || !row.enabled || !row.role) {
      await ctx.db.deleteFrom('userSession').where('id', '=', sessionId).execute();
      request.sessionExpired = true;
      return;
    }
    if (Date.now() - lastSeen > TOUCH_AFTER_MS) {
      await ctx.db.updateTable('userSession').set({ lastSeenAt: new Date().toISOString() }).where('id', '=', sessionId).execute();
    }
    request.sessionId = sessionId;
    request.csrfToken = row.csrfToken;
    request.passwordExpired = passwordIsExpired(row.passwordChangedAt, ctx.settings.securitySettings.passwordMaxAgeDays);
    request.actor = {
      userId: row.userId,
      username: row.username,
      role: row.role as Role,
      districtCode: row.districtCode,
      enterpriseId: row.enterpriseId,
    };
  });

  // Double defence against cross-site writes: SameSite=Strict cookies, and a per-session token the
  // web app sends back in a header that another site cannot read.
  app.addHook('preHandler', async (request) => {
    // Only the API closes: the web app itself must still load to show the change-password page.
    const closedByExpiry =
      request.actor && request.passwordExpired && request.url.startsWith('/api/') && !request.routeOptions.config?.openWithExpiredPassword;
    if (closedByExpiry) throw new AppError(403, 'auth.passwordExpired');
    if (!request.actor || !UNSAFE_METHODS.has(request.method)) return;
    if (request.routeOptions.config?.skipCsrf) return;
    const sent = request.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || sent !== request.csrfToken) throw new AppError(403, 'auth.csrf');
  });
}

declare module 'fastify' {
  interface FastifyContextConfig {
    skipCsrf?: boolean;
    /** Reachable while the password has expired (me, logout, change password). */
    openWithExpiredPassword?: boolean;
  }
}

/** Password age (等保 身份鉴别: periodic change; gov-it.md §1). */
export function passwordIsExpired(passwordChangedAt: string, maxAgeDays: number, now = Date.now()): boolean {
  return now - Date.parse(passwordChangedAt) > maxAgeDays * 86_400_000;
}

export function newSessionTokens() {
  const token = randomToken();
  return { token, sessionId: sm3(token), csrfToken: randomToken(24) };
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  void reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', path: '/', secure });
}

export function clearSessionCookie(reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** The logged-in actor, or 401. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError(401, request.sessionExpired ? 'auth.sessionExpired' : 'auth.required');
  return request.actor;
}

/** The logged-in actor holding `permission`, or 401/403. */
export function authorize(request: FastifyRequest, permission: Permission): Actor {
  const actor = requireActor(request);
  if (!can(actor, permission)) throw new AppError(403, 'auth.forbidden');
  return actor;
}

export function auditActor(request: FastifyRequest): AuditActor {
  const a = request.actor;
  return { userId: a?.userId ?? null, username: a?.username ?? null, role: a?.role ?? null, ip: request.ip };
}

/**
 * Route options that check who asks before the body is validated, so others get 401/403 whatever
 * they send rather than a validation message about a request they may not make.
 */
export const permissionFirst = (permission: Permission) => ({
  preValidation: async (request: FastifyRequest) => {
    authorize(request, permission);
  },
});

/** The same for routes any logged-in account may call. */
export const loginFirst = {
  preValidation: async (request: FastifyRequest) => {
    requireActor(request);
  },
};
