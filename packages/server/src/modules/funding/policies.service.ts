import {
  calculateAward,
  policyRuleProblems,
  type Actor,
  type CalculationInput,
  type Locale,
  type PolicyRate,
  type PolicyRules,
  type ProjectKind,
} from '@zhizao/domain';
import { isUniqueViolation, type Executor } from '../../db/database.ts';
import type { AuditActor } from '../../platform/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { awardedThisYear } from './awards.repo.ts';
import { presentCalculation } from './present.ts';
import { loadProject } from './projects.service.ts';

// Subsidy policies as data (issue 5 part 3). A version never changes once written: a change is the
// next version of the same code, so an award keeps the rules it was computed under.

export interface PolicyInput {
  code: string;
  name: string;
  year?: number | null;
  basis?: string | null;
  rules: Omit<PolicyRules, 'rate'> & {
    rate: { mode: 'flat' | 'tiered'; rateBp?: number; basis?: 'whole' | 'marginal'; bands?: { fromFen: number; rateBp: number }[] };
  };
}

type PolicyRow = NonNullable<Awaited<ReturnType<typeof findPolicy>>>;

export const findPolicy = (db: Executor, id: number) => db.selectFrom('fundingPolicy').selectAll().where('id', '=', id).executeTakeFirst();

export const policyRules = (row: { rulesJson: string }): PolicyRules => JSON.parse(row.rulesJson) as PolicyRules;

export function presentPolicy(row: PolicyRow) {
  const { rulesJson, createdBy: _createdBy, ...rest } = row;
  return { ...rest, rules: JSON.parse(rulesJson) as PolicyRules };
}

export async function listPolicies(db: Executor, filter: { code?: string; includeRetired?: boolean }) {
  let query = db.selectFrom('fundingPolicy').selectAll();
  if (filter.code) query = query.where('code', '=', filter.code);
  if (!filter.includeRetired) query = query.where('status', '=', 'active');
  return (await query.orderBy('code').orderBy('version', 'desc').execute()).map(presentPolicy);
}

export async function loadPolicy(db: Executor, id: number): Promise<PolicyRow> {
  const row = await findPolicy(db, id);
  if (!row) throw new AppError(404, 'funding.policyNotFound');
  return row;
}

/** The rate in its one stored shape; what JSON schema cannot say about it is said here. */
function normaliseRate(rate: PolicyInput['rules']['rate']): PolicyRate {
  if (rate.mode === 'flat') {
    if (rate.rateBp === undefined) throw new AppError(400, 'validation.required', {}, 'rules.rate.rateBp');
    return { mode: 'flat', rateBp: rate.rateBp };
  }
  if (!rate.basis) throw new AppError(400, 'validation.required', {}, 'rules.rate.basis');
  return { mode: 'tiered', basis: rate.basis, bands: rate.bands ?? [] };
}

export function normaliseRules(input: PolicyInput['rules']): PolicyRules {
  const rules: PolicyRules = { ...input, rate: normaliseRate(input.rate) };
  const problems = policyRuleProblems(rules);
  if (problems.length > 0)
    throw new AppError(
      400,
      problems[0]!.key,
      {},
      problems[0]!.field,
      problems.map((p) => ({ field: p.field, key: p.key })),
    );
  return rules;
}

export async function insertPolicyVersion(
  db: Executor,
  input: PolicyInput,
  rules: PolicyRules,
  createdBy: number | null,
  at: string,
): Promise<number> {
  const latest = await db
    .selectFrom('fundingPolicy')
    .select((eb) => eb.fn.max('version').as('version'))
    .where('code', '=', input.code)
    .executeTakeFirst();
  const row = await db
    .insertInto('fundingPolicy')
    .values({
      code: input.code,
      version: Number(latest?.version ?? 0) + 1,
      name: input.name,
      year: input.year ?? null,
      basis: input.basis ?? null,
      rulesJson: JSON.stringify(rules),
      status: 'active',
      createdBy,
      createdAt: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function createPolicy(ctx: AppContext, actor: Actor, who: AuditActor, input: PolicyInput) {
  const rules = normaliseRules(input.rules);
  try {
    const id = await ctx.db.transaction().execute(async (tx) => {
      const id = await insertPolicyVersion(tx, input, rules, actor.userId, new Date().toISOString());
      await ctx.audit.append(tx, who, {
        action: 'funding.policy.create',
        entityType: 'fundingPolicy',
        entityId: id,
        after: { ...input, rules },
      });
      return id;
    });
    return presentPolicy((await findPolicy(ctx.db, id))!);
  } catch (error) {
    // Two versions of one code written at the same moment: the second is asked to try again.
    if (isUniqueViolation(error)) throw new AppError(409, 'funding.policyBusy', {}, 'code');
    throw error;
  }
}

export async function retirePolicy(ctx: AppContext, who: AuditActor, id: number) {
  await loadPolicy(ctx.db, id);
  await ctx.db.transaction().execute(async (tx) => {
    await tx.updateTable('fundingPolicy').set({ status: 'retired' }).where('id', '=', id).execute();
    await ctx.audit.append(tx, who, {
      action: 'funding.policy.retire',
      entityType: 'fundingPolicy',
      entityId: id,
      after: { status: 'retired' },
    });
  });
  return presentPolicy((await findPolicy(ctx.db, id))!);
}

export interface CalculateBody {
  projectId?: number;
  kind?: ProjectKind;
  investment?: CalculationInput['investment'];
  alreadyAwardedFen?: number;
}

/** The calculator on a project in scope, or on figures typed in a form (what-if). */
export async function calculateForCaller(db: Executor, actor: Actor, policyId: number, body: CalculateBody, locale: Locale) {
  const rules = policyRules(await loadPolicy(db, policyId));
  let input: CalculationInput;
  if (body.projectId !== undefined) {
    const project = await loadProject(db, actor, body.projectId);
    input = {
      kind: project.kind as ProjectKind,
      investment: project,
      alreadyAwardedFen: await awardedThisYear(db, project.enterpriseId, project.year),
    };
  } else if (body.kind && body.investment) {
    input = { kind: body.kind, investment: body.investment, alreadyAwardedFen: body.alreadyAwardedFen ?? 0 };
  } else throw new AppError(400, 'funding.policyCalcInput', {}, 'projectId');
  return presentCalculation(calculateAward(rules, input), locale);
}
