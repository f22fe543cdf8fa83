import { TALENT_MESSAGES } from './talent/messages.ts';
import { REGISTER_FILE_MESSAGES } from './file-messages.ts';
import { RECOMMENDATION_MESSAGES } from './recommendations/messages.ts';
import { TITLE_MESSAGES } from './titles/messages.ts';
import { NETWORK_MESSAGES } from './network/messages.ts';
import { SHOWCASE_MESSAGES } from './showcases/messages.ts';
import { TRAINING_MESSAGES } from './training/messages.ts';

// The registers' messages (zh-CN, en). Merged into MESSAGES.
export const REGISTER_MESSAGES = {
  ...TALENT_MESSAGES,
  'registers.notFound': { zh: '记录不存在', en: 'The entry does not exist' },
  'registers.versionConflict': {
    zh: '该记录已被他人修改，请刷新后再改',
    en: 'Someone else changed this entry meanwhile; reload it and try again',
  },
  'registers.pattern': { zh: '「{field}」格式不正确：{hintZh}', en: '"{field}" has the wrong format: {hintEn}' },
  'registers.dateInFuture': { zh: '「{field}」不能晚于今天（{today}）', en: '"{field}" cannot be after today ({today})' },
  'registers.yearInFuture': { zh: '「{field}」不能晚于今年（{today}）', en: '"{field}" cannot be after this year ({today})' },
  'registers.dateBefore': { zh: '「{field}」不能早于「{otherZh}」', en: '"{field}" cannot be before "{otherEn}"' },
  'registers.moneyFormat': {
    zh: '「{field}」应为金额（元），最多两位小数，不得为负数',
    en: '"{field}" must be an amount in yuan with at most two decimals, not negative',
  },
  'registers.booleanWord': { zh: '「{field}」应填「是」或「否」', en: '"{field}" must be 是 or 否 (yes or no)' },
  'registers.chainUnknown': { zh: '「{field}」：未知的产业链「{text}」', en: '"{field}": unknown industry chain "{text}"' },
  'registers.districtUnknown': { zh: '「{field}」：未知的区市「{text}」', en: '"{field}": unknown district "{text}"' },
  'registers.enterpriseUnknown': {
    zh: '「{field}」：未找到统一社会信用代码为「{text}」的企业，或不在您的管辖范围内',
    en: '"{field}": no enterprise with credit code "{text}" in your scope',
  },
  'registers.enterpriseNotFound': {
    zh: '「{field}」：企业不存在或不在您的管辖范围内',
    en: '"{field}": the enterprise does not exist or is outside your scope',
  },
  'registers.districtOutOfScope': {
    zh: '「{field}」：只能登记本区市的记录',
    en: '"{field}": you can only keep entries of your own district',
  },
  'registers.referenceUnknown': { zh: '「{field}」：未找到「{text}」', en: '"{field}": "{text}" was not found' },
  'registers.referenceNotFound': { zh: '「{field}」：引用的记录不存在', en: '"{field}": the referenced entry does not exist' },
  'registers.duplicate': {
    zh: '已有相同的记录（{fieldsZh}相同）：{title}',
    en: 'An identical entry exists (same {fieldsEn}): {title}',
  },
  'registers.duplicateRow': { zh: '与第 {row} 行重复（{fieldsZh}相同）', en: 'Duplicates row {row} (same {fieldsEn})' },
  'registers.confirmWarnings': {
    zh: '有 {count} 项数值超出合理范围，请核实后确认保存',
    en: '{count} values are outside the plausible range; check them and confirm to save',
  },
  'registers.importInvalid': { zh: '文件中有 {count} 处问题，未导入任何记录', en: 'The file has {count} problems; nothing was imported' },
  'registers.importRowProblem': { zh: '第 {row} 行「{column}」：{problem}', en: 'Row {row}, "{column}": {problem}' },
  'registers.importWarnings': {
    zh: '文件中有 {count} 处数值超出合理范围，核实无误后勾选「确认异常值」再导入',
    en: 'The file has {count} implausible values; check them, then tick "confirm unusual values" and import again',
  },
  'registers.correctionNotPending': { zh: '该更正申请已处理', en: 'This correction has already been decided' },
  'registers.correctionNothing': { zh: '更正内容与现有记录相同', en: 'The correction changes nothing' },
  'registers.archived': { zh: '该记录已删除', en: 'This entry has been deleted' },
  ...REGISTER_FILE_MESSAGES,
  ...TITLE_MESSAGES,
  ...RECOMMENDATION_MESSAGES,
  ...NETWORK_MESSAGES,
  ...SHOWCASE_MESSAGES,
  ...TRAINING_MESSAGES,
} as const;
