import { describe, expect, it } from 'vitest';
import { checkEntry } from '../check.ts';
import { showcaseCoverage, type CoverageShowcase } from './coverage.ts';
import { SHOWCASE_KPI_REGISTER, showcaseKpiChange } from './kpi.ts';

const TODAY = '2026-12-08';
const kpi = (over: Record<string, string | number | null>) => ({
  showcase: 1,
  kind: 'productivity',
  name: '年产量',
  unit: '亿支/年',
  beforeValue: 13,
  afterValue: 17.4,
  measuredBefore: '2021-01-01',
  measuredAfter: '2021-12-31',
  source: null,
  ...over,
});

describe('showcase KPIs', () => {
  it('computes the seed cases’ changes (seed §二.3)', () => {
    expect(showcaseKpiChange('productivity', 13, 17.4)).toBe(33.8);
    expect(showcaseKpiChange('labour', 80, 8)).toBe(-90);
    expect(showcaseKpiChange('cycleTime', 90, 8)).toBe(-91.1);
    expect(showcaseKpiChange('yieldRate', 92.5, 98)).toBe(5.5);
    expect(showcaseKpiChange('water', 0, 10)).toBeNull();
  });

  it('warns on a change outside the plausible range of its kind, naming the rule', () => {
    expect(checkEntry(SHOWCASE_KPI_REGISTER, kpi({}), TODAY)).toEqual({ problems: [], warnings: [] });
    const { problems, warnings } = checkEntry(SHOWCASE_KPI_REGISTER, kpi({ beforeValue: 0.5, afterValue: 56.25 }), TODAY);
    expect(problems).toEqual([]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      field: 'afterValue',
      rule: 'plausibleChange.productivity',
      key: 'showcases.kpiImplausible',
      params: { change: '+11150%' },
    });
    expect(warnings[0]!.description.zh).toContain('-50% 至 +300%');
    // the same −90 % is plausible for labour and not for yield
    expect(checkEntry(SHOWCASE_KPI_REGISTER, kpi({ kind: 'labour', beforeValue: 80, afterValue: 8 }), TODAY).warnings).toEqual([]);
    expect(checkEntry(SHOWCASE_KPI_REGISTER, kpi({ kind: 'yieldRate', beforeValue: 90, afterValue: 30 }), TODAY).warnings).toHaveLength(1);
  });

  it('refuses a measurement in the future, an after before the before, a percentage over 100', () => {
    expect(checkEntry(SHOWCASE_KPI_REGISTER, kpi({ measuredAfter: '2027-01-01' }), TODAY).problems).toMatchObject([
      { field: 'measuredAfter', key: 'registers.dateInFuture' },
    ]);
    expect(checkEntry(SHOWCASE_KPI_REGISTER, kpi({ measuredAfter: '2020-06-01' }), TODAY).problems).toMatchObject([
      { field: 'measuredAfter', key: 'registers.dateBefore' },
    ]);
    expect(
      checkEntry(SHOWCASE_KPI_REGISTER, kpi({ kind: 'yieldRate', unit: '%', beforeValue: 95, afterValue: 101 }), TODAY).problems,
    ).toMatchObject([{ field: 'afterValue', key: 'showcases.percentOver100' }]);
  });
});

describe('showcase coverage', () => {
  const chains = ['A', 'B', 'C'].map((code) => ({ code, label: { zh: code, en: code } }));
  const row = (id: number, chain: string, segment: string, status: CoverageShowcase['status']): CoverageShowcase => ({
    id,
    name: `case ${id}`,
    chain,
    segment,
    status,
    enterpriseName: null,
  });

  it('marks chains and segments covered, candidate only, or gaps', () => {
    const coverage = showcaseCoverage(chains, [
      row(1, 'A', '注射器', 'published'),
      row(2, 'A', ' 敷料 ', 'candidate'),
      row(3, 'A', '敷料', 'withdrawn'),
      row(4, 'B', '船舶', 'withdrawn'),
    ]);
    expect(coverage.chains.map((c) => [c.code, c.state])).toEqual([
      ['A', 'covered'],
      ['B', 'gap'],
      ['C', 'gap'],
    ]);
    expect(coverage.chains[0]!.segments.map((s) => [s.segment, s.state, s.published.length, s.candidates])).toEqual([
      ['敷料', 'candidate', 0, 1],
      ['注射器', 'covered', 1, 0],
    ]);
    expect(coverage.totals).toEqual({ chains: 3, chainsCovered: 1, segments: 3, segmentsCovered: 1 });
  });
});
