import { PERMISSIONS, can, type Permission } from '@zhizao/domain';
import type { FastifyInstance } from 'fastify';
import { auditActor, clearSessionCookie, requireActor, setSessionCookie } from '../../platform/auth.ts';
import type { AppContext } from '../../platform/context.ts';
import { errorResponses, okResponse } from '../../platform/schemas.ts';
import { changeOwnPassword, login, logout } from './auth.service.ts';
import { findUserById, presentUser, userViewSchema } from './users.repo.ts';

const sessionResponse = {
  type: 'object',
  properties: {
    user: userViewSchema,
    csrfToken: { type: 'string' },
    permissions: { type: 'array', items: { type: 'string' } },
    idleTimeoutMinutes: { type: 'integer' },
  },
} as const;

const permissionsOf = (role: string) => (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can({ role } as never, p));

export function registerAuthRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post<{ Body: { username: string; password: string } }>(
    '/api/auth/login',
    {
      // A login creates a session rather than using one; there is no token to check yet.
      config: { skipCsrf: true },
      schema: {
        tags: ['auth'],
        summary: 'Log in; sets an httpOnly session cookie and returns the CSRF token',
        body: {
          type: 'object',
          required: ['username', 'password'],
          additionalProperties: false,
          properties: { username: { type: 'string', minLength: 1, maxLength: 64 }, password: { type: 'string', minLength: 1, maxLength: 128 } },
        },
        response: { 200: sessionResponse, ...errorResponses, 423: errorResponses[400] },
      },
    },
    async (request, reply) => {
      const result = await login(ctx, request.body.username.trim(), request.body.password, { ip: request.ip, userAgent: request.headers['user-agent'] ?? null });
      setSessionCookie(reply, result.token, ctx.config.secureCookies);
      return {
        user: result.user,
        csrfToken: result.csrfToken,
        permissions: permissionsOf(result.user.role!),
        idleTimeoutMinutes: ctx.settings.securitySettings.idleTimeoutMinutes,
      };
    },
  );

  app.post('/api/auth/logout', { schema: { tags: ['auth'], summary: 'Log out and end the session on the server', response: { 200: okResponse, ...errorResponses } } }, async (request, reply) => {
    if (request.sessionId) await logout(ctx, request.sessionId, auditActor(request));
    clearSessionCookie(reply);
    return { ok: true };
  });

  app.get('/api/auth/me', { schema: { tags: ['auth'], summary: 'The logged-in account', response: { 200: sessionResponse, ...errorResponses } } }, async (request) => {
    const actor = requireActor(request);
    const user = (await findUserById(ctx.db, actor.userId))!;
    return { user: presentUser(user), csrfToken: request.csrfToken!, permissions: permissionsOf(actor.role), idleTimeoutMinutes: ctx.settings.securitySettings.idleTimeoutMinutes };
  });

  app.post<{ Body: { currentPassword: string; newPassword: string } }>(
    '/api/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Change your own password; ends your other sessions',
        body: {
          type: 'object',
          required: ['currentPassword', 'newPassword'],
          additionalProperties: false,
          properties: { currentPassword: { type: 'string', minLength: 1, maxLength: 128 }, newPassword: { type: 'string', minLength: 1, maxLength: 128 } },
        },
        response: { 200: okResponse, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await changeOwnPassword(ctx, { ...auditActor(request), userId: actor.userId }, request.body.currentPassword, request.body.newPassword, request.sessionId!);
      return { ok: true };
    },
  );
}
