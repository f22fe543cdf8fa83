// Every message the server sends back, in zh-CN (default) and en. One place, so the web app and the
// server say the same thing. `{field}` and other braces are filled in by `formatMessage`.
import { FUNDING_MESSAGES } from '../funding/messages.ts';
import { REGISTER_MESSAGES } from '../registers/messages.ts';
import { IDENTIFIER_MESSAGES } from '../identifiers/messages.ts';
import { JOB_MESSAGES } from '../jobs/messages.ts';
import { ANSWER_PROBLEM_MESSAGES } from '../maturity/validate.ts';
import { RECOGNITION_MESSAGES } from '../recognition/messages.ts';

export type Locale = 'zh-CN' | 'en';

export const MESSAGES = {
  // generic request problems
  'validation.required': { zh: '缺少必填字段「{field}」', en: 'Field "{field}" is required' },
  'validation.type': { zh: '字段「{field}」类型应为 {type}', en: 'Field "{field}" must be of type {type}' },
  'validation.minLength': { zh: '字段「{field}」至少 {limit} 个字符', en: 'Field "{field}" must have at least {limit} characters' },
  'validation.maxLength': { zh: '字段「{field}」最多 {limit} 个字符', en: 'Field "{field}" must have at most {limit} characters' },
  'validation.minimum': { zh: '字段「{field}」不能小于 {limit}', en: 'Field "{field}" must be at least {limit}' },
  'validation.maximum': { zh: '字段「{field}」不能大于 {limit}', en: 'Field "{field}" must be at most {limit}' },
  'validation.pattern': { zh: '字段「{field}」格式不正确', en: 'Field "{field}" has the wrong format' },
  'validation.format': { zh: '字段「{field}」格式不正确（应为 {format}）', en: 'Field "{field}" must be a valid {format}' },
  'validation.enum': { zh: '字段「{field}」取值应为：{allowed}', en: 'Field "{field}" must be one of: {allowed}' },
  'validation.additionalProperties': { zh: '不允许的字段「{field}」', en: 'Field "{field}" is not allowed' },
  'validation.minItems': { zh: '字段「{field}」至少 {limit} 项', en: 'Field "{field}" needs at least {limit} items' },
  'validation.maxItems': { zh: '字段「{field}」最多 {limit} 项', en: 'Field "{field}" allows at most {limit} items' },
  'validation.invalid': { zh: '字段「{field}」无效', en: 'Field "{field}" is invalid' },
  'validation.notFinite': { zh: '字段「{field}」应为有限的数值', en: 'Field "{field}" must be a finite number' },
  'validation.malformedText': {
    zh: '字段「{field}」含有无效字符（不是有效的 Unicode 文本）',
    en: 'Field "{field}" is not well-formed Unicode text',
  },
  'request.tooDeep': { zh: '请求体嵌套层级过深（最多 {limit} 层）', en: 'The request body is nested too deeply (at most {limit} levels)' },
  'request.badJson': { zh: '请求体不是有效的 JSON', en: 'The request body is not valid JSON' },
  'request.badBody': { zh: '请求体格式不正确', en: 'The request body is malformed' },
  'request.tooLarge': { zh: '上传内容过大', en: 'The upload is too large' },
  'request.unsupportedMediaType': { zh: '不支持的内容类型', en: 'Unsupported content type' },
  'request.notFound': { zh: '请求的资源不存在', en: 'Not found' },
  'request.badUrl': { zh: '请求地址格式不正确', en: 'The request URL is malformed' },
  'request.malformed': { zh: '请求格式不正确', en: 'The request is malformed' },
  'request.headersTooLarge': { zh: '请求头过大', en: 'The request headers are too large' },
  'request.timeout': { zh: '请求超时', en: 'The request timed out' },
  'request.rateLimited': { zh: '请求过于频繁，请 {seconds} 秒后再试', en: 'Too many requests; try again in {seconds} s' },
  'server.internal': { zh: '服务器内部错误，请稍后再试', en: 'Internal server error; please try again later' },
  'data.unreadable': {
    zh: '存储的个人信息无法解密（可能被篡改，或其密钥已不在配置中），请联系系统管理员',
    en: 'Stored personal data cannot be decrypted (it may have been altered, or its key is no longer configured); contact the system administrator',
  },
  // auth
  'auth.required': { zh: '请先登录', en: 'Please log in' },
  'auth.forbidden': { zh: '无权执行此操作', en: 'You are not allowed to do this' },
  'auth.badCredentials': { zh: '用户名或密码错误', en: 'Wrong username or password' },
  'auth.locked': {
    zh: '账号因多次登录失败已锁定，请于 {minutes} 分钟后重试或联系安全管理员',
    en: 'The account is locked after repeated failures; try again in {minutes} minutes or ask the security admin',
  },
  'auth.disabled': { zh: '账号已停用，请联系安全管理员', en: 'The account is disabled; ask the security admin' },
  'auth.noRole': { zh: '账号尚未分配角色，请联系安全管理员', en: 'The account has no role yet; ask the security admin' },
  'auth.sessionExpired': { zh: '会话已过期，请重新登录', en: 'Your session has expired; please log in again' },
  'auth.csrf': { zh: '请求缺少有效的 CSRF 令牌，请刷新页面后重试', en: 'Missing or invalid CSRF token; reload the page and try again' },
  'auth.passwordExpired': { zh: '密码已超过有效期，请修改密码后继续', en: 'Your password has expired; change it to continue' },
  'auth.wrongCurrentPassword': { zh: '当前密码不正确', en: 'The current password is wrong' },
  'password.tooShort': { zh: '密码至少 {limit} 位', en: 'The password needs at least {limit} characters' },
  'password.tooLong': { zh: '密码过长', en: 'The password is too long' },
  'password.tooFewClasses': {
    zh: '密码需包含大写字母、小写字母、数字、符号中的至少 {limit} 类',
    en: 'The password needs at least {limit} of: upper case, lower case, digits, symbols',
  },
  'password.sameAsCurrent': { zh: '新密码不能与当前密码相同', en: 'The new password must differ from the current one' },
  'password.common': {
    zh: '该密码过于常见（在公开泄露的常用密码中），请换一个不易猜到的密码',
    en: 'This password is too common (it is among passwords leaked in public breaches); choose one that is harder to guess',
  },
  'password.equalsUsername': { zh: '密码不能与用户名相同', en: 'The password must differ from the username' },
  // accounts
  'user.notFound': { zh: '用户不存在', en: 'User not found' },
  'user.usernameTaken': { zh: '用户名「{username}」已被使用', en: 'Username "{username}" is taken' },
  'user.scopeRequired': { zh: '该角色需要指定「{field}」', en: 'This role needs "{field}"' },
  'user.cannotChangeSelf': { zh: '不能修改自己的角色或状态', en: 'You cannot change your own role or status' },
  'user.separatedAdminViaCli': {
    zh: '系统管理员、安全管理员、审计管理员（三员）的账号不能在平台上互相重置密码、删除、停用或更改角色，也不能把账号设为三员之一；请在服务器命令行办理（npm run users:reset-password、users:unlock 或 create-admin）',
    en: 'The system, security and audit admin accounts cannot reset, delete, disable or change the role of one another on the platform, nor make an account one of them; do it on the server’s command line (npm run users:reset-password, users:unlock or create-admin)',
  },
  // registry
  'enterprise.notFound': { zh: '企业不存在', en: 'Enterprise not found' },
  'enterprise.creditCodeTaken': { zh: '统一社会信用代码 {creditCode} 已登记', en: 'Credit code {creditCode} is already registered' },
  'enterprise.versionConflict': {
    zh: '该企业已被他人修改，请刷新后再保存',
    en: 'Someone else changed this enterprise; reload and save again',
  },
  'enterprise.outOfScope': { zh: '该企业不在您的管辖范围内', en: 'This enterprise is outside your scope' },
  'enterprise.fieldNotEditable': { zh: '企业用户不能修改字段「{field}」', en: 'Enterprise users cannot change "{field}"' },
  'enterprise.required': { zh: '「{field}」为必填项', en: '"{field}" is required' },
  'enterprise.creditCodeLength': { zh: '统一社会信用代码应为 18 位', en: 'The credit code must have 18 characters' },
  'enterprise.creditCodeCharacter': {
    zh: '统一社会信用代码含有不允许的字符（不使用 I、O、S、V、Z）',
    en: 'The credit code has characters that are not allowed (I, O, S, V, Z are never used)',
  },
  'enterprise.creditCodeCheck': { zh: '统一社会信用代码校验位不正确', en: 'The credit code check character is wrong' },
  'enterprise.tooLong': { zh: '「{field}」过长', en: '"{field}" is too long' },
  'enterprise.unknownDistrict': { zh: '未知的区市代码', en: 'Unknown district code' },
  'enterprise.unknownChain': { zh: '未知的产业链', en: 'Unknown industry chain' },
  'enterprise.unknownCluster': { zh: '未知的产业集群', en: 'Unknown industry cluster' },
  'enterprise.invalidEnum': { zh: '「{field}」取值无效', en: '"{field}" has an invalid value' },
  'enterprise.invalidPhone': { zh: '联系电话格式不正确', en: 'The phone number is malformed' },
  'enterprise.invalidEmail': { zh: '电子邮箱格式不正确', en: 'The e-mail address is malformed' },
  'enterprise.invalidIndustryCode': {
    zh: '国民经济行业代码应为制造业（C13–C43）',
    en: 'The industry code must be a manufacturing code (C13–C43)',
  },
  'enterprise.duplicateInFile': { zh: '统一社会信用代码在文件中重复（第 {row} 行）', en: 'The credit code repeats row {row} of the file' },
  // import
  'import.notFound': { zh: '导入任务不存在或已过期', en: 'The import does not exist or has expired' },
  'import.badFile': { zh: '无法读取 Excel 文件，请使用下载的模板', en: 'The Excel file cannot be read; use the downloaded template' },
  'import.badHeader': { zh: '表头与模板不一致：缺少「{column}」', en: 'The header does not match the template: "{column}" is missing' },
  'import.empty': { zh: '文件中没有数据行', en: 'The file has no data rows' },
  'import.tooManyRows': { zh: '单次最多导入 {limit} 行', en: 'At most {limit} rows per import' },
  'import.tooLarge': {
    zh: 'Excel 文件解压后超过 {limit} MB，无法读取；请拆分成较小的文件',
    en: 'The Excel file expands to more than {limit} MB and cannot be read; split it into smaller files',
  },
  'import.hasErrors': { zh: '文件中有 {count} 处错误，未导入任何数据', en: 'The file has {count} problems; nothing was imported' },
  'import.alreadyCommitted': { zh: '该导入已完成', en: 'This import has already been committed' },
  'import.nothingValid': { zh: '没有可导入的有效行', en: 'There are no valid rows to import' },
  'import.noFile': { zh: '请上传 Excel 文件（表单字段 file）', en: 'Upload an Excel file (form field "file")' },
  'import.cancelled': { zh: '该导入已取消', en: 'This import has been cancelled' },
  'import.problemAt': { zh: '{column} 列「{field}」：{message}', en: 'Column {column} ({field}): {message}' },
  'import.changedMeanwhile': {
    zh: '导入期间企业名录已发生变化，未导入任何数据，请重新校验',
    en: 'The registry changed during the import; nothing was imported. Check the file again',
  },
  // taxonomy
  'taxonomy.notFound': { zh: '分类不存在', en: 'Taxonomy entry not found' },
  'taxonomy.codeTaken': { zh: '代码「{code}」已存在', en: 'Code "{code}" already exists' },
  'taxonomy.inUse': { zh: '仍有企业使用该分类，不能删除', en: 'Enterprises still use this entry; it cannot be deleted' },
  'taxonomy.nameTaken': { zh: '名称「{name}」已被使用', en: 'The name "{name}" is already used' },
  'taxonomy.unknownChain': { zh: '产业链「{code}」不存在', en: 'Industry chain "{code}" does not exist' },
  'taxonomy.hasClusters': {
    zh: '仍有产业集群关联该产业链，请先修改或删除这些集群',
    en: 'Clusters still belong to this chain; change or delete them first',
  },
  // maturity self-diagnosis
  'maturity.modelNotFound': { zh: '成熟度模型版本「{id}」不存在', en: 'Maturity model version "{id}" does not exist' },
  'maturity.modelIdTaken': { zh: '模型版本标识「{id}」已存在', en: 'Model version id "{id}" already exists' },
  'maturity.modelReadOnly': {
    zh: '内置模型版本不可修改，请先复制为自定义版本',
    en: 'Shipped model versions are read-only; copy one to a custom version first',
  },
  'maturity.modelInvalid': { zh: '模型定义有误：{problem}（{subject}）', en: 'The model definition is invalid: {problem} ({subject})' },
  'maturity.unknownCode': { zh: '模型中没有代码「{code}」', en: 'The model has no code "{code}"' },
  'maturity.requirementNotFound': { zh: '评估项「{requirementId}」不存在', en: 'Requirement "{requirementId}" does not exist' },
  'maturity.assessmentNotFound': { zh: '评估不存在', en: 'Assessment not found' },
  'maturity.noEnterprise': {
    zh: '账号未关联企业，不能发起评估',
    en: 'The account is linked to no enterprise; it cannot start an assessment',
  },
  'maturity.versionConflict': {
    zh: '评估已在别处保存（当前版本 {version}），请刷新后再保存',
    en: 'The assessment was saved elsewhere (current version {version}); reload and save again',
  },
  'maturity.locked': { zh: '评估已提交并锁定，不能再修改', en: 'The assessment is submitted and locked' },
  'maturity.incomplete': {
    zh: '还有 {count} 个评估项未作答，不能提交',
    en: '{count} requirements are still unanswered; the assessment cannot be submitted',
  },
  'maturity.unanswered': { zh: '评估项「{requirementId}」未作答', en: 'Requirement "{requirementId}" is unanswered' },
  'maturity.noReport': { zh: '评估尚未提交，还没有报告', en: 'The assessment is not submitted yet; it has no report' },
  'maturity.shareNotSubmitted': { zh: '只能共享已提交的评估报告', en: 'Only the report of a submitted assessment can be shared' },
  'maturity.reportNotShared': {
    zh: '企业尚未向主管部门共享完整报告，只能查看等级和得分',
    en: 'The enterprise has not shared the full report; only the level and the score are visible',
  },
  'maturity.unknownRequirement': ANSWER_PROBLEM_MESSAGES.unknownRequirement,
  'maturity.badValue': ANSWER_PROBLEM_MESSAGES.badValue,
  'maturity.naWithoutReason': ANSWER_PROBLEM_MESSAGES.naWithoutReason,
  'maturity.duplicate': ANSWER_PROBLEM_MESSAGES.duplicate,
  'maturity.notApplicableCell': ANSWER_PROBLEM_MESSAGES.notApplicableCell,
  'maturity.notSubmitted': { zh: '评估尚未提交，不能安排专家评估', en: 'The assessment is not submitted yet; no expert can be assigned' },
  'maturity.notAnExpert': { zh: '所选账号不是启用中的专家账号', en: 'The chosen account is not an enabled expert account' },
  'maturity.reviewNotFound': { zh: '专家评估不存在', en: 'Expert review not found' },
  'maturity.reviewSubmitted': {
    zh: '专家评估已提交，不能再修改或改派',
    en: 'The expert review is submitted; it can no longer be changed or reassigned',
  },
  'maturity.evidenceNoFile': { zh: '请上传证据文件（表单字段 file）', en: 'Upload an evidence file (form field "file")' },
  'maturity.evidenceType': {
    zh: '不支持的文件类型：仅限 PDF、PNG/JPEG 图片、Word/Excel/PowerPoint（docx/xlsx/pptx）和 ZIP',
    en: 'Unsupported file type: only PDF, PNG/JPEG images, Word/Excel/PowerPoint (docx/xlsx/pptx) and ZIP',
  },
  'maturity.evidenceTooMany': { zh: '每个评估项最多上传 {max} 个证据文件', en: 'At most {max} evidence files per requirement' },
  'maturity.evidenceNotFound': { zh: '证据文件不存在', en: 'Evidence file not found' },
  ...RECOGNITION_MESSAGES,
  ...FUNDING_MESSAGES,
  ...IDENTIFIER_MESSAGES,
  ...JOB_MESSAGES,
  ...REGISTER_MESSAGES,
} as const;

export type MessageKey = keyof typeof MESSAGES;

export function formatMessage(key: MessageKey, locale: Locale, params: Record<string, string | number> = {}): string {
  const template: string = MESSAGES[key][locale === 'en' ? 'en' : 'zh'];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** Picks zh-CN unless the Accept-Language header prefers English. */
export function localeFromAcceptLanguage(header: string | undefined): Locale {
  if (!header) return 'zh-CN';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}
