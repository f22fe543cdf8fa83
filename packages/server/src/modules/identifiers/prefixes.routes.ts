import { enterprisePrefix, nextPrefixStatus, type PrefixAction, type PrefixStatus } from '@zhizao/domain';
import type { FastifyInstance } from 'fastify';
import { auditActor, loginFirst, permissionFirst, requireActor } from '../../platform/auth.ts';
import type { AppContext } from '../../platform/context.ts';
import type { FieldCipher } from '../../platform/field-crypto.ts';
import { SEALED_COLUMNS } from '../../db/sealed-columns.ts';
import { AppError, requestLocale } from '../../platform/errors.ts';
import { errorResponses } from '../../platform/schemas.ts';
import { findEnterprise } from '../registry/enterprise.repo.ts';
import { isUniqueViolation } from '../../db/database.ts';
import { enterpriseOf, enterprisesIn, prefixReaderFirst, prefixScope, visiblePrefix } from './access.ts';
import { identifierNode } from './node.ts';
import { identifierCounts, nodeStatistics } from './statistics.service.ts';
import { applicationBody, decisionBody, pageQuery, prefixParams, prefixSchema, tags } from './schemas.ts';

// Part 1: the node's prefix (configuration) and enterprise prefixes under it. An enterprise applies with its
// real-name data from the registry; the bureau, running the node, approves, rejects, suspends, reinstates or revokes.

type PrefixRow = Awaited<ReturnType<typeof visiblePrefix>>;
// The contact's phone and e-mail are sealed in the row (and so in the audit entry of the application).
const SEALED = SEALED_COLUMNS.idPrefix.columns;
const present = (cipher: FieldCipher, { serial: _serial, appliedBy: _a, decidedBy: _d, ...row }: PrefixRow) =>
  cipher.openFields(row, SEALED);

export function registerPrefixRoutes(app: FastifyInstance, ctx: AppContext): void {
  const node = identifierNode(ctx);

  app.get(
    '/api/identifiers/node',
    {
      ...loginFirst,
      schema: {
        tags,
        summary: 'The secondary node: its prefix (88.999 is a demo value) and totals since start',
        response: {
          200: {
            type: 'object',
            properties: {
              nodePrefix: { type: 'string' },
              demoPrefix: { type: 'boolean' },
              notice: { type: ['string', 'null'] },
              totals: {
                type: 'object',
                properties: {
                  registrations: { type: 'integer' },
                  resolutions: { type: 'integer' },
                  identifiers: { type: 'integer' },
                  enterprises: { type: 'integer' },
                },
              },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { totals } = await nodeStatistics(ctx, { all: true });
      const enterprises = await ctx.db
        .selectFrom('idPrefix')
        .select((eb) => eb.fn.count<number>('enterpriseId').distinct().as('n'))
        .where('status', 'in', ['active', 'suspended'])
        .executeTakeFirstOrThrow();
      const locale = requestLocale(request);
      return {
        nodePrefix: node.config.nodePrefix,
        demoPrefix: node.config.demoPrefix,
        notice: node.config.demoPrefix
          ? locale === 'en'
            ? '88.999 is a demo prefix, not one allocated by the national top-level node'
            : '88.999 为演示前缀，并非国家顶级节点分配的前缀'
          : null,
        totals: { ...totals, enterprises: Number(enterprises.n) },
      };
    },
  );

  app.get<{ Querystring: { status?: PrefixStatus; page: number; pageSize: number } }>(
    '/api/identifiers/prefixes',
    {
      ...prefixReaderFirst,
      schema: {
        tags,
        summary: 'Enterprise prefixes: an enterprise its own, a district officer its district’s, the node operator all (filter by status)',
        querystring: { type: 'object', additionalProperties: false, properties: { status: prefixSchema.properties.status, ...pageQuery } },
        response: {
          200: {
            type: 'object',
            properties: {
              // identifierCount: the identifiers stored under the prefix now (statistics.service.ts, as the statistics page)
              items: {
                type: 'array',
                items: { ...prefixSchema, properties: { ...prefixSchema.properties, identifierCount: { type: 'integer' } } },
              },
              total: { type: 'integer' },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const scope = prefixScope(actor);
      let query = ctx.db.selectFrom('idPrefix');
      if (!scope.all) query = query.where('enterpriseId', 'in', enterprisesIn(ctx.db, scope));
      if (request.query.status) query = query.where('status', '=', request.query.status);
      const { page, pageSize } = request.query;
      const [rows, count] = await Promise.all([
        query
          .selectAll()
          .orderBy('serial')
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      const stored = await identifierCounts(
        ctx.db,
        rows.map((r) => r.prefix),
      );
      return {
        items: rows.map((r) => ({ ...present(ctx.cipher, r), identifierCount: stored.get(r.prefix) ?? 0 })),
        total: Number(count.n),
      };
    },
  );

  app.post<{ Body: { contactName: string; contactPhone: string; contactEmail?: string | null; purpose: string } }>(
    '/api/identifiers/prefixes',
    {
      ...permissionFirst('identifiers.enterprise.manage'),
      schema: {
        tags,
        summary: 'Apply for an enterprise prefix (real-name data from the registry)',
        body: applicationBody,
        response: { 200: prefixSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const enterpriseId = enterpriseOf(actor);
      const enterprise = await findEnterprise(ctx.db, ctx.cipher, enterpriseId);
      if (!enterprise) throw new AppError(403, 'identifiers.noEnterprise');
      const pending = await ctx.db
        .selectFrom('idPrefix')
        .select('prefix')
        .where('enterpriseId', '=', enterpriseId)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      if (pending) throw new AppError(409, 'identifiers.pendingExists');
      const body = request.body;
      const at = new Date().toISOString();
      try {
        const row = await ctx.db.transaction().execute(async (tx) => {
          const last = await tx
            .selectFrom('idPrefix')
            .select((eb) => eb.fn.max<number>('serial').as('n'))
            .executeTakeFirst();
          const serial = Number(last?.n ?? 0) + 1;
          const values = ctx.cipher.sealFields(
            {
              prefix: enterprisePrefix(node.config.nodePrefix, serial).toUpperCase(),
              enterpriseId,
              status: 'pending',
              creditCode: enterprise.creditCode,
              enterpriseName: enterprise.name,
              contactName: body.contactName,
              contactPhone: body.contactPhone,
              contactEmail: body.contactEmail ?? null,
              purpose: body.purpose,
              appliedBy: actor.userId,
              appliedAt: at,
              serial,
              version: 1,
            },
            SEALED,
          );
          await tx.insertInto('idPrefix').values(values).execute();
          await ctx.audit.append(tx, auditActor(request), {
            action: 'identifiers.prefix.apply',
            entityType: 'idPrefix',
            entityId: values.prefix,
            after: values,
          });
          return { ...values, decidedAt: null, decidedBy: null, decisionNote: null };
        });
        await node.reloadPrefixes();
        return present(ctx.cipher, row);
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError(409, 'identifiers.stale');
        throw error;
      }
    },
  );

  app.post<{ Params: { prefix: string }; Body: { action: PrefixAction; note?: string | null; version: number } }>(
    '/api/identifiers/prefixes/:prefix/decision',
    {
      ...permissionFirst('identifiers.node.operate'),
      schema: {
        tags,
        summary: 'The node operator approves, rejects, suspends, reinstates or revokes a prefix',
        params: prefixParams,
        body: decisionBody,
        response: { 200: prefixSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const before = await visiblePrefix(ctx, actor, request.params.prefix);
      const { action, note, version } = request.body;
      const status = nextPrefixStatus(before.status as PrefixStatus, action);
      if (!status) throw new AppError(409, 'identifiers.prefixTransition', { status: before.status }, 'action');
      const at = new Date().toISOString();
      const after = await ctx.db.transaction().execute(async (tx) => {
        const changed = await tx
          .updateTable('idPrefix')
          .set({ status, decidedBy: actor.userId, decidedAt: at, decisionNote: note ?? null, version: version + 1 })
          .where('prefix', '=', before.prefix)
          .where('version', '=', version)
          .where('status', '=', before.status)
          .executeTakeFirst();
        if (Number(changed.numUpdatedRows) !== 1) throw new AppError(409, 'identifiers.stale', {}, 'version');
        await ctx.audit.append(tx, auditActor(request), {
          action: `identifiers.prefix.${action}`,
          entityType: 'idPrefix',
          entityId: before.prefix,
          before: { status: before.status },
          after: { status, note: note ?? null },
        });
        return { ...before, status, decidedBy: actor.userId, decidedAt: at, decisionNote: note ?? null, version: version + 1 };
      });
      await node.reloadPrefixes();
      node.forgetAll(); // identifiers under a revoked prefix stop resolving at once
      return present(ctx.cipher, after);
    },
  );
}
