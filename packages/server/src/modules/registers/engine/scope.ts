import type { Actor, RegisterDefinition } from '@zhizao/domain';
import type { StoredRow } from './entries.ts';

// Who sees and keeps which rows of a register (definition.ts: ownership). The route guard has already
// checked the role may read or write the register at all; this decides row by row.

/** Rows the actor may read: the whole city for the bureau, and for city registers everyone let in. */
export function readScope(definition: RegisterDefinition, actor: Actor): { districtCode?: string; enterpriseId?: number } {
  if (actor.role === 'bureau_admin' || definition.ownership === 'city') return {};
  if (actor.role === 'district_officer') return { districtCode: actor.districtCode ?? '-' };
  return { enterpriseId: actor.enterpriseId ?? -1 };
}

export function mayRead(definition: RegisterDefinition, actor: Actor, row: Pick<StoredRow, 'districtCode' | 'enterpriseId'>): boolean {
  const scope = readScope(definition, actor);
  if (scope.districtCode !== undefined) return row.districtCode === scope.districtCode;
  if (scope.enterpriseId !== undefined) return row.enterpriseId === scope.enterpriseId;
  return true;
}

/** May the actor change (or delete) this row? District staff keep their own district's rows of district-kept registers. */
export function mayKeep(definition: RegisterDefinition, actor: Actor, row: Pick<StoredRow, 'districtCode'>): boolean {
  if (actor.role === 'bureau_admin') return true;
  return actor.role === 'district_officer' && definition.ownership !== 'city' && row.districtCode === actor.districtCode;
}
