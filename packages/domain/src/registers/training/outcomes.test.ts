import { describe, expect, it } from 'vitest';
import { firmOutcome, outcomeSummary } from './outcomes.ts';

const course = { startDate: '2025-03-03', endDate: '2025-06-27' };
const at = (id: number, submittedAt: string, totalScore: number, reachedLevel = 2) => ({ id, submittedAt, totalScore, reachedLevel });

describe('training outcomes', () => {
  it('takes the latest assessment before the start and the first after the end, by China’s calendar day', () => {
    const outcome = firmOutcome(
      course,
      [
        at(1, '2024-05-01T02:00:00Z', 1.2, 1),
        at(2, '2025-03-02T15:59:00Z', 1.5, 1), // 2025-03-02 23:59 in China: before
        at(3, '2025-03-02T16:00:00Z', 1.9), // 2025-03-03 in China: the first day, neither
        at(4, '2025-09-01T02:00:00Z', 2.3, 2),
        at(5, '2026-01-01T02:00:00Z', 3.1, 3),
      ],
      [],
    );
    expect(outcome.before).toMatchObject({ id: 2, on: '2025-03-02' });
    expect(outcome.after).toMatchObject({ id: 4, on: '2025-09-01' });
    expect(outcome.scoreChange).toBe(0.8);
    expect(outcome.levelChange).toBe(1);
  });

  it('has no change without both sides, and counts projects started after a one-day visit', () => {
    const visit = { startDate: '2023-06-16', endDate: null };
    const outcome = firmOutcome(
      visit,
      [at(1, '2023-01-01T02:00:00Z', 1)],
      [
        { id: 9, name: 'later', startDate: '2024-02-01' },
        { id: 8, name: 'same day', startDate: '2023-06-16' },
        { id: 7, name: 'earlier', startDate: '2023-03-01' },
      ],
    );
    expect(outcome.after).toBeNull();
    expect(outcome.scoreChange).toBeNull();
    expect(outcome.projectsAfter.map((p) => p.id)).toEqual([9]);
    expect(outcomeSummary([outcome, firmOutcome(visit, [], [])])).toEqual({
      firms: 2,
      withBoth: 0,
      meanScoreChange: null,
      improved: 0,
      startedProject: 1,
    });
  });
});
