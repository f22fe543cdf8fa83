import type { Locale } from './messages.ts';

// Human names of fields, so an error says「企业名称」rather than "name". Unknown fields show as is.
const FIELD_LABELS: Record<string, { zh: string; en: string }> = {
  creditCode: { zh: '统一社会信用代码', en: 'Credit code' },
  name: { zh: '企业名称', en: 'Name' },
  districtCode: { zh: '所属区市', en: 'District' },
  chainCodes: { zh: '产业链', en: 'Industry chains' },
  clusterCode: { zh: '产业集群', en: 'Industry cluster' },
  sizeClass: { zh: '规模', en: 'Size class' },
  manufacturingType: { zh: '制造类型', en: 'Manufacturing type' },
  industryCode: { zh: '国民经济行业代码', en: 'Industry code' },
  address: { zh: '地址', en: 'Address' },
  mainProducts: { zh: '主要产品', en: 'Main products' },
  contactName: { zh: '联系人', en: 'Contact' },
  contactPhone: { zh: '联系电话', en: 'Phone' },
  contactEmail: { zh: '电子邮箱', en: 'E-mail' },
  username: { zh: '用户名', en: 'Username' },
  password: { zh: '密码', en: 'Password' },
  displayName: { zh: '姓名', en: 'Display name' },
  role: { zh: '角色', en: 'Role' },
  enterpriseId: { zh: '所属企业', en: 'Enterprise' },
  page: { zh: '页码', en: 'Page' },
  pageSize: { zh: '每页条数', en: 'Page size' },
  version: { zh: '版本号', en: 'Version' },
  code: { zh: '代码', en: 'Code' },
  nameZh: { zh: '中文名称', en: 'Chinese name' },
  nameEn: { zh: '英文名称', en: 'English name' },
  modelVersion: { zh: '模型版本', en: 'Model version' },
  targetLevel: { zh: '目标级别', en: 'Target level' },
  answers: { zh: '答案', en: 'Answers' },
  newId: { zh: '新版本标识', en: 'New version id' },
  weights: { zh: '权重', en: 'Weights' },
  // recognition (issue 4)
  programmeId: { zh: '认定计划', en: 'Programme' },
  // funding (issue 5): projects, policies, award moves
  year: { zh: '年度', en: 'Year' },
  kind: { zh: '类型', en: 'Kind' },
  description: { zh: '说明', en: 'Description' },
  note: { zh: '备注', en: 'Note' },
  chainCode: { zh: '产业链', en: 'Industry chain' },
  startDate: { zh: '开始日期', en: 'Start date' },
  completionDate: { zh: '完成日期', en: 'Completion date' },
  targets: { zh: '目标指标', en: 'Target KPIs' },
  equipmentFen: { zh: '设备投资', en: 'Equipment investment' },
  softwareFen: { zh: '软件投资', en: 'Software investment' },
  servicesFen: { zh: '服务投资', en: 'Services investment' },
  otherFen: { zh: '其他投资', en: 'Other investment' },
  amountFen: { zh: '金额', en: 'Amount' },
  approvedFen: { zh: '核定金额', en: 'Approved amount' },
  'rules.rate.bands': { zh: '补助比例档位', en: 'Rate bands' },
  'rules.qualifyingKinds': { zh: '适用项目类型', en: 'Qualifying project kinds' },
  'rules.eligibleItems': { zh: '可补助投资项', en: 'Eligible investment items' },
};

export function fieldLabel(field: string, locale: Locale): string {
  // own keys only: a field named "constructor" or "__proto__" is shown as is, not looked up on Object
  const label = Object.hasOwn(FIELD_LABELS, field) ? FIELD_LABELS[field] : undefined;
  return label ? label[locale === 'en' ? 'en' : 'zh'] : field;
}
