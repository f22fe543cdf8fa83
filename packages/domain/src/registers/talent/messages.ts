// The talent registers' messages (zh-CN, en), spread into REGISTER_MESSAGES.
export const TALENT_MESSAGES = {
  'registers.tenureBeforeYear': { zh: '「{field}」不能早于 {year} 年', en: '"{field}" cannot be before {year}' },
  'registers.carrierHostRequired': {
    zh: '「{field}」：请选择依托企业或填写依托院校',
    en: '"{field}": choose the host enterprise or name the host school',
  },
  'registers.paymentHonourRequired': {
    zh: '「{field}」：高技能人才奖励须关联获得技能荣誉的人员',
    en: '"{field}": a high-skill talent reward names the honoured person it rewards',
  },
  'registers.paymentGroupRequired': {
    zh: '「{field}」：生活补贴须填写发放对象（毕业生批次）',
    en: '"{field}": a living allowance names the graduate group it is paid to',
  },
  'registers.paymentNoEnvelope': {
    zh: '「{field}」：{year} 年没有「{kindZh}」资金盘子，请先在专项资金中设立',
    en: '"{field}": no "{kindEn}" envelope in {year}; set one up in the special funds first',
  },
  'registers.paymentOverEnvelope': {
    zh: '「{field}」：超出「{name}」可用余额 {available}',
    en: '"{field}": more than the {available} left in "{name}"',
  },
} as const;
