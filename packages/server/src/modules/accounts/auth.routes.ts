import { PERMISSIONS, can, type Permission } from '@zhizao/domain';
import type { FastifyInstance } from 'fastify';
import { auditActor, clearSessionCookie, loginFirst, passwordIsExpired, requireActor, setSessionCookie } from '../../platform/auth.ts';
import type { AppContext } from '../../platform/context.ts';
import { errorResponses, okResponse } from '../../platform/schemas.ts';
import { changeOwnPassword, login, logout } from './auth.service.ts';
import { findUserById, presentUser, userViewSchema, type UserView } from './users.repo.ts';

const sessionResponse = {
  type: 'object',
  properties: {
    user: userViewSchema,
    csrfToken: { type: 'string' },
    permissions: { type: 'array', items: { type: 'string' } },
    idleTimeoutMinutes: { type: 'integer' },
    passwordExpired: { type: 'boolean' },
  },
} as const;

const permissionsOf = (role: string) => (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can({ role } as never, p));

/** What the web app needs to know about its session, at login and on every reload. */
function sessionView(ctx: AppContext, user: UserView, csrfToken: string) {
  const settings = ctx.settings.securitySettings;
  return {
    user,
    csrfToken,
    permissions: permissionsOf(user.role!),
    idleTimeoutMinutes: settings.idleTimeoutMinutes,
    passwordExpired: passwordIsExpired(user.passwordChangedAt, settings.passwordMaxAgeDays),
  };
}

export function registerAuthRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post<{ Body: { username: string; password: string } }>(
    '/api/auth/login',
    {
      // A login creates a session rather than using one; there is no token to check yet.
      config: { skipCsrf: true, openWithExpiredPassword: true },
      // per source and per username, before the password is checked: guessing is slowed from anywhere
      preHandler: [app.limits.loginPerSource, app.limits.loginPerUsername],
      schema: {
        tags: ['auth'],
        summary: 'Log in; sets an httpOnly session cookie and returns the CSRF token',
        body: {
          type: 'object',
          required: ['username', 'password'],
          additionalProperties: false,
          properties: {
            username: { type: 'string', minLength: 1, maxLength: 64 },
            password: { type: 'string', minLength: 1, maxLength: 128 },
          },
        },
        response: { 200: sessionResponse, ...errorResponses, 423: errorResponses[400] },
      },
    },
    async (request, reply) => {
      const result = await login(ctx, request.body.username.trim(), request.body.password, {
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      setSessionCookie(reply, result.token, ctx.config.secureCookies || request.protocol === 'https');
      return sessionView(ctx, result.user, result.csrfToken);
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { openWithExpiredPassword: true },
      schema: { tags: ['auth'], summary: 'Log out and end the session on the server', response: { 200: okResponse, ...errorResponses } },
    },
    async (request, reply) => {
      if (request.sessionId) await logout(ctx, request.sessionId, auditActor(request));
      clearSessionCookie(reply);
      return { ok: true };
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { openWithExpiredPassword: true },
      schema: { tags: ['auth'], summary: 'The logged-in account', response: { 200: sessionResponse, ...errorResponses } },
    },
    async (request) => {
      const actor = requireActor(request);
      const user = (await findUserById(ctx.db, actor.userId))!;
      return sessionView(ctx, presentUser(user), request.csrfToken!);
    },
  );

  app.post<{ Body: { currentPassword: string; newPassword: string } }>(
    '/api/auth/password',
    {
      ...loginFirst,
      config: { openWithExpiredPassword: true },
      schema: {
        tags: ['auth'],
        summary: 'Change your own password; ends your other sessions',
        body: {
          type: 'object',
          required: ['currentPassword', 'newPassword'],
          additionalProperties: false,
          properties: {
            currentPassword: { type: 'string', minLength: 1, maxLength: 128 },
            newPassword: { type: 'string', minLength: 1, maxLength: 128 },
          },
        },
        response: { 200: okResponse, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await changeOwnPassword(
        ctx,
        { ...auditActor(request), userId: actor.userId },
        request.body.currentPassword,
        request.body.newPassword,
        request.sessionId!,
      );
      return { ok: true };
    },
  );
}
