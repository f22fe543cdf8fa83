import type { Role } from '../accounts/roles.ts';

// Projects and subsidy funds (issue 5): who may do what. Merged into PERMISSIONS (accounts/policy.ts).
export const FUNDING_PERMISSIONS = {
} as const satisfies Record<string, readonly Role[]>;
