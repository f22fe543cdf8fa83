import type { WarehouseFlowInput } from '@zhizao/domain';
import type { FastifyInstance } from 'fastify';
import { auditActor, permissionFirst } from '../../../platform/auth.ts';
import type { AppContext } from '../../../platform/context.ts';
import { errorResponses } from '../../../platform/schemas.ts';
import { readerFirst, resolvedScope, warehouseEnterprise } from './access.ts';
import { eventList, eventFilter, type EventQuery } from './query.service.ts';
import {
  flowBody,
  flowResponse,
  movementQuery,
  movementResponse,
  stockQuery,
  stockResponse,
  webEventQuery,
  eventListResponse,
} from './schemas.ts';
import { movementList, recordFlow, stockList } from './warehouse.service.ts';

// The web's routes: the event list (numbered pages, with the capturing enterprise) and the warehouse —
// record a flow through a form, stock per location and product, movements.

const tags = ['traceability'];

export function registerTraceabilityWebRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: EventQuery & { identifier?: string; page: number; pageSize: number } }>(
    '/api/traceability/events',
    {
      ...readerFirst(ctx),
      schema: {
        tags,
        summary: 'Events, newest first (EPCIS query parameter names): an enterprise its own, the bureau all',
        querystring: webEventQuery,
        response: { 200: eventListResponse, ...errorResponses },
      },
    },
    async (request) => {
      const { page, pageSize, identifier, ...q } = request.query;
      return eventList(ctx, resolvedScope(request), eventFilter(q, identifier), page, pageSize);
    },
  );

  app.get<{ Querystring: { location?: string; product?: string } }>(
    '/api/traceability/warehouse/stock',
    {
      ...permissionFirst('traceability.warehouse.read'),
      schema: {
        tags,
        summary: 'Current stock per location, product and unit (non-zero lines), derived from the events',
        querystring: stockQuery,
        response: { 200: stockResponse, ...errorResponses },
      },
    },
    async (request) => stockList(ctx, warehouseEnterprise(request, 'traceability.warehouse.read'), request.query),
  );

  app.get<{ Querystring: { location?: string; product?: string; page: number; pageSize: number } }>(
    '/api/traceability/warehouse/movements',
    {
      ...permissionFirst('traceability.warehouse.read'),
      schema: {
        tags,
        summary: 'Receiving, storing, picking and shipping events, newest first (location = from or to)',
        querystring: movementQuery,
        response: { 200: movementResponse, ...errorResponses },
      },
    },
    async (request) => movementList(ctx, warehouseEnterprise(request, 'traceability.warehouse.read'), request.query),
  );

  app.post<{ Body: WarehouseFlowInput }>(
    '/api/traceability/warehouse/flows',
    {
      ...permissionFirst('traceability.warehouse.write'),
      schema: {
        tags,
        summary:
          'Record a warehouse flow; stored as an EPCIS ObjectEvent (CBV bizStep). receiving needs to; storing and picking from and to; shipping from. 409 traceability.stockInsufficient',
        body: flowBody,
        response: { 201: flowResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const enterpriseId = warehouseEnterprise(request, 'traceability.warehouse.write');
      const result = await recordFlow(
        ctx,
        { enterpriseId, userId: request.actor!.userId, apiKeyId: null, audit: auditActor(request) },
        request.body,
      );
      return reply.status(201).send(result);
    },
  );
}
