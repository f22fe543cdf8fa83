import type { Role } from '@zhizao/domain';
import { DEMO_OWN_ENTERPRISE } from './enterprises.ts';

// One demo account per role, for trying the platform out. Demo mode only (ZHIZAO_DEMO≠0): a real
// install has no built-in account or password (gov-it.md §1) and gets its first administrator from
// `npm run create-admin`. The README quotes this list.
export const DEMO_PASSWORD = 'Zhizao@demo1';

export interface DemoAccount {
  username: string;
  role: Role;
  displayName: string;
  /** What the account may reach, in words for the README. */
  scope: string;
  districtCode?: string;
  /** Credit code of the demo enterprise an enterprise user belongs to. */
  enterpriseCreditCode?: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'admin', role: 'bureau_admin', displayName: '演示局管理员', scope: '全市 · whole city' },
  {
    username: 'district',
    role: 'district_officer',
    displayName: '演示区市干部（环翠区）',
    scope: '环翠区 371002 · Huancui District',
    districtCode: '371002',
  },
  {
    username: 'enterprise',
    role: 'enterprise_user',
    displayName: '演示企业用户',
    scope: `${DEMO_OWN_ENTERPRISE.name} ${DEMO_OWN_ENTERPRISE.creditCode}`,
    enterpriseCreditCode: DEMO_OWN_ENTERPRISE.creditCode,
  },
  { username: 'provider', role: 'service_provider', displayName: '演示服务商', scope: '—' },
  { username: 'expert', role: 'expert', displayName: '演示专家', scope: '—' },
  { username: 'sysadmin', role: 'system_admin', displayName: '演示系统管理员', scope: '账号与系统运行 · accounts and operations' },
  {
    username: 'secadmin',
    role: 'security_admin',
    displayName: '演示安全管理员',
    scope: '角色、密码与安全设置 · roles, passwords, security settings',
  },
  { username: 'auditadmin', role: 'audit_admin', displayName: '演示审计管理员', scope: '审计日志 · audit log' },
];
