import type { Catalog } from '../../app/i18n/types.ts';
import { talentMessages } from './talent/messages.ts';
import { networkMessages } from './network/messages.ts';
import { titleViewMessages } from './titles/messages.ts';
import { showcaseMessages } from './showcases/messages.ts';
import { trainingMessages } from './training/messages.ts';

export const registersMessages = {
  ...talentMessages,
  ...networkMessages,
  'menu.registers': { zh: '专项台账', en: 'Registers' },
  'menu.registerCorrections': { zh: '更正申请', en: 'Corrections' },
  'registers.group.titles': { zh: '称号与示范', en: 'Titles and showcases' },
  'registers.group.recommendations': { zh: '向上推荐', en: 'Upward recommendations' },
  'registers.group.network': { zh: '5G 与千兆', en: '5G and gigabit' },
  'registers.group.talent': { zh: '人才', en: 'Talent' },
  'registers.group.training': { zh: '培训与观摩', en: 'Training and visits' },
  'registers.group.showcases': { zh: '示范标杆', en: 'Showcases' },
  'registers.group.policies': { zh: '政策文件', en: 'Policies' },

  'registers.list.subtitleAll': { zh: '全市记录', en: 'Entries across the city' },
  'registers.list.subtitleDistrict': { zh: '本区市的记录', en: 'Entries of your district' },
  'registers.list.subtitleOwn': {
    zh: '本企业的记录；如有错漏，请提交更正申请',
    en: 'Your enterprise’s entries; propose a correction if one is wrong',
  },
  'registers.list.new': { zh: '新增{item}', en: 'Add a {item}' },
  'registers.list.import': { zh: 'Excel 导入', en: 'Import from Excel' },
  'registers.list.export': { zh: '导出 Excel', en: 'Export to Excel' },
  'registers.list.exported': { zh: '已导出 {name}', en: 'Exported {name}' },
  'registers.list.empty': { zh: '还没有记录', en: 'No entries yet' },
  'registers.list.emptyFiltered': { zh: '没有符合条件的记录', en: 'No entries match the filters' },
  'registers.list.clear': { zh: '清除筛选', en: 'Clear filters' },
  'registers.list.search': { zh: '搜索名称、说明等', en: 'Search names, descriptions …' },
  'registers.list.district': { zh: '区市', en: 'District' },
  'registers.list.enterprise': { zh: '企业', en: 'Enterprise' },
  'registers.list.delete': { zh: '删除', en: 'Delete' },
  'registers.list.deleteConfirm': { zh: '删除「{title}」？删除记录保留在审计日志中。', en: 'Delete "{title}"? The audit log keeps it.' },
  'registers.list.deleted': { zh: '已删除', en: 'Deleted' },
  'registers.list.correct': { zh: '申请更正', en: 'Propose a correction' },
  'registers.list.yearFrom': { zh: '起始年度', en: 'From year' },
  'registers.list.yearTo': { zh: '截止年度', en: 'To year' },
  'registers.value.yes': { zh: '是', en: 'Yes' },
  'registers.value.no': { zh: '否', en: 'No' },

  'registers.form.newTitle': { zh: '新增{item}', en: 'New {item}' },
  'registers.form.editTitle': { zh: '编辑{item}', en: 'Edit {item}' },
  'registers.form.saved': { zh: '已保存', en: 'Saved' },
  'registers.form.warningsTitle': { zh: '以下数值超出合理范围', en: 'These values are outside the plausible range' },
  'registers.form.warningsHint': { zh: '请核实。确认无误后可继续保存。', en: 'Check them; if they are right you can still save.' },
  'registers.form.warningsConfirm': { zh: '确认无误，保存', en: 'They are right: save' },
  'registers.form.rule': { zh: '校验规则：{rule}', en: 'Rule: {rule}' },
  'registers.form.searchEnterprise': { zh: '输入企业名称或统一社会信用代码搜索', en: 'Search by enterprise name or credit code' },
  'registers.form.searchEntry': { zh: '输入名称搜索', en: 'Search by name' },

  'registers.import.title': { zh: '{register} · Excel 导入', en: '{register} · import from Excel' },
  'registers.import.subtitle': {
    zh: '下载模板，按表头填写后上传；整份文件全部通过才会导入，有问题的行会逐一列出',
    en: 'Download the template, fill it in, upload it: the file is imported whole or not at all, with every problem listed by row',
  },
  'registers.import.confirmWarnings': {
    zh: '确认异常值（已核实超出合理范围的数值无误）',
    en: 'Confirm unusual values (I checked the implausible values)',
  },
  'registers.import.columns': {
    zh: '选项、产业链和区市可填名称；企业填统一社会信用代码；金额单位为元；日期为 YYYY-MM-DD',
    en: 'Options, chains and districts by name; enterprises by credit code; amounts in yuan; dates as YYYY-MM-DD',
  },

  'registers.correction.title': { zh: '申请更正「{title}」', en: 'Propose a correction to "{title}"' },
  'registers.correction.hint': {
    zh: '只需修改有误的字段，并说明理由；由主管部门审核后生效',
    en: 'Change only what is wrong and say why; the keeper reviews it',
  },
  'registers.correction.reason': { zh: '更正理由', en: 'Reason' },
  'registers.correction.sent': { zh: '更正申请已提交', en: 'Correction sent' },
  'registers.correction.nothing': { zh: '没有修改任何字段', en: 'Nothing was changed' },
  'registers.corrections.title': { zh: '台账更正申请', en: 'Register corrections' },
  'registers.corrections.subtitleKeeper': {
    zh: '企业对本辖区台账记录提出的更正，审核后生效',
    en: 'Corrections firms propose to entries you keep',
  },
  'registers.corrections.subtitleOwn': {
    zh: '本企业提交的更正申请及处理结果',
    en: 'Corrections your enterprise proposed, and their outcome',
  },
  'registers.corrections.register': { zh: '台账', en: 'Register' },
  'registers.corrections.entry': { zh: '记录', en: 'Entry' },
  'registers.corrections.changes': { zh: '更正内容', en: 'Changes' },
  'registers.corrections.status': { zh: '状态', en: 'Status' },
  'registers.corrections.pending': { zh: '待审核', en: 'Pending' },
  'registers.corrections.accepted': { zh: '已采纳', en: 'Accepted' },
  'registers.corrections.rejected': { zh: '未采纳', en: 'Rejected' },
  'registers.corrections.accept': { zh: '采纳', en: 'Accept' },
  'registers.corrections.reject': { zh: '不采纳', en: 'Reject' },
  'registers.corrections.note': { zh: '审核意见', en: 'Note' },
  'registers.corrections.decided': { zh: '已处理', en: 'Decided' },
  'registers.corrections.empty': { zh: '没有更正申请', en: 'No corrections' },
  ...titleViewMessages,
  ...showcaseMessages,
  ...trainingMessages,
} as const satisfies Catalog;
