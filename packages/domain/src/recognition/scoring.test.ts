import { describe, expect, it } from 'vitest';
import {
  DEFAULT_INDICATORS,
  aggregateTotals,
  indicatorTableProblem,
  missingScores,
  rank,
  weightedTotal,
  type Indicator,
} from './scoring.ts';

const ind = (code: string, weight: number): Indicator => ({ code, weight, nameZh: code, nameEn: code, guidanceZh: '', guidanceEn: '' });
const TABLE = [ind('a', 50), ind('b', 30), ind('c', 20)];

describe('expert scoring', () => {
  it('weights each indicator by its share of the table', () => {
    expect(weightedTotal(TABLE, { a: 80, b: 90, c: 70 })).toBe(81); // 40 + 27 + 14
    expect(weightedTotal(TABLE, { a: 100, b: 100, c: 100 })).toBe(100);
    expect(weightedTotal(TABLE, { a: 0, b: 0, c: 0 })).toBe(0);
  });

  it('gives no total while an indicator is unscored, and names it', () => {
    expect(weightedTotal(TABLE, { a: 80, b: 90 })).toBeNull();
    expect(weightedTotal(TABLE, { a: 80, b: 90, c: null })).toBeNull();
    expect(missingScores(TABLE, { a: 80 })).toEqual(['b', 'c']);
  });

  it('keeps every total below five experts', () => {
    expect(aggregateTotals([80, 90, 70])).toEqual({ n: 3, counted: 3, dropped: false, score: 80, min: 70, max: 90, stddev: 8.16 });
    expect(aggregateTotals([60, 70, 80, 90])).toMatchObject({ n: 4, counted: 4, dropped: false, score: 75 });
  });

  it('drops the single highest and lowest total from five experts on', () => {
    // 40 and 99 go; 80, 82, 84 remain
    expect(aggregateTotals([82, 40, 99, 80, 84])).toEqual({ n: 5, counted: 3, dropped: true, score: 82, min: 40, max: 99, stddev: 19.68 });
    // ties at the extremes drop only one of each
    expect(aggregateTotals([70, 70, 80, 90, 90, 85])).toMatchObject({ n: 6, counted: 4, dropped: true, score: 81.25 });
  });

  it('has no aggregate without scores', () => {
    expect(aggregateTotals([])).toBeNull();
  });

  it('ranks by score, then by the smaller spread, sharing a rank on a full tie', () => {
    const ranked = rank([
      { id: 1, score: 85, stddev: 3 },
      { id: 2, score: 90, stddev: 5 },
      { id: 3, score: 85, stddev: 1 },
      { id: 4, score: 85, stddev: 1 },
      { id: 5, score: 70, stddev: 0 },
    ]);
    expect(ranked.map((r) => [r.id, r.rank])).toEqual([
      [2, 1],
      [3, 2],
      [4, 2],
      [1, 4],
      [5, 5],
    ]);
  });

  it('checks an indicator table: not empty, unique codes, weights summing to 100', () => {
    expect(indicatorTableProblem(DEFAULT_INDICATORS)).toBeNull();
    expect(indicatorTableProblem([])).toBe('empty');
    expect(indicatorTableProblem([ind('a', 50), ind('a', 50)])).toBe('duplicateCode');
    expect(indicatorTableProblem([ind('a', 50), ind('b', 40)])).toBe('weightsSum');
  });
});
