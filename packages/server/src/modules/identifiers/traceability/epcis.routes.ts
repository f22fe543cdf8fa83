import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../platform/context.ts';
import { notFound } from '../../../platform/errors.ts';
import { errorResponses } from '../../../platform/schemas.ts';
import { capturerFirst, readerFirst, resolvedCapturer, resolvedScope } from './access.ts';
import { CAPTURE_BYTE_LIMIT, CAPTURE_EVENT_LIMIT, captureEpcis } from './capture.service.ts';
import { epcisQueryPage, eventFilter, type EventQuery } from './query.service.ts';
import { captureRow, eventById } from './repo.ts';
import {
  captureBody,
  captureJob,
  captureParams,
  captureResponse,
  epcisDocumentResponse,
  epcisQuery,
  epcParams,
  eventParams,
} from './schemas.ts';

// The EPCIS 2.0 REST binding (gs1/EPCIS "REST Bindings/openapi.yaml"): capture, events, events per EPC,
// capture jobs. Served under /api/epcis (in the OpenAPI document) and, for EPCIS clients configured
// with a bare base URL, under /epcis (same handlers, hidden from the document).

const tags = ['traceability'];
const errors = { ...errorResponses, 413: errorResponses[400] };
const rawBodies = new WeakMap<FastifyRequest, string>();

type Query = EventQuery & { perPage: number; nextPageToken?: string };

async function sendJson(reply: FastifyReply, status: number, body: string) {
  return reply.status(status).type('application/json; charset=utf-8').send(body);
}

/** One EPCIS query page with its `Link: <…>; rel="next"` (EPCIS 2.0 REST binding pagination). */
async function queryReply(ctx: AppContext, request: FastifyRequest<{ Querystring: Query }>, reply: FastifyReply, epc?: string) {
  const { perPage, nextPageToken, ...q } = request.query;
  const page = await epcisQueryPage(ctx, resolvedScope(request), eventFilter(q, epc), perPage, nextPageToken);
  if (page.nextPageToken) {
    const url = new URL(request.url, 'http://node');
    url.searchParams.set('nextPageToken', page.nextPageToken);
    void reply.header('link', `<${url.pathname}${url.search}>; rel="next"`);
  }
  return sendJson(reply, 200, page.body);
}

function epcisScope(scope: FastifyInstance, ctx: AppContext, prefix: string, hide: boolean): void {
  // EPCIS documents are JSON-LD: both media types parse as JSON; the text is kept to store the body as sent.
  scope.removeContentTypeParser('application/json');
  scope.addContentTypeParser(
    ['application/json', 'application/ld+json'],
    { parseAs: 'string', bodyLimit: CAPTURE_BYTE_LIMIT },
    (request, body, done) => {
      try {
        const parsed: unknown = JSON.parse(body as string);
        rawBodies.set(request, body as string);
        done(null, parsed);
      } catch (error) {
        done(error as Error, undefined);
      }
    },
  );
  scope.addHook('onSend', async (_request, reply) => {
    void reply.header('GS1-EPCIS-Version', '2.0.0').header('GS1-CBV-Version', '2.0.0');
  });
  const capturer = capturerFirst(ctx);
  const reader = readerFirst(ctx);

  scope.post<{ Body: unknown }>(
    '/capture',
    {
      ...capturer,
      bodyLimit: CAPTURE_BYTE_LIMIT,
      schema: {
        hide,
        tags,
        summary: `Capture an EPCISDocument (or one event), validated against GS1's EPCIS 2.0 JSON schema; all events or none (≤ ${CAPTURE_EVENT_LIMIT} events). Enterprise user session or enterprise API key (HTTP Basic). 202 + Location of the capture job; 400 traceability.schemaInvalid with every schema problem in error.details; 409 traceability.duplicateEvent`,
        consumes: ['application/json', 'application/ld+json'],
        body: captureBody,
        response: { 202: captureResponse, ...errors },
      },
    },
    async (request, reply) => {
      const result = await captureEpcis(
        ctx,
        resolvedCapturer(request),
        rawBodies.get(request) ?? JSON.stringify(request.body),
        request.body,
      );
      void reply
        .header('location', `${prefix}/capture/${result.captureId}`)
        .header('GS1-EPCIS-Capture-Limit', String(CAPTURE_EVENT_LIMIT))
        .header('GS1-EPCIS-Capture-File-Size-Limit', String(CAPTURE_BYTE_LIMIT));
      return reply.status(202).send({ captureID: result.captureId, eventCount: result.eventCount });
    },
  );

  scope.get<{ Params: { captureId: string } }>(
    '/capture/:captureId',
    {
      ...reader,
      schema: {
        hide,
        tags,
        summary: 'A capture job: finished as soon as the capture answered (validation and storage are synchronous)',
        params: captureParams,
        response: { 200: captureJob, ...errors },
      },
    },
    async (request) => {
      const row = await captureRow(ctx.db, resolvedScope(request), request.params.captureId);
      if (!row) throw notFound();
      return {
        captureID: row.id,
        createdAt: row.createdAt,
        finishedAt: row.createdAt,
        running: false,
        success: true,
        captureErrorBehaviour: 'rollback',
        errors: [],
        eventCount: row.eventCount,
      };
    },
  );

  scope.get<{ Params: { captureId: string } }>(
    '/capture/:captureId/document',
    {
      ...reader,
      schema: {
        hide,
        tags,
        summary: 'The captured body exactly as it was sent',
        params: captureParams,
        response: { 200: epcisDocumentResponse, ...errors },
      },
    },
    async (request, reply) => {
      const row = await captureRow(ctx.db, resolvedScope(request), request.params.captureId);
      if (!row) throw notFound();
      return sendJson(reply, 200, row.document);
    },
  );

  scope.post<{ Body: unknown }>(
    '/events',
    {
      ...capturer,
      bodyLimit: CAPTURE_BYTE_LIMIT,
      schema: {
        hide,
        tags,
        summary: 'Capture one event (with its @context): 201 + Location of the event (or of the capture job when it has no eventID)',
        consumes: ['application/json', 'application/ld+json'],
        body: captureBody,
        response: { 201: captureResponse, ...errors },
      },
    },
    async (request, reply) => {
      const result = await captureEpcis(
        ctx,
        resolvedCapturer(request),
        rawBodies.get(request) ?? JSON.stringify(request.body),
        request.body,
        { singleEvent: true },
      );
      const eventId = (request.body as { eventID?: unknown }).eventID;
      void reply.header(
        'location',
        typeof eventId === 'string' ? `${prefix}/events/${encodeURIComponent(eventId)}` : `${prefix}/capture/${result.captureId}`,
      );
      return reply.status(201).send({ captureID: result.captureId, eventCount: result.eventCount });
    },
  );

  scope.get<{ Querystring: Query }>(
    '/events',
    {
      ...reader,
      schema: {
        hide,
        tags,
        summary: 'Query events (EPCIS 2.0 SimpleEventQuery parameters) → EPCISQueryDocument, oldest first; next page in the Link header',
        querystring: epcisQuery,
        response: { 200: epcisDocumentResponse, ...errors },
      },
    },
    async (request, reply) => queryReply(ctx, request, reply),
  );

  const eventReply = async (request: FastifyRequest, reply: FastifyReply, eventId: string) => {
    const row = eventId ? await eventById(ctx.db, resolvedScope(request), eventId) : undefined;
    if (!row) throw notFound();
    return sendJson(reply, 200, row.eventJson);
  };
  scope.get<{ Params: { eventId: string } }>(
    '/events/:eventId',
    {
      ...reader,
      schema: {
        hide,
        tags,
        summary: 'One event by its eventID (URL-encoded), exactly as captured',
        params: eventParams,
        response: { 200: epcisDocumentResponse, ...errors },
      },
    },
    async (request, reply) => eventReply(request, reply, request.params.eventId),
  );
  // Path parameters stop at 100 characters (Fastify's maxParamLength); eventIDs and EPC URIs run longer.
  // The router falls back to these wildcard twins, which have no such limit.
  scope.get<{ Params: { '*': string } }>('/events/*', { ...reader, schema: { hide: true } }, async (request, reply) =>
    eventReply(request, reply, request.params['*']),
  );
  scope.get<{ Params: { '*': string }; Querystring: Query }>(
    '/epcs/*',
    { ...reader, schema: { hide: true, querystring: epcisQuery } },
    async (request, reply) => {
      const match = /^(.+)\/events$/.exec(request.params['*']);
      if (!match) throw notFound();
      return queryReply(ctx, request, reply, match[1]!);
    },
  );

  scope.get<{ Params: { epc: string }; Querystring: Query }>(
    '/epcs/:epc/events',
    {
      ...reader,
      schema: {
        hide,
        tags,
        summary:
          'Events naming an EPC or class (URL-encoded; any URI form of it: hdl:, resolver URL, EPC URN, Digital Link), with the same query parameters',
        params: epcParams,
        querystring: epcisQuery,
        response: { 200: epcisDocumentResponse, ...errors },
      },
    },
    async (request, reply) => queryReply(ctx, request, reply, request.params.epc),
  );
}

export function registerEpcisRoutes(app: FastifyInstance, ctx: AppContext): void {
  for (const [prefix, hide] of [
    ['/api/epcis', false],
    ['/epcis', true],
  ] as const) {
    void app.register(async (scope) => epcisScope(scope, ctx, prefix, hide), { prefix });
  }
}
