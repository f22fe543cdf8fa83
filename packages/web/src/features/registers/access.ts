import type { Actor, Permission, RegisterDefinition } from '@zhizao/domain';
import type { Entry } from './api.ts';

// The client's mirror of the server's row rules (server modules/registers/engine/scope.ts), only to offer
// the actions that will work; the server decides.

export const registerPermission = (definition: RegisterDefinition, action: 'read' | 'write' | 'export') =>
  `registers.${definition.key}.${action}` as Permission;

export function mayKeepRow(definition: RegisterDefinition, actor: Actor | null, entry: Entry): boolean {
  if (actor?.role === 'bureau_admin') return true;
  return actor?.role === 'district_officer' && definition.ownership !== 'city' && entry.districtCode === actor.districtCode;
}

export const mayCorrectRow = (definition: RegisterDefinition, actor: Actor | null, entry: Entry): boolean =>
  actor?.role === 'enterprise_user' && definition.fields.some((f) => f.type === 'enterprise') && entry.enterpriseId === actor.enterpriseId;
