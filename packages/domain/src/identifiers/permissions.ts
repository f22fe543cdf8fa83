import type { Role } from '../accounts/roles.ts';
import { TRACEABILITY_PERMISSIONS } from './traceability/permissions.ts';

// Identifier resolution secondary node (issue 6): who may do what. Merged into PERMISSIONS (accounts/policy.ts).
export const IDENTIFIER_PERMISSIONS = {
  ...TRACEABILITY_PERMISSIONS,
} as const satisfies Record<string, readonly Role[]>;
