import { allApplicable, equalWeights, type Domain, type ModelVersion } from '../model.ts';
import { CMMM_LEVELS } from './levels.ts';

// CMMM-2020: GB/T 39116-2020 structure, 4 elements → 12 domains → 20 sub-domains (maturity.md §3).
// English names are working translations. Weights are placeholders: the 2020 discrete/process tables
// are not available (§5), so α is equal over the 12 domains and γ equal within each domain; whether an
// element layer weights in between is unconfirmed (§4.2). All cells applicable until the matrix is read
// from the standard (§6). Threshold 0.8 (§4.3) and formula A (§4.5) are both inferred.
const domains: Domain[] = [
  {
    code: 'organisation_strategy',
    elementCode: 'personnel',
    name: { zh: '组织战略', en: 'Organisational strategy' },
    subDomains: [{ code: 'organisation_strategy', name: { zh: '组织战略', en: 'Organisational strategy' } }],
  },
  {
    code: 'personnel_skills',
    elementCode: 'personnel',
    name: { zh: '人员技能', en: 'Personnel skills' },
    subDomains: [{ code: 'personnel_skills', name: { zh: '人员技能', en: 'Personnel skills' } }],
  },
  {
    code: 'data',
    elementCode: 'technology',
    name: { zh: '数据', en: 'Data' },
    subDomains: [{ code: 'data', name: { zh: '数据', en: 'Data' } }],
  },
  {
    code: 'integration',
    elementCode: 'technology',
    name: { zh: '集成', en: 'Integration' },
    subDomains: [{ code: 'integration', name: { zh: '集成', en: 'Integration' } }],
  },
  {
    code: 'information_security',
    elementCode: 'technology',
    name: { zh: '信息安全', en: 'Information security' },
    subDomains: [{ code: 'information_security', name: { zh: '信息安全', en: 'Information security' } }],
  },
  {
    code: 'equipment',
    elementCode: 'resources',
    name: { zh: '装备', en: 'Equipment' },
    subDomains: [{ code: 'equipment', name: { zh: '装备', en: 'Equipment' } }],
  },
  {
    code: 'network',
    elementCode: 'resources',
    name: { zh: '网络', en: 'Network' },
    subDomains: [{ code: 'network', name: { zh: '网络', en: 'Network' } }],
  },
  {
    code: 'design',
    elementCode: 'manufacturing',
    name: { zh: '设计', en: 'Design' },
    subDomains: [
      { code: 'product_design', name: { zh: '产品设计', en: 'Product design' } },
      { code: 'process_design', name: { zh: '工艺设计', en: 'Process design' } },
    ],
  },
  {
    code: 'production',
    elementCode: 'manufacturing',
    name: { zh: '生产', en: 'Production' },
    subDomains: [
      { code: 'procurement', name: { zh: '采购', en: 'Procurement' } },
      { code: 'planning_scheduling', name: { zh: '计划与调度', en: 'Planning and scheduling' } },
      { code: 'production_operations', name: { zh: '生产作业', en: 'Production operations' } },
      { code: 'equipment_management', name: { zh: '设备管理', en: 'Equipment management' } },
      { code: 'warehousing_distribution', name: { zh: '仓储配送', en: 'Warehousing and distribution' } },
      { code: 'safety_environment', name: { zh: '安全环保', en: 'Safety and environment' } },
      { code: 'energy_management', name: { zh: '能源管理', en: 'Energy management' } },
    ],
  },
  {
    code: 'logistics',
    elementCode: 'manufacturing',
    name: { zh: '物流', en: 'Logistics' },
    subDomains: [{ code: 'logistics', name: { zh: '物流', en: 'Logistics' } }],
  },
  {
    code: 'sales',
    elementCode: 'manufacturing',
    name: { zh: '销售', en: 'Sales' },
    subDomains: [{ code: 'sales', name: { zh: '销售', en: 'Sales' } }],
  },
  {
    code: 'service',
    elementCode: 'manufacturing',
    name: { zh: '服务', en: 'Service' },
    subDomains: [
      { code: 'customer_service', name: { zh: '客户服务', en: 'Customer service' } },
      { code: 'product_service', name: { zh: '产品服务', en: 'Product service' } },
    ],
  },
];

export const CMMM_2020: ModelVersion = {
  id: 'CMMM-2020',
  name: { zh: '智能制造能力成熟度模型（GB/T 39116-2020）', en: 'Smart manufacturing capability maturity model (GB/T 39116-2020)' },
  status: 'standard',
  elements: [
    { code: 'personnel', name: { zh: '人员', en: 'Personnel' } },
    { code: 'technology', name: { zh: '技术', en: 'Technology' } },
    { code: 'resources', name: { zh: '资源', en: 'Resources' } },
    { code: 'manufacturing', name: { zh: '制造', en: 'Manufacturing' } },
  ],
  domains,
  levels: CMMM_LEVELS,
  applicability: allApplicable(domains),
  weights: { discrete: equalWeights(domains), process: equalWeights(domains) },
  passThreshold: 0.8,
  formulaId: 'bandAligned',
  provisional: true,
  provisionalNote: {
    zh: '权重为临时等权（GB/T 39117-2020 离散型/流程型权重表待录入）；是否另有能力要素层权重、适用性矩阵、0.8 达级阈值与总分公式均待对照标准原文确认。结果仅供自诊断参考。',
    en: 'Weights are equal placeholders (the GB/T 39117-2020 discrete/process weight tables are still to be entered); an element-layer weighting, the applicability matrix, the 0.8 pass threshold and the total-score formula are still to be checked against the standard. Results are a self-diagnosis reference only.',
  },
};
