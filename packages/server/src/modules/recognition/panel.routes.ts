import { MAX_INDICATOR_SCORE } from '@zhizao/domain';
import type { FastifyInstance } from 'fastify';
import { auditActor, permissionFirst, requireActor } from '../../platform/auth.ts';
import type { AppContext } from '../../platform/context.ts';
import { requestLocale } from '../../platform/errors.ts';
import { errorResponses, idParams } from '../../platform/schemas.ts';
import { addTie, deleteTie, listExperts, panelView, setPanel } from './panel.service.ts';
import { assignmentView, listAssignments, saveSheet, submitSheet } from './sheets.service.ts';
import { applicationDetailSchema, idArray, indicatorSchema, list, spreadSchema, tags } from './schemas.ts';

// Experts, their ties, panels and score sheets.

const int = { type: 'integer' } as const;
const nullableInt = { type: ['integer', 'null'] } as const;
const str = { type: 'string' } as const;
const nullableStr = { type: ['string', 'null'] } as const;
const nullableNumber = { type: ['number', 'null'] } as const;
const scoresOut = { type: ['object', 'null'], additionalProperties: nullableNumber } as const;

const tieSchema = {
  type: 'object',
  properties: {
    id: int,
    expertUserId: int,
    enterpriseId: nullableInt,
    enterpriseName: nullableStr,
    providerName: nullableStr,
    note: nullableStr,
    createdAt: str,
  },
} as const;
const expertSchema = {
  type: 'object',
  properties: { userId: int, username: str, displayName: str, ties: { type: 'array', items: tieSchema } },
} as const;
const panelSchema = {
  type: 'object',
  properties: {
    members: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          expertUserId: int,
          displayName: str,
          status: str,
          scores: scoresOut,
          total: nullableNumber,
          comment: nullableStr,
          submittedAt: nullableStr,
        },
      },
    },
    aggregate: spreadSchema,
    withdrawn: {
      type: 'array',
      items: {
        type: 'object',
        properties: { expertUserId: int, displayName: str, tie: nullableStr, withdrawnAt: nullableStr, hadSubmitted: { type: 'boolean' } },
      },
    },
  },
} as const;
const sheetSchema = {
  type: 'object',
  properties: { scores: scoresOut, comment: nullableStr, status: str, total: nullableNumber, version: int, submittedAt: nullableStr },
} as const;
const programmeRef = { type: 'object', properties: { id: int, year: int, kind: str, level: str, title: str } } as const;
const assignmentSchema = {
  type: 'object',
  properties: {
    applicationId: int,
    programme: programmeRef,
    enterpriseName: str,
    projectName: str,
    state: str,
    myStatus: str,
    myTotal: nullableNumber,
    assignedAt: str,
  },
} as const;
const assignmentViewSchema = {
  type: 'object',
  properties: {
    application: applicationDetailSchema,
    indicators: { type: 'array', items: { type: 'object', properties: indicatorSchema.properties } },
    sheet: sheetSchema,
    others: {
      type: ['array', 'null'],
      items: { type: 'object', properties: { displayName: str, total: nullableNumber, submittedAt: nullableStr } },
    },
  },
} as const;

const applicationParams = {
  type: 'object',
  properties: { applicationId: { type: 'integer', minimum: 1, maximum: 2147483647 } },
  required: ['applicationId'],
} as const;
const userParams = {
  type: 'object',
  properties: { userId: { type: 'integer', minimum: 1, maximum: 2147483647 } },
  required: ['userId'],
} as const;
const tieParams = {
  type: 'object',
  properties: { tieId: { type: 'integer', minimum: 1, maximum: 2147483647 } },
  required: ['tieId'],
} as const;
const version = { type: 'integer', minimum: 1, maximum: 2147483647 } as const;
const sheetBody = {
  type: 'object',
  properties: {
    version,
    scores: {
      type: 'object',
      maxProperties: 30,
      propertyNames: { maxLength: 40 },
      additionalProperties: { type: ['number', 'null'], minimum: 0, maximum: MAX_INDICATOR_SCORE },
    },
    comment: { type: 'string', maxLength: 4000 },
  },
  required: ['version', 'scores'],
  additionalProperties: false,
} as const;

export function registerPanelRoutes(app: FastifyInstance, ctx: AppContext): void {
  const manage = permissionFirst('recognition.panel.manage');
  const scorer = permissionFirst('recognition.score');

  app.get(
    '/api/recognition/experts',
    {
      ...manage,
      schema: {
        tags,
        summary: 'Expert accounts with their recorded ties (for forming panels)',
        response: { 200: list(expertSchema), ...errorResponses },
      },
    },
    async () => listExperts(ctx.db),
  );

  app.post<{ Params: { userId: number }; Body: { enterpriseId?: number; providerName?: string; note?: string } }>(
    '/api/recognition/experts/:userId/ties',
    {
      ...manage,
      schema: {
        tags,
        summary:
          'Record an expert’s tie to an enterprise or to a service provider (either one): the expert stands aside from its applications',
        params: userParams,
        body: {
          type: 'object',
          properties: {
            enterpriseId: { type: 'integer', minimum: 1, maximum: 2147483647 },
            providerName: { type: 'string', maxLength: 200 },
            note: { type: 'string', maxLength: 500 },
          },
          additionalProperties: false,
        },
        response: { 200: tieSchema, ...errorResponses },
      },
    },
    async (request) => addTie(ctx, auditActor(request), request.params.userId, request.body),
  );

  app.delete<{ Params: { tieId: number } }>(
    '/api/recognition/experts/ties/:tieId',
    {
      ...manage,
      schema: {
        tags,
        summary: 'Remove a recorded tie',
        params: tieParams,
        response: { 200: { type: 'object', properties: { deleted: { type: 'boolean' } } }, ...errorResponses },
      },
    },
    async (request) => deleteTie(ctx, auditActor(request), request.params.tieId),
  );

  app.get<{ Params: { id: number } }>(
    '/api/recognition/applications/:id/panel',
    {
      ...manage,
      schema: {
        tags,
        summary:
          'The panel of an application: each expert’s sheet (scores once submitted), the aggregate with its spread, and the experts a conflict tie recorded later took off the panel',
        params: idParams,
        response: { 200: panelSchema, ...errorResponses },
      },
    },
    async (request) => panelView(ctx.db, request.params.id),
  );

  app.put<{ Params: { id: number }; Body: { expertUserIds: number[] } }>(
    '/api/recognition/applications/:id/panel',
    {
      ...manage,
      schema: {
        tags,
        summary:
          'Form the panel (expert scoring only); an expert tied to the applicant or its service provider is refused (409 recognition.expertConflict); a member who submitted cannot leave',
        params: idParams,
        body: { type: 'object', properties: { expertUserIds: idArray(15) }, required: ['expertUserIds'], additionalProperties: false },
        response: { 200: panelSchema, ...errorResponses },
      },
    },
    async (request) => setPanel(ctx, auditActor(request), request.params.id, request.body.expertUserIds, requireActor(request)),
  );

  app.get(
    '/api/recognition/expert/assignments',
    {
      ...scorer,
      schema: { tags, summary: 'The caller’s panel assignments', response: { 200: list(assignmentSchema), ...errorResponses } },
    },
    async (request) => listAssignments(ctx.db, requireActor(request)),
  );

  app.get<{ Params: { applicationId: number } }>(
    '/api/recognition/expert/assignments/:applicationId',
    {
      ...scorer,
      schema: {
        tags,
        summary:
          'One assignment: the application, the indicator table, the caller’s sheet; the other experts’ totals only after the caller submitted',
        params: applicationParams,
        response: { 200: assignmentViewSchema, ...errorResponses },
      },
    },
    async (request) =>
      assignmentView(ctx, auditActor(request), requireActor(request), request.params.applicationId, requestLocale(request)),
  );

  app.put<{ Params: { applicationId: number }; Body: { version: number; scores: Record<string, number | null>; comment?: string } }>(
    '/api/recognition/expert/assignments/:applicationId',
    {
      ...scorer,
      schema: {
        tags,
        summary: 'Autosave the caller’s score sheet (0–100 per indicator); `version` must be the one read',
        params: applicationParams,
        body: sheetBody,
        response: { 200: sheetSchema, ...errorResponses },
      },
    },
    async (request) => saveSheet(ctx, requireActor(request), auditActor(request), request.params.applicationId, request.body),
  );

  app.post<{ Params: { applicationId: number }; Body: { version: number } }>(
    '/api/recognition/expert/assignments/:applicationId/submit',
    {
      ...scorer,
      schema: {
        tags,
        summary: 'Submit the sheet: every indicator scored (400 recognition.scoresIncomplete), then fixed',
        params: applicationParams,
        body: { type: 'object', properties: { version }, required: ['version'], additionalProperties: false },
        response: { 200: sheetSchema, ...errorResponses },
      },
    },
    async (request) => submitSheet(ctx, requireActor(request), auditActor(request), request.params.applicationId, request.body.version),
  );
}
