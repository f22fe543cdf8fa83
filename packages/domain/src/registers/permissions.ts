import type { Role } from '../accounts/roles.ts';

// Who may do what in the registers: per register, read / write (add, edit, delete, import) / export.
// Ownership inside a register (district staff keep their district's rows, a firm sees its own) is
// checked per row on the server (definition.ts: ownership). Merged into PERMISSIONS (accounts/policy.ts).
const B = 'bureau_admin';
const D = 'district_officer';
const E = 'enterprise_user';
const P = 'service_provider';
const X = 'expert';

export const REGISTER_PERMISSIONS = {
  // every business role reads the policy library; the bureau keeps it
  'registers.policies.read': [B, D, E, P, X],
  'registers.policies.write': [B],
  'registers.policies.export': [B, D],
  // showcases are the city's to show: everyone reads the coverage, firms their own cases; the bureau and
  // district staff keep them (their district's firms)
  'registers.showcases.read': [B, D, E, P, X],
  'registers.showcases.write': [B, D],
  'registers.showcases.export': [B, D],
  'registers.showcase-kpis.read': [B, D, E],
  'registers.showcase-kpis.write': [B, D],
  'registers.showcase-kpis.export': [B, D],
  // training events and contests are the bureau's, open to every business role; who attended or won is
  // the firm's row, kept by the bureau and the firm's district
  'registers.training-events.read': [B, D, E, P, X],
  'registers.training-events.write': [B],
  'registers.training-events.export': [B, D],
  'registers.training-attendees.read': [B, D, E],
  'registers.training-attendees.write': [B, D],
  'registers.training-attendees.export': [B, D],
  'registers.skills-contests.read': [B, D, E, P, X],
  'registers.skills-contests.write': [B],
  'registers.skills-contests.export': [B, D],
  'registers.contest-results.read': [B, D, E],
  'registers.contest-results.write': [B, D],
  'registers.contest-results.export': [B, D],
  // a firm proposes corrections to its own rows; the keeper of the row decides
  'registers.correction.propose': [E],
  'registers.correction.read': [B, D, E],
  'registers.correction.decide': [B, D],
} as const satisfies Record<string, readonly Role[]>;

export type RegisterPermissionAction = 'read' | 'write' | 'export';
