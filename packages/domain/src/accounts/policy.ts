import { FUNDING_PERMISSIONS } from '../funding/permissions.ts';
import { IDENTIFIER_PERMISSIONS } from '../identifiers/permissions.ts';
import { RECOGNITION_PERMISSIONS } from '../recognition/permissions.ts';
import { REGISTER_PERMISSIONS } from '../registers/permissions.ts';
import type { Actor, Role } from './roles.ts';

// What each role may do. Server routes ask `can` before acting; the web app asks it to shape menus.
// Ownership (district, enterprise) is checked by the scope functions below, never by the caller.
export const PERMISSIONS = {
  'registry.read': ['bureau_admin', 'district_officer', 'enterprise_user', 'service_provider', 'expert'],
  'registry.create': ['bureau_admin', 'district_officer'],
  'registry.update': ['bureau_admin', 'district_officer', 'enterprise_user'],
  'registry.archive': ['bureau_admin', 'district_officer'],
  'registry.import': ['bureau_admin', 'district_officer'],
  'registry.export': ['bureau_admin', 'district_officer'],
  'taxonomy.write': ['bureau_admin'],
  'users.create': ['system_admin'],
  'users.delete': ['system_admin'],
  'users.read': ['system_admin', 'security_admin'],
  'users.assignRole': ['security_admin'],
  'users.resetPassword': ['security_admin'],
  'users.setEnabled': ['security_admin'],
  'settings.security': ['security_admin'],
  'audit.read': ['audit_admin'],
  // maturity self-diagnosis: the bureau keeps the model versions and banks; enterprises answer their own
  'maturity.model.write': ['bureau_admin'],
  'maturity.assessment.read': ['bureau_admin', 'district_officer', 'enterprise_user'],
  'maturity.assessment.write': ['enterprise_user'],
  // expert assessment: the bureau assigns, the assigned expert re-scores on site (ownership per review)
  'maturity.expert.assign': ['bureau_admin'],
  'maturity.expert.review': ['expert'],
  'maturity.expert.read': ['bureau_admin', 'district_officer', 'enterprise_user', 'expert'],
  // the bureau's city-wide view: distribution and the list eligible for recognition (officers: own district)
  'maturity.bureau.read': ['bureau_admin', 'district_officer'],
  ...RECOGNITION_PERMISSIONS,
  ...FUNDING_PERMISSIONS,
  ...IDENTIFIER_PERMISSIONS,
  ...REGISTER_PERMISSIONS,
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

export function can(actor: Actor | null, permission: Permission): boolean {
  return actor !== null && (PERMISSIONS[permission] as readonly Role[]).includes(actor.role);
}

/** The part of an enterprise that decides who owns it. */
export interface EnterpriseScope {
  id: number;
  districtCode: string;
}

/** May the actor see this enterprise's private data (contacts) and change it? */
export function ownsEnterprise(actor: Actor, enterprise: EnterpriseScope): boolean {
  switch (actor.role) {
    case 'bureau_admin':
      return true;
    case 'district_officer':
      return actor.districtCode === enterprise.districtCode;
    case 'enterprise_user':
      return actor.enterpriseId === enterprise.id;
    default:
      return false;
  }
}

/** Fields an enterprise user may change on its own record; officers change everything else. */
export const ENTERPRISE_SELF_EDITABLE_FIELDS = ['contactName', 'contactPhone', 'contactEmail', 'address', 'mainProducts'] as const;
