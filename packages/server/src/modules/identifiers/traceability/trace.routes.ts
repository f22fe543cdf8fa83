import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../platform/context.ts';
import { errorResponses } from '../../../platform/schemas.ts';
import { traceQuery, traceResponse } from './schemas.ts';
import { traceData } from './trace.service.ts';

// The public trace data behind the web's trace page and the resolver's JSON link (resolver.routes.ts redirects
// a scanned identifier or Digital Link here).

const tags = ['traceability'];

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
}
