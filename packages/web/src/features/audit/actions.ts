import type { Bilingual } from '../../app/i18n/types.ts';

// Names of the audited actions the server writes today; an unknown action shows its raw code.
export const AUDIT_ACTION_LABELS: Record<string, Bilingual> = {
  'auth.login': { zh: '登录', en: 'Log in' },
  'auth.logout': { zh: '退出登录', en: 'Log out' },
  'auth.loginFailed': { zh: '登录失败', en: 'Failed login' },
  'auth.locked': { zh: '账号锁定', en: 'Account locked' },
  'user.create': { zh: '创建账号', en: 'Create account' },
  'user.delete': { zh: '删除账号', en: 'Delete account' },
  'user.assignRole': { zh: '分配角色', en: 'Assign role' },
  'user.resetPassword': { zh: '重置密码', en: 'Reset password' },
  'user.changePassword': { zh: '修改本人密码', en: 'Change own password' },
  'user.enable': { zh: '启用账号', en: 'Enable account' },
  'user.disable': { zh: '停用账号', en: 'Disable account' },
  'user.unlock': { zh: '解锁账号', en: 'Unlock account' },
  'settings.security': { zh: '修改安全设置', en: 'Change security settings' },
  'enterprise.create': { zh: '登记企业', en: 'Register enterprise' },
  'enterprise.update': { zh: '修改企业', en: 'Change enterprise' },
  'enterprise.archive': { zh: '归档企业', en: 'Archive enterprise' },
  'enterprise.restore': { zh: '恢复企业', en: 'Restore enterprise' },
  'enterprise.import': { zh: '批量导入企业', en: 'Import enterprises' },
};

export const AUDIT_ENTITY_TYPES = ['user', 'enterprise', 'setting'] as const;
