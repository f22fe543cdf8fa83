import type { FastifyInstance } from 'fastify';
import { permissionFirst, requireActor } from '../../../platform/auth.ts';
import type { AppContext } from '../../../platform/context.ts';
import { errorResponses } from '../../../platform/schemas.ts';
import { titleFigures } from './figures.ts';
import { titleTimeline } from './timeline.ts';

const tags = ['registers: Titles held'];
const levelCounts = {
  type: 'object',
  properties: { national: { type: 'integer' }, provincial: { type: 'integer' }, municipal: { type: 'integer' } },
} as const;
const count = { type: 'integer' } as const;

const figuresSchema = {
  type: 'object',
  properties: {
    smartManufacturing: {
      type: 'object',
      properties: {
        total: count,
        national: count,
        provincial: count,
        municipal: count,
        other: count,
        fromLadder: levelCounts,
        fromTitles: { type: 'object', properties: { national: count, other: count } },
      },
    },
    industrialInternet: { type: 'object', properties: { total: count, national: count, provincial: count } },
    morningStar: { type: 'object', properties: { total: count } },
    byKind: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          kind: { type: 'string' },
          level: { type: 'string' },
          held: count,
          validity: {
            type: 'object',
            properties: { valid: count, expiring: count, expired: count, revoked: count },
          },
        },
      },
    },
  },
} as const;

const nullableString = { type: ['string', 'null'] } as const;
const timelineSchema = {
  type: 'object',
  properties: {
    enterpriseId: count,
    enterpriseName: { type: 'string' },
    items: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          source: { type: 'string', enum: ['ladder', 'title'] },
          id: count,
          kind: { type: 'string' },
          level: { type: 'string' },
          year: count,
          date: nullableString,
          name: { type: 'string' },
          awardingBody: nullableString,
          reference: nullableString,
          validUntil: nullableString,
          validity: { type: 'string' },
        },
      },
    },
  },
} as const;

export function registerTitleRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(
    '/api/registers/titles/summary',
    {
      ...permissionFirst('registers.titles.read'),
      schema: {
        tags,
        summary:
          'The seed’s title figures from rows in the caller’s scope: smart-manufacturing demonstration projects (the ladder’s recognitions plus titles), industrial-internet pilots, Morning Star Factories, and every kind by level and validity',
        querystring: { type: 'object', additionalProperties: false, properties: {} },
        response: { 200: figuresSchema, ...errorResponses },
      },
    },
    async (request) => titleFigures(ctx.db, requireActor(request)),
  );

  app.get<{ Params: { enterpriseId: number } }>(
    '/api/registers/titles/enterprises/:enterpriseId/timeline',
    {
      ...permissionFirst('registers.titles.read'),
      schema: {
        tags,
        summary: 'Every title an enterprise holds, the recognition ladder’s included, in the order won (404 outside the caller’s scope)',
        params: {
          type: 'object',
          required: ['enterpriseId'],
          properties: { enterpriseId: { type: 'integer', minimum: 1, maximum: 2147483647 } },
        },
        response: { 200: timelineSchema, ...errorResponses },
      },
    },
    async (request) => titleTimeline(ctx.db, requireActor(request), request.params.enterpriseId),
  );
}
