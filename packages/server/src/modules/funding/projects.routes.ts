import type { FastifyInstance } from 'fastify';
import { auditActor, authorize, permissionFirst, requireActor } from '../../platform/auth.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, requestLocale } from '../../platform/errors.ts';
import { errorResponses, idParams } from '../../platform/schemas.ts';
import { attachment } from '../registry/excel.routes.ts';
import { chinaDate } from '../registry/export.service.ts';
import { exportProjects, importProjects, PROJECT_IMPORT_MAX_ROWS, projectTemplate } from './projects.excel.ts';
import type { ProjectFilter } from './projects.repo.ts';
import {
  completeProject,
  createProject,
  listProjectsFor,
  loadProject,
  presentProject,
  updateProject,
  type ProjectInput,
} from './projects.service.ts';
import {
  date,
  page,
  projectFilterProperties,
  projectInputSchema,
  projectListQuery,
  projectUpdateSchema,
  projectView,
  tags,
} from './schemas.ts';

type IdParams = { Params: { id: number } };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const fileResponses = { 200: { description: 'An .xlsx workbook', type: 'string', format: 'binary' }, ...errorResponses } as const;

export function registerFundingProjectRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: ProjectFilter & { page: number; pageSize: number } }>(
    '/api/funding/projects',
    {
      ...permissionFirst('funding.project.read'),
      schema: {
        tags,
        summary: '智改数转 projects in the caller’s scope (bureau all, district its own, enterprise its own)',
        querystring: projectListQuery,
        response: { 200: page(projectView), ...errorResponses },
      },
    },
    async (request) => {
      const { page: p, pageSize, ...filter } = request.query;
      return listProjectsFor(ctx.db, requireActor(request), filter, { page: p, pageSize });
    },
  );

  app.get<IdParams>(
    '/api/funding/projects/:id',
    {
      ...permissionFirst('funding.project.read'),
      schema: {
        tags,
        summary: 'One project (404 outside the caller’s scope)',
        params: idParams,
        response: { 200: projectView, ...errorResponses },
      },
    },
    async (request) => presentProject(await loadProject(ctx.db, requireActor(request), request.params.id)),
  );

  app.post<{ Body: ProjectInput }>(
    '/api/funding/projects',
    {
      ...permissionFirst('funding.project.write'),
      schema: {
        tags,
        summary: 'Register a project (money in fen; an enterprise user registers for its own enterprise; audited)',
        body: projectInputSchema,
        response: { 201: projectView, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createProject(ctx, requireActor(request), auditActor(request), request.body)),
  );

  app.put<IdParams & { Body: ProjectInput & { version: number } }>(
    '/api/funding/projects/:id',
    {
      ...permissionFirst('funding.project.write'),
      schema: {
        tags,
        summary: 'Change a project (the version read; locked while an award on it is open; audited)',
        params: idParams,
        body: projectUpdateSchema,
        response: { 200: projectView, ...errorResponses },
      },
    },
    async (request) => updateProject(ctx, requireActor(request), auditActor(request), request.params.id, request.body),
  );

  app.post<IdParams & { Body: { completionDate: string } }>(
    '/api/funding/projects/:id/complete',
    {
      ...permissionFirst('funding.project.write'),
      schema: {
        tags,
        summary: 'Mark a project completed on a date (audited)',
        params: idParams,
        body: { type: 'object', additionalProperties: false, required: ['completionDate'], properties: { completionDate: date } },
        response: { 200: projectView, ...errorResponses },
      },
    },
    async (request) => completeProject(ctx, requireActor(request), auditActor(request), request.params.id, request.body.completionDate),
  );

  app.get(
    '/api/funding/projects/template.xlsx',
    {
      ...permissionFirst('funding.project.import'),
      schema: {
        tags,
        summary: 'The project import template (money in yuan, kinds as a dropdown)',
        produces: [XLSX],
        response: fileResponses,
      },
    },
    async (_request, reply) =>
      reply
        .header('content-type', XLSX)
        .header('content-disposition', attachment('智改数转项目导入模板.xlsx', 'funding-projects-template.xlsx'))
        .send(await projectTemplate()),
  );

  app.post(
    '/api/funding/projects/import',
    {
      ...permissionFirst('funding.project.import'),
      schema: {
        tags,
        summary: `Import projects from a filled template (multipart field \`file\`, ≤ ${PROJECT_IMPORT_MAX_ROWS} rows): all or nothing in one transaction; 400 funding.importInvalid lists every problem by row and column (audited)`,
        consumes: ['multipart/form-data'],
        response: { 200: { type: 'object', properties: { imported: { type: 'integer' } } }, ...errorResponses },
      },
    },
    async (request) => {
      const actor = authorize(request, 'funding.project.import');
      const file = request.isMultipart() ? await request.file() : undefined;
      if (!file || file.fieldname !== 'file') throw new AppError(400, 'import.noFile', {}, 'file');
      const data = await file.toBuffer();
      if (file.file.truncated) throw new AppError(413, 'request.tooLarge');
      return importProjects(ctx, actor, auditActor(request), data, requestLocale(request));
    },
  );

  app.get<{ Querystring: ProjectFilter }>(
    '/api/funding/projects/export.xlsx',
    {
      ...permissionFirst('funding.project.export'),
      schema: {
        tags,
        summary: 'The filtered projects in the template’s columns (yuan) plus enterprise, district, total and status (audited)',
        querystring: { type: 'object', additionalProperties: false, properties: projectFilterProperties },
        produces: [XLSX],
        response: fileResponses,
      },
    },
    async (request, reply) => {
      const actor = authorize(request, 'funding.project.export');
      const data = await exportProjects(ctx.db, actor, request.query);
      await ctx.db.transaction().execute((tx) =>
        ctx.audit.append(tx, auditActor(request), {
          action: 'funding.project.export',
          entityType: 'fundingProject',
          after: { format: 'xlsx', filter: request.query },
        }),
      );
      const day = chinaDate();
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', attachment(`智改数转项目-${day}.xlsx`, `funding-projects-${day}.xlsx`))
        .header('cache-control', 'no-store')
        .send(data);
    },
  );
}
