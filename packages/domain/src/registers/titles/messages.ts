// The titles register's messages (zh-CN, en). Spread into REGISTER_MESSAGES.
export const TITLE_MESSAGES = {
  'registers.titles.levelOfKind': {
    zh: '「{field}」：{kindZh}只有{levelsZh}',
    en: '"{field}": a {kindEn} is awarded at {levelsEn} level only',
  },
  'registers.titles.awardedBeforeYear': {
    zh: '「{field}」不能早于称号年度（{year}年）',
    en: '"{field}" cannot be before the title’s year ({year})',
  },
  'registers.titles.renewalNeedsExpiry': {
    zh: '「{field}」：请先填写有效期至，没有有效期的称号无需复核',
    en: '"{field}": enter the end date first; a title without one is not renewed',
  },
  'registers.titles.expiryMissing': {
    zh: '「{field}」未填写',
    en: '"{field}" is empty',
  },
} as const;
