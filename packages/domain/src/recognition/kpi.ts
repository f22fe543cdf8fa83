// KPIs an application reports before and after the project (issue 4 part 2, 8). The set follows the
// seed's cases (seed §二.3: CNC rate, operating cost, productivity; syringe output, glass-line labour
// and takt, tyre water and CO₂) and recognition-and-funding.md §6 (yield, energy).

export const KPI_CODES = [
  'cncRate',
  'operatingCost',
  'productivity',
  'yieldRate',
  'energy',
  'water',
  'co2',
  'labour',
  'cycleTime',
] as const;
export type KpiCode = (typeof KPI_CODES)[number];

export interface KpiDefinition {
  unit: { zh: string; en: string };
  label: { zh: string; en: string };
  /** Is a rise good (productivity) or a fall (cost)? */
  better: 'higher' | 'lower';
  /** A percentage value (0–100), compared in points, not as a ratio. */
  percent: boolean;
}

export const KPI_DEFINITIONS: Record<KpiCode, KpiDefinition> = {
  cncRate: { label: { zh: '装备数控化率', en: 'Equipment CNC rate' }, unit: { zh: '%', en: '%' }, better: 'higher', percent: true },
  operatingCost: {
    label: { zh: '运营成本', en: 'Operating cost' },
    unit: { zh: '万元/年', en: '10k CNY/yr' },
    better: 'lower',
    percent: false,
  },
  productivity: {
    label: { zh: '生产效率', en: 'Productivity' },
    unit: { zh: '件/人·时', en: 'units per person-hour' },
    better: 'higher',
    percent: false,
  },
  yieldRate: { label: { zh: '产品合格率', en: 'Yield rate' }, unit: { zh: '%', en: '%' }, better: 'higher', percent: true },
  energy: { label: { zh: '综合能耗', en: 'Energy use' }, unit: { zh: '吨标煤/年', en: 'tce/yr' }, better: 'lower', percent: false },
  water: { label: { zh: '用水量', en: 'Water use' }, unit: { zh: '立方米/年', en: 'm³/yr' }, better: 'lower', percent: false },
  co2: { label: { zh: '碳排放', en: 'CO₂ emissions' }, unit: { zh: '吨/年', en: 't/yr' }, better: 'lower', percent: false },
  labour: { label: { zh: '用工人数', en: 'Labour' }, unit: { zh: '人', en: 'people' }, better: 'lower', percent: false },
  cycleTime: { label: { zh: '生产节拍', en: 'Cycle time' }, unit: { zh: '秒/件', en: 's per unit' }, better: 'lower', percent: false },
};

export interface KpiValue {
  before: number | null;
  after: number | null;
}
export type KpiSet = Partial<Record<KpiCode, KpiValue>>;

/** The relative change after/before − 1 (−0.2 = −20 %), or null when a value is missing or before is 0. */
export function kpiChange(value: KpiValue | undefined): number | null {
  if (!value || value.before === null || value.after === null || value.before === 0) return null;
  return Math.round(((value.after - value.before) / Math.abs(value.before)) * 10_000) / 10_000;
}

export function kpiChanges(kpis: KpiSet): Record<KpiCode, number | null> {
  return Object.fromEntries(KPI_CODES.map((c) => [c, kpiChange(kpis[c])])) as Record<KpiCode, number | null>;
}

/** Required KPIs without both values. */
export function missingKpis(required: readonly KpiCode[], kpis: KpiSet): KpiCode[] {
  return required.filter(
    (c) => kpis[c]?.before === null || kpis[c]?.before === undefined || kpis[c]?.after === null || kpis[c]?.after === undefined,
  );
}

/**
 * The city's benchmarks for recognised enterprises, seed §二.3: 装备数控化率达到70%以上、运营成本降低20%以上、
 * 生产效率提高20%以上.
 */
export const RECOGNITION_BENCHMARKS = { cncRate: 70, operatingCostChange: -0.2, productivityChange: 0.2 } as const;

export interface BenchmarkCheck {
  cncRate: { value: number | null; target: number; met: boolean | null };
  operatingCost: { value: number | null; target: number; met: boolean | null };
  productivity: { value: number | null; target: number; met: boolean | null };
}

export function benchmarkCheck(kpis: KpiSet): BenchmarkCheck {
  const cnc = kpis.cncRate?.after ?? null;
  const cost = kpiChange(kpis.operatingCost);
  const productivity = kpiChange(kpis.productivity);
  const b = RECOGNITION_BENCHMARKS;
  return {
    cncRate: { value: cnc, target: b.cncRate, met: cnc === null ? null : cnc >= b.cncRate },
    operatingCost: { value: cost, target: b.operatingCostChange, met: cost === null ? null : cost <= b.operatingCostChange },
    productivity: {
      value: productivity,
      target: b.productivityChange,
      met: productivity === null ? null : productivity >= b.productivityChange,
    },
  };
}
