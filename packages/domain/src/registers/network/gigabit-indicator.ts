import type { Label } from '../label.ts';
import type { RegisterDefinition } from '../definition.ts';

// The gigabit-city (千兆城市) indicators as the city reports them each year. Source: the MIIT's
// 《“双千兆”网络协同发展行动计划（2021-2023年）》(工信部通信〔2021〕34号), its gigabit-city evaluation
// indicators, as the yearly assessment notice lists them (工信厅通信函〔2023〕203号: network — household
// gigabit-fibre coverage, 10G-PON port share, key-place 5G reach, 5G base stations per 10,000 people;
// users — share on 500 Mbps and up, 1000 Mbps users, 5G user share). The thresholds are the plan's.

export interface GigabitIndicator {
  value: string;
  label: Label;
  unit: Label;
  /** The plan's threshold for a gigabit city, where it sets one. */
  threshold?: number;
  /** A share of a whole: more than 100 % is implausible. (Household coverage is capacity over households and may exceed it.) */
  share?: boolean;
  /** Not an evaluation indicator: the resident population the per-10,000 figure divides by. */
  auxiliary?: boolean;
}

export const GIGABIT_INDICATORS: readonly GigabitIndicator[] = [
  {
    value: 'stations_per_10k',
    label: { zh: '每万人拥有 5G 基站数', en: '5G base stations per 10,000 people' },
    unit: { zh: '个/万人', en: 'per 10,000 people' },
    threshold: 12,
  },
  { value: 'five_g_user_share', label: { zh: '5G 用户占比', en: '5G user share' }, unit: { zh: '%', en: '%' }, threshold: 25, share: true },
  {
    value: 'pon_10g_port_share',
    label: { zh: '10G-PON 端口占比', en: '10G-PON port share' },
    unit: { zh: '%', en: '%' },
    threshold: 30,
    share: true,
  },
  {
    value: 'users_500m_share',
    label: { zh: '500 Mbps 及以上用户占比', en: 'Share of fixed-broadband users on 500 Mbps and up' },
    unit: { zh: '%', en: '%' },
    threshold: 10,
    share: true,
  },
  {
    value: 'household_gigabit_coverage',
    label: { zh: '城市家庭千兆光纤网络覆盖率', en: 'Household gigabit-fibre (FTTR / 10G-PON) coverage' },
    unit: { zh: '%', en: '%' },
    threshold: 80,
  },
  {
    value: 'key_place_reach',
    label: { zh: '重点场所 5G 网络通达率', en: 'Key-place 5G reach' },
    unit: { zh: '%', en: '%' },
    threshold: 95,
    share: true,
  },
  { value: 'gigabit_users', label: { zh: '1000 Mbps 用户数', en: '1000 Mbps users' }, unit: { zh: '万户', en: '10,000 users' } },
  {
    value: 'population',
    label: { zh: '常住人口（辅助）', en: 'Resident population (auxiliary)' },
    unit: { zh: '万人', en: '10,000 people' },
    auxiliary: true,
  },
];

export const gigabitIndicator = (value: unknown) => GIGABIT_INDICATORS.find((i) => i.value === value);

export const GIGABIT_INDICATOR_REGISTER: RegisterDefinition = {
  key: 'gigabit-indicators',
  table: 'register_gigabit_indicator',
  group: 'network',
  label: { zh: '千兆城市指标', en: 'Gigabit-city indicators' },
  itemLabel: { zh: '指标值', en: 'indicator value' },
  ownership: 'city',
  fields: [
    {
      key: 'indicator',
      type: 'enum',
      label: { zh: '指标', en: 'Indicator' },
      options: GIGABIT_INDICATORS.map(({ value, label }) => ({ value, label })),
      required: true,
      filter: true,
    },
    { key: 'year', type: 'year', label: { zh: '年度', en: 'Year' }, required: true, notFuture: true, filter: true },
    { key: 'value', type: 'decimal', label: { zh: '数值', en: 'Value' }, required: true, min: 0, max: 1e9 },
    { key: 'source', type: 'text', label: { zh: '数据来源', en: 'Source' }, required: true, filter: true },
    { key: 'note', type: 'text', label: { zh: '备注', en: 'Note' }, multiline: true },
  ],
  titleField: 'indicator',
  uniqueBy: [['indicator', 'year']],
  rules: [
    {
      code: 'shareOver100',
      field: 'value',
      severity: 'warning',
      description: { zh: '占比类指标不超过 100 %', en: 'A share is at most 100 %' },
      test: (values) =>
        gigabitIndicator(values.indicator)?.share && typeof values.value === 'number' && values.value > 100
          ? { key: 'registers.network.shareOver100' }
          : null,
    },
  ],
  derived: [
    {
      key: 'unit',
      label: { zh: '单位', en: 'Unit' },
      options: GIGABIT_INDICATORS.map((i) => ({ value: i.value, label: i.unit })),
      // the indicator's own code, labelled by its unit: the unit follows from the indicator, never typed
      compute: (values) => (gigabitIndicator(values.indicator) ? String(values.indicator) : null),
    },
  ],
  columns: ['indicator', 'year', 'value', 'unit', 'source'],
  defaultSort: { field: 'year', direction: 'desc' },
};
