import { handleKey } from '@zhizao/domain';
import type { FastifyInstance } from 'fastify';
import { auditActor, permissionFirst, requireActor } from '../../platform/auth.ts';
import type { AppContext } from '../../platform/context.ts';
import { randomToken, sha256, sm3 } from '../../platform/crypto.ts';
import { AppError } from '../../platform/errors.ts';
import { errorResponses, okResponse } from '../../platform/schemas.ts';
import { findEnterpriseIdByCreditCode } from '../registry/enterprise.repo.ts';
import { enterpriseOf, ownedPrefix } from './access.ts';
import { identifierNode } from './node.ts';
import { prefixParams, tags } from './schemas.ts';

// An enterprise's machine credentials (API keys for the Handle.Net and SNMS APIs; the secret is shown once and
// stored as SM3) and its read grants (another enterprise sees the non-public values under one of its prefixes).

const guarded = permissionFirst('identifiers.enterprise.manage');
const keySchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    label: { type: 'string' },
    createdAt: { type: 'string' },
    lastUsedAt: { type: ['string', 'null'] },
    revokedAt: { type: ['string', 'null'] },
  },
} as const;
const grantSchema = {
  type: 'object',
  properties: {
    prefix: { type: 'string' },
    granteeEnterpriseId: { type: 'integer' },
    granteeName: { type: 'string' },
    createdAt: { type: 'string' },
  },
} as const;

export function registerKeyRoutes(app: FastifyInstance, ctx: AppContext): void {
  const node = identifierNode(ctx);

  app.get(
    '/api/identifiers/api-keys',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'The enterprise’s API keys (secrets never shown again)',
        response: { 200: { type: 'object', properties: { items: { type: 'array', items: keySchema } } }, ...errorResponses },
      },
    },
    async (request) => {
      const enterpriseId = enterpriseOf(requireActor(request));
      const items = await ctx.db
        .selectFrom('idApiKey')
        .select(['id', 'label', 'createdAt', 'lastUsedAt', 'revokedAt'])
        .where('enterpriseId', '=', enterpriseId)
        .orderBy('createdAt', 'desc')
        .execute();
      return { items };
    },
  );

  app.post<{ Body: { label: string } }>(
    '/api/identifiers/api-keys',
    {
      ...guarded,
      schema: {
        tags,
        summary:
          'Create an API key: the secret is in this answer only. Handle.Net clients send Basic `300:<prefix>/ADMIN` or the key id with it; SNMS clients trade the pair for a token',
        body: {
          type: 'object',
          additionalProperties: false,
          properties: { label: { type: 'string', minLength: 1, maxLength: 100 } },
          required: ['label'],
        },
        response: {
          200: { type: 'object', properties: { id: { type: 'string' }, secret: { type: 'string' }, label: { type: 'string' } } },
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const enterpriseId = enterpriseOf(requireActor(request));
      const id = `zk_${randomToken(12)}`;
      const secret = randomToken(24);
      await ctx.db.transaction().execute(async (tx) => {
        await tx
          .insertInto('idApiKey')
          .values({
            id,
            enterpriseId,
            secretHash: sm3(secret),
            secretSha256: sha256(secret),
            label: request.body.label,
            createdBy: request.actor!.userId,
            createdAt: new Date().toISOString(),
          })
          .execute();
        await ctx.audit.append(tx, auditActor(request), {
          action: 'identifiers.apiKey.create',
          entityType: 'idApiKey',
          entityId: id,
          after: { id, label: request.body.label },
        });
      });
      return { id, secret, label: request.body.label };
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/api/identifiers/api-keys/:id',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Revoke an API key (its SNMS tokens stop working too)',
        params: { type: 'object', properties: { id: { type: 'string', maxLength: 40 } }, required: ['id'] },
        response: { 200: okResponse, ...errorResponses },
      },
    },
    async (request) => {
      const enterpriseId = enterpriseOf(requireActor(request));
      await ctx.db.transaction().execute(async (tx) => {
        const r = await tx
          .updateTable('idApiKey')
          .set({ revokedAt: new Date().toISOString() })
          .where('id', '=', request.params.id)
          .where('enterpriseId', '=', enterpriseId)
          .where('revokedAt', 'is', null)
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) !== 1) throw new AppError(404, 'identifiers.apiKeyNotFound');
        await ctx.audit.append(tx, auditActor(request), {
          action: 'identifiers.apiKey.revoke',
          entityType: 'idApiKey',
          entityId: request.params.id,
        });
      });
      node.verified.clear();
      return { ok: true };
    },
  );

  app.get(
    '/api/identifiers/grants',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Read grants the enterprise gave on its prefixes',
        response: { 200: { type: 'object', properties: { items: { type: 'array', items: grantSchema } } }, ...errorResponses },
      },
    },
    async (request) => {
      const enterpriseId = enterpriseOf(requireActor(request));
      const items = await ctx.db
        .selectFrom('idGrant as g')
        .innerJoin('idPrefix as p', 'p.prefix', 'g.prefix')
        .innerJoin('enterprise as e', 'e.id', 'g.granteeEnterpriseId')
        .select(['g.prefix', 'g.granteeEnterpriseId', 'e.name as granteeName', 'g.createdAt'])
        .where('p.enterpriseId', '=', enterpriseId)
        .orderBy('g.createdAt')
        .execute();
      return { items };
    },
  );

  app.post<{ Body: { prefix: string; granteeCreditCode: string } }>(
    '/api/identifiers/grants',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Let another enterprise (by credit code) read the non-public values under one of the enterprise’s prefixes',
        body: {
          type: 'object',
          additionalProperties: false,
          properties: {
            prefix: prefixParams.properties.prefix,
            granteeCreditCode: { type: 'string', pattern: '^[0-9A-HJ-NPQRTUWXY]{18}$' },
          },
          required: ['prefix', 'granteeCreditCode'],
        },
        response: { 200: grantSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const prefix = await ownedPrefix(ctx, actor, request.body.prefix);
      const grantee = await findEnterpriseIdByCreditCode(ctx.db, request.body.granteeCreditCode);
      if (!grantee) throw new AppError(404, 'identifiers.granteeNotFound', {}, 'granteeCreditCode');
      if (grantee.id === prefix.enterpriseId) throw new AppError(400, 'identifiers.grantSelf', {}, 'granteeCreditCode');
      const createdAt = new Date().toISOString();
      await ctx.db.transaction().execute(async (tx) => {
        await tx
          .insertInto('idGrant')
          .values({ prefix: prefix.prefix, granteeEnterpriseId: grantee.id, createdBy: actor.userId, createdAt })
          .onConflict((oc) => oc.columns(['prefix', 'granteeEnterpriseId']).doNothing())
          .execute();
        await ctx.audit.append(tx, auditActor(request), {
          action: 'identifiers.grant.create',
          entityType: 'idGrant',
          entityId: prefix.prefix,
          after: { granteeEnterpriseId: grantee.id },
        });
      });
      const name = await ctx.db.selectFrom('enterprise').select('name').where('id', '=', grantee.id).executeTakeFirstOrThrow();
      return { prefix: prefix.prefix, granteeEnterpriseId: grantee.id, granteeName: name.name, createdAt };
    },
  );

  app.delete<{ Params: { prefix: string; enterpriseId: number } }>(
    '/api/identifiers/grants/:prefix/:enterpriseId',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'Withdraw a read grant',
        params: {
          type: 'object',
          properties: { prefix: prefixParams.properties.prefix, enterpriseId: { type: 'integer', minimum: 1, maximum: 2147483647 } },
          required: ['prefix', 'enterpriseId'],
        },
        response: { 200: okResponse, ...errorResponses },
      },
    },
    async (request) => {
      const prefix = await ownedPrefix(ctx, requireActor(request), request.params.prefix);
      await ctx.db.transaction().execute(async (tx) => {
        const r = await tx
          .deleteFrom('idGrant')
          .where('prefix', '=', handleKey(prefix.prefix))
          .where('granteeEnterpriseId', '=', request.params.enterpriseId)
          .executeTakeFirst();
        if (Number(r.numDeletedRows) !== 1) throw new AppError(404, 'identifiers.grantNotFound');
        await ctx.audit.append(tx, auditActor(request), {
          action: 'identifiers.grant.delete',
          entityType: 'idGrant',
          entityId: prefix.prefix,
          before: { granteeEnterpriseId: request.params.enterpriseId },
        });
      });
      return { ok: true };
    },
  );
}
