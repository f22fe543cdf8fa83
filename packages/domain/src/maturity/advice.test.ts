import { describe, expect, it } from 'vitest';
import { improvementPlan } from './advice.ts';
import type { Answer, ManufacturingType, ModelVersion } from './model.ts';
import { CMMM_2020 } from './models/cmmm-2020.ts';
import { CMMM_2024_DRAFT } from './models/cmmm-2024-draft.ts';
import { prepareScoring } from './score.ts';
import {
  pick,
  randomAnswers,
  seededRandom,
  syntheticBank,
  tinyAnswers,
  tinyModel,
  uniformAnswers,
  WORKED_EXAMPLE,
} from './test-support.ts';

const tiny = tinyModel();
const tinyScorer = prepareScoring(tiny, syntheticBank(tiny), 'discrete');

describe('gap list to the next level, by hand (maturity.md §12.3)', () => {
  // Level 3 of the worked example, A3 = 0.485. Factor α·γ/n_c: s1, s2 = 0.6·0.5/2 = 0.15; s3 = 0.4·1/2 = 0.2.
  // Gains (1 − X)·factor: s1#2 0.15 · s3#2 0.1 · s1#1, s2#1, s2#2 0.075 · s3#1 0.04.
  const plan = improvementPlan(tinyScorer, tinyAnswers(WORKED_EXAMPLE));

  it('targets level 3 from level 2', () => {
    expect(plan).toMatchObject({ targetLevel: 3, threshold: 0.8 });
    expect(plan.currentScore).toBeCloseTo(0.485, 12);
  });

  it('orders unmet requirements by weighted shortfall, ties in bank order', () => {
    expect(plan.gaps.map((g) => [g.requirement.id, g.value])).toEqual([
      ['T-s1-L3-2', 0],
      ['T-s3-L3-2', 0.5],
      ['T-s1-L3-1', 0.5],
      ['T-s2-L3-1', 0.5],
      ['T-s2-L3-2', 0.5],
      ['T-s3-L3-1', 0.8],
    ]);
    expect(plan.gaps.map((g) => g.gain)).toEqual([0.15, 0.1, 0.075, 0.075, 0.075, 0.04].map((x) => expect.closeTo(x, 12)));
  });

  it('projects the cumulative A3 and the point where it reaches 0.8', () => {
    expect(plan.gaps.map((g) => g.projectedScore)).toEqual([0.635, 0.735, 0.81, 0.885, 0.96, 1].map((x) => expect.closeTo(x, 12)));
    expect(plan.reachesThresholdAfter).toBe(3);
  });

  it('skips N/A requirements and counts unanswered ones as 0 with value null', () => {
    const p = improvementPlan(tinyScorer, tinyAnswers({ ...WORKED_EXAMPLE, 's1@3': [null, undefined] }));
    // s1 now has one scored requirement (unanswered = 0): factor 0.6·0.5/1 = 0.3.
    expect(p.gaps[0]).toMatchObject({ value: null, gain: expect.closeTo(0.3, 12) });
    expect(p.gaps.some((g) => g.requirement.id === 'T-s1-L3-1')).toBe(false);
  });

  it('has nothing to plan at level 5', () => {
    const bank = syntheticBank(tiny);
    expect(
      improvementPlan(
        tinyScorer,
        uniformAnswers(bank, () => 1),
      ),
    ).toMatchObject({ targetLevel: null, gaps: [], reachesThresholdAfter: null });
  });

  it('has no gaps when every requirement of the next level is N/A', () => {
    const p = improvementPlan(
      tinyScorer,
      tinyAnswers({ ...WORKED_EXAMPLE, 's1@3': [null, null], 's2@3': [null, null], 's3@3': [null, null] }),
    );
    expect(p).toMatchObject({ targetLevel: 3, currentScore: null, gaps: [], reachesThresholdAfter: null });
  });
});

const cases: [ModelVersion, ManufacturingType][] = [
  [CMMM_2020, 'discrete'],
  [CMMM_2024_DRAFT, 'process'],
];

describe.each(cases.map(([m, t]) => [`${m.id}/${t}`, m, t] as const))('meeting the gaps in order, %s', (label, model, type) => {
  const bank = syntheticBank(model);
  const scorer = prepareScoring(model, bank, type);
  const random = seededRandom(label.length * 104729);

  it('reaches the next level exactly as projected', () => {
    let planned = 0;
    for (let i = 0; i < 500; i++) {
      const answers = randomAnswers(random, bank, { unanswered: pick(random, [0, 0.2]), notApplicable: pick(random, [0, 0.1]) });
      const plan = improvementPlan(scorer, answers);
      if (plan.targetLevel === null || plan.reachesThresholdAfter === null) continue;
      planned++;
      const k = pick(random, [plan.reachesThresholdAfter, 1 + Math.floor(random() * plan.gaps.length)]);
      const met = new Set(plan.gaps.slice(0, k).map((g) => g.requirement.id));
      const improved: Answer[] = [
        ...answers.filter((a) => !met.has(a.requirementId)),
        ...[...met].map((id) => ({ requirementId: id, value: 1 as const })),
      ];
      const after = scorer.score(improved, 'final');
      const where = `${label} set ${i}, ${k} of ${plan.gaps.length} gaps met`;
      expect(after.levels[plan.targetLevel - 1]!.score, where).toBeCloseTo(plan.gaps[k - 1]!.projectedScore, 9);
      if (k >= plan.reachesThresholdAfter) expect(after.reachedLevel, where).toBeGreaterThanOrEqual(plan.targetLevel);
      else expect(after.reachedLevel, where).toBe(plan.targetLevel - 1);
    }
    expect(planned).toBeGreaterThan(100);
  });
});
