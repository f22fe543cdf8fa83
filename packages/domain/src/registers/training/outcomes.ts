import { chinaDate } from '../../recognition/calendar.ts';
import { lastDayOf } from './event.ts';

// What became of the firms that came to a training event: their smart-manufacturing maturity (GB/T
// 39116 self-diagnosis) the last time before the event began and the first time after it ended, and the
// smart & digital upgrade projects they started after it (seed §三.4: site visits so that watching firms
// follow). Dates are China's calendar days; an assessment on the event's own days counts for neither side.

export interface AssessmentPoint {
  id: number;
  /** ISO timestamp (UTC) of the submission. */
  submittedAt: string;
  totalScore: number | null;
  reachedLevel: number | null;
}

export interface ProjectStart {
  id: number;
  name: string;
  startDate: string;
}

export interface FirmOutcome {
  before: (AssessmentPoint & { on: string }) | null;
  after: (AssessmentPoint & { on: string }) | null;
  /** after − before in score points, where the firm has both. */
  scoreChange: number | null;
  levelChange: number | null;
  /** Projects started after the event's last day, oldest first. */
  projectsAfter: ProjectStart[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function firmOutcome(
  event: { startDate: string; endDate: string | null },
  assessments: readonly AssessmentPoint[],
  projects: readonly ProjectStart[],
): FirmOutcome {
  const end = lastDayOf(event);
  const dated = assessments
    .map((a) => ({ ...a, on: chinaDate(Date.parse(a.submittedAt)) }))
    .sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
  const before = dated.filter((a) => a.on < event.startDate).at(-1) ?? null;
  const after = dated.find((a) => a.on > end) ?? null;
  const both = before && after;
  return {
    before,
    after,
    scoreChange: both && before.totalScore !== null && after.totalScore !== null ? round2(after.totalScore - before.totalScore) : null,
    levelChange: both && before.reachedLevel !== null && after.reachedLevel !== null ? after.reachedLevel - before.reachedLevel : null,
    projectsAfter: projects.filter((p) => p.startDate > end).sort((a, b) => a.startDate.localeCompare(b.startDate) || a.id - b.id),
  };
}

export interface OutcomeSummary {
  firms: number;
  withBoth: number;
  /** Mean score change over the firms with both, two decimals. */
  meanScoreChange: number | null;
  improved: number;
  startedProject: number;
}

export function outcomeSummary(outcomes: readonly FirmOutcome[]): OutcomeSummary {
  const changes = outcomes.map((o) => o.scoreChange).filter((c): c is number => c !== null);
  return {
    firms: outcomes.length,
    withBoth: changes.length,
    meanScoreChange: changes.length ? round2(changes.reduce((s, c) => s + c, 0) / changes.length) : null,
    improved: changes.filter((c) => c > 0).length,
    startedProject: outcomes.filter((o) => o.projectsAfter.length > 0).length,
  };
}
