import type { Label } from '../label.ts';
import type { ShowcaseStatus } from './showcase.ts';

// Which chains and segments have a published showcase and which still have none. A chain's segments are
// the ones its showcase rows name (a candidate names a niche the bureau means to fill); a chain no row
// names at all is a gap as a whole.

export interface CoverageChain {
  code: string;
  label: Label;
}

export interface CoverageShowcase {
  id: number;
  name: string;
  chain: string;
  segment: string;
  status: ShowcaseStatus;
  enterpriseName: string | null;
}

/** 'covered': a published showcase; 'candidate': only candidates so far; 'gap': none (or only withdrawn ones). */
export type CoverageState = 'covered' | 'candidate' | 'gap';

export interface SegmentCoverage {
  segment: string;
  state: CoverageState;
  /** The published showcases, by name. */
  published: { id: number; name: string; enterpriseName: string | null }[];
  candidates: number;
}

export interface ChainCoverage extends CoverageChain {
  state: CoverageState;
  segments: SegmentCoverage[];
}

export interface ShowcaseCoverage {
  chains: ChainCoverage[];
  totals: { chains: number; chainsCovered: number; segments: number; segmentsCovered: number };
}

/** The same niche typed twice with different spacing is one segment. */
export const segmentKey = (segment: string) => segment.trim().replace(/\s+/g, ' ');

const stateOf = (published: number, candidates: number): CoverageState =>
  published > 0 ? 'covered' : candidates > 0 ? 'candidate' : 'gap';

export function showcaseCoverage(chains: readonly CoverageChain[], showcases: readonly CoverageShowcase[]): ShowcaseCoverage {
  const result = chains.map((chain): ChainCoverage => {
    const bySegment = new Map<string, SegmentCoverage>();
    for (const s of showcases.filter((x) => x.chain === chain.code)) {
      const key = segmentKey(s.segment);
      const segment = bySegment.get(key) ?? { segment: key, state: 'gap', published: [], candidates: 0 };
      if (s.status === 'published') segment.published.push({ id: s.id, name: s.name, enterpriseName: s.enterpriseName });
      if (s.status === 'candidate') segment.candidates++;
      bySegment.set(key, segment);
    }
    const segments = [...bySegment.values()]
      .map((s) => ({ ...s, state: stateOf(s.published.length, s.candidates) }))
      .sort((a, b) => a.segment.localeCompare(b.segment, 'zh-CN'));
    const published = segments.filter((s) => s.state === 'covered').length;
    const candidates = segments.filter((s) => s.state === 'candidate').length;
    return { ...chain, state: stateOf(published, candidates), segments };
  });
  const segments = result.flatMap((c) => c.segments);
  return {
    chains: result,
    totals: {
      chains: result.length,
      chainsCovered: result.filter((c) => c.state === 'covered').length,
      segments: segments.length,
      segmentsCovered: segments.filter((s) => s.state === 'covered').length,
    },
  };
}
