// The showcase registers' messages (zh-CN, en), spread into REGISTER_MESSAGES.
export const SHOWCASE_MESSAGES = {
  'showcases.publishedOnRequired': { zh: '已发布的案例须填写「{field}」', en: 'A published showcase needs "{field}"' },
  'showcases.kpiImplausible': {
    zh: '「{field}」：变化 {change} 超出常见范围，请核实数值与单位',
    en: '"{field}": a change of {change} is outside the usual range; check the value and its unit',
  },
  'showcases.percentOver100': {
    zh: '「{field}」：百分比指标不能超过 100（填写了 {value}）',
    en: '"{field}": a percentage cannot exceed 100 ({value} given)',
  },
} as const;
