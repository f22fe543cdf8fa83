// The upward recommendations' messages (zh-CN, en). Spread into REGISTER_MESSAGES.
export const RECOMMENDATION_MESSAGES = {
  'registers.recommendations.pendingDecided': {
    zh: '「{field}」：结果待公布的项目不填公布日期',
    en: '"{field}": a pending recommendation has no decision date',
  },
  'registers.recommendations.amountNotWon': {
    zh: '「{field}」：只有获批的项目才填获批金额',
    en: '"{field}": only a recommendation that won has an amount',
  },
  'registers.recommendations.fundingProjectNotFound': {
    zh: '「{field}」：项目库中没有该企业的这个项目',
    en: '"{field}": the project library has no such project of this enterprise',
  },
} as const;
