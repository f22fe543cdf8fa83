import { parseCsv, uploadHeader, uploadItem, uploadLayout, type TemplateDefinition } from '@zhizao/domain';
import type { FastifyInstance } from 'fastify';
import { auditActor, permissionFirst, requireActor } from '../../platform/auth.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, requestLocale } from '../../platform/errors.ts';
import { errorResponses } from '../../platform/schemas.ts';
import { firstWorksheetRows, isZip } from '../../platform/spreadsheet.ts';
import { attachment } from '../registry/excel.routes.ts';
import { enterpriseOf, ownedPrefix } from './access.ts';
import { templateRow } from './repo.ts';
import { prefixParams, tags, versionSchema } from './schemas.ts';
import { startUploadJob, type UploadError } from './uploads.job.ts';

// Part 3, files: a CSV or Excel file of identifiers under one prefix and template version becomes a durable job
// (uploads.job.ts: registered in the background in chunks of 1,000, resumed after a restart), and the web polls the
// job for its progress bar.

const MAX_ROWS = 100_000;

const jobSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    status: { type: 'string', enum: ['queued', 'running', 'done', 'failed'] },
    total: { type: 'integer' },
    processed: { type: 'integer' },
    registered: { type: 'integer' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: { row: { type: 'integer' }, handle: { type: ['string', 'null'] }, message: { type: 'string' } },
      },
    },
    fileName: { type: 'string' },
    createdAt: { type: 'string' },
    finishedAt: { type: ['string', 'null'] },
  },
} as const;

/** The rows of a CSV or of the first worksheet of an .xlsx (streamed and size-checked), as text. */
async function readRows(fileName: string, data: Buffer): Promise<string[][]> {
  if (/\.csv$/i.test(fileName) || !isZip(data)) return parseCsv(data.toString('utf8'));
  const rows: string[][] = [];
  for await (const row of firstWorksheetRows(data, MAX_ROWS)) {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => (cells[column - 1] = cell.text ?? ''));
    rows.push(Array.from(cells, (c) => c ?? ''));
  }
  return rows;
}

export function registerUploadRoutes(app: FastifyInstance, ctx: AppContext): void {
  const guarded = permissionFirst('identifiers.enterprise.manage');

  app.post(
    '/api/identifiers/uploads',
    {
      ...guarded,
      schema: {
        tags,
        summary: `Upload identifiers (multipart: fields prefix and templateVersion, then file .csv/.xlsx, ≤ ${MAX_ROWS} rows): 202 with the job to poll`,
        consumes: ['multipart/form-data'],
        response: { 202: { type: 'object', properties: { jobId: { type: 'string' } } }, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const enterpriseId = enterpriseOf(actor);
      const file = request.isMultipart() ? await request.file() : undefined;
      if (!file || file.fieldname !== 'file') throw new AppError(400, 'import.noFile', {}, 'file');
      const field = (name: string) => {
        const f = file.fields[name];
        const one = Array.isArray(f) ? f[0] : f;
        return one && 'value' in one && typeof one.value === 'string' ? one.value : '';
      };
      const data = await file.toBuffer();
      if (file.file.truncated) throw new AppError(413, 'request.tooLarge');
      const prefix = await ownedPrefix(ctx, actor, field('prefix'));
      const version = field('templateVersion');
      const template = version ? await templateRow(ctx.db, prefix.prefix, version) : undefined;
      if (!template) throw new AppError(400, 'identifiers.templateNotFound', { version }, 'templateVersion');
      const rows = await readRows(file.filename || 'upload.csv', data);
      const layout = uploadLayout(rows[0] ?? [], JSON.parse(template.definitionJson) as TemplateDefinition);
      if ('problem' in layout)
        throw new AppError(
          400,
          layout.problem === 'noHandleColumn' ? 'identifiers.uploadNoHandleColumn' : 'identifiers.uploadUnknownColumn',
          { header: layout.header ?? '' },
          'file',
        );
      if (rows.length - 1 > MAX_ROWS) throw new AppError(400, 'identifiers.uploadTooManyRows', { limit: MAX_ROWS }, 'file');
      const items = rows.slice(1).map((row) => ({ ...uploadItem(row, layout, prefix.prefix), templateVersion: version }));
      // the rows are stored with the job before the answer goes out; the job runner registers them chunk by chunk
      const id = await startUploadJob(
        ctx,
        {
          enterpriseId,
          userId: actor.userId,
          fileName: file.filename || 'upload',
          prefix: prefix.prefix,
          templateVersion: version,
          audit: auditActor(request),
          locale: requestLocale(request),
        },
        items,
      );
      return reply.code(202).send({ jobId: id });
    },
  );

  app.get<{ Querystring: { prefix: string; version: string } }>(
    '/api/identifiers/uploads/template.csv',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'The header line of a file to fill for a template version (handle, URL, one column per item)',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { prefix: prefixParams.properties.prefix, version: versionSchema },
          required: ['prefix', 'version'],
        },
        produces: ['text/csv'],
        response: { 200: { type: 'string' }, ...errorResponses },
      },
    },
    async (request, reply) => {
      const prefix = await ownedPrefix(ctx, requireActor(request), request.query.prefix);
      const template = await templateRow(ctx.db, prefix.prefix, request.query.version);
      if (!template) throw new AppError(404, 'identifiers.templateNotFound', { version: request.query.version }, 'version');
      const name = `identifiers-${prefix.prefix}-${request.query.version}.csv`;
      return reply
        .header('content-disposition', attachment(name, name))
        .type('text/csv; charset=utf-8')
        .send('\ufeff' + uploadHeader(JSON.parse(template.definitionJson) as TemplateDefinition).join(',') + '\r\n');
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/identifiers/uploads/:id',
    {
      ...guarded,
      schema: {
        tags,
        summary: 'An upload job: progress, registered count, refused rows',
        params: { type: 'object', properties: { id: { type: 'string', format: 'uuid' } }, required: ['id'] },
        response: { 200: jobSchema, ...errorResponses },
      },
    },
    async (request) => {
      const enterpriseId = enterpriseOf(requireActor(request));
      const job = await ctx.db
        .selectFrom('idUploadJob')
        .selectAll()
        .where('id', '=', request.params.id)
        .where('enterpriseId', '=', enterpriseId)
        .executeTakeFirst();
      if (!job) throw new AppError(404, 'identifiers.uploadNotFound');
      const { errorsJson, ...rest } = job;
      return { ...rest, errors: JSON.parse(errorsJson) as UploadError[] };
    },
  );
}
