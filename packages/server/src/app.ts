import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { openAppContext } from './bootstrap.ts';
import type { Config } from './config.ts';
import { registerAuthRoutes } from './modules/accounts/auth.routes.ts';
import { registerUserRoutes } from './modules/accounts/users.routes.ts';
import { registerAuditRoutes } from './modules/audit/routes.ts';
import { registerMaturityRoutes } from './modules/maturity/routes.ts';
import { registerMaturityExpertRoutes } from './modules/maturity/expert.routes.ts';
import { registerMaturityBureauRoutes } from './modules/maturity/bureau.routes.ts';
import { registerMaturityReportRoutes } from './modules/maturity/report.routes.ts';
import { registerMaturityEvidenceRoutes } from './modules/maturity/evidence.routes.ts';
import { registerFundingModule } from './modules/funding/index.ts';
import { registerIdentifiersModule } from './modules/identifiers/index.ts';
import { registerRegistersModule } from './modules/registers/index.ts';
import { registerRecognitionModule } from './modules/recognition/index.ts';
import { registerRegistryRoutes } from './modules/registry/routes.ts';
import { registerRegistryExcelRoutes } from './modules/registry/excel.routes.ts';
import { registerTaxonomyRoutes } from './modules/registry/taxonomy.routes.ts';
import { registerAuth } from './platform/auth.ts';
import type { AppContext } from './platform/context.ts';
import { AppError, clientErrorHandler, frameworkErrors, registerErrorHandling } from './platform/errors.ts';
import { registerInputRules } from './platform/input.ts';
import { registerProtection } from './platform/protection.ts';
import { registerJobRunner } from './platform/jobs.ts';

export interface BuiltApp {
  app: FastifyInstance;
  ctx: AppContext;
}

/** Builds the whole platform: database, migrations, plugins, then one register call per module. */
export async function buildApp(config: Config): Promise<BuiltApp> {
  const ctx = await openAppContext(config);
  const { db } = ctx;

  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    trustProxy: config.trustProxy,
    logController: new LogController({ disableRequestLogging: !config.accessLog }),
    bodyLimit: 2 * 1024 * 1024,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: true, useDefaults: true, allErrors: false, strictNumbers: true } },
    // errors raised before a route is found, and requests Node cannot parse: the one error shape too
    frameworkErrors,
    clientErrorHandler,
  });
  app.addHook('onClose', async () => db.destroy());

  await app.register(swagger, {
    openapi: {
      info: { title: 'Zhizao 智造 API', version: '0.1.0', description: 'The platform of a city’s smart-manufacturing programme' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'zhizao_session' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(cookie);
  app.decorate('limits', await registerProtection(app, config.rateLimits));
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1 } });
  registerErrorHandling(app);
  registerAuth(app, ctx);
  registerInputRules(app);
  // before the modules: it stops before their close hooks run, and starts once every module is ready
  registerJobRunner(app, ctx);

  app.get('/api/health', { schema: { tags: ['platform'], summary: 'Liveness and database check' } }, async () => {
    await db.selectFrom('auditHead').select('seq').executeTakeFirst();
    return { status: 'ok', database: ctx.dialect, demo: config.demo };
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerAuthRoutes(app, ctx);
  registerUserRoutes(app, ctx);
  registerAuditRoutes(app, ctx);
  registerRegistryRoutes(app, ctx);
  registerRegistryExcelRoutes(app, ctx);
  registerTaxonomyRoutes(app, ctx);
  registerMaturityRoutes(app, ctx);
  registerMaturityExpertRoutes(app, ctx);
  registerMaturityBureauRoutes(app, ctx);
  registerMaturityReportRoutes(app, ctx);
  registerMaturityEvidenceRoutes(app, ctx);
  registerRecognitionModule(app, ctx);
  registerFundingModule(app, ctx);
  registerIdentifiersModule(app, ctx);
  registerRegistersModule(app, ctx);

  serveWebApp(app, config);
  return { app, ctx };
}

/** Serves the built React app, with client-side routes falling back to index.html. */
function serveWebApp(app: FastifyInstance, config: Config): void {
  const dist = config.webDist;
  if (!dist || !fs.existsSync(path.join(dist, 'index.html'))) return;
  void app.register(fastifyStatic, { root: dist, wildcard: false });
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    // the platform's API and the EPCIS 2.0 binding answer JSON, never the web app's page
    if (/^\/(?:api\/|epcis(?:[/?]|$))/.test(request.url)) throw new AppError(404, 'request.notFound');
    const file = fileInside(dist, request.url.split('?')[0]!);
    if (file && fs.existsSync(file) && fs.statSync(file).isFile()) return reply.sendFile(path.relative(dist, file));
    return reply.sendFile('index.html');
  });
}

/** The file a URL path names inside `root`, or null when it leads outside (a sibling such as dist-private starts with dist too). */
export function fileInside(root: string, urlPath: string): string | null {
  const base = path.resolve(root);
  const file = path.join(base, urlPath);
  return file.startsWith(base + path.sep) ? file : null;
}
