import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { jobRunner } from '../../platform/jobs.ts';
import { registerHandleRoutes } from './handle.routes.ts';
import { registerHandleProtocol } from './handle-protocol/index.ts';
import { registerKeyRoutes } from './keys.routes.ts';
import { identifierNode } from './node.ts';
import { registerPrefixRoutes } from './prefixes.routes.ts';
import { registerRecordRoutes } from './records.routes.ts';
import { registerSnmsRoutes } from './snms.routes.ts';
import { registerStatsRoutes } from './stats.routes.ts';
import { registerTemplateRoutes } from './templates.routes.ts';
import { UPLOAD_JOB, uploadJobHandler } from './uploads.job.ts';
import { registerUploadRoutes } from './uploads.routes.ts';
import { registerTraceabilityRoutes } from './traceability/routes.ts';

/** Identifier resolution secondary node (issue 6): registers every route of the module. */
export function registerIdentifiersModule(app: FastifyInstance, ctx: AppContext): void {
  const node = identifierNode(ctx);
  // prefixes load when the server is ready (after the demo seed); buffered statistics are written before it closes
  app.addHook('onReady', async () => node.start());
  app.addHook('preClose', async () => node.stop());
  registerHandleRoutes(app, ctx);
  registerHandleProtocol(app, ctx);
  registerSnmsRoutes(app, ctx);
  registerPrefixRoutes(app, ctx);
  registerTemplateRoutes(app, ctx);
  registerRecordRoutes(app, ctx);
  registerKeyRoutes(app, ctx);
  registerStatsRoutes(app, ctx);
  registerUploadRoutes(app, ctx);
  jobRunner(ctx).handle(UPLOAD_JOB, uploadJobHandler(ctx));
  registerTraceabilityRoutes(app, ctx);
}
