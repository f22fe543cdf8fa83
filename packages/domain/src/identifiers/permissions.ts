import type { Role } from '../accounts/roles.ts';
import { TRACEABILITY_PERMISSIONS } from './traceability/permissions.ts';

// Identifier resolution secondary node (issue 6): who may do what. Merged into PERMISSIONS (accounts/policy.ts).
// Ownership (an enterprise writes only under its own active prefixes) is checked on the server per request.
export const IDENTIFIER_PERMISSIONS = {
  // an enterprise applies for prefixes, keeps templates, registers identifiers, keeps API keys and grants
  'identifiers.enterprise.manage': ['enterprise_user'],
  // the bureau runs the node: approves, suspends, revokes prefixes; reads statistics and exports them upward
  'identifiers.node.operate': ['bureau_admin'],
  // node statistics, read-only
  'identifiers.node.read': ['bureau_admin', 'district_officer'],
  ...TRACEABILITY_PERMISSIONS,
} as const satisfies Record<string, readonly Role[]>;
