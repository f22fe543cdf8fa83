import type { DerivedField } from '../definition.ts';

// Where a tenure stands today: honours such as a chief technician's title and carriers such as a
// master studio are held for a term; the keeper is warned before it runs out so renewal is prepared.

/** Days before the end of a tenure from which it counts as expiring. */
export const TENURE_WARNING_DAYS = 90;

export type TenureState = 'open' | 'active' | 'expiring' | 'expired';

const DAY_MS = 86_400_000;

export function tenureStateOf(tenureEnd: string | null, today: string, warningDays = TENURE_WARNING_DAYS): TenureState {
  if (!tenureEnd) return 'open';
  if (tenureEnd < today) return 'expired';
  const daysLeft = (Date.parse(`${tenureEnd}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS;
  return daysLeft <= warningDays ? 'expiring' : 'active';
}

export const TENURE_STATES = [
  { value: 'open', label: { zh: '长期', en: 'No end' } },
  { value: 'active', label: { zh: '在期', en: 'In tenure' } },
  { value: 'expiring', label: { zh: `${TENURE_WARNING_DAYS} 天内到期`, en: `Ends within ${TENURE_WARNING_DAYS} days` } },
  { value: 'expired', label: { zh: '已到期', en: 'Expired' } },
] as const;

/** The derived tenure state of a register whose rows have a `tenureEnd` date. */
export const tenureDerived: DerivedField = {
  key: 'tenureState',
  label: { zh: '期限状态', en: 'Tenure' },
  options: TENURE_STATES,
  compute: (values, today) => tenureStateOf(typeof values.tenureEnd === 'string' ? values.tenureEnd : null, today),
};

/** A rule's test: the tenure does not end before the year the row starts in. */
export const tenureAfterYear = (yearKey: string) => (values: Record<string, unknown>) => {
  const year = values[yearKey];
  const end = values.tenureEnd;
  return typeof year === 'number' && typeof end === 'string' && end < `${year}-01-01`
    ? ({ key: 'registers.tenureBeforeYear', params: { year } } as const)
    : null;
};
