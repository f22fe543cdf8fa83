import {
  DEFAULT_SECURITY_SETTINGS,
  ROLES,
  SECURITY_SETTINGS_CEILING,
  SECURITY_SETTINGS_FLOOR,
  type Role,
  type SecuritySettings,
} from '@zhizao/domain';
import type { FastifyInstance } from 'fastify';
import { auditActor, permissionFirst } from '../../platform/auth.ts';
import type { AppContext } from '../../platform/context.ts';
import { errorResponses, idParams, okResponse, paginationQuery } from '../../platform/schemas.ts';
import { listEnterprises } from '../registry/enterprise.repo.ts';
import { presentUser, userViewSchema } from './users.repo.ts';
import { assignRole, createUser, deleteUser, resetPassword, saveSecuritySettings, setEnabled, unlockUser } from './users.service.ts';

const password = { type: 'string', minLength: 1, maxLength: 128 } as const;
const settingsSchema = {
  type: 'object',
  additionalProperties: false,
  required: Object.keys(DEFAULT_SECURITY_SETTINGS),
  properties: Object.fromEntries(
    (Object.keys(DEFAULT_SECURITY_SETTINGS) as (keyof SecuritySettings)[]).map((k) => [
      k,
      { type: 'integer', minimum: SECURITY_SETTINGS_FLOOR[k], maximum: SECURITY_SETTINGS_CEILING[k] },
    ]),
  ),
} as const;
type IdParams = { Params: { id: number } };

export function registerUserRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: { page: number; pageSize: number; q?: string; role?: Role } }>(
    '/api/users',
    {
      ...permissionFirst('users.read'),
      schema: {
        tags: ['accounts'],
        summary: 'List accounts (system and security admins)',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { ...paginationQuery, q: { type: 'string', maxLength: 64 }, role: { type: 'string', enum: [...ROLES] } },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              items: {
                type: 'array',
                items: { ...userViewSchema, properties: { ...userViewSchema.properties, enterpriseName: { type: ['string', 'null'] } } },
              },
              total: { type: 'integer' },
              page: { type: 'integer' },
              pageSize: { type: 'integer' },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { page, pageSize, q, role } = request.query;
      let query = ctx.db.selectFrom('appUser');
      if (q) query = query.where((eb) => eb.or([eb('username', 'like', `%${q}%`), eb('displayName', 'like', `%${q}%`)]));
      if (role) query = query.where('role', '=', role);
      const [rows, count] = await Promise.all([
        query
          .selectAll()
          .orderBy('id')
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      // Names, not numbers, for the scope column: one look-up for the page.
      const enterpriseIds = [...new Set(rows.map((r) => r.enterpriseId).filter((id): id is number => id !== null))];
      const names = enterpriseIds.length
        ? await ctx.db.selectFrom('enterprise').select(['id', 'name']).where('id', 'in', enterpriseIds).execute()
        : [];
      const nameOf = new Map(names.map((e) => [e.id, e.name]));
      const items = rows.map((r) => ({ ...presentUser(r), enterpriseName: r.enterpriseId ? (nameOf.get(r.enterpriseId) ?? null) : null }));
      return { items, total: Number(count.n), page, pageSize };
    },
  );

  // The security admin has no registry access (三员分立) but must name the enterprise an enterprise
  // user belongs to: this answers names and credit codes only, nothing private.
  app.get<{ Querystring: { q?: string; limit: number } }>(
    '/api/users/enterprise-options',
    {
      ...permissionFirst('users.assignRole'),
      schema: {
        tags: ['accounts'],
        summary: 'Enterprises to pick as an enterprise user’s scope (name and credit code only)',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { q: { type: 'string', maxLength: 100 }, limit: { type: 'integer', minimum: 1, maximum: 50, default: 20 } },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              items: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    id: { type: 'integer' },
                    name: { type: 'string' },
                    creditCode: { type: 'string' },
                    districtCode: { type: 'string' },
                  },
                },
              },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { items } = await listEnterprises(
        ctx,
        { q: request.query.q },
        { page: 1, pageSize: request.query.limit, sort: 'name', order: 'asc' },
      );
      return { items: items.map(({ id, name, creditCode, districtCode }) => ({ id, name, creditCode, districtCode })) };
    },
  );

  app.post<{ Body: { username: string; displayName: string; password: string } }>(
    '/api/users',
    {
      ...permissionFirst('users.create'),
      schema: {
        tags: ['accounts'],
        summary: 'Create an account without rights (system admin); the security admin then assigns a role',
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['username', 'displayName', 'password'],
          properties: {
            username: { type: 'string', pattern: '^[A-Za-z0-9_.-]{3,64}$' },
            displayName: { type: 'string', minLength: 1, maxLength: 64 },
            password,
          },
        },
        response: { 200: userViewSchema, ...errorResponses },
      },
    },
    async (request) => {
      return createUser(ctx, auditActor(request), request.body);
    },
  );

  app.delete<IdParams>(
    '/api/users/:id',
    {
      ...permissionFirst('users.delete'),
      schema: {
        tags: ['accounts'],
        summary: 'Delete an account (system admin)',
        params: idParams,
        response: { 200: okResponse, ...errorResponses },
      },
    },
    async (request) => {
      await deleteUser(ctx, auditActor(request), request.params.id);
      return { ok: true };
    },
  );

  app.put<IdParams & { Body: { role: Role; districtCode?: string | null; enterpriseId?: number | null } }>(
    '/api/users/:id/role',
    {
      ...permissionFirst('users.assignRole'),
      schema: {
        tags: ['accounts'],
        summary: 'Assign a role and its scope (security admin); ends the account’s sessions',
        params: idParams,
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['role'],
          properties: {
            role: { type: 'string', enum: [...ROLES] },
            districtCode: { type: ['string', 'null'], maxLength: 12 },
            enterpriseId: { type: ['integer', 'null'], minimum: 1, maximum: 2147483647 },
          },
        },
        response: { 200: userViewSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { role, districtCode = null, enterpriseId = null } = request.body;
      return assignRole(ctx, auditActor(request), request.params.id, role, districtCode, enterpriseId);
    },
  );

  app.post<IdParams & { Body: { newPassword: string } }>(
    '/api/users/:id/reset-password',
    {
      ...permissionFirst('users.resetPassword'),
      schema: {
        tags: ['accounts'],
        summary: 'Reset a password (security admin)',
        params: idParams,
        body: { type: 'object', additionalProperties: false, required: ['newPassword'], properties: { newPassword: password } },
        response: { 200: userViewSchema, ...errorResponses },
      },
    },
    async (request) => {
      return resetPassword(ctx, auditActor(request), request.params.id, request.body.newPassword);
    },
  );

  app.put<IdParams & { Body: { enabled: boolean } }>(
    '/api/users/:id/enabled',
    {
      ...permissionFirst('users.setEnabled'),
      schema: {
        tags: ['accounts'],
        summary: 'Enable or disable an account (security admin)',
        params: idParams,
        body: { type: 'object', additionalProperties: false, required: ['enabled'], properties: { enabled: { type: 'boolean' } } },
        response: { 200: userViewSchema, ...errorResponses },
      },
    },
    async (request) => {
      return setEnabled(ctx, auditActor(request), request.params.id, request.body.enabled);
    },
  );

  app.post<IdParams>(
    '/api/users/:id/unlock',
    {
      ...permissionFirst('users.setEnabled'),
      schema: {
        tags: ['accounts'],
        summary: 'Unlock a locked-out account (security admin)',
        params: idParams,
        response: { 200: userViewSchema, ...errorResponses },
      },
    },
    async (request) => {
      return unlockUser(ctx, auditActor(request), request.params.id);
    },
  );

  app.get(
    '/api/settings/security',
    {
      ...permissionFirst('settings.security'),
      schema: { tags: ['accounts'], summary: 'Security settings with their allowed ranges', response: { ...errorResponses } },
    },
    async () => {
      return {
        settings: ctx.settings.securitySettings,
        floor: SECURITY_SETTINGS_FLOOR,
        ceiling: SECURITY_SETTINGS_CEILING,
        defaults: DEFAULT_SECURITY_SETTINGS,
      };
    },
  );

  app.put<{ Body: SecuritySettings }>(
    '/api/settings/security',
    {
      ...permissionFirst('settings.security'),
      schema: {
        tags: ['accounts'],
        summary: 'Change security settings (security admin), never below the floor',
        body: settingsSchema,
        response: { 200: settingsSchema, ...errorResponses },
      },
    },
    async (request) => {
      return saveSecuritySettings(ctx, auditActor(request), request.body);
    },
  );
}
