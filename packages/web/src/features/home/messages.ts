import type { Catalog } from '../../app/i18n/types.ts';

export const homeMessages = {
  'home.greeting': { zh: '您好，{name}', en: 'Hello, {name}' },
  'home.scopeCity': { zh: '统计范围：全市在册企业', en: 'Scope: every active enterprise in the city' },
  'home.scopeDistrict': { zh: '统计范围：{district}在册企业', en: 'Scope: active enterprises of {district}' },
  'home.enterprises': { zh: '在册企业', en: 'Active enterprises' },
  'home.aboveDesignated': { zh: '规上企业', en: 'Above designated size' },
  'home.discrete': { zh: '离散型制造', en: 'Discrete manufacturing' },
  'home.process': { zh: '流程型制造', en: 'Process manufacturing' },
  'home.unit': { zh: '家', en: '' },
  'home.share': { zh: '占 {percent}%', en: '{percent}% of all' },
  'home.byDistrict': { zh: '各区市企业数量', en: 'Enterprises by district' },
  'home.byChain': { zh: '各产业链企业数量', en: 'Enterprises by industry chain' },
  'home.chartSeries': { zh: '企业数', en: 'Enterprises' },
  'home.noChains': { zh: '尚未设置产业链，或企业尚未关联产业链', en: 'No industry chains yet, or no enterprise is linked to one' },
  'home.emptyRegistry': {
    zh: '企业库还没有企业，先登记或导入企业后这里会显示统计',
    en: 'The registry is empty; register or import enterprises to see counts here',
  },
  'home.openList': { zh: '查看企业名录', en: 'Open the list' },
  'home.welcomeAdmin': {
    zh: '您的账号负责平台管理，可通过左侧菜单进入相应功能。',
    en: 'Your account administers the platform; use the menu on the left.',
  },
  'home.ownEnterprise': { zh: '我的企业', en: 'My enterprise' },
  'home.editOwn': { zh: '维护企业信息', en: 'Update details' },
  'home.ownName': { zh: '企业名称', en: 'Name' },
  'home.ownDistrict': { zh: '所属区市', en: 'District' },
  'home.ownChains': { zh: '产业链', en: 'Industry chains' },
  'home.shortcuts': { zh: '常用功能', en: 'Shortcuts' },
} as const satisfies Catalog;
