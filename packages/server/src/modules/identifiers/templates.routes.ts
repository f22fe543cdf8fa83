import { checkTemplate, TEMPLATE_ITEM_MIN_INDEX, type TemplateDefinition } from '@zhizao/domain';
import type { FastifyInstance } from 'fastify';
import { auditActor, permissionFirst, requireActor } from '../../platform/auth.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { errorResponses } from '../../platform/schemas.ts';
import { isUniqueViolation } from '../../db/database.ts';
import { ownedPrefix, prefixReaderFirst, visiblePrefix } from './access.ts';
import { countTemplateUse, templateRow, templateRows } from './repo.ts';
import { prefixParams, tags, templateParams, versionSchema } from './schemas.ts';

// Part 2: metadata templates per enterprise prefix, versioned and immutable (a change is a new version, so every
// identifier keeps validating against the version it records at index 1001). Shape: SNMS v5 template, §7.

const itemSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    idIndex: { type: 'integer', minimum: TEMPLATE_ITEM_MIN_INDEX, maximum: 2147483647 },
    type: { type: 'string', minLength: 1, maxLength: 128, pattern: '^[^\\s]+$' },
    name: { type: 'string', minLength: 1, maxLength: 100 },
    required: { type: 'boolean', default: false },
    public: { type: 'boolean', default: true },
    metadata: {
      type: 'object',
      additionalProperties: false,
      properties: {
        type: { type: 'string', enum: ['string', 'number', 'date'] },
        minLength: { type: 'integer', minimum: 0, maximum: 255 },
        maxLength: { type: 'integer', minimum: 1, maximum: 255 },
        pattern: { type: 'string', maxLength: 200 },
        minimum: { type: 'number' },
        maximum: { type: 'number' },
      },
      required: ['type'],
    },
  },
  required: ['idIndex', 'type', 'name', 'metadata'],
} as const;

export const templateBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    version: versionSchema,
    industryCategory: { type: 'string', pattern: '^[A-T]$' },
    industrySpecific: { type: 'string', pattern: '^[0-9]{2}$' },
    industryTrade: { type: 'string', pattern: '^[0-9]{3}$' },
    industrySubclass: { type: 'string', pattern: '^[0-9]{4}$' },
    type: { type: 'integer', enum: [1, 2] },
    description: { type: 'string', maxLength: 500, default: '' },
    items: { type: 'array', minItems: 1, maxItems: 200, items: itemSchema },
  },
  required: ['version', 'industryCategory', 'industrySpecific', 'industryTrade', 'industrySubclass', 'type', 'items'],
} as const;

export const templateSchema = {
  type: 'object',
  properties: {
    prefix: { type: 'string' },
    ...templateBody.properties,
    items: { type: 'array', items: { ...itemSchema, additionalProperties: true } },
  },
} as const;
const summarySchema = {
  type: 'object',
  properties: {
    prefix: { type: 'string' },
    version: { type: 'string' },
    createdAt: { type: 'string' },
    itemCount: { type: 'integer' },
    description: { type: 'string' },
  },
} as const;

/** Checks and stores a new template version; the problems of a bad one in `error.details`. Shared with the SNMS route. */
export async function createTemplate(
  ctx: AppContext,
  request: Parameters<typeof auditActor>[0],
  prefix: string,
  body: Omit<TemplateDefinition, 'prefix'>,
): Promise<TemplateDefinition> {
  const problems = checkTemplate(body);
  if (problems.length > 0) {
    throw new AppError(
      400,
      `identifiers.problem.${problems[0]!.problem}`,
      { index: '' },
      problems[0]!.field,
      problems.map((p) => ({ field: p.field, key: `identifiers.problem.${p.problem}` as const, params: { index: '' } })),
    );
  }
  const definition: TemplateDefinition = { ...body, prefix };
  try {
    await ctx.db.transaction().execute(async (tx) => {
      await tx
        .insertInto('idTemplate')
        .values({
          prefix,
          version: body.version,
          definitionJson: JSON.stringify(definition),
          createdBy: request.actor?.userId ?? null,
          createdAt: new Date().toISOString(),
        })
        .execute();
      await ctx.audit.append(tx, auditActor(request), {
        action: 'identifiers.template.create',
        entityType: 'idTemplate',
        entityId: `${prefix}|${body.version}`,
        after: definition,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError(409, 'identifiers.templateExists', { version: body.version }, 'version');
    throw error;
  }
  return definition;
}

export function registerTemplateRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: { prefix: string } }>(
    '/api/identifiers/prefixes/:prefix/templates',
    {
      ...prefixReaderFirst,
      schema: {
        tags,
        summary: 'Template versions of a prefix',
        params: prefixParams,
        response: { 200: { type: 'object', properties: { items: { type: 'array', items: summarySchema } } }, ...errorResponses },
      },
    },
    async (request) => {
      const prefix = await visiblePrefix(ctx, requireActor(request), request.params.prefix);
      const rows = await templateRows(ctx.db, prefix.prefix);
      return {
        items: rows.map((r) => {
          const d = JSON.parse(r.definitionJson) as TemplateDefinition;
          return { prefix: r.prefix, version: r.version, createdAt: r.createdAt, itemCount: d.items.length, description: d.description };
        }),
      };
    },
  );

  app.get<{ Params: { prefix: string; version: string } }>(
    '/api/identifiers/prefixes/:prefix/templates/:version',
    {
      ...prefixReaderFirst,
      schema: { tags, summary: 'One template version', params: templateParams, response: { 200: templateSchema, ...errorResponses } },
    },
    async (request) => {
      const prefix = await visiblePrefix(ctx, requireActor(request), request.params.prefix);
      const row = await templateRow(ctx.db, prefix.prefix, request.params.version);
      if (!row) throw new AppError(404, 'identifiers.templateNotFound', { version: request.params.version });
      return JSON.parse(row.definitionJson) as TemplateDefinition;
    },
  );

  app.post<{ Params: { prefix: string }; Body: Omit<TemplateDefinition, 'prefix'> }>(
    '/api/identifiers/prefixes/:prefix/templates',
    {
      ...permissionFirst('identifiers.enterprise.manage'),
      schema: {
        tags,
        summary: 'Create a template version (GB/T 4754 fields; items from index 2000)',
        params: prefixParams,
        body: templateBody,
        response: { 200: templateSchema, ...errorResponses },
      },
    },
    async (request) => {
      const prefix = await ownedPrefix(ctx, requireActor(request), request.params.prefix);
      return createTemplate(ctx, request, prefix.prefix, request.body);
    },
  );
}

/** A template version no identifier uses may be deleted (SNMS DELETE). */
export async function deleteTemplate(
  ctx: AppContext,
  request: Parameters<typeof auditActor>[0],
  prefix: string,
  version: string,
): Promise<void> {
  if ((await countTemplateUse(ctx.db, prefix, version)) > 0) throw new AppError(409, 'identifiers.templateInUse');
  await ctx.db.transaction().execute(async (tx) => {
    const r = await tx.deleteFrom('idTemplate').where('prefix', '=', prefix).where('version', '=', version).executeTakeFirst();
    if (Number(r.numDeletedRows) !== 1) throw new AppError(404, 'identifiers.templateNotFound', { version });
    await ctx.audit.append(tx, auditActor(request), {
      action: 'identifiers.template.delete',
      entityType: 'idTemplate',
      entityId: `${prefix}|${version}`,
    });
  });
}

/** Rewrites a template version's definition (SNMS v5 PUT; the caller checked what may change), audited. */
export async function updateTemplate(
  ctx: AppContext,
  request: Parameters<typeof auditActor>[0],
  before: TemplateDefinition,
  after: TemplateDefinition,
): Promise<void> {
  const problems = checkTemplate(after);
  if (problems.length > 0) throw new AppError(400, `identifiers.problem.${problems[0]!.problem}`, { index: '' }, problems[0]!.field);
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('idTemplate')
      .set({ definitionJson: JSON.stringify(after) })
      .where('prefix', '=', before.prefix)
      .where('version', '=', before.version)
      .execute();
    await ctx.audit.append(tx, auditActor(request), {
      action: 'identifiers.template.update',
      entityType: 'idTemplate',
      entityId: `${before.prefix}|${before.version}`,
      before,
      after,
    });
  });
}
