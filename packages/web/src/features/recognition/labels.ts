import dayjs from 'dayjs';
import {
  APPLICATION_STATE_LABELS,
  chinaDate,
  KPI_DEFINITIONS,
  RECOGNITION_KIND_LABELS,
  RECOGNITION_LEVEL_LABELS,
  type ApplicationState,
  type Indicator,
  type KpiCode,
  type RecognitionKind,
  type RecognitionLevel,
} from '@zhizao/domain';
import { useMemo } from 'react';
import { useI18n } from '../../app/i18n/I18nProvider.tsx';

/** Labels shared by the recognition pages: the domain's bilingual names in the current language. */
export function useRecognitionLabels() {
  const { pick, locale } = useI18n();
  return useMemo(
    () => ({
      kind: (k: RecognitionKind) => pick(RECOGNITION_KIND_LABELS[k]),
      level: (l: RecognitionLevel) => pick(RECOGNITION_LEVEL_LABELS[l]),
      state: (s: ApplicationState) => pick(APPLICATION_STATE_LABELS[s]),
      kpi: (c: KpiCode) => pick(KPI_DEFINITIONS[c].label),
      unit: (c: KpiCode) => pick(KPI_DEFINITIONS[c].unit),
      indicator: (i: Indicator) => pick({ zh: i.nameZh, en: i.nameEn }),
      guidance: (i: Indicator) => pick({ zh: i.guidanceZh, en: i.guidanceEn }),
      programme: (p: { year: number; kind: RecognitionKind; level: RecognitionLevel }) =>
        locale === 'en'
          ? `${p.year} ${pick(RECOGNITION_LEVEL_LABELS[p.level])} ${pick(RECOGNITION_KIND_LABELS[p.kind]).toLowerCase()}`
          : `${p.year} 年${pick(RECOGNITION_LEVEL_LABELS[p.level])}${pick(RECOGNITION_KIND_LABELS[p.kind])}`,
    }),
    [pick, locale],
  );
}

/** A state's tag colour: under way blue, returned orange, done green, ended red/grey. */
export const STATE_COLORS: Record<ApplicationState, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  district_passed: 'processing',
  expert_scoring: 'purple',
  shortlisted: 'cyan',
  in_notice: 'gold',
  recognised: 'success',
  rejected: 'error',
  withdrawn: 'default',
};

/** Today on the China calendar as a picker value: dates of the programme are China dates, whatever the browser's zone. */
export const chinaToday = () => dayjs(chinaDate());

export const OUTCOME_COLORS = { pending: 'default', approved: 'green', declined: 'red' } as const;

const noWrap = () => ({ style: { whiteSpace: 'nowrap' as const } });
/** Column props for short values (dates, numbers, tags) that read badly when broken over lines. */
export const NOWRAP = { onHeaderCell: noWrap, onCell: noWrap };

export const LEVEL_COLORS: Record<RecognitionLevel, string> = { municipal: '#69b1ff', provincial: '#1677ff', national: '#003eb3' };

/** A ratio as a signed percentage: −0.26 → "−26.0 %". */
export const formatChange = (ratio: number | null | undefined) =>
  ratio === null || ratio === undefined ? '—' : `${ratio > 0 ? '+' : ratio < 0 ? '−' : ''}${Math.abs(ratio * 100).toFixed(1)} %`;
export const formatScore = (score: number | null | undefined) => (score === null || score === undefined ? '—' : score.toFixed(2));
export const formatTime = (iso: string | null | undefined) => (iso ? iso.slice(0, 16).replace('T', ' ') : '—');
