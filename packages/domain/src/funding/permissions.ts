import type { Role } from '../accounts/roles.ts';

// Projects and subsidy funds (issue 5): who may do what. Merged into PERMISSIONS (accounts/policy.ts).
// Roles per step follow the fund flow in shared/domain/recognition-and-funding.md §5: districts do the
// preliminary review, the city bureau samples, publishes, approves, pays, evaluates and claws back.
export const FUNDING_PERMISSIONS = {
  'funding.project.read': ['bureau_admin', 'district_officer', 'enterprise_user'],
  'funding.project.write': ['bureau_admin', 'district_officer', 'enterprise_user'],
  'funding.project.import': ['bureau_admin', 'district_officer'],
  'funding.project.export': ['bureau_admin', 'district_officer'],
  'funding.fund.read': ['bureau_admin', 'district_officer'],
  'funding.fund.write': ['bureau_admin'],
  'funding.policy.read': ['bureau_admin', 'district_officer', 'enterprise_user', 'expert'],
  'funding.policy.write': ['bureau_admin'],
  'funding.award.read': ['bureau_admin', 'district_officer', 'enterprise_user'],
  'funding.award.apply': ['enterprise_user'],
  'funding.award.review': ['bureau_admin', 'district_officer'],
  'funding.award.decide': ['bureau_admin'],
  'funding.report.read': ['bureau_admin', 'district_officer'],
} as const satisfies Record<string, readonly Role[]>;
