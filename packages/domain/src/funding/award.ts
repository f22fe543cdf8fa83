import { INVESTMENT_ITEMS, investmentOf, type Investment, type InvestmentItem, type ProjectKind } from './kinds.ts';

// The award calculator: a subsidy policy is data (domain notes §5 "Rule model": tiers by investment band ×
// rate, caps per project / enterprise / year, minimum investment, qualifying kinds, eligible items). The
// result is a line-by-line breakdown so the applicant and the reviewer read the same reasoning.

/** Basis points: 150 = 1.5 %, 1000 = 10 %. */
export type RateBp = number;

export interface TierBand {
  /** The band starts at this eligible investment (inclusive), in fen. */
  fromFen: number;
  rateBp: RateBp;
}

export type PolicyRate =
  | { mode: 'flat'; rateBp: RateBp }
  /** whole: the highest band reached applies to the whole amount (沂水 2022); marginal: each band to its slice. */
  | { mode: 'tiered'; basis: 'whole' | 'marginal'; bands: TierBand[] };

export interface PolicyRules {
  qualifyingKinds: ProjectKind[];
  eligibleItems: InvestmentItem[];
  rate: PolicyRate;
  minInvestmentFen: number;
  capPerProjectFen: number | null;
  capPerEnterpriseYearFen: number | null;
}

export interface CalculationInput {
  kind: ProjectKind;
  investment: Investment;
  /** What the enterprise already holds under the same policy's per-year cap (other awards of the year). */
  alreadyAwardedFen: number;
}

export type CalculationStep = 'kind' | 'item' | 'base' | 'minimum' | 'rate' | 'capProject' | 'capEnterprise' | 'result';

export interface CalculationLine {
  step: CalculationStep;
  /** A message key (FUNDING_MESSAGES) rendered with `params`, so zh and en say the same thing. */
  code: CalculationLineCode;
  params: Record<string, string | number>;
  amountFen: number | null;
}

export interface Calculation {
  eligible: boolean;
  amountFen: number;
  lines: CalculationLine[];
}

export type CalculationLineCode =
  | 'funding.calcKindQualifies'
  | 'funding.calcKindNotQualifying'
  | 'funding.calcItem'
  | 'funding.calcItemExcluded'
  | 'funding.calcBase'
  | 'funding.calcBelowMinimum'
  | 'funding.calcMinimumMet'
  | 'funding.calcFlat'
  | 'funding.calcTierWhole'
  | 'funding.calcBelowFirstBand'
  | 'funding.calcTierMarginal'
  | 'funding.calcCapProject'
  | 'funding.calcCapEnterprise'
  | 'funding.calcResult';

/** fen → "1,234.56" (yuan), the same text in both languages. */
export const yuanText = (fen: number): string =>
  (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** 150 → "1.5%". */
export const rateText = (bp: RateBp): string => `${Number((bp / 100).toFixed(2))}%`;

/** base × rate, rounded down to the fen (never pays a fraction the rule does not grant); exact for any size. */
export const applyRate = (baseFen: number, bp: RateBp): number => Number((BigInt(baseFen) * BigInt(bp)) / 10000n);

export function calculateAward(rules: PolicyRules, input: CalculationInput): Calculation {
  const lines: CalculationLine[] = [];
  const line = (step: CalculationStep, code: CalculationLineCode, params: Record<string, string | number>, amountFen: number | null) =>
    lines.push({ step, code, params, amountFen });
  const none = (): Calculation => {
    line('result', 'funding.calcResult', { amount: yuanText(0) }, 0);
    return { eligible: false, amountFen: 0, lines };
  };

  if (!rules.qualifyingKinds.includes(input.kind)) {
    line('kind', 'funding.calcKindNotQualifying', { kind: input.kind }, null);
    return none();
  }
  line('kind', 'funding.calcKindQualifies', { kind: input.kind }, null);

  let base = 0;
  for (const item of INVESTMENT_ITEMS) {
    const amount = investmentOf(input.investment, item);
    if (amount === 0) continue;
    if (rules.eligibleItems.includes(item)) {
      base += amount;
      line('item', 'funding.calcItem', { item, amount: yuanText(amount) }, amount);
    } else line('item', 'funding.calcItemExcluded', { item, amount: yuanText(amount) }, null);
  }
  line('base', 'funding.calcBase', { amount: yuanText(base) }, base);

  if (base < rules.minInvestmentFen || base === 0) {
    line('minimum', 'funding.calcBelowMinimum', { base: yuanText(base), minimum: yuanText(rules.minInvestmentFen) }, null);
    return none();
  }
  if (rules.minInvestmentFen > 0)
    line('minimum', 'funding.calcMinimumMet', { base: yuanText(base), minimum: yuanText(rules.minInvestmentFen) }, null);

  let amount: number;
  const rate = rules.rate;
  if (rate.mode === 'flat') {
    amount = applyRate(base, rate.rateBp);
    line('rate', 'funding.calcFlat', { base: yuanText(base), rate: rateText(rate.rateBp) }, amount);
  } else {
    const bands = [...rate.bands].sort((a, b) => a.fromFen - b.fromFen);
    const reached = bands.filter((b) => b.fromFen <= base);
    if (reached.length === 0) {
      line('rate', 'funding.calcBelowFirstBand', { base: yuanText(base), from: yuanText(bands[0]?.fromFen ?? 0) }, null);
      return none();
    }
    if (rate.basis === 'whole') {
      const band = reached[reached.length - 1]!;
      amount = applyRate(base, band.rateBp);
      line('rate', 'funding.calcTierWhole', { base: yuanText(base), from: yuanText(band.fromFen), rate: rateText(band.rateBp) }, amount);
    } else {
      amount = 0;
      reached.forEach((band, i) => {
        const to = Math.min(base, bands[i + 1]?.fromFen ?? base);
        const part = applyRate(to - band.fromFen, band.rateBp);
        amount += part;
        line('rate', 'funding.calcTierMarginal', { from: yuanText(band.fromFen), to: yuanText(to), rate: rateText(band.rateBp) }, part);
      });
    }
  }

  if (rules.capPerProjectFen !== null && amount > rules.capPerProjectFen) {
    amount = rules.capPerProjectFen;
    line('capProject', 'funding.calcCapProject', { cap: yuanText(rules.capPerProjectFen) }, amount);
  }
  if (rules.capPerEnterpriseYearFen !== null) {
    const room = Math.max(0, rules.capPerEnterpriseYearFen - input.alreadyAwardedFen);
    if (amount > room) {
      amount = room;
      line(
        'capEnterprise',
        'funding.calcCapEnterprise',
        { cap: yuanText(rules.capPerEnterpriseYearFen), already: yuanText(input.alreadyAwardedFen) },
        amount,
      );
    }
  }
  line('result', 'funding.calcResult', { amount: yuanText(amount) }, amount);
  return { eligible: amount > 0, amountFen: amount, lines };
}

export interface RuleProblem {
  field: string;
  key: 'funding.policyBandsOrder' | 'funding.policyNoBands' | 'funding.policyEmpty';
}

/** What JSON schema cannot say about a rule set: bands strictly ascending, lists not empty. */
export function policyRuleProblems(rules: PolicyRules): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (rules.qualifyingKinds.length === 0) problems.push({ field: 'rules.qualifyingKinds', key: 'funding.policyEmpty' });
  if (rules.eligibleItems.length === 0) problems.push({ field: 'rules.eligibleItems', key: 'funding.policyEmpty' });
  if (rules.rate.mode === 'tiered') {
    const bands = rules.rate.bands;
    if (bands.length === 0) problems.push({ field: 'rules.rate.bands', key: 'funding.policyNoBands' });
    else if (bands.some((b, i) => i > 0 && b.fromFen <= bands[i - 1]!.fromFen))
      problems.push({ field: 'rules.rate.bands', key: 'funding.policyBandsOrder' });
  }
  return problems;
}
