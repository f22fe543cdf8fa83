import type { Catalog } from '../../app/i18n/types.ts';

export const auditMessages = {
  'audit.title': { zh: '审计日志', en: 'Audit log' },
  'audit.subtitle': {
    zh: '所有变更与登录记录，逐条以 HMAC-SM3 链式签名，防篡改',
    en: 'Every change and login, chained entry by entry with HMAC-SM3 so tampering shows',
  },
  'audit.seq': { zh: '序号', en: 'No.' },
  'audit.at': { zh: '时间', en: 'Time' },
  'audit.actor': { zh: '操作人', en: 'Actor' },
  'audit.actorRole': { zh: '角色', en: 'Role' },
  'audit.action': { zh: '操作', en: 'Action' },
  'audit.entity': { zh: '对象', en: 'Object' },
  'audit.entityType': { zh: '对象类型', en: 'Object type' },
  'audit.entityId': { zh: '对象编号', en: 'Object ID' },
  'audit.ip': { zh: 'IP 地址', en: 'IP address' },
  'audit.system': { zh: '系统', en: 'System' },
  'audit.empty': { zh: '没有符合条件的审计记录', en: 'No audit entry matches' },
  'audit.diffTitle': { zh: '审计记录 #{seq}', en: 'Audit entry #{seq}' },
  'audit.field': { zh: '字段', en: 'Field' },
  'audit.before': { zh: '变更前', en: 'Before' },
  'audit.after': { zh: '变更后', en: 'After' },
  'audit.noChange': { zh: '此记录没有数据变更内容', en: 'This entry carries no data change' },
  'audit.onlyChanged': { zh: '仅显示变化的字段', en: 'Changed fields only' },
  'audit.hash': { zh: '本条签名', en: 'Entry hash' },
  'audit.verify': { zh: '校验日志链', en: 'Verify the chain' },
  'audit.verifyOk': {
    zh: '日志链完整：已校验 {checked} 条记录，未发现篡改或删除',
    en: 'The chain is intact: {checked} entries checked, none edited or removed',
  },
  'audit.verifyBad': {
    zh: '日志链异常：第 {seq} 条记录{problem}（此前 {checked} 条完好）',
    en: 'The chain is broken: entry {seq} {problem} ({checked} entries before it are intact)',
  },
  'audit.problem.missing': { zh: '缺失或被删除', en: 'is missing or was deleted' },
  'audit.problem.brokenLink': { zh: '与上一条的链接断开', en: 'does not link to the one before' },
  'audit.problem.altered': { zh: '内容被修改', en: 'was altered' },
} as const satisfies Catalog;
