import {
  allowedActions,
  calculateAward,
  CLOSED_AWARD_STATUSES,
  evaluatePerformance,
  planMove,
  unknownKpiCodes,
  yuanText,
  type Actor,
  type AwardAction,
  type AwardState,
  type AwardStatus,
  type Calculation,
  type Evaluation,
  type KpiActual,
  type KpiTarget,
  type Locale,
  type ProjectKind,
} from '@zhizao/domain';
import type { Tx } from '../../db/database.ts';
import type { AuditActor } from '../../platform/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import {
  awardedThisYear,
  findAward,
  insertLedgerEntry,
  insertMove,
  listAwards,
  listMoves,
  lockRow,
  type AwardFilter,
  type AwardRow,
} from './awards.repo.ts';
import { lockedRoom } from './ledger.service.ts';
import { loadPolicy, policyRules } from './policies.service.ts';
import { presentCalculation } from './present.ts';
import { loadProject } from './projects.service.ts';
import { assertInScope, scopedDistrict, scopeOf } from './scope.ts';

// Awards from application to claw-back (issue 5 parts 4 and 5). The domain's state machine decides each
// move; this file does the I/O around it: row locks, the budget check and the ledger entry in the same
// transaction as the status change, its move row and its audit entry.

export interface MoveBody {
  action: AwardAction;
  note?: string | null;
  amountFen?: number | null;
  approvedFen?: number;
  envelopeId?: number;
  batch?: string | null;
  noticeStart?: string;
  noticeEnd?: string;
  completionDate?: string;
  actuals?: KpiActual[];
}

const stateOf = (row: Pick<AwardRow, 'status' | 'approvedFen' | 'paidFen' | 'clawedBackFen' | 'evaluationJson'>): AwardState => ({
  status: row.status as AwardStatus,
  approvedFen: row.approvedFen,
  paidFen: row.paidFen,
  clawedBackFen: row.clawedBackFen,
  evaluationResult: row.evaluationJson ? (JSON.parse(row.evaluationJson) as Evaluation).result : null,
});

export function presentAwardSummary(row: AwardRow) {
  const { calculationJson: _c, evaluationJson: _e, targetsJson: _t, totalInvestmentFen: _i, ...rest } = row;
  return { ...rest, sampled: row.sampled === 1 };
}

export async function presentAward(ctx: AppContext, actor: Actor, row: AwardRow, locale: Locale) {
  return {
    ...presentAwardSummary(row),
    totalInvestmentFen: row.totalInvestmentFen,
    calculation: presentCalculation(JSON.parse(row.calculationJson) as Calculation, locale),
    evaluation: row.evaluationJson ? (JSON.parse(row.evaluationJson) as Evaluation & { completionDate: string | null }) : null,
    moves: await listMoves(ctx.db, row.id),
    allowedActions: allowedActions(stateOf(row), actor.role),
  };
}

export async function listAwardsFor(ctx: AppContext, actor: Actor, filter: AwardFilter, page: { page: number; pageSize: number }) {
  const { total, rows } = await listAwards(
    ctx.db,
    scopeOf(actor),
    { ...filter, districtCode: scopedDistrict(actor, filter.districtCode) },
    page,
  );
  return { items: rows.map(presentAwardSummary), total, ...page };
}

export async function loadAward(ctx: AppContext, actor: Actor, id: number): Promise<AwardRow> {
  const row = await findAward(ctx.db, id);
  if (!row) throw new AppError(404, 'request.notFound');
  assertInScope(actor, row);
  return row;
}

const moveActor = (actor: Actor) => ({ userId: actor.userId, username: actor.username, role: actor.role });

/** The enterprise applies on its project under a policy version; the amount is computed now and frozen. */
export async function applyForAward(
  ctx: AppContext,
  actor: Actor,
  who: AuditActor,
  body: { projectId: number; policyId: number },
  locale: Locale,
) {
  const policy = await ctx.db.selectFrom('fundingPolicy').selectAll().where('id', '=', body.policyId).executeTakeFirst();
  if (!policy) throw new AppError(400, 'funding.policyNotFound', {}, 'policyId');
  if (policy.status !== 'active') throw new AppError(400, 'funding.policyRetired', {}, 'policyId');
  const project = await loadProject(ctx.db, actor, body.projectId);
  const at = new Date().toISOString();
  const id = await ctx.db.transaction().execute(async (tx) => {
    // The project row is the lock: two applications on one project cannot both pass the check below.
    await lockProject(tx, ctx, project.id);
    const open = await tx
      .selectFrom('fundingAward')
      .select('id')
      .where('projectId', '=', project.id)
      .where('status', 'not in', CLOSED_AWARD_STATUSES)
      .executeTakeFirst();
    if (open) throw new AppError(409, 'funding.awardAlreadyOpen', {}, 'projectId');
    const calculation = calculateAward(policyRules(policy), {
      kind: project.kind as ProjectKind,
      investment: project,
      alreadyAwardedFen: await awardedThisYear(tx, project.enterpriseId, project.year),
    });
    if (!calculation.eligible) throw new AppError(400, 'funding.awardNotEligible', {}, 'policyId');
    const { id } = await tx
      .insertInto('fundingAward')
      .values({
        projectId: project.id,
        enterpriseId: project.enterpriseId,
        year: project.year,
        policyId: policy.id,
        status: 'submitted',
        amountFen: calculation.amountFen,
        calculationJson: JSON.stringify(calculation),
        createdBy: actor.userId,
        createdAt: at,
        updatedAt: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertMove(tx, {
      awardId: id,
      action: 'apply',
      fromStatus: null,
      toStatus: 'submitted',
      amountFen: calculation.amountFen,
      actor: moveActor(actor),
      at,
    });
    await ctx.audit.append(tx, who, {
      action: 'funding.award.apply',
      entityType: 'fundingAward',
      entityId: id,
      after: { projectId: project.id, policyId: policy.id, policy: `${policy.code} v${policy.version}`, amountFen: calculation.amountFen },
    });
    return id;
  });
  return presentAward(ctx, actor, (await findAward(ctx.db, id))!, locale);
}

async function lockProject(tx: Tx, ctx: AppContext, projectId: number) {
  let q = tx.selectFrom('fundingProject').select('id').where('id', '=', projectId);
  if (ctx.dialect === 'postgres') q = q.forUpdate();
  await q.execute();
}

interface MoveEffects {
  set: Partial<{
    approvedFen: number;
    envelopeId: number;
    paidFen: number;
    clawedBackFen: number;
    noticeStart: string;
    noticeEnd: string;
    evaluationJson: string;
  }>;
  amountFen: number | null;
  after: Record<string, unknown>;
}

/** One move on one award, whole or not at all. */
export async function moveAward(ctx: AppContext, actor: Actor, who: AuditActor, id: number, body: MoveBody, locale: Locale) {
  await loadAward(ctx, actor, id);
  await ctx.db.transaction().execute(async (tx) => {
    await lockRow(tx, ctx.dialect, 'fundingAward', id);
    // Read again under the lock: another move may have landed since.
    const award = (await findAward(tx, id))!;
    const plan = planMove(body.action, stateOf(award), actor.role, { note: body.note ?? null, amountFen: body.amountFen ?? null });
    if (!plan.ok) throw new AppError(plan.status, plan.key, moneyParams(plan.params), plan.field);
    const effects = await effectsOf(tx, ctx, actor, award, body);
    const at = new Date().toISOString();
    await tx
      .updateTable('fundingAward')
      .set({ ...effects.set, status: plan.to, version: award.version + 1, updatedAt: at })
      .where('id', '=', id)
      .execute();
    await insertMove(tx, {
      awardId: id,
      action: body.action,
      fromStatus: award.status,
      toStatus: plan.to,
      amountFen: effects.amountFen,
      note: body.note ?? null,
      actor: moveActor(actor),
      at,
    });
    await ctx.audit.append(tx, who, {
      action: `funding.award.${body.action}`,
      entityType: 'fundingAward',
      entityId: id,
      before: { status: award.status },
      after: { status: plan.to, note: body.note ?? null, ...effects.after },
    });
  });
  return presentAward(ctx, actor, (await findAward(ctx.db, id))!, locale);
}

/** Amount params of the state machine's refusals, in yuan as people read them. */
const moneyParams = (params: Record<string, string | number>) =>
  Object.fromEntries(Object.entries(params).map(([k, v]) => [k, k === 'open' || k === 'room' ? yuanText(Number(v)) : v]));

async function effectsOf(tx: Tx, ctx: AppContext, actor: Actor, award: AwardRow, body: MoveBody): Promise<MoveEffects> {
  const ledger = (kind: 'allocation' | 'payment' | 'clawback', envelopeId: number, amountFen: number, batch: string | null = null) =>
    insertLedgerEntry(tx, {
      envelopeId,
      awardId: award.id,
      kind,
      amountFen,
      batch,
      note: body.note ?? null,
      actorUserId: actor.userId,
      actorUsername: actor.username,
      at: new Date().toISOString(),
    });
  switch (body.action) {
    case 'publishNotice': {
      if (!body.noticeStart) throw new AppError(400, 'validation.required', {}, 'noticeStart');
      if (!body.noticeEnd) throw new AppError(400, 'validation.required', {}, 'noticeEnd');
      if (body.noticeEnd < body.noticeStart) throw new AppError(400, 'funding.awardNoticeDates', {}, 'noticeEnd');
      return {
        set: { noticeStart: body.noticeStart, noticeEnd: body.noticeEnd },
        amountFen: null,
        after: { noticeStart: body.noticeStart, noticeEnd: body.noticeEnd },
      };
    }
    case 'approve':
      return approve(tx, ctx, award, body, ledger);
    case 'pay': {
      const amountFen = body.amountFen!;
      await ledger('payment', award.envelopeId!, amountFen, body.batch ?? null);
      return { set: { paidFen: award.paidFen + amountFen }, amountFen, after: { amountFen, batch: body.batch ?? null } };
    }
    case 'evaluate': {
      const targets = JSON.parse(award.targetsJson) as KpiTarget[];
      const actuals = body.actuals ?? [];
      const unknown = unknownKpiCodes(targets, actuals);
      if (unknown.length > 0) throw new AppError(400, 'funding.awardUnknownKpi', { code: unknown[0]! }, 'actuals');
      if (targets.some((t) => !actuals.some((a) => a.code === t.code)))
        throw new AppError(400, 'funding.awardActualsRequired', {}, 'actuals');
      const completionDate = body.completionDate ?? null;
      const evaluation = { ...evaluatePerformance(targets, actuals, award.paidFen), completionDate };
      if (completionDate)
        await tx.updateTable('fundingProject').set({ status: 'completed', completionDate }).where('id', '=', award.projectId).execute();
      return {
        set: { evaluationJson: JSON.stringify(evaluation) },
        amountFen: null,
        after: { result: evaluation.result, metCount: evaluation.metCount, total: evaluation.total, actuals },
      };
    }
    case 'clawBack': {
      const amountFen = body.amountFen!;
      await ledger('clawback', award.envelopeId!, amountFen);
      return { set: { clawedBackFen: award.clawedBackFen + amountFen }, amountFen, after: { amountFen } };
    }
    default:
      return { set: {}, amountFen: null, after: {} };
  }
}

/**
 * Approval against the budget: the envelope row is locked (PostgreSQL FOR UPDATE; SQLite's single
 * writer), the ledger summed, and the allocation written before the lock is let go — so concurrent
 * approvals see each other's allocations and the envelope never goes below zero.
 */
async function approve(
  tx: Tx,
  ctx: AppContext,
  award: AwardRow,
  body: MoveBody,
  ledger: (kind: 'allocation', envelopeId: number, amountFen: number) => Promise<void>,
): Promise<MoveEffects> {
  const approvedFen = body.approvedFen ?? award.amountFen;
  if (approvedFen > award.amountFen)
    throw new AppError(400, 'funding.awardApprovedTooHigh', { amount: yuanText(award.amountFen) }, 'approvedFen');
  const envelope = await resolveEnvelope(tx, award.year, body.envelopeId);
  // Under the lock: the amount as it is now (a fund edit may have landed), and every allocation so far.
  const available = await lockedRoom(tx, ctx.dialect, envelope.id);
  if (approvedFen > available) {
    throw new AppError(
      409,
      'funding.budgetExceeded',
      { name: envelope.name, available: yuanText(available), needed: yuanText(approvedFen) },
      'envelopeId',
    );
  }
  const cap = policyRules(await loadPolicy(tx, award.policyId)).capPerEnterpriseYearFen;
  if (cap !== null) {
    const already = await awardedThisYear(tx, award.enterpriseId, award.year, award.id, true);
    if (already + approvedFen > cap)
      throw new AppError(409, 'funding.budgetEnterpriseCap', { cap: yuanText(cap), already: yuanText(already) }, 'approvedFen');
  }
  await ledger('allocation', envelope.id, approvedFen);
  return {
    set: { approvedFen, envelopeId: envelope.id },
    amountFen: approvedFen,
    after: { approvedFen, envelopeId: envelope.id, availableBefore: available },
  };
}

/** The envelope named, which must be in the award year's fund; by default that fund's 智改数转 envelope. */
async function resolveEnvelope(tx: Tx, year: number, envelopeId: number | undefined) {
  let query = tx
    .selectFrom('fundingEnvelope as env')
    .innerJoin('fundingFund as f', 'f.id', 'env.fundId')
    .select(['env.id', 'env.name', 'env.kind', 'f.year']);
  query = envelopeId
    ? query.where('env.id', '=', envelopeId)
    : query.where('f.year', '=', year).where('env.kind', '=', 'smart_digital').orderBy('env.sortOrder');
  const envelope = await query.executeTakeFirst();
  if (!envelope) {
    if (envelopeId) throw new AppError(400, 'validation.invalid', {}, 'envelopeId');
    throw new AppError(409, 'funding.budgetNoEnvelope', { year }, 'envelopeId');
  }
  if (envelope.year !== year) throw new AppError(400, 'funding.budgetWrongYear', { fundYear: envelope.year, year }, 'envelopeId');
  return envelope;
}
