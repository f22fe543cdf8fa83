import type { AwardStatus } from '@zhizao/domain';
import type { Award } from './api.ts';

// The award's road as a row of steps (domain notes §5 flow); the second review appears only when it was drawn.
const ROAD: AwardStatus[] = ['submitted', 'preliminary_passed', 'reviewed', 'in_notice', 'approved', 'paid', 'evaluated'];
const SAMPLED_ROAD: AwardStatus[] = [
  'submitted',
  'preliminary_passed',
  'second_review',
  'reviewed',
  'in_notice',
  'approved',
  'paid',
  'evaluated',
];

export function progressOf(award: Award): { steps: AwardStatus[]; current: number; status: 'process' | 'finish' | 'error' | 'wait' } {
  const steps = award.sampled || award.status === 'second_review' ? SAMPLED_ROAD : ROAD;
  const status: AwardStatus = award.status === 'paying' ? 'approved' : award.status === 'clawed_back' ? 'evaluated' : award.status;
  if (status === 'rejected' || status === 'withdrawn') {
    // Stopped where the last move before the refusal left it.
    const before = [...award.moves].reverse().find((m) => m.toStatus === award.status)?.fromStatus ?? 'submitted';
    return { steps, current: Math.max(0, steps.indexOf(before === 'paying' ? 'approved' : before) + 1), status: 'error' };
  }
  const current = steps.indexOf(status);
  return { steps, current, status: status === 'evaluated' ? 'finish' : 'process' };
}
