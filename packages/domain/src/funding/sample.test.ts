import { describe, expect, it } from 'vitest';
import { drawSample, sampleSize } from './sample.ts';

const population = Array.from({ length: 37 }, (_, i) => 100 + i * 3);

describe('second-review sample', () => {
  it('the same seed over the same population selects the same awards, whatever their order', () => {
    const a = drawSample(population, 'seed-2024-06-01', 0.3);
    const b = drawSample([...population].reverse(), 'seed-2024-06-01', 0.3);
    expect(a).toEqual(b);
    expect(a).toHaveLength(12);
  });

  it('another seed selects another sample', () => {
    expect(drawSample(population, 'seed-a', 0.3)).not.toEqual(drawSample(population, 'seed-b', 0.3));
  });

  it('selects at least 30 %, rounded up, at least one, only from the population', () => {
    expect(sampleSize(10, 0.3)).toBe(3);
    expect(sampleSize(11, 0.3)).toBe(4);
    expect(sampleSize(1, 0.3)).toBe(1);
    expect(sampleSize(0, 0.3)).toBe(0);
    const s = drawSample(population, 'x', 0.5);
    expect(s).toHaveLength(19);
    expect(s.every((id) => population.includes(id))).toBe(true);
    expect(new Set(s).size).toBe(s.length);
  });

  it('refuses a ratio under 30 %', () => {
    expect(() => drawSample(population, 'x', 0.29)).toThrow(RangeError);
  });

  it('pins known draws, so a change to the generator cannot silently re-draw every recorded sample', () => {
    expect(drawSample([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 'weihai', 0.3)).toEqual([2, 8, 10]);
    expect(
      drawSample(
        Array.from({ length: 40 }, (_, i) => i + 1),
        '2024-second-review',
        0.3,
      ),
    ).toEqual([3, 4, 5, 6, 14, 21, 30, 31, 32, 34, 39, 40]);
  });
});
