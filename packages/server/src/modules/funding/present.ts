import {
  formatMessage,
  INVESTMENT_ITEM_LABELS,
  PROJECT_KIND_LABELS,
  type Calculation,
  type InvestmentItem,
  type Locale,
  type ProjectKind,
} from '@zhizao/domain';

// The calculator's breakdown in the caller's language: the same lines the applicant and the reviewer read.

const label = (labels: Record<string, { zh: string; en: string }>, key: string | number | undefined, locale: Locale) => {
  const entry = labels[String(key)];
  return entry ? entry[locale === 'en' ? 'en' : 'zh'] : String(key ?? '');
};

export function presentCalculation(calculation: Calculation, locale: Locale) {
  return {
    eligible: calculation.eligible,
    amountFen: calculation.amountFen,
    lines: calculation.lines.map((line) => {
      const params = { ...line.params };
      if ('item' in params)
        params.item = label(INVESTMENT_ITEM_LABELS as Record<InvestmentItem, { zh: string; en: string }>, params.item, locale);
      if ('kind' in params)
        params.kind = label(PROJECT_KIND_LABELS as Record<ProjectKind, { zh: string; en: string }>, params.kind, locale);
      return {
        step: line.step,
        code: line.code,
        params: line.params,
        text: formatMessage(line.code, locale, params),
        amountFen: line.amountFen,
      };
    }),
  };
}
