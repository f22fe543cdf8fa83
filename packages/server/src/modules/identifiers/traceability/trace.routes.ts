import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../platform/context.ts';
import { errorResponses } from '../../../platform/schemas.ts';
import { traceQuery, traceResponse } from './schemas.ts';
import { traceData } from './trace.service.ts';

// Scanning a product's QR code: the node's resolver URL (`https://<host>/<handle>`, as hdl.handle.net
// writes it) or a GS1 Digital Link path (`/01/<gtin>/21/<serial>`) leads a browser to the web's trace
// page (/trace/…) and anything else to the JSON. The routes are specific, so they win over the web app's
// `/*` fallback; the first path segment must look like a handle prefix (88.999.1), so no page is shadowed.

const tags = ['traceability'];

/** Each path segment percent-encoded, the slashes kept. */
const pathOf = (text: string) => text.split('/').map(encodeURIComponent).join('/');
const wantsPage = (request: FastifyRequest) => /text\/html/i.test(request.headers.accept ?? '');

export function registerTraceRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: { id: string } }>(
    '/api/trace',
    {
      preHandler: app.limits.publicPages,
      schema: {
        tags,
        summary:
          "Public trace data (anonymous): a product's public identifier values and its event timeline (public fields only). 404 traceability.unknownIdentifier",
        querystring: traceQuery,
        response: { 200: traceResponse, ...errorResponses },
      },
    },
    async (request) => traceData(ctx, request.query.id),
  );

  const redirect = { schema: { hide: true } };
  app.get<{ Params: { prefix: string; '*': string } }>('/:prefix(^\\d+\\.[0-9A-Za-z.]+$)/*', redirect, async (request, reply) => {
    const handle = `${request.params.prefix}/${request.params['*']}`;
    return reply.redirect(wantsPage(request) ? `/trace/${pathOf(handle)}` : `/api/trace?id=${encodeURIComponent(handle)}`, 302);
  });
  app.get<{ Params: { '*': string } }>('/01/*', redirect, async (request, reply) => {
    const link = `01/${request.params['*']}`;
    return reply.redirect(wantsPage(request) ? `/trace/${pathOf(link)}` : `/api/trace?id=${encodeURIComponent(link)}`, 302);
  });
}
