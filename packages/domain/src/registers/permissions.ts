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
  // talent (seed §二.(五)): district staff keep their district's carriers and honoured people; the bureau
  // keeps the payments, which draw on the city's talent fund
  'registers.training-carriers.read': [B, D, E],
  'registers.training-carriers.write': [B, D],
  'registers.training-carriers.export': [B, D],
  'registers.skill-honours.read': [B, D, E],
  'registers.skill-honours.write': [B, D],
  'registers.skill-honours.export': [B, D],
  'registers.talent-payments.read': [B, D],
  'registers.talent-payments.write': [B],
  'registers.talent-payments.export': [B],
  // titles a firm holds and projects recommended upward: kept by the bureau and the firm's district, seen by the firm
  'registers.titles.read': [B, D, E],
  'registers.titles.write': [B, D],
  'registers.titles.export': [B, D],
  'registers.upward-recommendations.read': [B, D, E],
  'registers.upward-recommendations.write': [B, D],
  'registers.upward-recommendations.export': [B, D],
  // network: district staff keep their district's stations, key places and obstacles; the bureau the gigabit indicators
  'registers.key-places.read': [B, D],
  'registers.key-places.write': [B, D],
  'registers.key-places.export': [B, D],
  'registers.base-stations.read': [B, D],
  'registers.base-stations.write': [B, D],
  'registers.base-stations.export': [B, D],
  'registers.gigabit-indicators.read': [B, D],
  'registers.gigabit-indicators.write': [B],
  'registers.gigabit-indicators.export': [B, D],
  'registers.network-obstacles.read': [B, D],
  'registers.network-obstacles.write': [B, D],
  'registers.network-obstacles.export': [B, D],
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
