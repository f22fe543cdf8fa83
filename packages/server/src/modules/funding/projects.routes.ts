import type { FastifyInstance } from 'fastify';
import { auditActor, permissionFirst, requireActor } from '../../platform/auth.ts';
import type { AppContext } from '../../platform/context.ts';
import { errorResponses, idParams } from '../../platform/schemas.ts';
import type { ProjectFilter } from './projects.repo.ts';
import { completeProject, createProject, listProjectsFor, loadProject, presentProject, updateProject, type ProjectInput } from './projects.service.ts';
import { date, page, projectInputSchema, projectListQuery, projectUpdateSchema, projectView, tags } from './schemas.ts';

type IdParams = { Params: { id: number } };

export function registerFundingProjectRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: ProjectFilter & { page: number; pageSize: number } }>(
    '/api/funding/projects',
    { ...permissionFirst('funding.project.read'), schema: { tags, summary: '智改数转 projects in the caller’s scope (bureau all, district its own, enterprise its own)', querystring: projectListQuery, response: { 200: page(projectView), ...errorResponses } } },
    async (request) => {
      const { page: p, pageSize, ...filter } = request.query;
      return listProjectsFor(ctx.db, requireActor(request), filter, { page: p, pageSize });
    },
  );

  app.get<IdParams>(
    '/api/funding/projects/:id',
    { ...permissionFirst('funding.project.read'), schema: { tags, summary: 'One project (404 outside the caller’s scope)', params: idParams, response: { 200: projectView, ...errorResponses } } },
    async (request) => presentProject(await loadProject(ctx.db, requireActor(request), request.params.id)),
  );

  app.post<{ Body: ProjectInput }>(
    '/api/funding/projects',
    {
      ...permissionFirst('funding.project.write'),
      schema: { tags, summary: 'Register a project (money in fen; an enterprise user registers for its own enterprise; audited)', body: projectInputSchema, response: { 201: projectView, ...errorResponses } },
    },
    async (request, reply) => reply.status(201).send(await createProject(ctx, requireActor(request), auditActor(request), request.body)),
  );

  app.put<IdParams & { Body: ProjectInput & { version: number } }>(
    '/api/funding/projects/:id',
    {
      ...permissionFirst('funding.project.write'),
      schema: { tags, summary: 'Change a project (the version read; locked while an award on it is open; audited)', params: idParams, body: projectUpdateSchema, response: { 200: projectView, ...errorResponses } },
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
}
