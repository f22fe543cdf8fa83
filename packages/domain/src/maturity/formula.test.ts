import { describe, expect, it } from 'vitest';
import { inBand, reachedLevel, scoreBand, totalScore } from './formula.ts';

describe('total score formulas (maturity.md §4.5)', () => {
  const vector = [0.95, 0.86, 0.47, 0.2, 0];

  it('reaches level 2 in the worked example: A1 = 0.95, A2 = 0.86, A3 = 0.47', () => {
    expect(reachedLevel(vector, 0.8)).toBe(2);
  });

  it('gives 2.33 under formula A and 2.47 under formula B', () => {
    expect(totalScore('bandAligned', vector, 2)).toBeCloseTo(2.33, 10);
    expect(totalScore('popular', vector, 2)).toBeCloseTo(2.47, 10);
  });

  it('scores below level 1 as A_1 under A and A_1 under B', () => {
    expect(totalScore('bandAligned', [0.6, 0.9, 1, 1, 1], 0)).toBeCloseTo(0.6, 10);
    expect(totalScore('popular', [0.6, 0.9, 1, 1, 1], 0)).toBeCloseTo(0.6, 10);
  });

  it('takes A_6 as 0 at level 5', () => {
    const top = [1, 1, 1, 0.9, 0.85];
    expect(reachedLevel(top, 0.8)).toBe(5);
    expect(totalScore('bandAligned', top, 5)).toBeCloseTo(4.85, 10);
    expect(totalScore('popular', top, 5)).toBe(5);
  });

  it('stops at the first level short of the threshold even if a higher one passes', () => {
    expect(reachedLevel([0.9, 0.7, 0.95, 0.95, 0.95], 0.8)).toBe(1);
  });

  it('counts a level without scored requirements (null) as not reached and as 0 in S', () => {
    expect(reachedLevel([0.9, null, 1, 1, 1], 0.8)).toBe(1);
    expect(totalScore('bandAligned', [0.9, null, 1, 1, 1], 1)).toBeCloseTo(0.9, 10);
  });

  it('accepts a level score a rounding error below the threshold', () => {
    expect(reachedLevel([(0.8 + 0.8 + 0.8) / 3 - 1e-12, 0], 0.8)).toBe(1);
  });
});

describe('score bands (maturity.md §4.4)', () => {
  it('formula A with threshold 0.8 reproduces the band table', () => {
    expect([0, 1, 2, 3, 4, 5].map((n) => scoreBand('bandAligned', n as 0, 0.8))).toEqual([
      { level: 0, min: 0, max: 0.8, maxInclusive: false },
      { level: 1, min: 0.8, max: 1.8, maxInclusive: false },
      { level: 2, min: 1.8, max: 2.8, maxInclusive: false },
      { level: 3, min: 2.8, max: 3.8, maxInclusive: false },
      { level: 4, min: 3.8, max: 4.8, maxInclusive: false },
      { level: 5, min: 4.8, max: 5, maxInclusive: true },
    ]);
  });

  it('formula B gives [n, n + 0.8) and exactly 5 at level 5', () => {
    expect(scoreBand('popular', 2, 0.8)).toEqual({ level: 2, min: 2, max: 2.8, maxInclusive: false });
    expect(scoreBand('popular', 5, 0.8)).toEqual({ level: 5, min: 5, max: 5, maxInclusive: true });
  });

  it('puts the worked example in the level-2 band under both formulas', () => {
    expect(inBand(2.33, scoreBand('bandAligned', 2, 0.8))).toBe(true);
    expect(inBand(2.47, scoreBand('popular', 2, 0.8))).toBe(true);
    expect(inBand(2.8, scoreBand('bandAligned', 2, 0.8))).toBe(false);
  });
});
