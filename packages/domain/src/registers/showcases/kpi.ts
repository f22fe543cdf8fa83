import { KPI_CODES, KPI_DEFINITIONS, type KpiCode } from '../../recognition/kpi.ts';
import { datesInOrder } from '../check.ts';
import type { RegisterDefinition, RegisterRule } from '../definition.ts';
import type { EntryValues } from '../field.ts';

// A showcase's before/after figures, one row per KPI: a sheet of flat rows (案例, 指标, 单位, 改造前,
// 改造后, 测量日期) is what a bureau officer fills in Excel, where a list inside one cell is not. The
// kinds are the recognition ladder's KPIs (recognition/kpi.ts), so a recognised project's figures and
// a showcase's speak the same language.

/**
 * The change a kind of KPI plausibly shows after a smart & digital upgrade, in % of the value before
 * (in percentage points for KPIs that are themselves percentages). Bounds set wide around the seed's
 * cases (§二.3: productivity +33.8 %, labour −90 %, cycle time 90 s → 8 s) and the ladder's benchmarks
 * (productivity +20 %, cost −20 %): a figure outside is possible but more often a unit or typing error
 * (a productivity of +11,150 % is a per-worker figure of the glass line's 80 → 8 people and 90 → 8 s),
 * so the user confirms it rather than being refused. The platform's own judgement, not a standard.
 */
export const KPI_PLAUSIBLE_CHANGE: Record<KpiCode, { min: number; max: number }> = {
  cncRate: { min: -20, max: 70 },
  operatingCost: { min: -80, max: 30 },
  productivity: { min: -50, max: 300 },
  yieldRate: { min: -20, max: 40 },
  energy: { min: -80, max: 30 },
  water: { min: -90, max: 30 },
  co2: { min: -90, max: 30 },
  labour: { min: -95, max: 50 },
  cycleTime: { min: -95, max: 50 },
};

/**
 * The change from before to after: in % of before (one decimal), in points for percentage KPIs; null
 * without a base. Worked out from the values, not from recognition's kpiChange, whose ratio is already
 * rounded to four places (13 → 17.4 would read +33.9 % instead of the seed's +33.8 %).
 */
export function showcaseKpiChange(kind: KpiCode, before: number, after: number): number | null {
  if (KPI_DEFINITIONS[kind].percent) return Math.round((after - before) * 10) / 10;
  if (before === 0) return null;
  return Math.round(((after - before) / Math.abs(before)) * 1000) / 10;
}

const numbers = (values: EntryValues) =>
  typeof values.kind === 'string' &&
  (KPI_CODES as readonly string[]).includes(values.kind) &&
  typeof values.beforeValue === 'number' &&
  typeof values.afterValue === 'number'
    ? { kind: values.kind as KpiCode, before: values.beforeValue, after: values.afterValue }
    : null;

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

function plausibilityRule(kind: KpiCode): RegisterRule {
  const { min, max } = KPI_PLAUSIBLE_CHANGE[kind];
  const { label, percent } = KPI_DEFINITIONS[kind];
  const unitZh = percent ? '个百分点' : '%';
  const unitEn = percent ? ' points' : ' %';
  return {
    code: `plausibleChange.${kind}`,
    field: 'afterValue',
    severity: 'warning',
    description: {
      zh: `${label.zh}改造前后变化一般在 ${signed(min)}${unitZh} 至 ${signed(max)}${unitZh} 之间`,
      en: `${label.en} usually changes by ${signed(min)}${unitEn} to ${signed(max)}${unitEn} after an upgrade`,
    },
    test: (values) => {
      const kpi = numbers(values);
      if (!kpi || kpi.kind !== kind) return null;
      const change = showcaseKpiChange(kind, kpi.before, kpi.after);
      if (change === null || (change >= min && change <= max)) return null;
      return { key: 'showcases.kpiImplausible', params: { change: `${signed(change)}${percent ? unitZh : '%'}` } };
    },
  };
}

const measuredBefore = { key: 'measuredBefore', label: { zh: '改造前测量日期', en: 'Measured before on' } };

export const SHOWCASE_KPI_REGISTER: RegisterDefinition = {
  key: 'showcase-kpis',
  table: 'register_showcase_kpi',
  group: 'showcases',
  label: { zh: '示范案例成效指标', en: 'Showcase KPIs' },
  itemLabel: { zh: '成效指标', en: 'showcase KPI' },
  ownership: 'enterprise',
  ownerFrom: 'showcase',
  fields: [
    {
      key: 'showcase',
      type: 'reference',
      register: 'showcases',
      label: { zh: '示范案例', en: 'Showcase' },
      required: true,
      filter: true,
      help: { zh: '填示范案例名称', en: 'The showcase’s case name' },
    },
    {
      key: 'kind',
      type: 'enum',
      label: { zh: '指标类别', en: 'KPI kind' },
      options: KPI_CODES.map((code) => ({ value: code, label: KPI_DEFINITIONS[code].label })),
      required: true,
      filter: true,
    },
    {
      key: 'name',
      type: 'text',
      label: { zh: '指标名称', en: 'KPI' },
      required: true,
      maxLength: 80,
      help: { zh: '如 注射器年产量、每片玻璃用时', en: 'e.g. syringes made a year, time per glass sheet' },
    },
    {
      key: 'unit',
      type: 'text',
      label: { zh: '单位', en: 'Unit' },
      required: true,
      maxLength: 30,
      help: { zh: '如 亿支/年、人、秒/片、立方米/年、吨CO₂/年、%', en: 'e.g. 亿支/年, people, s per sheet, m³ a year, t CO₂ a year, %' },
    },
    { key: 'beforeValue', type: 'decimal', label: { zh: '改造前数值', en: 'Before' }, required: true, min: 0, max: 1e12 },
    { key: 'afterValue', type: 'decimal', label: { zh: '改造后数值', en: 'After' }, required: true, min: 0, max: 1e12 },
    { ...measuredBefore, type: 'date', required: true, notFuture: true },
    { key: 'measuredAfter', type: 'date', label: { zh: '改造后测量日期', en: 'Measured after on' }, required: true, notFuture: true },
    { key: 'source', type: 'text', label: { zh: '数据来源', en: 'Source' }, maxLength: 200 },
  ],
  titleField: 'name',
  uniqueBy: [['showcase', 'name']],
  rules: [
    {
      code: 'measuredInOrder',
      field: 'measuredAfter',
      severity: 'error',
      description: { zh: '改造后测量日期不早于改造前', en: 'The after figure is measured no earlier than the before figure' },
      test: datesInOrder(measuredBefore, 'measuredAfter'),
    },
    {
      code: 'percentAtMostHundred',
      field: 'afterValue',
      severity: 'error',
      description: { zh: '百分比指标不超过 100%', en: 'A percentage KPI is at most 100 %' },
      test: (values) => {
        const kpi = numbers(values);
        if (!kpi || !KPI_DEFINITIONS[kpi.kind].percent) return null;
        if (kpi.before > 100) return { key: 'showcases.percentOver100', params: { value: kpi.before } };
        return kpi.after > 100 ? { key: 'showcases.percentOver100', params: { value: kpi.after } } : null;
      },
    },
    ...KPI_CODES.map(plausibilityRule),
  ],
  derived: [
    {
      key: 'change',
      label: { zh: '变化量', en: 'Change' },
      compute: (values) => {
        const kpi = numbers(values);
        return kpi ? Math.round((kpi.after - kpi.before) * 1000) / 1000 : null;
      },
    },
    {
      key: 'changePct',
      label: { zh: '变化率（%，百分比指标为百分点）', en: 'Change (%, points for percentages)' },
      compute: (values) => {
        const kpi = numbers(values);
        return kpi ? showcaseKpiChange(kpi.kind, kpi.before, kpi.after) : null;
      },
    },
  ],
  columns: ['showcase', 'kind', 'name', 'beforeValue', 'afterValue', 'unit', 'changePct', 'measuredAfter'],
  defaultSort: { field: 'measuredAfter', direction: 'desc' },
};
