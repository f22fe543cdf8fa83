import { describe, expect, it } from 'vitest';
import { benchmarkCheck, kpiChange, kpiChanges, missingKpis } from './kpi.ts';

describe('KPI changes against the seed benchmarks', () => {
  it('computes the seed cases', () => {
    // seed §二.3: syringe output 13 → 17.4 hundred-million units a year, +33.8 %
    expect(kpiChange({ before: 13, after: 17.4 })).toBe(0.3385);
    // glass line 80 → 8 people (−90 %), 90 s → 8 s a sheet
    expect(kpiChange({ before: 80, after: 8 })).toBe(-0.9);
    expect(kpiChange({ before: 90, after: 8 })).toBe(-0.9111);
  });

  it('has no change without both values or from zero', () => {
    expect(kpiChange({ before: null, after: 5 })).toBeNull();
    expect(kpiChange({ before: 0, after: 5 })).toBeNull();
    expect(kpiChange(undefined)).toBeNull();
    expect(kpiChanges({ labour: { before: 10, after: 5 } })).toMatchObject({ labour: -0.5, cncRate: null });
  });

  it('checks CNC ≥ 70 %, cost −20 % or better, productivity +20 % or better (seed §二.3)', () => {
    expect(
      benchmarkCheck({
        cncRate: { before: 50, after: 70 },
        operatingCost: { before: 100, after: 80 },
        productivity: { before: 10, after: 12 },
      }),
    ).toEqual({
      cncRate: { value: 70, target: 70, met: true },
      operatingCost: { value: -0.2, target: -0.2, met: true },
      productivity: { value: 0.2, target: 0.2, met: true },
    });
    const short = benchmarkCheck({
      cncRate: { before: 50, after: 69.9 },
      operatingCost: { before: 100, after: 81 },
      productivity: { before: 10, after: 11.9 },
    });
    expect([short.cncRate.met, short.operatingCost.met, short.productivity.met]).toEqual([false, false, false]);
    expect(benchmarkCheck({}).cncRate.met).toBeNull();
  });

  it('lists required KPIs lacking a value', () => {
    expect(
      missingKpis(['cncRate', 'operatingCost', 'productivity'], {
        cncRate: { before: 1, after: 2 },
        operatingCost: { before: 1, after: null },
      }),
    ).toEqual(['operatingCost', 'productivity']);
  });
});
