import { ownsEnterprise, type Actor } from '@zhizao/domain';
import { AppError } from '../../platform/errors.ts';

// Who sees which funding records: the bureau all, a district officer the enterprises of their district,
// an enterprise user their own (accounts/policy.ts ownsEnterprise). Out-of-scope records are "not found".

export interface ActorScope {
  districtCode?: string;
  enterpriseId?: number;
}

export function scopeOf(actor: Actor): ActorScope {
  if (actor.role === 'district_officer') return { districtCode: actor.districtCode ?? '' };
  if (actor.role === 'enterprise_user') return { enterpriseId: actor.enterpriseId ?? -1 };
  return {};
}

/** A filter asking for another district than the officer's own is refused rather than silently narrowed. */
export function scopedDistrict(actor: Actor, requested: string | undefined): string | undefined {
  if (actor.role !== 'district_officer') return requested;
  if (requested && requested !== actor.districtCode) throw new AppError(403, 'auth.forbidden', {}, 'districtCode');
  return actor.districtCode ?? '';
}

export function assertInScope(actor: Actor, owner: { enterpriseId: number; districtCode: string }): void {
  if (!ownsEnterprise(actor, { id: owner.enterpriseId, districtCode: owner.districtCode })) throw new AppError(404, 'request.notFound');
}

/** fen → yuan for people (Excel cells, audit summaries). */
export const yuanOfFen = (fen: number): number => fen / 100;
/** yuan as typed (two decimals at most are kept) → fen. */
export const fenOfYuan = (yuan: number): number => Math.round(yuan * 100);
