import { describe, expect, it } from 'vitest';
import { copyModelVersion, type ModelVersion } from './model.ts';
import { scoreAssessment, type MaturityResult } from './score.ts';
import { syntheticBank, tinyAnswers, tinyModel, uniformAnswers, WORKED_EXAMPLE } from './test-support.ts';

const model = tinyModel();
const bank = syntheticBank(model);
const score = (answers: ReturnType<typeof tinyAnswers>, mode: 'draft' | 'final' = 'final', m: ModelVersion = model) =>
  scoreAssessment(m, bank, answers, { manufacturingType: 'discrete', mode });
const levelScores = (r: MaturityResult) => r.levels.map((l) => l.score);
const cell = (r: MaturityResult, level: number, sub: string) =>
  r.levels[level - 1]!.domains.flatMap((d) => d.subDomains).find((s) => s.code === sub)!;

describe('scoring a worked example by hand (maturity.md §4.2)', () => {
  // L1: C = 1, 0.9, 0.9 → B = 0.95, 0.9 → A1 = 0.6·0.95 + 0.4·0.9 = 0.93
  // L2: C = 0.8, 0.75, 0.9 → B = 0.775, 0.9 → A2 = 0.465 + 0.36 = 0.825
  // L3: C = 0.25, 0.5, 0.65 → B = 0.375, 0.65 → A3 = 0.225 + 0.26 = 0.485
  const result = score(tinyAnswers(WORKED_EXAMPLE));

  it('computes every C, B and A', () => {
    expect(cell(result, 2, 's2').score).toBeCloseTo(0.75, 12);
    expect(result.levels[1]!.domains.map((d) => d.score)).toEqual([expect.closeTo(0.775, 12), expect.closeTo(0.9, 12)]);
    expect(levelScores(result)).toEqual([0.93, 0.825, 0.485, 0, 0].map((a) => expect.closeTo(a, 12)));
  });

  it('reaches level 2 and scores S = 1 + 0.825 + 0.485 = 2.31 under formula A', () => {
    expect(result.reachedLevel).toBe(2);
    expect(result.totalScore).toBeCloseTo(2.31, 12);
    expect(result.levels.map((l) => l.passed)).toEqual([true, true, false, false, false]);
  });

  it('scores S = 2 + 0.485 = 2.485 under formula B, at the same level', () => {
    const popular = score(tinyAnswers(WORKED_EXAMPLE), 'final', { ...model, formulaId: 'popular' });
    expect(popular.reachedLevel).toBe(2);
    expect(popular.totalScore).toBeCloseTo(2.485, 12);
  });

  it('records the version, formula, type and counts it used', () => {
    expect(result).toMatchObject({
      modelVersion: 'TINY',
      formulaId: 'bandAligned',
      manufacturingType: 'discrete',
      mode: 'final',
      passThreshold: 0.8,
      provisional: false,
    });
    expect(result.completeness).toMatchObject({ items: 30, answered: 30, notApplicable: 0, unanswered: 0, ratio: 1 });
    expect(result.levels[0]).toMatchObject({ items: 6, notApplicable: 0, unanswered: 0 });
  });
});

describe('not applicable and trimming (maturity.md §6)', () => {
  it('leaves an N/A requirement out of the sub-domain mean', () => {
    const result = score(tinyAnswers({ ...WORKED_EXAMPLE, 's1@3': [0.5, null] }));
    expect(cell(result, 3, 's1')).toMatchObject({ score: 0.5, scored: 1, notApplicable: 1 });
  });

  it('renormalises γ when a sub-domain is trimmed at a level: D1 = s1 alone', () => {
    const result = score(tinyAnswers({ ...WORKED_EXAMPLE, 's2@3': [null, null] }));
    expect(cell(result, 3, 's2')).toMatchObject({ score: null, weight: 0 });
    expect(cell(result, 3, 's1').weight).toBe(1);
    // A3 = 0.6·0.25 + 0.4·0.65 = 0.41
    expect(result.levels[2]!.score).toBeCloseTo(0.41, 12);
  });

  it('renormalises α when a whole domain is trimmed: A3 = B(D1)', () => {
    const result = score(tinyAnswers({ ...WORKED_EXAMPLE, 's3@3': [null, null] }));
    expect(result.levels[2]!.domains.map((d) => d.weight)).toEqual([1, 0]);
    expect(result.levels[2]!.score).toBeCloseTo(0.375, 12);
  });

  it('N/A is not 0: trimming a weak sub-domain can lift a level over the threshold', () => {
    // L2 with s2 at [0, 0] fails (A2 = 0.6·0.4 + 0.36 = 0.6); trimmed, A2 = 0.6·0.8 + 0.36 = 0.84.
    const weak = score(tinyAnswers({ ...WORKED_EXAMPLE, 's2@2': [0, 0] }));
    const trimmed = score(tinyAnswers({ ...WORKED_EXAMPLE, 's2@2': [null, null] }));
    expect(weak.reachedLevel).toBe(1);
    expect(trimmed.levels[1]!.score).toBeCloseTo(0.84, 12);
    expect(trimmed.reachedLevel).toBe(2);
  });

  it('a level where everything is N/A has no score and is not reached', () => {
    const result = score(tinyAnswers({ ...WORKED_EXAMPLE, 's1@1': [null, null], 's2@1': [null, null], 's3@1': [null, null] }));
    expect(result.levels[0]).toMatchObject({ score: null, passed: false, notApplicable: 6 });
    expect(result.reachedLevel).toBe(0);
    expect(result.totalScore).toBe(0);
  });

  it('a cell the model marks not applicable drops out like a trimmed one', () => {
    const trimmedModel = copyModelVersion(model, 'TINY-2', model.name);
    trimmedModel.applicability['s2']![3] = false;
    const result = score(tinyAnswers(WORKED_EXAMPLE), 'final', trimmedModel);
    expect(cell(result, 3, 's2')).toMatchObject({ items: 0, score: null });
    expect(result.levels[2]!.score).toBeCloseTo(0.41, 12);
  });

  it('a sub-domain weighing 0 (optional, e.g. 2024 process 产品设计) does not move the score', () => {
    const zero = copyModelVersion(model, 'TINY-3', model.name);
    zero.weights.discrete.subDomain = { s1: 1, s2: 0, s3: 1 };
    const a = score(tinyAnswers(WORKED_EXAMPLE), 'final', zero);
    const b = score(tinyAnswers({ ...WORKED_EXAMPLE, 's2@3': [1, 1] }), 'final', zero);
    expect(b.levels[2]!.score).toBe(a.levels[2]!.score);
  });
});

describe('draft and final scores', () => {
  const partial: typeof WORKED_EXAMPLE = { ...WORKED_EXAMPLE, 's2@2': [1, undefined], 's3@5': [undefined, undefined] };

  it('a draft leaves unanswered requirements out and reports completeness', () => {
    const result = score(tinyAnswers(partial), 'draft');
    expect(cell(result, 2, 's2')).toMatchObject({ score: 1, scored: 1, unanswered: 1 });
    expect(cell(result, 5, 's3')).toMatchObject({ score: null, unanswered: 2 });
    expect(result.completeness).toMatchObject({ items: 30, answered: 27, unanswered: 3, ratio: 0.9 });
    expect(result.completeness.byDomain).toEqual({ D1: { items: 20, answered: 19 }, D2: { items: 10, answered: 8 } });
  });

  it('a final score counts unanswered requirements as not satisfied', () => {
    const result = score(tinyAnswers(partial), 'final');
    expect(cell(result, 2, 's2')).toMatchObject({ score: 0.5, scored: 2, unanswered: 1 });
    expect(cell(result, 5, 's3')).toMatchObject({ score: 0, scored: 2 });
  });

  it('an empty final assessment scores 0 at level 0', () => {
    const result = score([], 'final');
    expect(result).toMatchObject({ reachedLevel: 0, totalScore: 0 });
    expect(levelScores(result)).toEqual([0, 0, 0, 0, 0]);
  });
});

describe('edges', () => {
  it('all "mostly satisfied" reaches level 5 despite floating-point sums, S = 4.8', () => {
    const result = score(uniformAnswers(bank, () => 0.8));
    expect(result.reachedLevel).toBe(5);
    expect(result.totalScore).toBeCloseTo(4.8, 9);
  });

  it('all fully satisfied scores 5', () => {
    expect(score(uniformAnswers(bank, () => 1))).toMatchObject({ reachedLevel: 5, totalScore: 5 });
  });

  it('ignores answers to requirements outside the bank and lets a later answer win', () => {
    const answers = [
      ...tinyAnswers(WORKED_EXAMPLE),
      { requirementId: 'nope', value: 1 as const },
      { requirementId: 'T-s1-L3-2', value: 1 as const },
    ];
    expect(cell(score(answers), 3, 's1').score).toBeCloseTo(0.75, 12);
  });

  it('scores a copied model with the bank of the version it was copied from', () => {
    const copy = copyModelVersion(model, 'TINY-custom', { zh: '副本', en: 'Copy' });
    expect(copy.basedOn).toBe('TINY');
    expect(copyModelVersion(copy, 'TINY-custom-2', copy.name).basedOn).toBe('TINY');
    expect(score(tinyAnswers(WORKED_EXAMPLE), 'final', copy).totalScore).toBeCloseTo(2.31, 12);
  });
});
