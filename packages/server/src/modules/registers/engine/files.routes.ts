import { createReadStream } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { auditActor, authorize, permissionFirst, requireActor } from '../../../platform/auth.ts';
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { errorResponses, idParams } from '../../../platform/schemas.ts';
import { asciiName } from '../../maturity/evidence.routes.ts';
import { EVIDENCE_EXTENSIONS, EVIDENCE_MAX_BYTES } from '../../maturity/evidence.service.ts';
import { attachment } from '../../registry/excel.routes.ts';
import { listRegisterFiles, openRegisterFile, REGISTER_FILES_MAX_PER_ENTRY, uploadRegisterFile } from './files.ts';
import type { RegisterModule } from './module.ts';
import { permissionOf } from './routes.ts';

// A register row's files: upload (who keeps the row), list and download (who reads it).

const fileView = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    entryId: { type: 'integer' },
    fileName: { type: 'string' },
    contentType: { type: 'string' },
    size: { type: 'integer' },
    sha256: { type: 'string' },
    uploadedBy: { type: ['integer', 'null'] },
    uploadedAt: { type: 'string' },
  },
} as const;

export function registerFileRoutes(app: FastifyInstance, ctx: AppContext, module: RegisterModule): void {
  const { definition } = module;
  const base = `/api/registers/${definition.key}/:id/files`;
  const tags = [`registers: ${definition.label.en}`];
  const read = permissionOf(definition.key, 'read');
  const write = permissionOf(definition.key, 'write');

  app.post<{ Params: { id: number } }>(
    base,
    {
      ...permissionFirst(write),
      schema: {
        tags,
        summary: `Attach a file to a row (multipart field \`file\`; ≤ 10 MB; ${EVIDENCE_EXTENSIONS.join('/')}, checked by extension and content; ≤ ${REGISTER_FILES_MAX_PER_ENTRY} per row; audited)`,
        consumes: ['multipart/form-data'],
        params: idParams,
        response: { 201: fileView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = authorize(request, write);
      const file = request.isMultipart() ? await request.file({ limits: { fileSize: EVIDENCE_MAX_BYTES, files: 1 } }) : undefined;
      if (!file || file.fieldname !== 'file') throw new AppError(400, 'registers.noFile', {}, 'file');
      const data = await file.toBuffer();
      if (file.file.truncated) throw new AppError(413, 'request.tooLarge');
      const stored = await uploadRegisterFile(ctx, definition, actor, auditActor(request), request.params.id, {
        fileName: file.filename || 'file',
        data,
      });
      return reply.status(201).send(stored);
    },
  );

  app.get<{ Params: { id: number } }>(
    base,
    {
      ...permissionFirst(read),
      schema: {
        tags,
        summary: 'The files of a row (404 outside the caller’s scope)',
        params: idParams,
        response: { 200: { type: 'object', properties: { items: { type: 'array', items: fileView } } }, ...errorResponses },
      },
    },
    async (request) => listRegisterFiles(ctx, definition, requireActor(request), request.params.id),
  );

  app.get<{ Params: { id: number; fileId: string } }>(
    `${base}/:fileId`,
    {
      ...permissionFirst(read),
      schema: {
        tags,
        summary: 'Download one file of a row (as an attachment, never rendered inline)',
        params: {
          type: 'object',
          required: ['id', 'fileId'],
          properties: { ...idParams.properties, fileId: { type: 'string', minLength: 1, maxLength: 40 } },
        },
        response: { 200: { description: 'The file as uploaded', type: 'string', format: 'binary' }, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { file, path } = await openRegisterFile(ctx, definition, requireActor(request), request.params.id, request.params.fileId);
      return reply
        .header('content-type', file.contentType)
        .header('content-length', file.size)
        .header('content-disposition', attachment(file.fileName, asciiName(file.fileName)))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(createReadStream(path));
    },
  );
}
