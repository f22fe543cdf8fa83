import type { Bilingual } from './model.ts';

// The national level distribution of enterprises that self-diagnosed on c3mep.cn (CESI's public
// service platform), as versioned reference data for the bureau's comparison (maturity.md §9). The
// national figures come in four bins — ≤ L1, L2, L3, ≥ L4 — so the city is binned the same way to
// compare. Shares as printed by the sources (rounded); none of them is the standard's own text.

export const NATIONAL_BINS = ['upToL1', 'l2', 'l3', 'l4Plus'] as const;
export type NationalBin = (typeof NATIONAL_BINS)[number];

export interface NationalSnapshot {
  id: string;
  label: Bilingual;
  /** When the figures were published (or the period they cover), ISO date or year-month. */
  asOf: string;
  /** Enterprises that had self-diagnosed, as the source states it; null when not stated. */
  enterprises: string | null;
  /** Fractions per bin; null where the source gives no figure for that bin. */
  shares: Record<NationalBin, number | null>;
  /** Where the bins given do not split (e.g. only "L2 and above"), the combined share. */
  atLeastL2: number | null;
  sources: string[];
  note?: Bilingual;
}

export const NATIONAL_DISTRIBUTIONS: readonly NationalSnapshot[] = [
  {
    // http://www.4090.cn/news/content/202.html
    id: 'c3mep-2020',
    label: { zh: '2020 年度报告', en: '2020 report' },
    asOf: '2020',
    enterprises: '12,000+',
    shares: { upToL1: 0.75, l2: 0.14, l3: 0.06, l4Plus: 0.05 },
    atLeastL2: 0.25,
    sources: ['http://www.4090.cn/news/content/202.html'],
    note: { zh: '一级及以下约 75%', en: 'about 75 % at level 1 or below' },
  },
  {
    // http://halmanatech.com/news/413.html
    id: 'c3mep-2021-12',
    label: { zh: '2021 年 12 月', en: 'December 2021' },
    asOf: '2021-12',
    enterprises: '20,000+',
    shares: { upToL1: 0.69, l2: 0.15, l3: 0.07, l4Plus: 0.09 },
    atLeastL2: 0.31,
    sources: ['http://halmanatech.com/news/413.html'],
  },
  {
    // https://www.n6668.com/big5/news/chanye/20230607/171530268612932920566018_4.shtml
    id: 'c3mep-2022',
    label: { zh: '2022 年度报告', en: '2022 report' },
    asOf: '2022',
    enterprises: null,
    shares: { upToL1: 0.63, l2: 0.21, l3: 0.12, l4Plus: 0.04 },
    atLeastL2: 0.37,
    sources: ['https://www.n6668.com/big5/news/chanye/20230607/171530268612932920566018_4.shtml'],
  },
  {
    // https://m.agilrh.com/report/detail/300/241107-5718cd30.html (single source)
    id: 'c3mep-2024-10',
    label: { zh: '2024 年 10 月 22 日', en: '22 October 2024' },
    asOf: '2024-10-22',
    enterprises: '113,792',
    shares: { upToL1: null, l2: null, l3: null, l4Plus: null },
    atLeastL2: 0.42,
    sources: ['https://m.agilrh.com/report/detail/300/241107-5718cd30.html'],
    note: { zh: '仅有二级及以上合计（47,793 家），单一来源', en: 'only level 2 and above combined (47,793), single source' },
  },
];

/** The snapshot compared against by default: the latest one that splits all four bins. */
export const DEFAULT_NATIONAL_SNAPSHOT = 'c3mep-2022';

export function nationalSnapshot(id: string = DEFAULT_NATIONAL_SNAPSHOT): NationalSnapshot | undefined {
  return NATIONAL_DISTRIBUTIONS.find((s) => s.id === id);
}

/** Counts per reached level 0–5 → the national bins (0 and 1 together, 4 and 5 together). */
export function toNationalBins(levels: readonly number[]): Record<NationalBin, number> {
  const at = (k: number) => levels[k] ?? 0;
  return { upToL1: at(0) + at(1), l2: at(2), l3: at(3), l4Plus: at(4) + at(5) };
}
