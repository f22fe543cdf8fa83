// The Digital Link resolver's refusals (zh-CN, en): what a scanner app or a developer shows when a link is not a
// valid GS1 Digital Link (GS1 Digital Link: URI Syntax 1.4).
export const DIGITAL_LINK_MESSAGES = {
  'resolver.notDigitalLink': {
    zh: '不是 GS1 数字链接：路径应为「/应用标识符/值」成对出现，如 /01/09506000134352/21/ABC',
    en: 'Not a GS1 Digital Link: the path must be AI/value pairs such as /01/09506000134352/21/ABC',
  },
  'resolver.unknownKey': {
    zh: '「{ai}」不是 GS1 数字链接的主键应用标识符',
    en: '"{ai}" is not a primary key AI of GS1 Digital Link',
  },
  'resolver.valueSyntax': {
    zh: '应用标识符 ({ai}) 的值「{value}」格式不正确',
    en: 'The value "{value}" of AI ({ai}) has the wrong syntax',
  },
  'resolver.checkDigit': { zh: '应用标识符 ({ai}) 的值「{value}」校验位不正确', en: 'The check digit of ({ai}) {value} is wrong' },
  'resolver.qualifierNotAllowed': {
    zh: '应用标识符 ({ai}) 不是主键 ({key}) 的限定符',
    en: 'AI ({ai}) is not a key qualifier of the primary key ({key})',
  },
  'resolver.qualifierOrder': {
    zh: '主键 ({key}) 的限定符顺序不正确，应为 {order}',
    en: 'The key qualifiers of ({key}) are out of order; the order is {order}',
  },
  'resolver.attributeSyntax': {
    zh: '查询参数中应用标识符 ({ai}) 的值「{value}」格式不正确',
    en: 'The query attribute ({ai}) has a value "{value}" of the wrong syntax',
  },
  'resolver.compressedInvalid': {
    zh: '压缩的 GS1 数字链接无法解码',
    en: 'The compressed GS1 Digital Link cannot be decoded',
  },
  'resolver.linkTypeUnknown': {
    zh: '此标识没有链接类型「{linkType}」的链接',
    en: 'This item has no link of type "{linkType}"',
  },
} as const;
