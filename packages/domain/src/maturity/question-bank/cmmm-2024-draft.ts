// Default question bank of the Zhizao (智造) maturity self-diagnosis, model CMMM-2024draft (the 2024 revision
// drafts WD 2024005768 / WD 2024005769, 征求意见稿; publication status to be re-checked, maturity.md §7).
//
// Written for Zhizao in our own words; NOT the text of the draft or of GB/T 39116-2020. Sub-domains that carry
// over from 2020 reuse (and where needed split) the 2020 items under their own C24 ids; the new sub-domains
// (精益管理, 工厂规划, 产品创新, 质量管理, the carbon part of 能碳管理) have items written for this version.
//
// Coverage: all 25 sub-domains × 5 levels, at least 1 item per cell. 产品设计 is optional for process
// enterprises in the draft; that is applicability configuration, not a property of the bank.
// This is the default seed only: the bureau can copy and edit the bank in the product.
import { expandSubDomain, merge, pick, requireSpecs, type LevelSpecs } from './define.ts';
import type { Requirement } from './types.ts';
import { CMMM_2020_SPECS } from './cmmm-2020.ts';
import { CARBON_2024, NEW_2024, SCHEDULING_L1_2024 } from './cmmm-2024-draft-new.ts';

export const CMMM_2024_DRAFT_ID = 'CMMM-2024draft';

/** The 25 sub-domains of the 2024 draft, grouped by its 5 domains (maturity.md §7). */
export const CMMM_2024_DRAFT_SUB_DOMAINS = [
  // 组织战略
  'strategy_planning',
  'organisation_management',
  'talent_development',
  'lean_management',
  // 工厂建设
  'factory_planning',
  'equipment_production_lines',
  'network',
  'integration',
  'information_security',
  'data',
  // 研发设计
  'product_innovation',
  'product_design',
  'process_design',
  // 生产作业
  'scheduling',
  'operations_execution',
  'quality_management',
  'equipment_management',
  'warehousing_distribution',
  'safety_environment',
  'energy_carbon',
  // 业务运营
  'planning',
  'procurement',
  'logistics',
  'marketing',
  'service',
] as const;

const from2020 = (code: string): LevelSpecs => requireSpecs(CMMM_2020_SPECS, code);
const fresh = (code: string): LevelSpecs => requireSpecs(NEW_2024, code);
const EMPTY: LevelSpecs = { 1: [], 2: [], 3: [], 4: [], 5: [] };

const SPECS_2024: Readonly<Record<(typeof CMMM_2024_DRAFT_SUB_DOMAINS)[number], LevelSpecs>> = {
  strategy_planning: pick(from2020('organisation_strategy'), { 1: [0], 2: [0, 2], 3: [1], 4: [0], 5: [0] }),
  organisation_management: pick(from2020('organisation_strategy'), { 1: [1], 2: [1], 3: [0], 4: [1], 5: [1] }),
  talent_development: from2020('personnel_skills'),
  lean_management: fresh('lean_management'),
  factory_planning: fresh('factory_planning'),
  equipment_production_lines: from2020('equipment'),
  network: from2020('network'),
  integration: from2020('integration'),
  information_security: from2020('information_security'),
  data: from2020('data'),
  product_innovation: fresh('product_innovation'),
  product_design: from2020('product_design'),
  process_design: from2020('process_design'),
  scheduling: merge(
    { ...EMPTY, 1: [SCHEDULING_L1_2024] },
    pick(from2020('planning_scheduling'), { 1: [], 2: [1], 3: [1], 4: [0], 5: [1] }),
  ),
  operations_execution: pick(from2020('production_operations'), { 1: [0, 1], 2: [0, 2], 3: [0, 1], 4: [1], 5: [1] }),
  quality_management: merge(
    fresh('quality_management'),
    pick(from2020('production_operations'), { 1: [], 2: [1], 3: [2], 4: [0], 5: [0] }),
  ),
  equipment_management: from2020('equipment_management'),
  warehousing_distribution: from2020('warehousing_distribution'),
  safety_environment: from2020('safety_environment'),
  energy_carbon: merge(from2020('energy_management'), CARBON_2024),
  planning: pick(from2020('planning_scheduling'), { 1: [0, 1], 2: [0], 3: [0, 2], 4: [1], 5: [0] }),
  procurement: from2020('procurement'),
  logistics: from2020('logistics'),
  marketing: from2020('sales'),
  service: merge(from2020('customer_service'), from2020('product_service')),
};

export const CMMM_2024_DRAFT_REQUIREMENTS: readonly Requirement[] = Object.freeze(
  CMMM_2024_DRAFT_SUB_DOMAINS.flatMap((code) => expandSubDomain('C24', CMMM_2024_DRAFT_ID, code, SPECS_2024[code])),
);
