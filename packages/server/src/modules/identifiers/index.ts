import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { registerTraceabilityRoutes } from './traceability/routes.ts';

/** Identifier resolution secondary node (issue 6): registers every route of the module. */
export function registerIdentifiersModule(app: FastifyInstance, ctx: AppContext): void {
  registerTraceabilityRoutes(app, ctx);
}
