import { PERMISSIONS, type EntryValues, type Permission } from '@zhizao/domain';
import type { FastifyInstance } from 'fastify';
import { auditActor, authorize, permissionFirst, requireActor } from '../../../platform/auth.ts';
import type { AppContext } from '../../../platform/context.ts';
import { AppError, requestLocale } from '../../../platform/errors.ts';
import { errorResponses, idParams, okResponse } from '../../../platform/schemas.ts';
import { chinaDate } from '../../registry/export.service.ts';
import { attachment } from '../../registry/excel.routes.ts';
import { labelsOf } from './entries.ts';
import { exportEntries, importEntries, importMaxRowsOf, registerTemplate } from './excel.ts';
import type { RegisterModule } from './module.ts';
import type { RegisterFilter } from './repo.ts';
import { entryBodySchema, entryViewSchema, listQuerySchema } from './schemas.ts';
import { archiveEntry, createEntry, listEntries, loadEntry, updateEntry } from './service.ts';

// The shared routes of every register, made from its definition: list, one row, add, change, delete,
// the import template, import and export. Guards name the register's own permissions.

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const fileResponses = { 200: { description: 'An .xlsx workbook', type: 'string', format: 'binary' }, ...errorResponses } as const;
type Body = EntryValues & { confirmWarnings?: boolean; version?: number };
type IdParams = { Params: { id: number } };

export function permissionOf(key: string, action: 'read' | 'write' | 'export'): Permission {
  const permission = `registers.${key}.${action}`;
  if (!(permission in PERMISSIONS)) throw new Error(`register ${key} has no permission ${permission} (domain registers/permissions.ts)`);
  return permission as Permission;
}

const splitBody = ({ confirmWarnings, version, ...values }: Body) => ({ values, confirmWarnings: confirmWarnings === true, version });

export function registerEntryRoutes(app: FastifyInstance, ctx: AppContext, module: RegisterModule): void {
  const { definition } = module;
  const hooks = module.hooks ?? {};
  const base = `/api/registers/${definition.key}`;
  const tags = [`registers: ${definition.label.en}`];
  const config = { fieldLabels: labelsOf(definition) };
  const read = permissionOf(definition.key, 'read');
  const write = permissionOf(definition.key, 'write');
  const exportPermission = permissionOf(definition.key, 'export');
  const view = entryViewSchema(definition);
  const name = definition.label.en.toLowerCase();

  app.get<{ Querystring: RegisterFilter & { page: number; pageSize: number } }>(
    base,
    {
      ...permissionFirst(read),
      config,
      schema: {
        tags,
        summary: `The ${name} in the caller’s scope, filtered and paged`,
        querystring: listQuerySchema(definition, true),
        response: {
          200: {
            type: 'object',
            properties: {
              items: { type: 'array', items: view },
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
      const { page, pageSize, ...filter } = request.query;
      return listEntries(ctx, definition, requireActor(request), filter, { page, pageSize });
    },
  );

  app.get(
    `${base}/template.xlsx`,
    {
      ...permissionFirst(write),
      schema: { tags, summary: `The import template of the ${name}`, produces: [XLSX], response: fileResponses },
    },
    async (_request, reply) =>
      reply
        .header('content-type', XLSX)
        .header('content-disposition', attachment(`${definition.label.zh}导入模板.xlsx`, `${definition.key}-template.xlsx`))
        .send(await registerTemplate(definition)),
  );

  app.post<{ Querystring: { confirmWarnings?: boolean } }>(
    `${base}/import`,
    {
      ...permissionFirst(write),
      config,
      schema: {
        tags,
        summary: `Import ${name} from a filled template (multipart field \`file\`, ≤ ${importMaxRowsOf(definition)} rows): all or nothing; 400 lists every problem by row and column, duplicates included; implausible values need ?confirmWarnings=true (audited)`,
        consumes: ['multipart/form-data'],
        querystring: { type: 'object', additionalProperties: false, properties: { confirmWarnings: { type: 'boolean' } } },
        response: { 200: { type: 'object', properties: { imported: { type: 'integer' } } }, ...errorResponses },
      },
    },
    async (request) => {
      const actor = authorize(request, write);
      const file = request.isMultipart() ? await request.file() : undefined;
      if (!file || file.fieldname !== 'file') throw new AppError(400, 'import.noFile', {}, 'file');
      const data = await file.toBuffer();
      if (file.file.truncated) throw new AppError(413, 'request.tooLarge');
      return importEntries(
        ctx,
        definition,
        hooks,
        actor,
        auditActor(request),
        data,
        requestLocale(request),
        request.query.confirmWarnings === true,
      );
    },
  );

  app.get<{ Querystring: RegisterFilter }>(
    `${base}/export.xlsx`,
    {
      ...permissionFirst(exportPermission),
      config,
      schema: {
        tags,
        summary: `The filtered ${name} as a workbook in the template’s columns (audited)`,
        querystring: listQuerySchema(definition, false),
        produces: [XLSX],
        response: fileResponses,
      },
    },
    async (request, reply) => {
      const actor = authorize(request, exportPermission);
      const data = await exportEntries(ctx, definition, actor, request.query);
      await ctx.db.transaction().execute((tx) =>
        ctx.audit.append(tx, auditActor(request), {
          action: `registers.${definition.key}.export`,
          entityType: definition.key,
          after: { format: 'xlsx', filter: request.query },
        }),
      );
      const day = chinaDate();
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', attachment(`${definition.label.zh}-${day}.xlsx`, `${definition.key}-${day}.xlsx`))
        .header('cache-control', 'no-store')
        .send(data);
    },
  );

  app.get<IdParams>(
    `${base}/:id`,
    {
      ...permissionFirst(read),
      config,
      schema: {
        tags,
        summary: `One of the ${name} (404 outside the caller’s scope)`,
        params: idParams,
        response: { 200: view, ...errorResponses },
      },
    },
    async (request) => loadEntry(ctx.db, definition, requireActor(request), request.params.id),
  );

  app.post<{ Body: Body }>(
    base,
    {
      ...permissionFirst(write),
      config,
      schema: {
        tags,
        summary: `Add to the ${name} (district staff in their own district; implausible values need confirmWarnings; duplicates 409; audited)`,
        body: entryBodySchema(definition, false),
        response: { 201: view, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { values, confirmWarnings } = splitBody(request.body);
      return reply
        .status(201)
        .send(await createEntry(ctx, definition, hooks, requireActor(request), auditActor(request), values, { confirmWarnings }));
    },
  );

  app.put<IdParams & { Body: Body }>(
    `${base}/:id`,
    {
      ...permissionFirst(write),
      config,
      schema: {
        tags,
        summary: `Change one of the ${name} (the version read; audited)`,
        params: idParams,
        body: entryBodySchema(definition, true),
        response: { 200: view, ...errorResponses },
      },
    },
    async (request) => {
      const { values, confirmWarnings, version } = splitBody(request.body);
      return updateEntry(ctx, definition, hooks, requireActor(request), auditActor(request), request.params.id, values, version!, {
        confirmWarnings,
      });
    },
  );

  app.delete<IdParams>(
    `${base}/:id`,
    {
      ...permissionFirst(write),
      schema: {
        tags,
        summary: `Delete one of the ${name} (kept in the audit log)`,
        params: idParams,
        response: { 200: okResponse, ...errorResponses },
      },
    },
    async (request) => {
      await archiveEntry(ctx, definition, hooks, requireActor(request), auditActor(request), request.params.id);
      return { ok: true };
    },
  );
}
