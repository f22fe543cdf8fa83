import type { Role } from '../../accounts/roles.ts';

// Traceability (EPCIS events, warehouse flows): who may do what. Merged into IDENTIFIER_PERMISSIONS.
// Events belong to the capturing enterprise; the bureau runs the node and may read every event.
// The public trace data needs no permission (public fields only).
export const TRACEABILITY_PERMISSIONS = {
  'traceability.event.capture': ['enterprise_user'],
  'traceability.event.read': ['enterprise_user', 'bureau_admin'],
  'traceability.warehouse.write': ['enterprise_user'],
  'traceability.warehouse.read': ['enterprise_user'],
} as const satisfies Record<string, readonly Role[]>;
