import type { Catalog } from '../../../app/i18n/types.ts';

export const talentMessages = {
  'registers.talent.title': { zh: '人才工作数据', en: 'Talent figures' },
  'registers.talent.carriers': { zh: '人才培养载体', en: 'Training carriers' },
  'registers.talent.people': { zh: '技能荣誉人才', en: 'People with skill honours' },
  'registers.talent.expiring': { zh: '{days} 天内聘期届满', en: 'Tenures ending within {days} days' },
  'registers.talent.expiringNone': { zh: '近期没有聘期届满的人员', en: 'No tenure ends soon' },
  'registers.talent.expired': { zh: '已届满 {count} 人', en: '{count} expired' },
  'registers.talent.paid': { zh: '{year} 年已发放', en: 'Paid in {year}' },
  'registers.talent.ofEnvelope': { zh: '资金盘子 {amount}，可用 {available}', en: 'Envelope {amount}, {available} left' },
  'registers.talent.noEnvelope': { zh: '该年未设立人才资金', en: 'No talent fund that year' },
  'registers.talent.year': { zh: '年度', en: 'Year' },
} as const satisfies Catalog;
