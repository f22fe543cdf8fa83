import type { FastifyInstance } from 'fastify';
import { auditActor, permissionFirst, requireActor } from '../../platform/auth.ts';
import type { AppContext } from '../../platform/context.ts';
import { errorResponses, idParams } from '../../platform/schemas.ts';
import { attachment } from '../registry/excel.routes.ts';
import { createRecommendation, listRecommendations, openPackFile, recommendationDetail, recordOutcome } from './recommendations.service.ts';
import { date, idArray, kind, list, tags } from './schemas.ts';

// Upward recommendation: build the pack, list, download its files as stored, record the outcome.

const int = { type: 'integer' } as const;
const str = { type: 'string' } as const;
const nullableStr = { type: ['string', 'null'] } as const;
const nullableInt = { type: ['integer', 'null'] } as const;
const recommendationSchema = {
  type: 'object',
  properties: {
    id: int,
    targetLevel: str,
    kind: str,
    year: int,
    createdAt: str,
    snapshotSm3: str,
    files: { type: 'array', items: { type: 'object', properties: { name: str, kind: str, size: int, sm3: str } } },
    items: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          rank: int,
          recognitionId: int,
          recognitionNumber: str,
          enterpriseId: int,
          enterpriseName: str,
          projectName: str,
          outcome: str,
          decidedOn: nullableStr,
          note: nullableStr,
          newRecognitionId: nullableInt,
        },
      },
    },
  },
} as const;

const CONTENT_TYPES: Record<string, string> = {
  json: 'application/json; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

export function registerRecommendationRoutes(app: FastifyInstance, ctx: AppContext): void {
  const recommend = permissionFirst('recognition.recommend');

  app.post<{
    Body: { targetLevel: 'provincial' | 'national'; kind: 'smart_factory' | 'digital_workshop'; year: number; recognitionIds: number[] };
  }>(
    '/api/recognition/recommendations',
    {
      ...recommend,
      schema: {
        tags,
        summary:
          'Recommend recognitions one level up, in priority order: builds the ranked summary (Excel) and each application book (Word and PDF) from the same data, stores them and records their SM3 snapshot',
        body: {
          type: 'object',
          properties: {
            targetLevel: { type: 'string', enum: ['provincial', 'national'] },
            kind,
            year: { type: 'integer', minimum: 2000, maximum: 2100 },
            recognitionIds: idArray(50),
          },
          required: ['targetLevel', 'kind', 'year', 'recognitionIds'],
          additionalProperties: false,
        },
        response: { 200: recommendationSchema, ...errorResponses },
      },
    },
    async (request) => createRecommendation(ctx, requireActor(request), auditActor(request), request.body),
  );

  app.get(
    '/api/recognition/recommendations',
    {
      ...recommend,
      schema: { tags, summary: 'Upward recommendations, newest first', response: { 200: list(recommendationSchema), ...errorResponses } },
    },
    async () => listRecommendations(ctx.db),
  );

  app.get<{ Params: { id: number } }>(
    '/api/recognition/recommendations/:id',
    {
      ...recommend,
      schema: {
        tags,
        summary: 'One recommendation: its items and outcomes, its files with their SM3 and the snapshot SM3',
        params: idParams,
        response: { 200: recommendationSchema, ...errorResponses },
      },
    },
    async (request) => recommendationDetail(ctx.db, request.params.id),
  );

  app.get<{ Params: { id: number; name: string } }>(
    '/api/recognition/recommendations/:id/files/:name',
    {
      ...recommend,
      schema: {
        tags,
        summary: 'Download a file of the pack exactly as sent (its SM3 is the one recorded)',
        params: {
          type: 'object',
          properties: { id: idParams.properties.id, name: { type: 'string', minLength: 1, maxLength: 120 } },
          required: ['id', 'name'],
        },
        response: { 200: { description: 'The file', type: 'string', format: 'binary' }, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { file, data } = await openPackFile(ctx, request.params.id, request.params.name);
      const ext = file.name.split('.').pop() ?? '';
      return reply
        .header('content-type', CONTENT_TYPES[ext] ?? 'application/octet-stream')
        .header('content-disposition', attachment(file.name, file.name))
        .header('cache-control', 'private, no-store')
        .send(data);
    },
  );

  app.post<{
    Params: { id: number; recognitionId: number };
    Body: { outcome: 'approved' | 'declined'; decidedOn: string; recognitionNumber?: string; note?: string };
  }>(
    '/api/recognition/recommendations/:id/items/:recognitionId/outcome',
    {
      ...recommend,
      schema: {
        tags,
        summary:
          'Record the higher level’s decision on one recommended item; approved creates the enterprise’s recognition at that level (with the number the higher level gave, or the city’s own format)',
        params: {
          type: 'object',
          properties: { id: idParams.properties.id, recognitionId: idParams.properties.id },
          required: ['id', 'recognitionId'],
        },
        body: {
          type: 'object',
          properties: {
            outcome: { type: 'string', enum: ['approved', 'declined'] },
            decidedOn: date,
            recognitionNumber: { type: 'string', minLength: 1, maxLength: 40 },
            note: { type: 'string', maxLength: 4000 },
          },
          required: ['outcome', 'decidedOn'],
          additionalProperties: false,
        },
        response: { 200: recommendationSchema, ...errorResponses },
      },
    },
    async (request) => recordOutcome(ctx, auditActor(request), request.params.id, request.params.recognitionId, request.body),
  );
}
