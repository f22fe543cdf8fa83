import { useI18n } from '../../app/i18n/I18nProvider.tsx';

/** Short labels shared by the maturity pages: level numbers, statuses, manufacturing types, scores. */
export function useMaturityLabels() {
  const { t } = useI18n();
  return {
    level: (n: number | null | undefined) =>
      n === null || n === undefined ? t('common.none') : n === 0 ? t('maturity.level.none') : t('maturity.level.n', { n }),
    status: (s: 'draft' | 'submitted') => t(s === 'draft' ? 'maturity.status.draft' : 'maturity.status.submitted'),
    answer: (v: number | null | undefined) =>
      v === undefined
        ? t('maturity.unanswered')
        : v === null
          ? t('maturity.answer.na')
          : t(v === 1 ? 'maturity.answer.1' : v === 0.8 ? 'maturity.answer.0.8' : v === 0.5 ? 'maturity.answer.0.5' : 'maturity.answer.0'),
    type: (m: string) => t(m === 'process' ? 'maturity.type.process' : 'maturity.type.discrete'),
  };
}

export const formatScore = (score: number | null | undefined, digits = 2) =>
  score === null || score === undefined ? '—' : score.toFixed(digits);
export const formatDate = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : '—');
