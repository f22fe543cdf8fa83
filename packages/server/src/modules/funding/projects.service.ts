import { CLOSED_AWARD_STATUSES, ownsEnterprise, projectProblems, type Actor, type KpiTarget, type Milestone } from '@zhizao/domain';
import type { Executor } from '../../db/database.ts';
import type { AuditActor } from '../../platform/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, type FieldProblemDetail } from '../../platform/errors.ts';
import {
  findProject,
  firstChainOf,
  insertProjects,
  listProjects,
  projectValues,
  type ProjectFilter,
  type ProjectRecord,
} from './projects.repo.ts';
import { assertInScope, scopedDistrict, scopeOf } from './scope.ts';

// Projects (issue 5 part 1): an enterprise registers its own; officers register and see those in their scope.

export type ProjectInput = Omit<ProjectRecord, 'enterpriseId' | 'status'> & { enterpriseId?: number };

type ProjectRow = NonNullable<Awaited<ReturnType<typeof findProject>>>;

export function presentProject(row: ProjectRow) {
  const { milestonesJson, targetsJson, ...rest } = row;
  return { ...rest, milestones: JSON.parse(milestonesJson) as Milestone[], targets: JSON.parse(targetsJson) as KpiTarget[] };
}

export async function listProjectsFor(db: Executor, actor: Actor, filter: ProjectFilter, page: { page: number; pageSize: number }) {
  const scoped = { ...filter, districtCode: scopedDistrict(actor, filter.districtCode) };
  const { total, rows } = await listProjects(db, scopeOf(actor), scoped, page);
  return { items: rows.map(presentProject), total, ...page };
}

export async function loadProject(db: Executor, actor: Actor, id: number): Promise<ProjectRow> {
  const row = await findProject(db, id);
  if (!row) throw new AppError(404, 'request.notFound');
  assertInScope(actor, row);
  return row;
}

/** Every problem of the input at once (the form shows them all), or nothing. */
export function assertProjectValid(input: ProjectInput): void {
  const problems = projectProblems(input);
  if (problems.length === 0) return;
  const details: FieldProblemDetail[] = problems.map((p) => ({ field: p.field, key: p.key, ...(p.params ? { params: p.params } : {}) }));
  throw new AppError(400, details[0]!.key, details[0]!.params ?? {}, details[0]!.field, details);
}

/** The enterprise the project belongs to: an enterprise user's own, an officer's choice within scope. */
async function resolveEnterprise(db: Executor, actor: Actor, requested: number | undefined): Promise<number> {
  const enterpriseId = actor.role === 'enterprise_user' ? actor.enterpriseId : requested;
  if (!enterpriseId) throw new AppError(400, 'funding.projectEnterpriseRequired', {}, 'enterpriseId');
  const enterprise = await db
    .selectFrom('enterprise')
    .select(['id', 'districtCode'])
    .where('id', '=', enterpriseId)
    .where('archived', '=', 0)
    .executeTakeFirst();
  if (!enterprise || !ownsEnterprise(actor, enterprise)) throw new AppError(400, 'funding.projectEnterpriseUnknown', {}, 'enterpriseId');
  return enterpriseId;
}

async function resolveChain(db: Executor, chainCode: string | null | undefined, enterpriseId: number): Promise<string | null> {
  if (!chainCode) return firstChainOf(db, enterpriseId);
  const chain = await db.selectFrom('industryChain').select('code').where('code', '=', chainCode).executeTakeFirst();
  if (!chain) throw new AppError(400, 'funding.projectChainUnknown', { code: chainCode }, 'chainCode');
  return chainCode;
}

export async function createProject(ctx: AppContext, actor: Actor, who: AuditActor, input: ProjectInput) {
  assertProjectValid(input);
  const enterpriseId = await resolveEnterprise(ctx.db, actor, input.enterpriseId);
  const record: ProjectRecord = { ...input, enterpriseId, chainCode: await resolveChain(ctx.db, input.chainCode, enterpriseId) };
  const id = await ctx.db.transaction().execute(async (tx) => {
    const [id] = await insertProjects(tx, [record], { at: new Date().toISOString(), createdBy: actor.userId });
    await ctx.audit.append(tx, who, { action: 'funding.project.create', entityType: 'fundingProject', entityId: id!, after: record });
    return id!;
  });
  return presentProject((await findProject(ctx.db, id))!);
}

/** A project under award review keeps what the award was computed from. */
async function assertNotUnderReview(db: Executor, projectId: number): Promise<void> {
  const open = await db
    .selectFrom('fundingAward')
    .select('id')
    .where('projectId', '=', projectId)
    .where('status', 'not in', CLOSED_AWARD_STATUSES)
    .executeTakeFirst();
  if (open) throw new AppError(409, 'funding.projectLocked');
}

export async function updateProject(ctx: AppContext, actor: Actor, who: AuditActor, id: number, input: ProjectInput & { version: number }) {
  const existing = await loadProject(ctx.db, actor, id);
  assertProjectValid(input);
  // The owner stays: moving a project to another enterprise is a new registration.
  const record: ProjectRecord = {
    ...input,
    enterpriseId: existing.enterpriseId,
    chainCode: await resolveChain(ctx.db, input.chainCode, existing.enterpriseId),
  };
  await ctx.db.transaction().execute(async (tx) => {
    await assertNotUnderReview(tx, id);
    const result = await tx
      .updateTable('fundingProject')
      .set({ ...projectValues(record), version: input.version + 1, updatedAt: new Date().toISOString() })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0)
      throw new AppError(409, 'funding.projectVersionConflict', { version: existing.version }, 'version');
    await ctx.audit.append(tx, who, {
      action: 'funding.project.update',
      entityType: 'fundingProject',
      entityId: id,
      before: presentProject(existing),
      after: record,
    });
  });
  return presentProject((await findProject(ctx.db, id))!);
}

export async function completeProject(ctx: AppContext, actor: Actor, who: AuditActor, id: number, completionDate: string) {
  const existing = await loadProject(ctx.db, actor, id);
  if (completionDate < existing.startDate) throw new AppError(400, 'funding.projectDatesOrder', {}, 'completionDate');
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('fundingProject')
      .set({ status: 'completed', completionDate, version: existing.version + 1, updatedAt: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
    await ctx.audit.append(tx, who, {
      action: 'funding.project.complete',
      entityType: 'fundingProject',
      entityId: id,
      before: { status: existing.status, completionDate: existing.completionDate },
      after: { status: 'completed', completionDate },
    });
  });
  return presentProject((await findProject(ctx.db, id))!);
}
