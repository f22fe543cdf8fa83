import { createReadStream } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { auditActor, authorize, loginFirst, permissionFirst, requireActor } from '../../platform/auth.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { errorResponses, idParams } from '../../platform/schemas.ts';
import { attachment } from '../registry/excel.routes.ts';
import {
  EVIDENCE_EXTENSIONS,
  EVIDENCE_MAX_BYTES,
  EVIDENCE_MAX_PER_ITEM,
  deleteEvidence,
  listEvidence,
  openEvidence,
  uploadEvidence,
} from './evidence.service.ts';

// Evidence files per assessment item: upload (the enterprise, while a draft), list and download (every
// reader of the assessment), delete (the enterprise, while a draft).

const tags = ['maturity'];

const evidenceSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    assessmentId: { type: 'integer' },
    requirementId: { type: 'string' },
    fileName: { type: 'string' },
    contentType: { type: 'string' },
    size: { type: 'integer' },
    sha256: { type: 'string' },
    uploadedBy: { type: ['integer', 'null'] },
    uploadedAt: { type: 'string' },
  },
} as const;

const fileParams = {
  type: 'object',
  properties: { fileId: { type: 'string', minLength: 1, maxLength: 40 } },
  required: ['fileId'],
} as const;

const listQuery = {
  type: 'object',
  properties: { requirementId: { type: 'string', minLength: 1, maxLength: 80 } },
  additionalProperties: false,
} as const;

const writer = permissionFirst('maturity.assessment.write');
const reader = loginFirst;

/** A header-safe ASCII stand-in for a file name (the UTF-8 name goes in filename*). */
export const asciiName = (fileName: string) => fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\;]/g, '_') || 'evidence';

export function registerMaturityEvidenceRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post<{ Params: { id: number }; Querystring: { requirementId?: string } }>(
    '/api/maturity/assessments/:id/evidence',
    {
      ...writer,
      schema: {
        tags,
        summary: `Upload an evidence file for one item (multipart: form field \`requirementId\` first (or \`?requirementId=\`), then \`file\`; ≤ 10 MB; ${EVIDENCE_EXTENSIONS.join('/')}, checked by extension and content; ≤ ${EVIDENCE_MAX_PER_ITEM} per item; 409 maturity.locked once submitted)`,
        consumes: ['multipart/form-data'],
        params: idParams,
        querystring: listQuery,
        response: { 200: evidenceSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = authorize(request, 'maturity.assessment.write');
      const file = request.isMultipart() ? await request.file({ limits: { fileSize: EVIDENCE_MAX_BYTES, files: 1 } }) : undefined;
      if (!file || file.fieldname !== 'file') throw new AppError(400, 'maturity.evidenceNoFile', {}, 'file');
      const data = await file.toBuffer();
      // toBuffer may miss the size limit when it is hit on the last chunk; busboy's flag does not.
      if (file.file.truncated) throw new AppError(413, 'request.tooLarge');
      const field = file.fields.requirementId;
      const requirementId =
        field && !Array.isArray(field) && field.type === 'field' ? String(field.value) : (request.query.requirementId ?? '');
      return uploadEvidence(ctx, actor, auditActor(request), request.params.id, { requirementId, fileName: file.filename || 'file', data });
    },
  );

  app.get<{ Params: { id: number }; Querystring: { requirementId?: string } }>(
    '/api/maturity/assessments/:id/evidence',
    {
      ...reader,
      schema: {
        tags,
        summary:
          'The evidence files of an assessment (optionally of one item): its enterprise, the bureau, the district in scope, the assigned expert',
        params: idParams,
        querystring: listQuery,
        response: { 200: { type: 'object', properties: { items: { type: 'array', items: evidenceSchema } } }, ...errorResponses },
      },
    },
    async (request) => listEvidence(ctx, requireActor(request), request.params.id, request.query.requirementId),
  );

  app.get<{ Params: { fileId: string } }>(
    '/api/maturity/evidence/:fileId',
    {
      ...reader,
      schema: {
        tags,
        summary: 'Download one evidence file (as an attachment, never rendered inline)',
        params: fileParams,
        response: { 200: { description: 'The file as uploaded', type: 'string', format: 'binary' }, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { evidence, path } = await openEvidence(ctx, requireActor(request), request.params.fileId);
      return reply
        .header('content-type', evidence.contentType)
        .header('content-length', evidence.size)
        .header('content-disposition', attachment(evidence.fileName, asciiName(evidence.fileName)))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(createReadStream(path));
    },
  );

  app.delete<{ Params: { fileId: string } }>(
    '/api/maturity/evidence/:fileId',
    {
      ...writer,
      schema: {
        tags,
        summary: 'Delete an evidence file (the enterprise, while the assessment is a draft; 409 maturity.locked after submit)',
        params: fileParams,
        response: { 200: { type: 'object', properties: { deleted: { type: 'boolean' } } }, ...errorResponses },
      },
    },
    async (request) => deleteEvidence(ctx, authorize(request, 'maturity.assessment.write'), auditActor(request), request.params.fileId),
  );
}
