import type { Role } from '../../accounts/roles.ts';

// Traceability (EPCIS events, warehouse flows): who may do what. Merged into IDENTIFIER_PERMISSIONS.
export const TRACEABILITY_PERMISSIONS = {
} as const satisfies Record<string, readonly Role[]>;
