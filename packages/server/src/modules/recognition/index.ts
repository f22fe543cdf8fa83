import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { registerApplicationRoutes } from './applications.routes.ts';
import { registerPanelRoutes } from './panel.routes.ts';
import { registerLadderRoutes } from './ladder.routes.ts';
import { registerNoticeRoutes } from './notices.routes.ts';
import { registerProgrammeRoutes } from './programmes.routes.ts';
import { registerPublicRoutes } from './public.routes.ts';
import { registerRecognitionRoutes } from './recognitions.routes.ts';
import { registerRecommendationRoutes } from './recommendations.routes.ts';

/** Recognition ladder (issue 4): registers every route of the module. */
export function registerRecognitionModule(app: FastifyInstance, ctx: AppContext): void {
  registerProgrammeRoutes(app, ctx);
  registerApplicationRoutes(app, ctx);
  registerPanelRoutes(app, ctx);
  registerNoticeRoutes(app, ctx);
  registerPublicRoutes(app, ctx);
  registerRecognitionRoutes(app, ctx);
  registerRecommendationRoutes(app, ctx);
  registerLadderRoutes(app, ctx);
}
