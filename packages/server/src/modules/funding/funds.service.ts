import { yuanText, type Actor, type EnvelopeKind, type FundPurpose } from '@zhizao/domain';
import { isUniqueViolation, type Executor } from '../../db/database.ts';
import type { AuditActor } from '../../platform/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { availableOf, envelopeBalances } from './awards.repo.ts';

// Special funds per year and their envelopes (issue 5 part 2). The 智改数转 share of a fund is computed
// from its envelopes and its ledger, never typed (seed §二.1: 2023 awards = 42.2 % of the fund).

export interface FundInput {
  year: number;
  purpose?: FundPurpose;
  name: string;
  totalFen: number;
  envelopes: { id?: number; kind: EnvelopeKind; name: string; amountFen: number }[];
}

const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

export async function presentFunds(
  db: Executor,
  funds: { id: number; year: number; purpose: FundPurpose; name: string; totalFen: number }[],
) {
  const envelopes =
    funds.length === 0
      ? []
      : await db
          .selectFrom('fundingEnvelope')
          .selectAll()
          .where(
            'fundId',
            'in',
            funds.map((f) => f.id),
          )
          .orderBy('sortOrder')
          .orderBy('id')
          .execute();
  const balances = await envelopeBalances(
    db,
    envelopes.map((e) => e.id),
  );
  return funds.map((fund) => {
    const own = envelopes
      .filter((e) => e.fundId === fund.id)
      .map((e) => {
        const b = balances.get(e.id)!;
        return {
          id: e.id,
          fundId: e.fundId,
          kind: e.kind,
          name: e.name,
          amountFen: e.amountFen,
          ...b,
          availableFen: availableOf(e.amountFen, b),
        };
      });
    const smart = own.filter((e) => e.kind === 'smart_digital');
    const sum = (list: typeof own, f: (e: (typeof own)[number]) => number) => list.reduce((s, e) => s + f(e), 0);
    const smartDigitalFen = sum(smart, (e) => e.amountFen);
    // As the reports count it: what was allocated (approved); claw-backs are shown beside, not netted.
    const awarded = sum(smart, (e) => e.allocatedFen);
    return {
      ...fund,
      envelopes: own,
      smartDigitalFen,
      smartDigitalShare: share(smartDigitalFen, fund.totalFen),
      allocatedFen: sum(own, (e) => e.allocatedFen),
      paidFen: sum(own, (e) => e.paidFen),
      awardedShareOfFund: share(awarded, fund.totalFen),
    };
  });
}

const fundColumns = ['id', 'year', 'purpose', 'name', 'totalFen'] as const;

export async function listFunds(db: Executor) {
  return presentFunds(db, await db.selectFrom('fundingFund').select(fundColumns).orderBy('year', 'desc').execute());
}

export async function getFund(db: Executor, id: number) {
  const fund = await db.selectFrom('fundingFund').select(fundColumns).where('id', '=', id).executeTakeFirst();
  if (!fund) throw new AppError(404, 'request.notFound');
  return (await presentFunds(db, [fund]))[0]!;
}

function assertEnvelopesFit(input: FundInput): void {
  const sum = input.envelopes.reduce((s, e) => s + e.amountFen, 0);
  if (sum > input.totalFen)
    throw new AppError(400, 'funding.fundEnvelopesOverTotal', { sum: yuanText(sum), total: yuanText(input.totalFen) }, 'envelopes');
}

export async function createFund(ctx: AppContext, actor: Actor, who: AuditActor, input: FundInput) {
  assertEnvelopesFit(input);
  const at = new Date().toISOString();
  try {
    const id = await ctx.db.transaction().execute(async (tx) => {
      const { id } = await tx
        .insertInto('fundingFund')
        .values({
          year: input.year,
          purpose: input.purpose ?? 'manufacturing',
          name: input.name,
          totalFen: input.totalFen,
          createdAt: at,
          updatedAt: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('fundingEnvelope')
        .values(input.envelopes.map((e, i) => ({ fundId: id, kind: e.kind, name: e.name, amountFen: e.amountFen, sortOrder: i + 1 })))
        .execute();
      await ctx.audit.append(tx, who, {
        action: 'funding.fund.create',
        entityType: 'fundingFund',
        entityId: id,
        after: { ...input, by: actor.username },
      });
      return id;
    });
    return getFund(ctx.db, id);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError(409, 'funding.fundYearTaken', { year: input.year }, 'year');
    throw error;
  }
}

/**
 * Changes a fund's total and envelopes. An envelope cannot shrink below what it has allocated, nor go
 * while it has ledger entries; the envelope rows are locked by the same check approvals use.
 */
export async function updateFund(ctx: AppContext, who: AuditActor, id: number, input: FundInput) {
  const before = await getFund(ctx.db, id);
  assertEnvelopesFit(input);
  try {
    await ctx.db.transaction().execute(async (tx) => {
      let lock = tx.selectFrom('fundingEnvelope').select('id').where('fundId', '=', id);
      if (ctx.dialect === 'postgres') lock = lock.forUpdate();
      await lock.execute();
      const balances = await envelopeBalances(
        tx,
        before.envelopes.map((e) => e.id),
      );
      const kept = new Set(input.envelopes.flatMap((e) => (e.id ? [e.id] : [])));
      for (const old of before.envelopes) {
        const b = balances.get(old.id)!;
        const next = input.envelopes.find((e) => e.id === old.id);
        if (!kept.has(old.id)) {
          if (b.allocatedFen + b.paidFen + b.clawedBackFen > 0)
            throw new AppError(409, 'funding.fundEnvelopeInUse', { name: old.name }, 'envelopes');
          await tx.deleteFrom('fundingEnvelope').where('id', '=', old.id).execute();
        } else if (next && next.amountFen < b.allocatedFen - b.clawedBackFen) {
          throw new AppError(
            409,
            'funding.fundEnvelopeBelowAllocated',
            { name: old.name, allocated: yuanText(b.allocatedFen - b.clawedBackFen) },
            'envelopes',
          );
        }
      }
      for (const [i, e] of input.envelopes.entries()) {
        if (e.id && !before.envelopes.some((o) => o.id === e.id)) throw new AppError(400, 'validation.invalid', {}, `envelopes.${i}.id`);
        if (e.id)
          await tx
            .updateTable('fundingEnvelope')
            .set({ kind: e.kind, name: e.name, amountFen: e.amountFen, sortOrder: i + 1 })
            .where('id', '=', e.id)
            .execute();
        else
          await tx
            .insertInto('fundingEnvelope')
            .values({ fundId: id, kind: e.kind, name: e.name, amountFen: e.amountFen, sortOrder: i + 1 })
            .execute();
      }
      await tx
        .updateTable('fundingFund')
        .set({
          year: input.year,
          purpose: input.purpose ?? before.purpose,
          name: input.name,
          totalFen: input.totalFen,
          updatedAt: new Date().toISOString(),
        })
        .where('id', '=', id)
        .execute();
      await ctx.audit.append(tx, who, { action: 'funding.fund.update', entityType: 'fundingFund', entityId: id, before, after: input });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError(409, 'funding.fundYearTaken', { year: input.year }, 'year');
    throw error;
  }
  return getFund(ctx.db, id);
}

export async function listLedger(db: Executor, fundId: number, filter: { envelopeId?: number }, page: { page: number; pageSize: number }) {
  await getFund(db, fundId);
  let base = db
    .selectFrom('fundingLedgerEntry as l')
    .innerJoin('fundingEnvelope as env', 'env.id', 'l.envelopeId')
    // a talent payment's line has no award: it names its source row instead
    .leftJoin('fundingAward as a', 'a.id', 'l.awardId')
    .leftJoin('fundingProject as p', 'p.id', 'a.projectId')
    .leftJoin('enterprise as e', 'e.id', 'a.enterpriseId')
    .where('env.fundId', '=', fundId);
  if (filter.envelopeId) base = base.where('l.envelopeId', '=', filter.envelopeId);
  const [{ total }, items] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    base
      .select([
        'l.id',
        'l.envelopeId',
        'l.awardId',
        'l.sourceRegister',
        'l.sourceEntryId',
        'e.name as enterpriseName',
        'p.name as projectName',
        'l.kind',
        'l.amountFen',
        'l.batch',
        'l.at',
        'l.actorUsername',
        'l.note',
      ])
      .orderBy('l.id', 'desc')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
  ]);
  return { items, total: Number(total), ...page };
}
