import { EPCIS_CONTEXT, EPCIS_EVENT_TYPES } from '@zhizao/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../platform/context.ts';
import { AppError, answerFrameworkErrorsUnder, notFound } from '../../../platform/errors.ts';
import { errorResponses } from '../../../platform/schemas.ts';
import { capturerFirst, readerFirst, resolvedCapturer, resolvedScope } from './access.ts';
import {
  CAPTURE_BYTE_LIMIT,
  CAPTURE_EVENT_LIMIT,
  captureEpcis,
  type CaptureErrorBehaviour,
  type RejectedEvent,
} from './capture.service.ts';
import { BASIC_CHALLENGE, eventProblem, sendProblem } from './epcis.problems.ts';
import { registerNamedQueries } from './epcis.queries.ts';
import { compiledQuery, epcisQueryPage, queryDocument, type EventQuery } from './query.service.ts';
import { captureRow, captureRows, distinctValues, eventById, type DistinctColumn } from './repo.ts';
import {
  captureBody,
  captureJob,
  captureParams,
  captureResponse,
  collectionQuery,
  epcisDocumentResponse,
  epcisQuery,
  epcParams,
  eventParams,
} from './schemas.ts';

// The EPCIS 2.0 REST binding (gs1/EPCIS "REST Bindings/openapi.yaml"): capture, events, events per EPC,
// capture jobs. Served under /api/epcis (in the OpenAPI document, the platform's error shape) and, for
// EPCIS clients configured with a bare base URL, under /epcis: the whole binding there — discovery
// (OPTIONS), the top-level resources (eventTypes, bizSteps, …, epcs), capture job lists, queries — with
// RFC 7807 problems (epcis.problems.ts).

const tags = ['traceability'];
const platformErrors = { ...errorResponses, 413: errorResponses[400] };
const rawBodies = new WeakMap<FastifyRequest, string>();
const VERSION = '2.0.0';

type Query = EventQuery & { perPage: number; nextPageToken?: string };

async function sendJson(reply: FastifyReply, status: number, body: string) {
  return reply.status(status).type('application/json; charset=utf-8').send(body);
}

/** One EPCIS query page with its `Link: <…>; rel="next"` (EPCIS 2.0 REST binding pagination). */
async function queryReply(
  ctx: AppContext,
  request: FastifyRequest<{ Querystring: Query }>,
  reply: FastifyReply,
  fixed: EventQuery = {},
  epc?: string,
) {
  const { perPage, nextPageToken, ...q } = request.query;
  for (const name of Object.keys(fixed)) if (name in q) throw new AppError(400, 'traceability.queryPathConflict', {}, name);
  const compiled = compiledQuery({ ...q, ...fixed });
  const page = await epcisQueryPage(ctx, resolvedScope(request), compiled, perPage, nextPageToken, epc);
  const extensions = Object.entries(page.namespaces).map(([prefix, iri]) => `${prefix}=${iri}`);
  // GS1-Extensions (REST binding): the extension namespaces the answer's events use
  if (extensions.length > 0) void reply.header('GS1-Extensions', extensions.join(', '));
  if (page.nextPageToken) {
    const url = new URL(request.url, 'http://node');
    url.searchParams.set('nextPageToken', page.nextPageToken);
    void reply.header('link', `<${url.pathname}${url.search}>; rel="next"`).header('GS1-Next-Page-Token', page.nextPageToken);
  }
  return sendJson(reply, 200, page.body);
}

/** The version headers every answer carries, and what the client asked for checked (GS1-EPCIS-Min/Max, Accept). */
function negotiation(scope: FastifyInstance): void {
  scope.addHook('onRequest', async (request) => {
    const accept = request.headers.accept;
    // JSON and JSON-LD only: a client that accepts nothing else (the XML binding) is told so
    if (accept && !/(^|,)\s*(\*\/\*|application\/\*|application\/(ld\+)?json|application\/problem\+json)\s*(;|,|$)/i.test(accept))
      throw new AppError(406, 'traceability.notAcceptable');
    const min = request.headers['gs1-epcis-min'];
    const max = request.headers['gs1-epcis-max'];
    const major = (v: unknown) => Number(String(v).split('.')[0]);
    if ((typeof min === 'string' && major(min) > 2) || (typeof max === 'string' && major(max) < 2))
      throw new AppError(406, 'traceability.unsupportedVersion');
  });
  scope.addHook('onSend', async (_request, reply) => {
    void reply
      .header('GS1-EPCIS-Version', VERSION)
      .header('GS1-CBV-Version', VERSION)
      .header('GS1-EPCIS-Min', VERSION)
      .header('GS1-EPCIS-Max', VERSION)
      .header('GS1-CBV-Min', VERSION)
      .header('GS1-CBV-Max', VERSION)
      // events are returned as captured: identifiers keep the form their capturer chose
      .header('GS1-EPC-Format', 'Never_Translates');
    if (reply.statusCode === 401) void reply.header('www-authenticate', BASIC_CHALLENGE);
  });
}

function jsonLdBodies(scope: FastifyInstance): void {
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
}

function errorBehaviourOf(request: FastifyRequest): CaptureErrorBehaviour {
  const value = request.headers['gs1-capture-error-behaviour'] ?? 'rollback';
  if (value !== 'rollback' && value !== 'proceed')
    throw new AppError(400, 'traceability.captureErrorBehaviour', {}, 'GS1-Capture-Error-Behaviour');
  return value;
}

function jobOf(row: NonNullable<Awaited<ReturnType<typeof captureRow>>>, request: FastifyRequest) {
  const refused = row.errors ? (JSON.parse(row.errors) as RejectedEvent[]) : [];
  return {
    captureID: row.id,
    createdAt: row.createdAt,
    finishedAt: row.createdAt,
    running: false,
    success: refused.length === 0,
    captureErrorBehaviour: row.errorBehaviour,
    errors: refused.map((r) => eventProblem(r, request)),
    eventCount: row.eventCount,
  };
}

function epcisScope(scope: FastifyInstance, ctx: AppContext, prefix: string, binding: boolean): void {
  const hide = binding;
  // the binding's problems are RFC 7807 bodies, which the platform's error schema would strip to its own shape
  const errors = binding ? {} : platformErrors;
  jsonLdBodies(scope);
  negotiation(scope);
  if (binding) {
    scope.setErrorHandler(sendProblem);
    answerFrameworkErrorsUnder(prefix, sendProblem);
  }
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
        summary: `Capture an EPCISDocument or EPCISQueryDocument (or one event), validated against GS1's EPCIS 2.0 JSON schema (≤ ${CAPTURE_EVENT_LIMIT} events). GS1-Capture-Error-Behaviour: rollback (default: all events or none) or proceed (the good events stored, each bad one in the job's errors). The repository sets recordTime and gives an eventID to events without one. Enterprise user session or enterprise API key (HTTP Basic). 202 + Location of the capture job; 400 traceability.schemaInvalid with every schema problem in error.details; 409 traceability.duplicateEvent`,
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
        {
          errorBehaviour: errorBehaviourOf(request),
        },
      );
      void reply
        .header('location', `${prefix}/capture/${result.captureId}`)
        .header('GS1-EPCIS-Capture-Limit', String(CAPTURE_EVENT_LIMIT))
        .header('GS1-EPCIS-Capture-File-Size-Limit', String(CAPTURE_BYTE_LIMIT));
      return reply.status(202).send({
        captureID: result.captureId,
        eventCount: result.eventCount,
        errors: result.rejected.map((r) => eventProblem(r, request)),
      });
    },
  );

  scope.get<{ Params: { captureId: string } }>(
    '/capture/:captureId',
    {
      ...reader,
      schema: {
        hide,
        tags,
        summary:
          'A capture job: finished as soon as the capture answered (validation and storage are synchronous); refused events in errors',
        params: captureParams,
        response: { 200: captureJob, ...errors },
      },
    },
    async (request) => {
      const row = await captureRow(ctx.db, resolvedScope(request), request.params.captureId);
      if (!row) throw notFound();
      return jobOf(row, request);
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
        summary: 'Capture one event (with its @context): 201 + Location of the event',
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
        {
          singleEvent: true,
        },
      );
      void reply.header('location', `${prefix}/events/${encodeURIComponent(result.eventIds[0]!)}`);
      return reply.status(201).send({ captureID: result.captureId, eventCount: result.eventCount, errors: [] });
    },
  );

  scope.get<{ Querystring: Query }>(
    '/events',
    {
      ...reader,
      schema: {
        hide,
        tags,
        summary:
          'Query events with the EPCIS 2.0 SimpleEventQuery parameters (lists separated by |, EPC patterns, extension fields as EQ_prefix:name) → EPCISQueryDocument, oldest first unless orderBy; next page in the Link header',
        querystring: epcisQuery,
        response: { 200: epcisDocumentResponse, ...errors },
      },
    },
    async (request, reply) => queryReply(ctx, request, reply),
  );

  // One event as a query document (REST binding: GET /events/{eventID} answers an EPCISQueryDocument).
  const eventReply = async (request: FastifyRequest, reply: FastifyReply, eventId: string) => {
    const row = eventId ? await eventById(ctx.db, resolvedScope(request), eventId) : undefined;
    if (!row) throw notFound();
    return sendJson(reply, 200, queryDocument([row]));
  };
  scope.get<{ Params: { eventId: string } }>(
    '/events/:eventId',
    {
      ...reader,
      schema: {
        hide,
        tags,
        summary: 'One event by its eventID (URL-encoded), in an EPCISQueryDocument',
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
      const path = request.params['*'];
      const match = /^(.+)\/events$/.exec(path);
      if (match) return queryReply(ctx, request, reply, {}, match[1]!);
      if (binding && path && !path.includes('/')) return collection(['events']);
      throw notFound();
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
    async (request, reply) => queryReply(ctx, request, reply, {}, request.params.epc),
  );

  if (binding) registerBindingRoutes(scope, ctx);
}

/** A JSON-LD collection of resource names (REST binding top-level resources). */
const collection = (member: string[]) => ({ '@context': EPCIS_CONTEXT, type: 'Collection', member });

// The top-level resources (REST binding): each lists the values stored events use and has /{value}/events.
const TOP_LEVEL: Record<string, { column: DistinctColumn; parameter: string }> = {
  eventTypes: { column: 'type', parameter: 'eventType' },
  bizSteps: { column: 'bizStep', parameter: 'EQ_bizStep' },
  dispositions: { column: 'disposition', parameter: 'EQ_disposition' },
  readPoints: { column: 'readPoint', parameter: 'EQ_readPoint' },
  bizLocations: { column: 'bizLocation', parameter: 'EQ_bizLocation' },
};
const RESOURCES = ['events', 'eventTypes', 'epcs', 'bizSteps', 'bizLocations', 'readPoints', 'dispositions', 'capture', 'queries'];

/** Which methods a path of the binding answers (OPTIONS discovery). */
function allowed(path: string): string {
  const bare = path.replace(/\/+$/, '');
  return bare === '/capture' || bare === '/events' ? 'OPTIONS, GET, POST' : 'OPTIONS, GET';
}

function registerBindingRoutes(scope: FastifyInstance, ctx: AppContext): void {
  const reader = readerFirst(ctx);
  const hidden = { schema: { hide: true } };
  const discovery = async (request: FastifyRequest, reply: FastifyReply) => {
    const path = (request.params as { '*'?: string })['*'];
    return reply
      .status(204)
      .header('allow', allowed(`/${path ?? ''}`))
      .header('GS1-EPCIS-Capture-Limit', String(CAPTURE_EVENT_LIMIT))
      .header('GS1-EPCIS-Capture-File-Size-Limit', String(CAPTURE_BYTE_LIMIT))
      .header('GS1-Capture-Error-Behaviour', 'rollback, proceed')
      .send();
  };
  scope.options('/', hidden, discovery);
  scope.options('/*', hidden, discovery);
  scope.get('/', { ...reader, ...hidden }, async () => collection(RESOURCES));

  for (const [name, { column, parameter }] of Object.entries(TOP_LEVEL)) {
    scope.get<{ Querystring: { perPage: number; nextPageToken?: string } }>(
      `/${name}`,
      { ...reader, schema: { hide: true, querystring: collectionQuery } },
      async (request, reply) => collectionPage(ctx, request, reply, column),
    );
    scope.get<{ Params: { value: string } }>(`/${name}/:value`, { ...reader, ...hidden }, async () => collection(['events']));
    scope.get<{ Params: { value: string }; Querystring: Query }>(
      `/${name}/:value/events`,
      { ...reader, schema: { hide: true, querystring: epcisQuery } },
      async (request, reply) => queryReply(ctx, request, reply, { [parameter]: request.params.value }),
    );
  }
  scope.get<{ Querystring: { perPage: number; nextPageToken?: string } }>(
    '/epcs',
    { ...reader, schema: { hide: true, querystring: collectionQuery } },
    async (request, reply) => collectionPage(ctx, request, reply, 'epc'),
  );
  scope.get<{ Params: { epc: string } }>('/epcs/:epc', { ...reader, ...hidden }, async () => collection(['events']));
  scope.get<{ Querystring: { perPage: number; nextPageToken?: string } }>(
    '/capture',
    { ...reader, schema: { hide: true, querystring: collectionQuery } },
    async (request, reply) => {
      const offset = offsetOf(request.query.nextPageToken);
      const rows = await captureRows(ctx.db, resolvedScope(request), offset, request.query.perPage + 1);
      nextLink(request, reply, rows.length > request.query.perPage, offset + request.query.perPage);
      return rows.slice(0, request.query.perPage).map((row) => jobOf(row, request));
    },
  );
  registerNamedQueries(scope, ctx, '/epcis', (request, reply, params) =>
    queryReply(ctx, request as FastifyRequest<{ Querystring: Query }>, reply, params),
  );
  // Anything else under the binding is an EPCIS 404, not the web app
  scope.route({
    method: ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'],
    url: '/*',
    ...hidden,
    handler: async () => {
      throw notFound();
    },
  });
}

const offsetOf = (token: string | undefined) => {
  if (token === undefined) return 0;
  if (!/^\d{1,9}$/.test(token)) throw new AppError(400, 'traceability.badPageToken', {}, 'nextPageToken');
  return Number(token);
};

function nextLink(request: FastifyRequest, reply: FastifyReply, more: boolean, next: number) {
  if (!more) return;
  const url = new URL(request.url, 'http://node');
  url.searchParams.set('nextPageToken', String(next));
  void reply.header('link', `<${url.pathname}${url.search}>; rel="next"`).header('GS1-Next-Page-Token', String(next));
}

async function collectionPage(
  ctx: AppContext,
  request: FastifyRequest<{ Querystring: { perPage: number; nextPageToken?: string } }>,
  reply: FastifyReply,
  column: DistinctColumn,
) {
  const { perPage, nextPageToken } = request.query;
  const offset = offsetOf(nextPageToken);
  const values = await distinctValues(ctx.db, resolvedScope(request), column, offset, perPage + 1);
  nextLink(request, reply, values.length > perPage, offset + perPage);
  const member = values.slice(0, perPage);
  // the standard's event types are always there, stored or not
  return collection(column === 'type' && offset === 0 ? [...new Set([...EPCIS_EVENT_TYPES, ...member])] : member);
}

export function registerEpcisRoutes(app: FastifyInstance, ctx: AppContext): void {
  for (const [prefix, binding] of [
    ['/api/epcis', false],
    ['/epcis', true],
  ] as const) {
    void app.register(async (scope) => epcisScope(scope, ctx, prefix, binding), { prefix });
  }
}
