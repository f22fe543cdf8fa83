import { ROLE_LABELS } from '@zhizao/domain';
import type { Bilingual } from '../../app/i18n/types.ts';

// Names of what the server audits today; an action or object type not listed shows its raw code.
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
  'enterprise.export': { zh: '导出企业名录', en: 'Export enterprises' },
  'import.upload': { zh: '上传导入文件', en: 'Upload import file' },
  'import.commit': { zh: '确认导入', en: 'Commit import' },
  'import.cancel': { zh: '取消导入', en: 'Cancel import' },
  'district.create': { zh: '新增区市', en: 'Add district' },
  'district.update': { zh: '修改区市', en: 'Change district' },
  'district.rename': { zh: '区市更名', en: 'Rename district' },
  'district.delete': { zh: '删除区市', en: 'Delete district' },
  'chain.create': { zh: '新增产业链', en: 'Add industry chain' },
  'chain.update': { zh: '修改产业链', en: 'Change industry chain' },
  'chain.delete': { zh: '删除产业链', en: 'Delete industry chain' },
  'cluster.create': { zh: '新增产业集群', en: 'Add industry cluster' },
  'cluster.update': { zh: '修改产业集群', en: 'Change industry cluster' },
  'cluster.delete': { zh: '删除产业集群', en: 'Delete industry cluster' },
  'demo.seed': { zh: '生成演示数据', en: 'Create demo data' },
};

export const AUDIT_ENTITY_LABELS: Record<string, Bilingual> = {
  user: { zh: '账号', en: 'Account' },
  enterprise: { zh: '企业', en: 'Enterprise' },
  setting: { zh: '设置', en: 'Setting' },
  importJob: { zh: '导入任务', en: 'Import' },
  district: { zh: '区市', en: 'District' },
  chain: { zh: '产业链', en: 'Industry chain' },
  cluster: { zh: '产业集群', en: 'Industry cluster' },
  demo: { zh: '演示数据', en: 'Demo data' },
};

/** Display helpers shared by the table and the drawer. */
export function auditLabels(pick: (label: Bilingual) => string) {
  const known = (map: Record<string, Bilingual>, code: string) => (map[code] ? pick(map[code]) : code);
  return {
    action: (code: string) => known(AUDIT_ACTION_LABELS, code),
    entity: (type: string, id: string | null) => `${known(AUDIT_ENTITY_LABELS, type)}${id ? ` #${id}` : ''}`,
    role: (code: string | null) => (code ? known(ROLE_LABELS, code) : null),
  };
}
