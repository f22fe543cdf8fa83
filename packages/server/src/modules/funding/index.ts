import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { registerFundingAwardRoutes } from './awards.routes.ts';
import { registerFundingFundRoutes } from './funds.routes.ts';
import { registerFundingPolicyRoutes } from './policies.routes.ts';
import { registerFundingProjectRoutes } from './projects.routes.ts';
import { registerFundingReportRoutes } from './reports.routes.ts';

/** Projects and subsidy funds (issue 5): registers every route of the module. */
export function registerFundingModule(app: FastifyInstance, ctx: AppContext): void {
  registerFundingProjectRoutes(app, ctx);
  registerFundingFundRoutes(app, ctx);
  registerFundingPolicyRoutes(app, ctx);
  registerFundingAwardRoutes(app, ctx);
  registerFundingReportRoutes(app, ctx);
}
