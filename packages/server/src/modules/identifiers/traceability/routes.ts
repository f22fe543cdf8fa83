import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../platform/context.ts';
import { registerEpcisRoutes } from './epcis.routes.ts';
import { registerResolverRoutes } from './resolver.routes.ts';
import { registerTraceRoutes } from './trace.routes.ts';
import { registerTraceabilityWebRoutes } from './web.routes.ts';

/** Traceability: EPCIS capture and query, the public trace page's data, the Digital Link resolver, warehouse flows. */
export function registerTraceabilityRoutes(app: FastifyInstance, ctx: AppContext): void {
  registerEpcisRoutes(app, ctx);
  registerTraceabilityWebRoutes(app, ctx);
  registerTraceRoutes(app, ctx);
  registerResolverRoutes(app, ctx);
}
