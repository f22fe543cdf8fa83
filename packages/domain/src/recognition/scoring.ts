// Expert scoring (issue 4 part 4). Each expert scores every indicator 0–100; the expert's total is the
// weighted mean over the programme's indicator table. The panel score is the mean of the experts'
// totals, with the single highest and lowest dropped when five or more scored (the common 去掉一个最高分
// 和一个最低分 rule). Panel score = Σ(score × weight) / Σ weights: recognition-and-funding.md §2.

export interface Indicator {
  code: string;
  nameZh: string;
  nameEn: string;
  /** Percent of the total; a programme's weights sum to 100. */
  weight: number;
  guidanceZh: string;
  guidanceEn: string;
}

export const MAX_INDICATOR_SCORE = 100;
export const DROP_EXTREMES_FROM = 5;

export type ScoreSheet = Record<string, number | null | undefined>;

/** Indicator codes the sheet leaves unscored. */
export function missingScores(indicators: readonly Indicator[], sheet: ScoreSheet): string[] {
  return indicators.filter((i) => typeof sheet[i.code] !== 'number').map((i) => i.code);
}

/** Weight problems of an indicator table, or null: codes unique, weights positive and summing to 100. */
export function indicatorTableProblem(indicators: readonly Indicator[]): 'empty' | 'duplicateCode' | 'weightsSum' | null {
  if (!indicators.length) return 'empty';
  if (new Set(indicators.map((i) => i.code)).size !== indicators.length) return 'duplicateCode';
  const sum = indicators.reduce((s, i) => s + i.weight, 0);
  return Math.abs(sum - 100) > 1e-6 ? 'weightsSum' : null;
}

const round = (v: number, digits = 2) => Math.round(v * 10 ** digits) / 10 ** digits;

/** One expert's weighted total (0–100), or null while any indicator is unscored. */
export function weightedTotal(indicators: readonly Indicator[], sheet: ScoreSheet): number | null {
  if (missingScores(indicators, sheet).length) return null;
  const weights = indicators.reduce((s, i) => s + i.weight, 0);
  if (weights <= 0) return null;
  return round(indicators.reduce((s, i) => s + (sheet[i.code] as number) * i.weight, 0) / weights);
}

export interface Aggregate {
  /** Experts who scored. */
  n: number;
  /** Totals that count (n, or n − 2 when the extremes are dropped). */
  counted: number;
  dropped: boolean;
  score: number;
  min: number;
  max: number;
  /** Population standard deviation over every expert's total: how far the panel agreed. */
  stddev: number;
}

/** The panel's score from the experts' totals, with its spread; null when nobody scored. */
export function aggregateTotals(totals: readonly number[]): Aggregate | null {
  if (!totals.length) return null;
  const sorted = [...totals].sort((a, b) => a - b);
  const dropped = sorted.length >= DROP_EXTREMES_FROM;
  const kept = dropped ? sorted.slice(1, -1) : sorted;
  const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const all = mean(sorted);
  const stddev = Math.sqrt(mean(sorted.map((x) => (x - all) ** 2)));
  return {
    n: sorted.length,
    counted: kept.length,
    dropped,
    score: round(mean(kept)),
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
    stddev: round(stddev),
  };
}

export interface Rankable {
  id: number;
  score: number;
  stddev: number;
}

/**
 * Ranks by score, best first; a tie goes to the panel that agreed more (smaller spread), then to the
 * earlier application. Equal score and spread share a rank (1, 2, 2, 4).
 */
export function rank<T extends Rankable>(items: readonly T[]): (T & { rank: number })[] {
  const sorted = [...items].sort((a, b) => b.score - a.score || a.stddev - b.stddev || a.id - b.id);
  const ranked: (T & { rank: number })[] = [];
  sorted.forEach((item, i) => {
    const prev = ranked[i - 1];
    const tied = prev && prev.score === item.score && prev.stddev === item.stddev;
    ranked.push({ ...item, rank: tied ? prev.rank : i + 1 });
  });
  return ranked;
}

/**
 * A default indicator table, after the expert score sheet example in recognition-and-funding.md §2
 * (maturity 20 · IT infrastructure 30 · technology 20 · replicability 10 · benefit 10 · plan 10; marked
 * unconfirmed there): the bureau edits it per programme.
 */
export const DEFAULT_INDICATORS: readonly Indicator[] = [
  {
    code: 'maturity',
    nameZh: '智能制造能力成熟度',
    nameEn: 'Smart-manufacturing maturity',
    weight: 20,
    guidanceZh: '成熟度评估等级与证据的一致性',
    guidanceEn: 'Maturity level and how well the evidence supports it',
  },
  {
    code: 'infrastructure',
    nameZh: '信息基础设施与系统集成',
    nameEn: 'IT infrastructure and integration',
    weight: 30,
    guidanceZh: '网络、数据采集、MES/ERP 等系统的覆盖与集成',
    guidanceEn: 'Networks, data collection, MES/ERP coverage and integration',
  },
  {
    code: 'technology',
    nameZh: '技术先进性',
    nameEn: 'Technology advancement',
    weight: 20,
    guidanceZh: '关键装备、工业软件的先进性与安全可控',
    guidanceEn: 'Advanced, secure key equipment and industrial software',
  },
  {
    code: 'replicability',
    nameZh: '示范推广价值',
    nameEn: 'Replicability',
    weight: 10,
    guidanceZh: '在产业链或行业内的可复制、可推广程度',
    guidanceEn: 'How far the approach can be copied in the chain or sector',
  },
  {
    code: 'benefit',
    nameZh: '经济与社会效益',
    nameEn: 'Economic and social benefit',
    weight: 10,
    guidanceZh: '效率、成本、质量、能耗等指标的改善',
    guidanceEn: 'Gains in productivity, cost, quality, energy',
  },
  {
    code: 'plan',
    nameZh: '后续建设计划',
    nameEn: 'Follow-up plan',
    weight: 10,
    guidanceZh: '后续投入与建设目标的可行性',
    guidanceEn: 'Feasibility of further investment and goals',
  },
];
