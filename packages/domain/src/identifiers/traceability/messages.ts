// Traceability (EPCIS capture and query, trace pages, warehouse flows): its server messages (zh-CN, en).
export const TRACEABILITY_MESSAGES = {
  'traceability.schemaInvalid': {
    zh: 'EPCIS 文档不符合 GS1 EPCIS 2.0 模式，未保存任何事件',
    en: 'The EPCIS document does not match the GS1 EPCIS 2.0 schema; nothing was stored',
  },
  'traceability.schemaProblem': { zh: '「{field}」{reason}', en: '"{field}" {reason}' },
  'traceability.notEpcis': {
    zh: '请求体应为 EPCISDocument 或单个 EPCIS 事件',
    en: 'The body must be an EPCISDocument or a single EPCIS event',
  },
  'traceability.tooManyEvents': { zh: '一次最多提交 {limit} 个事件', en: 'At most {limit} events per capture' },
  'traceability.duplicateEvent': { zh: '事件标识「{eventId}」已采集过', en: 'Event ID "{eventId}" has already been captured' },
  'traceability.noEnterprise': {
    zh: '只有企业账号或企业接口密钥可以采集事件',
    en: 'Only an enterprise account or an enterprise API key may capture events',
  },
  'traceability.badApiKey': { zh: '接口密钥无效', en: 'The API key is not valid' },
  'traceability.queryParameter': { zh: '查询参数「{field}」的值无效', en: 'The query parameter "{field}" has a value that is not valid' },
  'traceability.unknownQueryParameter': {
    zh: 'EPCIS 2.0 查询没有参数「{field}」',
    en: 'EPCIS 2.0 queries have no parameter "{field}"',
  },
  'traceability.queryConflict': {
    zh: '「{field}」不能与 eventCountLimit 同时使用',
    en: '"{field}" cannot be used together with eventCountLimit',
  },
  'traceability.queryPathConflict': {
    zh: '「{field}」已由地址路径给定，不能再作为查询参数',
    en: '"{field}" is already given by the path and cannot be a query parameter too',
  },
  'traceability.queryTooLarge': {
    zh: '匹配的事件多于 maxEventCount（{limit}）',
    en: 'More events match than maxEventCount ({limit}) allows',
  },
  'traceability.notAcceptable': {
    zh: '此 EPCIS 接口只提供 JSON / JSON-LD（application/json、application/ld+json），不提供 XML',
    en: 'This EPCIS interface answers in JSON / JSON-LD (application/json, application/ld+json) only, not XML',
  },
  'traceability.captureErrorBehaviour': {
    zh: 'GS1-Capture-Error-Behaviour 应为 rollback 或 proceed',
    en: 'GS1-Capture-Error-Behaviour must be rollback or proceed',
  },
  'traceability.unsupportedVersion': {
    zh: '此接口支持 EPCIS 2.0.0 与 CBV 2.0.0，不在所请求的版本范围内',
    en: 'This interface speaks EPCIS 2.0.0 and CBV 2.0.0, outside the versions asked for',
  },
  'traceability.duplicateQueryName': { zh: '已有名为「{name}」的查询', en: 'A query named "{name}" already exists' },
  'traceability.badPageToken': { zh: '分页标记无效', en: 'The page token is not valid' },
  'traceability.unknownIdentifier': { zh: '没有找到该标识的信息', en: 'Nothing is known about this identifier' },
  'traceability.locationRequired': { zh: '此作业需要填写「{field}」', en: 'This step needs "{field}"' },
  'traceability.locationInvalid': {
    zh: '「{field}」应为库位编码（字母、数字、._-，最多 64 个字符）或 URI',
    en: '"{field}" must be a location code (letters, digits, ._-, up to 64) or a URI',
  },
  'traceability.sameLocation': { zh: '来源库位与目标库位相同', en: 'The source and target locations are the same' },
  'traceability.productInvalid': {
    zh: '产品应为标识（如 88.999.1/ABC）、GS1 数字链接或 URI',
    en: 'The product must be an identifier (such as 88.999.1/ABC), a GS1 Digital Link or a URI',
  },
  'traceability.referenceInvalid': {
    zh: '「{field}」应为单号（字母、数字、._-，最多 64 个字符）或 URI',
    en: '"{field}" must be an order number (letters, digits, ._-, up to 64) or a URI',
  },
  'traceability.stockInsufficient': {
    zh: '库位「{location}」的库存不足（现有 {available}）',
    en: 'Not enough stock at "{location}" (available {available})',
  },
} as const;
