import type { FastifyInstance } from 'fastify';
import { auditActor, permissionFirst, requireActor } from '../../platform/auth.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, requestLocale } from '../../platform/errors.ts';
import { errorResponses, idParams } from '../../platform/schemas.ts';
import { loadVisibleEnterprise } from './enterprise.access.ts';
import { gateReport, localiseGates } from './gates.service.ts';
import {
  createProgramme,
  findProgramme,
  listProgrammes,
  programmeView,
  updateProgramme,
  type ProgrammeChange,
  type ProgrammeInput,
} from './programmes.service.ts';
import {
  gateQuerySchema,
  gateReportSchema,
  list,
  programmeCreateSchema,
  programmeQuerySchema,
  programmeSchema,
  programmeUpdateSchema,
  tags,
} from './schemas.ts';

type IdParams = { Params: { id: number } };

export function registerProgrammeRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: { year?: number; kind?: string; level?: string } }>(
    '/api/recognition/programmes',
    {
      ...permissionFirst('recognition.programme.read'),
      schema: {
        tags,
        summary: 'Recognition programmes (year × kind × level), newest first, with application counts per state',
        querystring: programmeQuerySchema,
        response: { 200: list(programmeSchema), ...errorResponses },
      },
    },
    async (request) => listProgrammes(ctx.db, request.query),
  );

  app.get<IdParams>(
    '/api/recognition/programmes/:id',
    {
      ...permissionFirst('recognition.programme.read'),
      schema: {
        tags,
        summary: 'One programme: window, gates, indicator table, required KPIs',
        params: idParams,
        response: { 200: programmeSchema, ...errorResponses },
      },
    },
    async (request) => programmeView(ctx.db, request.params.id),
  );

  app.post<{ Body: ProgrammeInput }>(
    '/api/recognition/programmes',
    {
      ...permissionFirst('recognition.programme.write'),
      schema: {
        tags,
        summary: 'Open a programme (409 when the year, kind and level exist; indicator weights sum to 100)',
        body: programmeCreateSchema,
        response: { 200: programmeSchema, ...errorResponses },
      },
    },
    async (request) => createProgramme(ctx, auditActor(request), request.body),
  );

  app.put<IdParams & { Body: ProgrammeChange }>(
    '/api/recognition/programmes/:id',
    {
      ...permissionFirst('recognition.programme.write'),
      schema: {
        tags,
        summary: 'Change a programme (window, gates, indicator table, KPIs); `version` must be the one read',
        params: idParams,
        body: programmeUpdateSchema,
        response: { 200: programmeSchema, ...errorResponses },
      },
    },
    async (request) => updateProgramme(ctx, auditActor(request), request.params.id, request.body),
  );

  app.get<IdParams & { Querystring: { enterpriseId?: number; incidentFreeDeclared?: boolean } }>(
    '/api/recognition/programmes/:id/gates',
    {
      ...permissionFirst('recognition.application.read'),
      schema: {
        tags,
        summary:
          'The live gate check of an enterprise against a programme, each gate explained (enterprise users: their own; others name `enterpriseId`)',
        params: idParams,
        querystring: gateQuerySchema,
        response: { 200: gateReportSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const enterpriseId = actor.role === 'enterprise_user' ? actor.enterpriseId : (request.query.enterpriseId ?? null);
      if (enterpriseId === null) throw new AppError(400, 'recognition.enterpriseRequired', {}, 'enterpriseId');
      const programme = await findProgramme(ctx.db, request.params.id);
      const enterprise = await loadVisibleEnterprise(ctx.db, actor, enterpriseId);
      return localiseGates(
        await gateReport(ctx.db, programme, enterprise, request.query.incidentFreeDeclared ?? false),
        requestLocale(request),
      );
    },
  );
}
