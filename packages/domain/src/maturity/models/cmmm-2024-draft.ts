import { allApplicable, equalWeights, fromPercent, type Domain, type ModelVersion } from '../model.ts';
import { CMMM_LEVELS } from './levels.ts';

// CMMM-2024draft: the 2024 revision drafts WD 2024005768/9 (征求意见稿), 5 domains and 25 sub-domains,
// no element layer (maturity.md §7, single source). Publication status to re-check; if published,
// switch the default version and keep old assessments on theirs.
const domains: Domain[] = [
  {
    code: 'organisation_strategy',
    name: { zh: '组织战略', en: 'Organisational strategy' },
    subDomains: [
      { code: 'strategy_planning', name: { zh: '战略规划', en: 'Strategic planning' } },
      { code: 'organisation_management', name: { zh: '组织管理', en: 'Organisation management' } },
      { code: 'talent_development', name: { zh: '人才培养', en: 'Talent development' } },
      { code: 'lean_management', name: { zh: '精益管理', en: 'Lean management' } },
    ],
  },
  {
    code: 'factory_construction',
    name: { zh: '工厂建设', en: 'Factory construction' },
    subDomains: [
      { code: 'factory_planning', name: { zh: '工厂规划', en: 'Factory planning' } },
      { code: 'equipment_production_lines', name: { zh: '装备及产线', en: 'Equipment and production lines' } },
      { code: 'network', name: { zh: '网络', en: 'Network' } },
      { code: 'integration', name: { zh: '集成', en: 'Integration' } },
      { code: 'information_security', name: { zh: '信息安全', en: 'Information security' } },
      { code: 'data', name: { zh: '数据', en: 'Data' } },
    ],
  },
  {
    code: 'research_design',
    name: { zh: '研发设计', en: 'Research and design' },
    subDomains: [
      { code: 'product_innovation', name: { zh: '产品创新', en: 'Product innovation' } },
      { code: 'product_design', name: { zh: '产品设计', en: 'Product design' } },
      { code: 'process_design', name: { zh: '工艺设计', en: 'Process design' } },
    ],
  },
  {
    code: 'production_operations',
    name: { zh: '生产作业', en: 'Production operations' },
    subDomains: [
      { code: 'scheduling', name: { zh: '排产与调度', en: 'Scheduling and dispatching' } },
      { code: 'operations_execution', name: { zh: '作业执行', en: 'Operations execution' } },
      { code: 'quality_management', name: { zh: '质量管理', en: 'Quality management' } },
      { code: 'equipment_management', name: { zh: '设备管理', en: 'Equipment management' } },
      { code: 'warehousing_distribution', name: { zh: '仓储配送', en: 'Warehousing and distribution' } },
      { code: 'safety_environment', name: { zh: '安全环保', en: 'Safety and environment' } },
      { code: 'energy_carbon', name: { zh: '能碳管理', en: 'Energy and carbon management' } },
    ],
  },
  {
    code: 'business_operations',
    name: { zh: '业务运营', en: 'Business operations' },
    subDomains: [
      { code: 'planning', name: { zh: '计划', en: 'Planning' } },
      { code: 'procurement', name: { zh: '采购', en: 'Procurement' } },
      { code: 'logistics', name: { zh: '物流', en: 'Logistics' } },
      { code: 'marketing', name: { zh: '营销', en: 'Marketing' } },
      { code: 'service', name: { zh: '服务', en: 'Service' } },
    ],
  },
];

// γ not published for these: equal within the domain until confirmed (§5).
const placeholder = equalWeights(domains);

export const CMMM_2024_DRAFT: ModelVersion = {
  id: 'CMMM-2024draft',
  name: { zh: '智能制造能力成熟度模型（2024 修订征求意见稿）', en: 'Smart manufacturing capability maturity model (2024 revision draft)' },
  status: 'draft',
  domains,
  levels: CMMM_LEVELS,
  applicability: allApplicable(domains),
  weights: {
    process: {
      // α and γ, process case: §5 (α: two sources agree; γ: one source).
      domain: fromPercent({
        organisation_strategy: 7,
        factory_construction: 24,
        research_design: 4,
        production_operations: 42,
        business_operations: 23,
      }),
      subDomain: {
        ...placeholder.subDomain, // 组织战略 γ: unconfirmed
        ...fromPercent({
          factory_planning: 12,
          equipment_production_lines: 35,
          network: 12,
          integration: 12,
          information_security: 12,
          data: 17,
          // 产品设计 is optional for process enterprises in the draft (§6) and has no γ in the source: 0.
          product_innovation: 50,
          product_design: 0,
          process_design: 50,
          scheduling: 13,
          operations_execution: 18,
          quality_management: 15,
          equipment_management: 15,
          warehousing_distribution: 13,
          safety_environment: 13,
          energy_carbon: 13,
          planning: 20,
          procurement: 20,
          logistics: 20,
          marketing: 20,
          service: 20,
        }),
      },
    },
    discrete: {
      // α discrete case: §5; all discrete γ unconfirmed → equal.
      domain: fromPercent({
        organisation_strategy: 7,
        factory_construction: 15,
        research_design: 11,
        production_operations: 37,
        business_operations: 30,
      }),
      subDomain: placeholder.subDomain,
    },
  },
  passThreshold: 0.8,
  formulaId: 'bandAligned',
  provisional: true,
  provisionalNote: {
    zh: '依据 2024 修订征求意见稿（单一来源）。离散型全部子域权重与组织战略子域权重未公开，暂按等权；流程型产品设计子域权重为 0（草案中为可选）。适用性矩阵、0.8 达级阈值与总分公式待确认。结果仅供自诊断参考。',
    en: 'Based on the 2024 revision draft (single source). All discrete sub-domain weights and the organisational-strategy sub-domain weights are unpublished and set equal for now; product design weighs 0 for process enterprises (optional in the draft). The applicability matrix, the 0.8 pass threshold and the total-score formula are still to be confirmed. Results are a self-diagnosis reference only.',
  },
};
