import {
  ENTERPRISE_SELF_EDITABLE_FIELDS,
  can,
  enterpriseProblems,
  maskPhone,
  normaliseEnterpriseInput,
  ownsEnterprise,
  type Actor,
  type EnterpriseInput,
  type TaxonomyCodes,
} from '@zhizao/domain';
import { isUniqueViolation } from '../../db/database.ts';
import type { AuditActor } from '../../platform/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, type FieldProblemDetail } from '../../platform/errors.ts';
import {
  auditedEnterprise,
  findEnterprise,
  findEnterpriseIdByCreditCode,
  insertEnterprise,
  setArchived,
  updateEnterprise,
  type EnterpriseRecord,
} from './enterprise.repo.ts';
import { loadTaxonomyCodes } from './taxonomy.repo.ts';

/** Validates and normalises input; throws 400 naming the first field, with every problem in details. */
export function validateEnterprise(raw: EnterpriseInput, taxonomy: TaxonomyCodes): EnterpriseInput {
  const input = normaliseEnterpriseInput(raw);
  const problems: FieldProblemDetail[] = enterpriseProblems(input, taxonomy).map((p) => ({ field: p.field, key: `enterprise.${p.code}` }));
  if (problems.length) throw new AppError(400, problems[0]!.key, {}, problems[0]!.field, problems);
  return input;
}

/** Owners see everything; other readers see the directory entry without contacts. */
export function presentEnterprise(actor: Actor, e: EnterpriseRecord, options: { maskPhone?: boolean } = {}) {
  const owner = ownsEnterprise(actor, e);
  return {
    ...e,
    contactName: owner ? e.contactName : null,
    contactPhone: owner ? (options.maskPhone ? maskPhone(e.contactPhone) : e.contactPhone) : null,
    contactEmail: owner ? e.contactEmail : null,
    canEdit: owner && can(actor, 'registry.update'),
    canArchive: owner && can(actor, 'registry.archive'),
  };
}

function assertDistrictInScope(actor: Actor, districtCode: string) {
  if (actor.role === 'district_officer' && actor.districtCode !== districtCode)
    throw new AppError(403, 'enterprise.outOfScope', {}, 'districtCode');
}

const creditCodeTaken = (creditCode: string) => new AppError(409, 'enterprise.creditCodeTaken', { creditCode }, 'creditCode');

async function assertCreditCodeFree(ctx: AppContext, creditCode: string, exceptId?: number) {
  const existing = await findEnterpriseIdByCreditCode(ctx.db, creditCode);
  if (existing && existing.id !== exceptId) throw creditCodeTaken(creditCode);
}

/** A parallel request may take the credit code between the check and the write: the unique index decides. */
function creditCodeRace(creditCode: string) {
  return (error: unknown): never => {
    throw isUniqueViolation(error) ? creditCodeTaken(creditCode) : error;
  };
}

export async function createEnterprise(ctx: AppContext, actor: Actor, who: AuditActor, raw: EnterpriseInput) {
  const input = validateEnterprise(raw, await loadTaxonomyCodes(ctx.db));
  assertDistrictInScope(actor, input.districtCode);
  await assertCreditCodeFree(ctx, input.creditCode);
  return ctx.db
    .transaction()
    .execute(async (tx) => {
      const created = await insertEnterprise(tx, ctx.cipher, input);
      await ctx.audit.append(tx, who, {
        action: 'enterprise.create',
        entityType: 'enterprise',
        entityId: created.id,
        after: auditedEnterprise(ctx.cipher, created),
      });
      return created;
    })
    .catch(creditCodeRace(input.creditCode));
}

/** Loads an enterprise the actor owns, or 404 (not there) / 403 (someone else's). */
export async function loadOwnedEnterprise(ctx: AppContext, actor: Actor, id: number): Promise<EnterpriseRecord> {
  const existing = await findEnterprise(ctx.db, ctx.cipher, id);
  if (!existing) throw new AppError(404, 'enterprise.notFound');
  if (!ownsEnterprise(actor, existing)) throw new AppError(403, 'enterprise.outOfScope');
  return existing;
}

export async function changeEnterprise(ctx: AppContext, actor: Actor, who: AuditActor, id: number, raw: EnterpriseInput, version: number) {
  const before = await loadOwnedEnterprise(ctx, actor, id);
  const input = validateEnterprise(raw, await loadTaxonomyCodes(ctx.db));
  if (actor.role === 'enterprise_user') {
    const changed = (Object.keys(input) as (keyof EnterpriseInput)[]).find(
      (k) => !(ENTERPRISE_SELF_EDITABLE_FIELDS as readonly string[]).includes(k) && JSON.stringify(input[k]) !== JSON.stringify(before[k]),
    );
    if (changed) throw new AppError(403, 'enterprise.fieldNotEditable', {}, changed);
  }
  assertDistrictInScope(actor, input.districtCode);
  await assertCreditCodeFree(ctx, input.creditCode, id);
  return ctx.db
    .transaction()
    .execute(async (tx) => {
      const after = await updateEnterprise(tx, ctx.cipher, id, input, version);
      if (!after) throw new AppError(409, 'enterprise.versionConflict', {}, 'version');
      await ctx.audit.append(tx, who, {
        action: 'enterprise.update',
        entityType: 'enterprise',
        entityId: id,
        before: auditedEnterprise(ctx.cipher, before),
        after: auditedEnterprise(ctx.cipher, after),
      });
      return after;
    })
    .catch(creditCodeRace(input.creditCode));
}

export async function archiveEnterprise(ctx: AppContext, actor: Actor, who: AuditActor, id: number, archived: boolean) {
  const before = await loadOwnedEnterprise(ctx, actor, id);
  return ctx.db.transaction().execute(async (tx) => {
    const after = (await setArchived(tx, ctx.cipher, id, archived))!;
    await ctx.audit.append(tx, who, {
      action: archived ? 'enterprise.archive' : 'enterprise.restore',
      entityType: 'enterprise',
      entityId: id,
      before: { archived: before.archived },
      after: { archived },
    });
    return after;
  });
}
