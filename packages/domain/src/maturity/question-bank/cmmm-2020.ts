// Default question bank of the Zhizao (智造) smart-manufacturing maturity self-diagnosis, model CMMM-2020
// (GB/T 39116-2020 model, GB/T 39117-2020 method).
//
// Written for Zhizao in our own words, as an experienced assessor would phrase self-check questions. This is
// NOT the text of the standard (its clause text is copyrighted and is not reproduced here); items are not a
// clause-by-clause mapping, and a formal (标准符合性) assessment must use the official requirement tables.
//
// Coverage: all 20 sub-domains × 5 levels, at least 2 items per cell (216 items). Level semantics follow
// maturity.md §2: L1 planning/defined processes · L2 standardised, automation + IT, data shared within one
// activity · L3 integrated across activities · L4 data-driven models for prediction and optimisation ·
// L5 industry-chain collaboration and innovation.
//
// This is the default seed only: the bureau can copy and edit the bank in the product; assessments keep the
// version they were answered with.
import { expandSubDomain, requireSpecs } from './define.ts';
import type { LevelSpecs } from './define.ts';
import type { Requirement } from './types.ts';
import { PERSONNEL_TECHNOLOGY_2020 } from './cmmm-2020-personnel-technology.ts';
import { RESOURCES_DESIGN_2020 } from './cmmm-2020-resources-design.ts';
import { PRODUCTION_A_2020 } from './cmmm-2020-production-a.ts';
import { PRODUCTION_B_2020 } from './cmmm-2020-production-b.ts';
import { LOGISTICS_SALES_SERVICE_2020 } from './cmmm-2020-logistics-sales-service.ts';

export const CMMM_2020_ID = 'CMMM-2020';

/** The 20 sub-domains of the 2020 model, in the order of the standard's structure (maturity.md §3). */
export const CMMM_2020_SUB_DOMAINS = [
  'organisation_strategy',
  'personnel_skills',
  'data',
  'integration',
  'information_security',
  'equipment',
  'network',
  'product_design',
  'process_design',
  'procurement',
  'planning_scheduling',
  'production_operations',
  'equipment_management',
  'warehousing_distribution',
  'safety_environment',
  'energy_management',
  'logistics',
  'sales',
  'customer_service',
  'product_service',
] as const;

/** Authoring form of the 2020 bank, keyed by sub-domain (also the source of items carried over to 2024). */
export const CMMM_2020_SPECS: Readonly<Record<string, LevelSpecs>> = {
  ...PERSONNEL_TECHNOLOGY_2020,
  ...RESOURCES_DESIGN_2020,
  ...PRODUCTION_A_2020,
  ...PRODUCTION_B_2020,
  ...LOGISTICS_SALES_SERVICE_2020,
};

export const CMMM_2020_REQUIREMENTS: readonly Requirement[] = Object.freeze(
  CMMM_2020_SUB_DOMAINS.flatMap((code) => expandSubDomain('C20', CMMM_2020_ID, code, requireSpecs(CMMM_2020_SPECS, code))),
);
