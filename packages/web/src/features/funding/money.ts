import type { Locale } from '@zhizao/domain';

// Money travels as integer fen (the house rule for amounts, README "Conventions"); people read 元 and 万元.

const yuanFormat = (locale: Locale) =>
  new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const wanFormat = (locale: Locale) =>
  new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 1234567 fen → "12,345.67 元" / "¥12,345.67". */
export function formatYuan(fen: number | null | undefined, locale: Locale): string {
  if (fen === null || fen === undefined) return '—';
  const text = yuanFormat(locale).format(fen / 100);
  return locale === 'en' ? `¥${text}` : `${text} 元`;
}

/** 1234567800 fen → "1,234.57 万元" / "¥12.35 M": the scale officials use for projects and funds. */
export function formatWan(fen: number | null | undefined, locale: Locale): string {
  if (fen === null || fen === undefined) return '—';
  if (locale === 'en') return `¥${wanFormat(locale).format(fen / 100 / 1_000_000)} M`;
  return `${wanFormat(locale).format(fen / 100 / 10_000)} 万元`;
}

/** 万元 as a plain number for charts and axes. */
export const wanOf = (fen: number) => Math.round(fen / 100) / 10_000;

/** A share 0..1 → "42.2%". */
export const formatShare = (share: number | null | undefined) =>
  share === null || share === undefined ? '—' : `${(share * 100).toFixed(1)}%`;

/** Yuan typed in a form (two decimals at most) → fen; null stays null. */
export const fenOf = (yuan: number | null | undefined): number | null =>
  yuan === null || yuan === undefined ? null : Math.round(yuan * 100);
/** Fen → yuan for a form's initial value. */
export const yuanOf = (fen: number | null | undefined): number | null => (fen === null || fen === undefined ? null : fen / 100);

/** How much of an envelope is spoken for, in percent to one decimal (allocations net of claw-backs). */
export const usedPercent = (e: { amountFen: number; availableFen: number }) =>
  e.amountFen > 0 ? Math.round(((e.amountFen - e.availableFen) / e.amountFen) * 1000) / 10 : 0;
