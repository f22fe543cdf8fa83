import {
  INVESTMENT_ITEM_LABELS,
  PROJECT_KIND_LABELS,
  PROJECT_KINDS,
  type AwardAction,
  type AwardStatus,
  type InvestmentItem,
  type ProjectKind,
} from '@zhizao/domain';
import { useMemo } from 'react';
import { useI18n } from '../../app/i18n/I18nProvider.tsx';
import { formatWan, formatYuan } from './money.ts';

/** Tag colours along the award's life: in review blue, money moving gold, done green, refused red. */
export const STATUS_COLORS: Record<AwardStatus, string> = {
  submitted: 'blue',
  preliminary_passed: 'processing',
  second_review: 'purple',
  reviewed: 'cyan',
  in_notice: 'geekblue',
  approved: 'gold',
  paying: 'orange',
  paid: 'green',
  evaluated: 'success',
  clawed_back: 'volcano',
  rejected: 'error',
  withdrawn: 'default',
};

/** Labels and money in the current language, for every funding page. */
export function useFundingLabels() {
  const { t, pick, locale } = useI18n();
  return useMemo(
    () => ({
      kind: (k: ProjectKind) => (PROJECT_KIND_LABELS[k] ? pick(PROJECT_KIND_LABELS[k]) : k),
      item: (i: InvestmentItem) => pick(INVESTMENT_ITEM_LABELS[i]),
      status: (s: AwardStatus) => t(`funding.status.${s}`),
      action: (a: AwardAction) => t(`funding.action.${a}`),
      kindOptions: PROJECT_KINDS.map((k) => ({ value: k, label: pick(PROJECT_KIND_LABELS[k]) })),
      yuan: (fen: number | null | undefined) => formatYuan(fen, locale),
      wan: (fen: number | null | undefined) => formatWan(fen, locale),
      /** A form rule: the field must be filled in (or chosen, for lists). */
      required: (field: string, choice = false) => [
        { required: true, message: t(choice ? 'common.requiredChoice' : 'common.required', { field }) },
      ],
    }),
    [t, pick, locale],
  );
}
