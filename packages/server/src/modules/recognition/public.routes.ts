import type { FastifyInstance } from 'fastify';
import { auditActor } from '../../platform/auth.ts';
import type { AppContext } from '../../platform/context.ts';
import { errorResponses, idParams, paginationQuery } from '../../platform/schemas.ts';
import { fileObjection, publicNotice, publicNotices } from './notices.service.ts';
import { objectorProperties } from './notices.routes.ts';
import { publicRecognised } from './recognitions.service.ts';
import { kind, level, list, tags } from './schemas.ts';

// The public portal (no login): notices and the recognised lists, and real-name objections during a
// notice. Never private data: no credit codes, contacts, KPIs, scores of single experts or objectors.

const int = { type: 'integer' } as const;
const str = { type: 'string' } as const;
const publicNoticeSchema = {
  type: 'object',
  properties: {
    id: int,
    title: str,
    startsOn: str,
    endsOn: str,
    workingDays: int,
    status: str,
    items: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          index: int,
          enterpriseName: str,
          projectName: str,
          districtName: str,
          kind: str,
          level: str,
          score: { type: ['number', 'null'] },
        },
      },
    },
  },
} as const;
const recognisedSchema = {
  type: 'object',
  properties: {
    recognitionNumber: str,
    enterpriseName: str,
    projectName: str,
    kind: str,
    level: str,
    year: int,
    districtName: str,
    recognisedOn: str,
  },
} as const;

export function registerPublicRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(
    '/api/public/recognition/notices',
    {
      schema: {
        tags,
        summary: 'Public notices (anonymous): lists only, no private data',
        response: { 200: list(publicNoticeSchema), ...errorResponses },
      },
    },
    async () => publicNotices(ctx.db),
  );

  app.get<{ Params: { id: number } }>(
    '/api/public/recognition/notices/:id',
    {
      schema: {
        tags,
        summary: 'One public notice (anonymous)',
        params: idParams,
        response: { 200: publicNoticeSchema, ...errorResponses },
      },
    },
    async (request) => publicNotice(ctx.db, request.params.id),
  );

  app.post<{
    Params: { id: number };
    Body: { applicationIndex?: number; objectorName: string; objectorIdNumber: string; contact: string; text: string };
  }>(
    '/api/public/recognition/notices/:id/objections',
    {
      preHandler: app.limits.publicForms,
      schema: {
        tags,
        summary:
          'File a written, real-name objection during the notice (name, ID number, contact; anonymous objections are not accepted); answers a reference only',
        params: idParams,
        body: {
          type: 'object',
          properties: { applicationIndex: { type: 'integer', minimum: 1, maximum: 10000 }, ...objectorProperties },
          required: ['objectorName', 'objectorIdNumber', 'contact', 'text'],
          additionalProperties: false,
        },
        response: { 200: { type: 'object', properties: { reference: str, receivedOn: str } }, ...errorResponses },
      },
    },
    async (request) => fileObjection(ctx, auditActor(request), request.params.id, request.body),
  );

  app.get<{ Querystring: { level?: string; kind?: string; year?: number; page: number; pageSize: number } }>(
    '/api/public/recognition/recognised',
    {
      schema: {
        tags,
        summary: 'Recognised smart factories and digital workshops in force (anonymous), with the count at each level of the ladder',
        querystring: {
          type: 'object',
          properties: { level, kind, year: { type: 'integer', minimum: 2000, maximum: 2100 }, ...paginationQuery },
          additionalProperties: false,
        },
        response: {
          200: {
            type: 'object',
            properties: {
              items: { type: 'array', items: recognisedSchema },
              total: int,
              page: int,
              pageSize: int,
              counts: { type: 'object', properties: { municipal: int, provincial: int, national: int } },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => publicRecognised(ctx.db, request.query),
  );
}
