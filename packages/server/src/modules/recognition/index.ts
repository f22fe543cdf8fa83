import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { registerApplicationRoutes } from './applications.routes.ts';
import { registerProgrammeRoutes } from './programmes.routes.ts';

/** Recognition ladder (issue 4): registers every route of the module. */
export function registerRecognitionModule(app: FastifyInstance, ctx: AppContext): void {
  registerProgrammeRoutes(app, ctx);
  registerApplicationRoutes(app, ctx);
}
