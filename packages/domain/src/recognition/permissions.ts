import type { Role } from '../accounts/roles.ts';

// Recognition ladder (issue 4): who may do what. Merged into PERMISSIONS (accounts/policy.ts).
export const RECOGNITION_PERMISSIONS = {
} as const satisfies Record<string, readonly Role[]>;
