import { describe, expect, it } from 'vitest';
import { LEVELS } from '../model.ts';
import { modelProblems } from '../validate.ts';
import { CMMM_2020 } from './cmmm-2020.ts';
import { CMMM_2024_DRAFT } from './cmmm-2024-draft.ts';

const subDomainCodes = (m: typeof CMMM_2020) => m.domains.flatMap((d) => d.subDomains.map((s) => s.code));

describe('CMMM-2020 as data (maturity.md §3)', () => {
  it('has 4 elements → 12 domains → 20 sub-domains with the agreed codes', () => {
    expect(CMMM_2020.elements).toHaveLength(4);
    expect(CMMM_2020.domains).toHaveLength(12);
    expect(subDomainCodes(CMMM_2020)).toEqual([
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
    ]);
    const elements = new Set(CMMM_2020.elements!.map((e) => e.code));
    expect(CMMM_2020.domains.every((d) => d.elementCode && elements.has(d.elementCode))).toBe(true);
  });

  it('is consistent, and provisional because its weights are placeholders (§5)', () => {
    expect(modelProblems(CMMM_2020)).toEqual([]);
    expect(CMMM_2020).toMatchObject({ status: 'standard', passThreshold: 0.8, formulaId: 'bandAligned', provisional: true });
    expect(CMMM_2020.provisionalNote?.en).toMatch(/weight/);
    expect(CMMM_2020.weights.discrete.domain['design']).toBeCloseTo(1 / 12, 12);
    expect(CMMM_2020.weights.process.subDomain['procurement']).toBeCloseTo(1 / 7, 12);
  });

  it('makes every cell applicable by default (§6, unconfirmed)', () => {
    for (const code of subDomainCodes(CMMM_2020)) for (const level of LEVELS) expect(CMMM_2020.applicability[code]![level]).toBe(true);
  });

  it('names the five levels with their stage labels (§2)', () => {
    expect(CMMM_2020.levels.map((l) => l.name.zh)).toEqual(['一级 规划级', '二级 规范级', '三级 集成级', '四级 优化级', '五级 引领级']);
    expect(CMMM_2020.levels[1]!.stage.zh).toBe('数字化改造');
  });
});

describe('CMMM-2024draft as data (maturity.md §5, §7)', () => {
  it('has 5 domains and 25 sub-domains with the agreed codes, no element layer', () => {
    expect(CMMM_2024_DRAFT.elements).toBeUndefined();
    expect(CMMM_2024_DRAFT.domains).toHaveLength(5);
    expect(subDomainCodes(CMMM_2024_DRAFT)).toEqual([
      'strategy_planning',
      'organisation_management',
      'talent_development',
      'lean_management',
      'factory_planning',
      'equipment_production_lines',
      'network',
      'integration',
      'information_security',
      'data',
      'product_innovation',
      'product_design',
      'process_design',
      'scheduling',
      'operations_execution',
      'quality_management',
      'equipment_management',
      'warehousing_distribution',
      'safety_environment',
      'energy_carbon',
      'planning',
      'procurement',
      'logistics',
      'marketing',
      'service',
    ]);
  });

  it('carries the published α for both types and the process γ', () => {
    expect(modelProblems(CMMM_2024_DRAFT)).toEqual([]);
    expect(CMMM_2024_DRAFT.weights.process.domain).toEqual({
      organisation_strategy: 0.07,
      factory_construction: 0.24,
      research_design: 0.04,
      production_operations: 0.42,
      business_operations: 0.23,
    });
    expect(CMMM_2024_DRAFT.weights.discrete.domain).toEqual({
      organisation_strategy: 0.07,
      factory_construction: 0.15,
      research_design: 0.11,
      production_operations: 0.37,
      business_operations: 0.3,
    });
    expect(CMMM_2024_DRAFT.weights.process.subDomain).toMatchObject({
      equipment_production_lines: 0.35,
      operations_execution: 0.18,
      product_design: 0,
      marketing: 0.2,
    });
  });

  it('keeps the unconfirmed γ equal and says so', () => {
    expect(CMMM_2024_DRAFT.weights.process.subDomain['lean_management']).toBe(0.25);
    expect(CMMM_2024_DRAFT.weights.discrete.subDomain['operations_execution']).toBeCloseTo(1 / 7, 12);
    expect(CMMM_2024_DRAFT).toMatchObject({ status: 'draft', provisional: true });
    expect(CMMM_2024_DRAFT.provisionalNote?.zh).toMatch(/离散型/);
  });
});
