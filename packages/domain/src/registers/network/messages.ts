// The network registers' messages (zh-CN, en), spread into REGISTER_MESSAGES.
export const NETWORK_MESSAGES = {
  'registers.network.beforeLicence': {
    zh: '「{field}」不能早于 5G 商用牌照发放日（{date}）',
    en: '"{field}" cannot be before the 5G licences were granted ({date})',
  },
  'registers.network.commissioningNeeded': {
    zh: '在网或已退网的基站须填写「{field}」',
    en: 'A station in service or decommissioned needs "{field}"',
  },
  'registers.network.resolvedNeedsDate': { zh: '已解决的问题须填写「{field}」', en: 'A resolved obstacle needs "{field}"' },
  'registers.network.dateOnlyWhenResolved': {
    zh: '问题未解决时不应填写「{field}」',
    en: '"{field}" is only filled in once the obstacle is resolved',
  },
  'registers.network.departmentNeeded': {
    zh: '已交办或已解决的问题须填写「{field}」',
    en: 'An obstacle assigned or resolved needs "{field}"',
  },
  'registers.network.shareOver100': {
    zh: '「{field}」为占比，超过 100 % 不合常理，请核实',
    en: '"{field}" is a share; over 100 % is implausible, please check',
  },
} as const;
