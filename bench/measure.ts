// Timing on a noisy 2-core machine: the ways being compared run interleaved, round by round, in a
// rotating order, so a slow spell (another process, a GC, a checkpoint) lands on all of them alike and
// the ratios stay meaningful even when the absolute times wander.

export interface Summary {
  n: number;
  median: number;
  p95: number;
  mean: number;
  min: number;
  max: number;
}

export function summarise(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
  const mid = sorted.length / 2;
  const median = sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return {
    n: sorted.length,
    median,
    p95: at(0.95),
    mean: sorted.reduce((a, b) => a + b, 0) / sorted.length,
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
  };
}

export interface MeasureOptions {
  /** Untimed rounds first (JIT, statement caches, the database's page cache): at least one, at most `warmup`, for up to `warmupMs`. */
  warmup: number;
  warmupMs: number;
  minRounds: number;
  maxRounds: number;
  /** Stop after this long once minRounds are done. */
  budgetMs: number;
  /** Slow queries on a loaded machine: stop after this long once `floorRounds` are done, short of minRounds. */
  capMs: number;
  floorRounds: number;
}

export async function measureInterleaved<K extends string>(
  ways: Record<K, () => Promise<unknown>>,
  options: MeasureOptions,
): Promise<Record<K, Summary>> {
  const names = Object.keys(ways) as K[];
  const warming = performance.now();
  for (let i = 0; i < options.warmup && (i === 0 || performance.now() - warming < options.warmupMs); i++)
    for (const name of names) await ways[name]();
  const samples = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<K, number[]>;
  const started = performance.now();
  for (let round = 0; round < options.maxRounds; round++) {
    const elapsed = performance.now() - started;
    if (round >= options.minRounds && elapsed > options.budgetMs) break;
    if (round >= options.floorRounds && elapsed > options.capMs) break;
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length]!;
      const t0 = performance.now();
      await ways[name]();
      samples[name].push(performance.now() - t0);
    }
  }
  return Object.fromEntries(names.map((n) => [n, summarise(samples[n])])) as Record<K, Summary>;
}
