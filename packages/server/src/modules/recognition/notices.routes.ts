import type { FastifyInstance } from 'fastify';
import { auditActor, permissionFirst, requireActor } from '../../platform/auth.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { errorResponses, idParams } from '../../platform/schemas.ts';
import {
  calendarOverrides,
  handleObjection,
  listNotices,
  noticeDetail,
  publishNotice,
  recordPaperObjection,
  shortlist,
  type NoticeInput,
  type ObjectionInput,
} from './notices.service.ts';
import { assertDate, noticeDates } from './programmes.service.ts';
import { date, idArray, list, spreadSchema, tags } from './schemas.ts';

// The bureau's side of public notices, objections and the working-day calendar.

const int = { type: 'integer' } as const;
const nullableInt = { type: ['integer', 'null'] } as const;
const str = { type: 'string' } as const;
const nullableStr = { type: ['string', 'null'] } as const;

export const noticeItemSchema = {
  type: 'object',
  properties: {
    applicationId: int,
    enterpriseName: str,
    projectName: str,
    districtName: str,
    kind: str,
    level: str,
    score: { type: ['number', 'null'] },
    rank: nullableInt,
    state: str,
  },
} as const;
const noticeProperties = {
  id: int,
  programmeId: int,
  title: str,
  startsOn: str,
  endsOn: str,
  workingDays: int,
  publishedAt: str,
  status: str,
  items: { type: 'array', items: noticeItemSchema },
} as const;
const noticeSchema = { type: 'object', properties: noticeProperties } as const;
const objectionSchema = {
  type: 'object',
  properties: {
    id: int,
    noticeId: int,
    applicationId: nullableInt,
    reference: str,
    objectorName: str,
    objectorIdNumber: str,
    contact: str,
    text: str,
    channel: str,
    receivedOn: str,
    filedAt: str,
    status: str,
    outcome: nullableStr,
    handledBy: nullableInt,
    handledAt: nullableStr,
  },
} as const;
const noticeDetailSchema = {
  type: 'object',
  properties: { ...noticeProperties, objections: { type: 'array', items: objectionSchema } },
} as const;

export const objectorProperties = {
  objectorName: { type: 'string', minLength: 2, maxLength: 50 },
  objectorIdNumber: { type: 'string', minLength: 4, maxLength: 40 },
  contact: { type: 'string', minLength: 5, maxLength: 100 },
  text: { type: 'string', minLength: 5, maxLength: 5000 },
} as const;

const calendarDaySchema = { type: 'object', properties: { date: str, kind: str, name: str } } as const;
const dateParams = { type: 'object', properties: { date }, required: ['date'] } as const;

const shortlistSchema = list({
  type: 'object',
  properties: {
    rank: nullableInt,
    applicationId: int,
    enterpriseName: str,
    districtCode: str,
    projectName: str,
    state: str,
    noticeId: nullableInt,
    score: { type: 'number' },
    spread: spreadSchema,
  },
});

export function registerNoticeRoutes(app: FastifyInstance, ctx: AppContext): void {
  const manage = permissionFirst('recognition.notice.manage');

  app.get<{ Params: { id: number } }>(
    '/api/recognition/programmes/:id/shortlist',
    {
      ...permissionFirst('recognition.review.city'),
      schema: {
        tags,
        summary:
          'The ranked shortlist: scored applications best first, each with its panel’s spread (n, min, max, stddev, extremes dropped)',
        params: idParams,
        response: { 200: shortlistSchema, ...errorResponses },
      },
    },
    async (request) => shortlist(ctx.db, request.params.id),
  );

  app.post<{ Params: { id: number }; Body: NoticeInput }>(
    '/api/recognition/programmes/:id/notices',
    {
      ...manage,
      schema: {
        tags,
        summary:
          'Publish a public notice of shortlisted applications: dates in working days on the calendar (start may be up to 90 days back for a notice already posted on paper); each application moves to in_notice',
        params: idParams,
        body: {
          type: 'object',
          properties: {
            applicationIds: idArray(500),
            startsOn: date,
            workingDays: { type: 'integer', minimum: 1, maximum: 30 },
            title: { type: 'string', maxLength: 200 },
          },
          required: ['applicationIds'],
          additionalProperties: false,
        },
        response: { 200: noticeDetailSchema, ...errorResponses },
      },
    },
    async (request) => publishNotice(ctx, requireActor(request), auditActor(request), request.params.id, request.body),
  );

  app.get<{ Querystring: { programmeId?: number } }>(
    '/api/recognition/notices',
    {
      ...manage,
      schema: {
        tags,
        summary: 'Public notices, newest first',
        querystring: {
          type: 'object',
          properties: { programmeId: { type: 'integer', minimum: 1, maximum: 2147483647 } },
          additionalProperties: false,
        },
        response: { 200: list(noticeSchema), ...errorResponses },
      },
    },
    async (request) => listNotices(ctx.db, request.query),
  );

  app.get<{ Params: { id: number } }>(
    '/api/recognition/notices/:id',
    {
      ...manage,
      schema: {
        tags,
        summary: 'One notice with its objections (objector identity included: the bureau only)',
        params: idParams,
        response: { 200: noticeDetailSchema, ...errorResponses },
      },
    },
    async (request) => noticeDetail(ctx.db, ctx.cipher, request.params.id),
  );

  app.post<{ Params: { id: number }; Body: ObjectionInput & { receivedOn: string } }>(
    '/api/recognition/notices/:id/objections',
    {
      ...manage,
      schema: {
        tags,
        summary: 'Enter a written objection received on paper (signed, real name), with the date it arrived inside the window',
        params: idParams,
        body: {
          type: 'object',
          properties: { applicationId: { type: 'integer', minimum: 1, maximum: 2147483647 }, ...objectorProperties, receivedOn: date },
          required: ['objectorName', 'objectorIdNumber', 'contact', 'text', 'receivedOn'],
          additionalProperties: false,
        },
        response: { 200: objectionSchema, ...errorResponses },
      },
    },
    async (request) => recordPaperObjection(ctx, auditActor(request), request.params.id, request.body),
  );

  app.post<{ Params: { id: number }; Body: { outcome: 'upheld' | 'dismissed'; note: string } }>(
    '/api/recognition/objections/:id/handle',
    {
      ...manage,
      schema: {
        tags,
        summary: 'Record the outcome of an objection after verification: upheld (the application cannot be recognised) or dismissed',
        params: idParams,
        body: {
          type: 'object',
          properties: {
            outcome: { type: 'string', enum: ['upheld', 'dismissed'] },
            note: { type: 'string', minLength: 1, maxLength: 4000 },
          },
          required: ['outcome', 'note'],
          additionalProperties: false,
        },
        response: { 200: objectionSchema, ...errorResponses },
      },
    },
    async (request) => handleObjection(ctx, requireActor(request), auditActor(request), request.params.id, request.body),
  );

  // ── the working-day calendar ──
  app.get<{ Querystring: { year?: number } }>(
    '/api/recognition/calendar',
    {
      ...permissionFirst('recognition.programme.read'),
      schema: {
        tags,
        summary: 'Holidays and make-up workdays of the notice calendar (weekends are rest days unless listed as workdays)',
        querystring: {
          type: 'object',
          properties: { year: { type: 'integer', minimum: 2000, maximum: 2100 } },
          additionalProperties: false,
        },
        response: { 200: { type: 'object', properties: { days: { type: 'array', items: calendarDaySchema } } }, ...errorResponses },
      },
    },
    async (request) => {
      let q = ctx.db.selectFrom('recognitionCalendarDay').selectAll();
      if (request.query.year !== undefined)
        q = q.where('date', '>=', `${request.query.year}-01-01`).where('date', '<=', `${request.query.year}-12-31`);
      return { days: await q.orderBy('date').execute() };
    },
  );

  app.get<{ Querystring: { start: string; days: number } }>(
    '/api/recognition/calendar/end-date',
    {
      ...permissionFirst('recognition.programme.read'),
      schema: {
        tags,
        summary: 'The dates of a notice of `days` working days from `start` on the calendar (start moves to the first working day)',
        querystring: {
          type: 'object',
          properties: { start: date, days: { type: 'integer', minimum: 1, maximum: 30 } },
          required: ['start', 'days'],
          additionalProperties: false,
        },
        response: { 200: { type: 'object', properties: { startsOn: str, endsOn: str, workingDays: int } }, ...errorResponses },
      },
    },
    async (request) => {
      assertDate(request.query.start, 'start');
      return { ...noticeDates(request.query.start, request.query.days, await calendarOverrides(ctx.db)), workingDays: request.query.days };
    },
  );

  app.put<{ Params: { date: string }; Body: { kind: 'holiday' | 'workday'; name: string } }>(
    '/api/recognition/calendar/:date',
    {
      ...permissionFirst('recognition.calendar.write'),
      schema: {
        tags,
        summary: 'Mark a date as a holiday or a make-up workday',
        params: dateParams,
        body: {
          type: 'object',
          properties: { kind: { type: 'string', enum: ['holiday', 'workday'] }, name: { type: 'string', minLength: 1, maxLength: 50 } },
          required: ['kind', 'name'],
          additionalProperties: false,
        },
        response: { 200: calendarDaySchema, ...errorResponses },
      },
    },
    async (request) => {
      const { date: day } = request.params;
      assertDate(day, 'date');
      const value = { date: day, kind: request.body.kind, name: request.body.name.trim() };
      await ctx.db.transaction().execute(async (tx) => {
        const before = await tx.selectFrom('recognitionCalendarDay').selectAll().where('date', '=', day).executeTakeFirst();
        if (before)
          await tx.updateTable('recognitionCalendarDay').set({ kind: value.kind, name: value.name }).where('date', '=', day).execute();
        else await tx.insertInto('recognitionCalendarDay').values(value).execute();
        await ctx.audit.append(tx, auditActor(request), {
          action: 'recognition.calendar.set',
          entityType: 'recognitionCalendarDay',
          entityId: day,
          before: before ?? null,
          after: value,
        });
      });
      return value;
    },
  );

  app.delete<{ Params: { date: string } }>(
    '/api/recognition/calendar/:date',
    {
      ...permissionFirst('recognition.calendar.write'),
      schema: {
        tags,
        summary: 'Return a date to the plain weekday/weekend rule',
        params: dateParams,
        response: { 200: { type: 'object', properties: { deleted: { type: 'boolean' } } }, ...errorResponses },
      },
    },
    async (request) => {
      const { date: day } = request.params;
      await ctx.db.transaction().execute(async (tx) => {
        const before = await tx.selectFrom('recognitionCalendarDay').selectAll().where('date', '=', day).executeTakeFirst();
        if (!before) throw new AppError(404, 'request.notFound');
        await tx.deleteFrom('recognitionCalendarDay').where('date', '=', day).execute();
        await ctx.audit.append(tx, auditActor(request), {
          action: 'recognition.calendar.delete',
          entityType: 'recognitionCalendarDay',
          entityId: day,
          before,
        });
      });
      return { deleted: true };
    },
  );
}
