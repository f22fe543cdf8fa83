import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../platform/context.ts';

/** Traceability: EPCIS capture and query, the public trace page's data, warehouse flows. */
export function registerTraceabilityRoutes(_app: FastifyInstance, _ctx: AppContext): void {}
