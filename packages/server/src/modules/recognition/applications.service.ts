import {
  EDITABLE_STATES,
  FINAL_STATES,
  KPI_CODES,
  allowedMoves,
  benchmarkCheck,
  kpiChanges,
  type Actor,
  type ApplicationState,
  type KpiSet,
  type Locale,
} from '@zhizao/domain';
import type { Executor } from '../../db/database.ts';
import type { AuditActor } from '../../platform/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { findApplication, loadOwnApplication, loadVisibleApplication, scopeApplicationFilter, type ApplicationRow } from './access.ts';
import { listAttachments } from './attachments.service.ts';
import { gateReport, localiseGates, type GateReport } from './gates.service.ts';
import { findProgramme, programmeKpis } from './programmes.service.ts';

// Applications (issue 4 part 2): an enterprise user starts one in an open programme, fills it in with
// autosave (optimistic version), and sees its gates checked live; the others read within their scope.

export interface ApplicationContent {
  projectName?: string;
  projectDescription?: string;
  serviceProviderName?: string;
  incidentFreeDeclared?: boolean;
  kpis?: KpiSet;
}

export const parseKpis = (json: string): KpiSet => JSON.parse(json) as KpiSet;
const num = (v: number | null) => (v === null ? null : Number(v));

async function recognitionNumbers(db: Executor, applicationIds: number[]): Promise<Map<number, string>> {
  if (!applicationIds.length) return new Map();
  const rows = await db
    .selectFrom('recognition')
    .select(['applicationId', 'recognitionNumber'])
    .where('applicationId', 'in', applicationIds)
    .execute();
  return new Map(rows.map((r) => [Number(r.applicationId), r.recognitionNumber]));
}

type SummaryRow = ApplicationRow & { year: number; kind: string; level: string; title: string };

function presentSummary(row: SummaryRow, number: string | undefined) {
  return {
    id: Number(row.id),
    programmeId: Number(row.programmeId),
    programme: { id: Number(row.programmeId), year: Number(row.year), kind: row.kind, level: row.level, title: row.title },
    enterpriseId: Number(row.enterpriseId),
    enterpriseName: row.enterpriseName,
    districtCode: row.districtCode,
    projectName: row.projectName,
    state: row.state,
    version: Number(row.version),
    submittedAt: row.submittedAt,
    updatedAt: row.updatedAt,
    finalScore: num(row.finalScore),
    rank: num(row.rank),
    recognitionNumber: number ?? null,
  };
}

function summaryQuery(db: Executor) {
  return db
    .selectFrom('recognitionApplication as a')
    .innerJoin('enterprise as e', 'e.id', 'a.enterpriseId')
    .innerJoin('recognitionProgramme as p', 'p.id', 'a.programmeId')
    .selectAll('a')
    .select(['e.name as enterpriseName', 'e.districtCode', 'e.sizeClass', 'p.year', 'p.kind', 'p.level', 'p.title']);
}

export interface ApplicationFilter {
  programmeId?: number;
  state?: string;
  districtCode?: string;
  enterpriseId?: number;
}

export async function listApplications(db: Executor, actor: Actor, filter: ApplicationFilter, page: { page: number; pageSize: number }) {
  const f = scopeApplicationFilter(actor, filter);
  let q = summaryQuery(db);
  if (f.programmeId !== undefined) q = q.where('a.programmeId', '=', f.programmeId);
  if (f.state !== undefined) q = q.where('a.state', '=', f.state);
  if (f.districtCode !== undefined) q = q.where('e.districtCode', '=', f.districtCode);
  if (f.enterpriseId !== undefined) q = q.where('a.enterpriseId', '=', f.enterpriseId);
  const [rows, total] = await Promise.all([
    q
      .orderBy('a.updatedAt', 'desc')
      .orderBy('a.id', 'desc')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    q
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  const numbers = await recognitionNumbers(
    db,
    rows.map((r) => Number(r.id)),
  );
  return { items: rows.map((r) => presentSummary(r, numbers.get(Number(r.id)))), total: Number(total.n), ...page };
}

/** The gate report: live while the enterprise can still edit, as frozen at submit afterwards. */
async function gatesOf(db: Executor, row: ApplicationRow): Promise<GateReport> {
  if (row.gatesJson && !EDITABLE_STATES.includes(row.state as ApplicationState)) return JSON.parse(row.gatesJson) as GateReport;
  const programme = await findProgramme(db, Number(row.programmeId));
  return gateReport(db, programme, { id: Number(row.enterpriseId), sizeClass: row.sizeClass }, Boolean(row.incidentFreeDeclared));
}

/** Everything about one application the caller may see; `asExpert` leaves out the workflow's notes. */
export async function presentDetail(db: Executor, actor: Actor, id: number, locale: Locale) {
  const row = (await summaryQuery(db).where('a.id', '=', id).executeTakeFirst())!;
  const programme = await findProgramme(db, Number(row.programmeId));
  const kpis = parseKpis(row.kpisJson);
  const [numbers, history, attachments, gates] = await Promise.all([
    recognitionNumbers(db, [id]),
    db
      .selectFrom('recognitionMove')
      .select(['move', 'fromState', 'toState', 'reason', 'actorRole', 'actorName', 'at'])
      .where('applicationId', '=', id)
      .orderBy('id')
      .execute(),
    listAttachments(db, id),
    gatesOf(db, row),
  ]);
  return {
    ...presentSummary(row, numbers.get(id)),
    projectDescription: row.projectDescription,
    serviceProviderName: row.serviceProviderName,
    incidentFreeDeclared: Boolean(row.incidentFreeDeclared),
    kpis: Object.fromEntries(KPI_CODES.map((c) => [c, kpis[c] ?? { before: null, after: null }])),
    kpiChanges: kpiChanges(kpis),
    benchmarks: benchmarkCheck(kpis),
    requiredKpis: programmeKpis(programme),
    gates: localiseGates(gates, locale),
    allowedMoves: actor.role === 'expert' ? [] : allowedMoves(row.state as ApplicationState, actor.role),
    history,
    attachments,
    noticeId: num(row.noticeId),
    scoreSpread: row.scoreJson ? JSON.parse(row.scoreJson) : null,
  };
}

export async function applicationDetail(db: Executor, actor: Actor, id: number, locale: Locale) {
  await loadVisibleApplication(db, actor, id);
  return presentDetail(db, actor, id, locale);
}

export async function createApplication(ctx: AppContext, actor: Actor, who: AuditActor, programmeId: number, locale: Locale) {
  if (actor.enterpriseId === null) throw new AppError(403, 'recognition.noEnterprise');
  const programme = await findProgramme(ctx.db, programmeId);
  const id = await ctx.db.transaction().execute(async (tx) => {
    const open = await tx
      .selectFrom('recognitionApplication')
      .select('id')
      .where('programmeId', '=', programmeId)
      .where('enterpriseId', '=', actor.enterpriseId!)
      .where('state', 'not in', FINAL_STATES)
      .executeTakeFirst();
    if (open) throw new AppError(409, 'recognition.applicationExists', { id: Number(open.id) }, 'programmeId');
    const enterprise = await tx
      .selectFrom('enterprise')
      .select(['id', 'archived'])
      .where('id', '=', actor.enterpriseId!)
      .executeTakeFirst();
    if (!enterprise || enterprise.archived) throw new AppError(403, 'recognition.noEnterprise');
    const at = new Date().toISOString();
    const { id: created } = await tx
      .insertInto('recognitionApplication')
      .values({
        programmeId,
        enterpriseId: enterprise.id,
        state: 'draft',
        version: 1,
        projectName: '',
        projectDescription: '',
        serviceProviderName: '',
        incidentFreeDeclared: 0,
        kpisJson: '{}',
        createdBy: actor.userId,
        createdAt: at,
        updatedAt: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.audit.append(tx, who, {
      action: 'recognition.application.create',
      entityType: 'recognitionApplication',
      entityId: Number(created),
      after: { programmeId, enterpriseId: enterprise.id, programme: programme.title },
    });
    return Number(created);
  });
  return presentDetail(ctx.db, actor, id, locale);
}

/** The autosave: only the fields sent change; `version` must be the one read. */
export async function updateApplication(
  ctx: AppContext,
  actor: Actor,
  who: AuditActor,
  id: number,
  input: ApplicationContent & { version: number },
  locale: Locale,
) {
  await loadOwnApplication(ctx.db, actor, id);
  await ctx.db.transaction().execute(async (tx) => {
    const row = (await findApplication(tx, id))!;
    if (!EDITABLE_STATES.includes(row.state as ApplicationState)) throw new AppError(409, 'recognition.locked');
    if (Number(row.version) !== input.version)
      throw new AppError(409, 'recognition.versionConflict', { version: Number(row.version) }, 'version');
    const before = contentOf(row);
    const after = {
      projectName: input.projectName ?? before.projectName,
      projectDescription: input.projectDescription ?? before.projectDescription,
      serviceProviderName: input.serviceProviderName ?? before.serviceProviderName,
      incidentFreeDeclared: input.incidentFreeDeclared ?? before.incidentFreeDeclared,
      kpis: input.kpis ? { ...before.kpis, ...input.kpis } : before.kpis,
    };
    await tx
      .updateTable('recognitionApplication')
      .set({
        projectName: after.projectName,
        projectDescription: after.projectDescription,
        serviceProviderName: after.serviceProviderName,
        incidentFreeDeclared: after.incidentFreeDeclared ? 1 : 0,
        kpisJson: JSON.stringify(after.kpis),
        version: Number(row.version) + 1,
        updatedAt: new Date().toISOString(),
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst()
      .then((r) => {
        if (Number(r.numUpdatedRows) !== 1)
          throw new AppError(409, 'recognition.versionConflict', { version: input.version + 1 }, 'version');
      });
    await ctx.audit.append(tx, who, {
      action: 'recognition.application.update',
      entityType: 'recognitionApplication',
      entityId: id,
      before,
      after,
    });
  });
  return presentDetail(ctx.db, actor, id, locale);
}

export function contentOf(row: ApplicationRow) {
  return {
    projectName: row.projectName,
    projectDescription: row.projectDescription,
    serviceProviderName: row.serviceProviderName,
    incidentFreeDeclared: Boolean(row.incidentFreeDeclared),
    kpis: parseKpis(row.kpisJson),
  };
}
