import { createReadStream } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { auditActor, authorize, loginFirst, permissionFirst, requireActor } from '../../platform/auth.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, requestLocale } from '../../platform/errors.ts';
import { errorResponses, idParams } from '../../platform/schemas.ts';
import { EVIDENCE_EXTENSIONS, EVIDENCE_MAX_BYTES } from '../maturity/evidence.service.ts';
import { attachment } from '../registry/excel.routes.ts';
import {
  applicationDetail,
  createApplication,
  listApplications,
  updateApplication,
  type ApplicationContent,
  type ApplicationFilter,
} from './applications.service.ts';
import {
  ATTACHMENT_MAX_PER_APPLICATION,
  deleteAttachment,
  listVisibleAttachments,
  openAttachment,
  uploadAttachment,
} from './attachments.service.ts';
import { makeMove, type MoveInput } from './moves.service.ts';
import {
  applicationCreateSchema,
  applicationDetailSchema,
  applicationListQuerySchema,
  applicationSummarySchema,
  applicationUpdateSchema,
  attachmentSchema,
  list,
  moveBodySchema,
  page,
  tags,
} from './schemas.ts';

// Applications: start, autosave, read, the workflow's moves, attachments.

type IdParams = { Params: { id: number } };
const fileParams = {
  type: 'object',
  properties: { fileId: { type: 'string', minLength: 1, maxLength: 40 } },
  required: ['fileId'],
} as const;
/** A header-safe ASCII stand-in for a file name (the UTF-8 name goes in filename*). */
export const asciiName = (fileName: string, fallback = 'file') =>
  fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\;]/g, '_') || fallback;

export function registerApplicationRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post<{ Body: { programmeId: number } }>(
    '/api/recognition/applications',
    {
      ...permissionFirst('recognition.application.write'),
      schema: {
        tags,
        summary: 'Start an application of the caller’s enterprise in a programme (a draft; 409 when one is already open there)',
        body: applicationCreateSchema,
        response: { 200: applicationDetailSchema, ...errorResponses },
      },
    },
    async (request) => createApplication(ctx, requireActor(request), auditActor(request), request.body.programmeId, requestLocale(request)),
  );

  app.get<{ Querystring: ApplicationFilter & { page: number; pageSize: number } }>(
    '/api/recognition/applications',
    {
      ...permissionFirst('recognition.application.read'),
      schema: {
        tags,
        summary: 'Applications in the caller’s scope (own enterprise, own district, or all), newest change first',
        querystring: applicationListQuerySchema,
        response: { 200: page(applicationSummarySchema), ...errorResponses },
      },
    },
    async (request) => {
      const { page: p, pageSize, ...filter } = request.query;
      return listApplications(ctx.db, requireActor(request), filter, { page: p, pageSize });
    },
  );

  app.get<IdParams>(
    '/api/recognition/applications/:id',
    {
      ...permissionFirst('recognition.application.read'),
      schema: {
        tags,
        summary:
          'One application: content, KPI changes against the benchmarks, gates, history of moves with reasons, attachments, the moves open to the caller',
        params: idParams,
        response: { 200: applicationDetailSchema, ...errorResponses },
      },
    },
    async (request) => applicationDetail(ctx.db, requireActor(request), request.params.id, requestLocale(request)),
  );

  app.put<IdParams & { Body: ApplicationContent & { version: number } }>(
    '/api/recognition/applications/:id',
    {
      ...permissionFirst('recognition.application.write'),
      schema: {
        tags,
        summary: 'Autosave the application (draft or returned); `version` must be the one read (409 recognition.versionConflict)',
        params: idParams,
        body: applicationUpdateSchema,
        response: { 200: applicationDetailSchema, ...errorResponses },
      },
    },
    async (request) =>
      updateApplication(ctx, requireActor(request), auditActor(request), request.params.id, request.body, requestLocale(request)),
  );

  app.post<IdParams & { Body: MoveInput }>(
    '/api/recognition/applications/:id/moves',
    {
      ...permissionFirst('recognition.application.move'),
      schema: {
        tags,
        summary: 'Make a workflow move (the state machine decides who may, from where, with which reason)',
        params: idParams,
        body: moveBodySchema,
        response: { 200: applicationDetailSchema, ...errorResponses },
      },
    },
    async (request) => makeMove(ctx, requireActor(request), auditActor(request), request.params.id, request.body, requestLocale(request)),
  );

  app.post<IdParams>(
    '/api/recognition/applications/:id/attachments',
    {
      ...permissionFirst('recognition.application.write'),
      schema: {
        tags,
        summary: `Upload an attachment (multipart field \`file\`; ≤ 10 MB; ${EVIDENCE_EXTENSIONS.join('/')}; ≤ ${ATTACHMENT_MAX_PER_APPLICATION}; draft or returned only)`,
        consumes: ['multipart/form-data'],
        params: idParams,
        response: { 200: attachmentSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = authorize(request, 'recognition.application.write');
      const file = request.isMultipart() ? await request.file({ limits: { fileSize: EVIDENCE_MAX_BYTES, files: 1 } }) : undefined;
      if (!file || file.fieldname !== 'file') throw new AppError(400, 'recognition.attachmentNoFile', {}, 'file');
      const data = await file.toBuffer();
      if (file.file.truncated) throw new AppError(413, 'request.tooLarge');
      return uploadAttachment(ctx, actor, auditActor(request), request.params.id, { fileName: file.filename || 'file', data });
    },
  );

  app.get<IdParams>(
    '/api/recognition/applications/:id/attachments',
    {
      ...loginFirst,
      schema: {
        tags,
        summary: 'The attachments of an application (its readers and its panel’s experts)',
        params: idParams,
        response: { 200: list(attachmentSchema), ...errorResponses },
      },
    },
    async (request) => listVisibleAttachments(ctx, requireActor(request), request.params.id),
  );

  app.get<{ Params: { fileId: string } }>(
    '/api/recognition/attachments/:fileId',
    {
      ...loginFirst,
      schema: {
        tags,
        summary: 'Download one attachment (as an attachment, never inline)',
        params: fileParams,
        response: { 200: { description: 'The file as uploaded', type: 'string', format: 'binary' }, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { attachment: a, path } = await openAttachment(ctx, requireActor(request), request.params.fileId);
      return reply
        .header('content-type', a.contentType)
        .header('content-length', a.size)
        .header('content-disposition', attachment(a.fileName, asciiName(a.fileName)))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(createReadStream(path));
    },
  );

  app.delete<{ Params: { fileId: string } }>(
    '/api/recognition/attachments/:fileId',
    {
      ...permissionFirst('recognition.application.write'),
      schema: {
        tags,
        summary: 'Delete an attachment (own application, draft or returned)',
        params: fileParams,
        response: { 200: { type: 'object', properties: { deleted: { type: 'boolean' } } }, ...errorResponses },
      },
    },
    async (request) => deleteAttachment(ctx, requireActor(request), auditActor(request), request.params.fileId),
  );
}
