import type { Permission } from '@zhizao/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { auditActor, authorize } from '../../platform/auth.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, requestLocale } from '../../platform/errors.ts';
import { errorResponses, okResponse } from '../../platform/schemas.ts';
import type { EnterpriseFilter } from './enterprise.repo.ts';
import { loadSheetTaxonomy } from './excel.columns.ts';
import { buildImportTemplate } from './excel.template.ts';
import { chinaDate, startEnterpriseExport } from './export.service.ts';
import {
  IMPORT_MAX_ROWS,
  PREVIEW_PROBLEMS,
  cancelEnterpriseImport,
  commitEnterpriseImport,
  createEnterpriseImport,
  importErrorReport,
  loadOwnImport,
  presentImport,
  type CommitMode,
} from './import.service.ts';
import { enterpriseFilterProperties } from './schemas.ts';

// Excel in and out of the registry (gov-it.md §4): template → upload and preview → commit or cancel,
// an error report for the rows with problems, and a streamed export.

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An attachment header with a UTF-8 file name (RFC 5987/6266) and an ASCII fallback for old clients. */
export function attachment(fileName: string, asciiFallback: string): string {
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

const sendXlsx = (reply: FastifyReply, fileName: string, asciiFallback: string, body: Buffer | NodeJS.ReadableStream) =>
  reply
    .header('content-type', XLSX)
    .header('content-disposition', attachment(fileName, asciiFallback))
    .header('cache-control', 'no-store')
    .send(body);

/** The permission check before validation too: a caller without it learns nothing about the input's shape. */
const permitted = (permission: Permission) => ({
  preValidation: async (request: FastifyRequest) => {
    authorize(request, permission);
  },
});
const canImport = permitted('registry.import');

const importIdParams = {
  type: 'object',
  // Any string: an id that is no import's is simply not found (after the permission check).
  properties: { id: { type: 'string', minLength: 1, maxLength: 40 } },
  required: ['id'],
} as const;

const importView = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    fileName: { type: 'string' },
    status: { type: 'string', enum: ['pending', 'committed', 'cancelled'] },
    totalRows: { type: 'integer' },
    validRows: { type: 'integer' },
    problemCount: { type: 'integer', description: 'All problems; `problems` lists at most ' + PREVIEW_PROBLEMS },
    problems: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          row: { type: 'integer', description: 'Row number in the file, as Excel shows it' },
          column: { type: ['string', 'null'], description: 'Column letter in the file' },
          field: { type: 'string' },
          code: { type: 'string' },
          message: { type: 'string' },
        },
      },
    },
    createdAt: { type: 'string' },
    committedAt: { type: ['string', 'null'] },
  },
} as const;

const fileResponses = { 200: { description: 'An .xlsx workbook', type: 'string', format: 'binary' }, ...errorResponses } as const;

export function registerRegistryExcelRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(
    '/api/enterprises/import/template.xlsx',
    {
      ...canImport,
      schema: {
        tags: ['registry'],
        summary: 'The import template: fixed header, comments, dropdowns of the current taxonomy',
        produces: [XLSX],
        response: fileResponses,
      },
    },
    async (request, reply) => {
      const actor = authorize(request, 'registry.import');
      const data = await buildImportTemplate(await loadSheetTaxonomy(ctx.db), actor, IMPORT_MAX_ROWS);
      return sendXlsx(reply, '企业名录导入模板.xlsx', 'enterprise-import-template.xlsx', data);
    },
  );

  app.post(
    '/api/enterprises/import',
    {
      ...canImport,
      schema: {
        tags: ['registry'],
        summary: `Upload a filled template (multipart field \`file\`, .xlsx, ≤ 20 MB, ≤ ${IMPORT_MAX_ROWS} rows): every row is checked, nothing imported yet`,
        consumes: ['multipart/form-data'],
        response: { 200: importView, ...errorResponses },
      },
    },
    async (request) => {
      const actor = authorize(request, 'registry.import');
      const file = request.isMultipart() ? await request.file() : undefined;
      if (!file || file.fieldname !== 'file') throw new AppError(400, 'import.noFile', {}, 'file');
      const data = await file.toBuffer();
      // toBuffer may miss the size limit when it is hit on the last chunk; busboy's flag does not.
      if (file.file.truncated) throw new AppError(413, 'request.tooLarge');
      const job = await createEnterpriseImport(ctx, actor, auditActor(request), { fileName: file.filename || 'import.xlsx', data });
      return presentImport(job, requestLocale(request));
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/enterprises/import/:id',
    {
      ...canImport,
      schema: {
        tags: ['registry'],
        summary: 'An import’s preview again (its uploader only)',
        params: importIdParams,
        response: { 200: importView, ...errorResponses },
      },
    },
    async (request) => {
      const actor = authorize(request, 'registry.import');
      return presentImport(await loadOwnImport(ctx, actor, request.params.id), requestLocale(request));
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/enterprises/import/:id/errors.xlsx',
    {
      ...canImport,
      schema: {
        tags: ['registry'],
        summary: 'The rows with problems, each bad cell marked with its reason',
        params: importIdParams,
        produces: [XLSX],
        response: fileResponses,
      },
    },
    async (request, reply) => {
      const actor = authorize(request, 'registry.import');
      const report = await importErrorReport(ctx, actor, request.params.id, requestLocale(request));
      return sendXlsx(reply, report.fileName, 'import-problems.xlsx', report.data);
    },
  );

  app.post<{ Params: { id: string }; Body: { mode: CommitMode } }>(
    '/api/enterprises/import/:id/commit',
    {
      ...canImport,
      schema: {
        tags: ['registry'],
        summary: 'Import in one transaction: `all` refuses if any row has a problem, `valid` imports the rows without problems',
        params: importIdParams,
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['mode'],
          properties: { mode: { type: 'string', enum: ['valid', 'all'] } },
        },
        response: {
          200: { type: 'object', properties: { imported: { type: 'integer' }, skipped: { type: 'integer' } } },
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const actor = authorize(request, 'registry.import');
      return commitEnterpriseImport(ctx, actor, auditActor(request), request.params.id, request.body.mode);
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/api/enterprises/import/:id',
    {
      ...canImport,
      schema: {
        tags: ['registry'],
        summary: 'Cancel a pending import: nothing is imported',
        params: importIdParams,
        response: { 200: okResponse, ...errorResponses },
      },
    },
    async (request) => {
      const actor = authorize(request, 'registry.import');
      await cancelEnterpriseImport(ctx, actor, auditActor(request), request.params.id);
      return { ok: true };
    },
  );

  app.get<{ Querystring: EnterpriseFilter }>(
    '/api/enterprises/export.xlsx',
    {
      ...permitted('registry.export'),
      schema: {
        tags: ['registry'],
        summary: 'Export the filtered registry in the template’s columns (streamed; phones masked; district officers get their district)',
        querystring: { type: 'object', additionalProperties: false, properties: enterpriseFilterProperties },
        produces: [XLSX],
        response: fileResponses,
      },
    },
    async (request, reply) => {
      const actor = authorize(request, 'registry.export');
      const stream = await startEnterpriseExport(ctx, actor, auditActor(request), request.query);
      const day = chinaDate();
      return sendXlsx(reply, `企业名录-${day}.xlsx`, `enterprises-${day}.xlsx`, stream);
    },
  );
}
