// Roles of the platform. The three separated administrators (三员分立) follow 等保 2.0 practice:
// ../shared/domain/gov-it.md §1. An account holds exactly one role, so the three are mutually
// exclusive with each other and with every business role by construction.
export const ROLES = [
  'bureau_admin',
  'district_officer',
  'enterprise_user',
  'service_provider',
  'expert',
  'system_admin',
  'security_admin',
  'audit_admin',
] as const;
export type Role = (typeof ROLES)[number];

export const SEPARATED_ADMIN_ROLES: readonly Role[] = ['system_admin', 'security_admin', 'audit_admin'];

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  bureau_admin: { zh: '工信局管理员', en: 'Bureau admin' },
  district_officer: { zh: '区市工信干部', en: 'District officer' },
  enterprise_user: { zh: '企业用户', en: 'Enterprise user' },
  service_provider: { zh: '服务商', en: 'Service provider' },
  expert: { zh: '专家', en: 'Expert' },
  system_admin: { zh: '系统管理员', en: 'System admin' },
  security_admin: { zh: '安全管理员', en: 'Security admin' },
  audit_admin: { zh: '审计管理员', en: 'Audit admin' },
};

/** Who is acting: an authenticated account, or an anonymous public visitor (null). */
export interface Actor {
  userId: number;
  username: string;
  role: Role;
  /** GB/T 2260 division code, for district officers. */
  districtCode: string | null;
  /** For enterprise users. */
  enterpriseId: number | null;
}

/** A role needs a scope: district officers a district, enterprise users an enterprise. */
export function roleScopeProblem(
  role: Role,
  districtCode: string | null,
  enterpriseId: number | null,
): 'districtCode' | 'enterpriseId' | null {
  if (role === 'district_officer' && !districtCode) return 'districtCode';
  if (role === 'enterprise_user' && !enterpriseId) return 'enterpriseId';
  return null;
}
