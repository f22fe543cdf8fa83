// The second-review sample (domain notes §5: the city re-checks a random sample, "e.g. ≥ 30 % of
// applications"). The draw is reproducible: the seed is recorded, and the same seed over the same
// population always selects the same awards, so anyone can re-run it and check.

export const MIN_SAMPLE_RATIO = 0.3;

/** FNV-1a: a seed string to 32 bits. */
function hashSeed(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** mulberry32: small, well-mixed, and the same on every platform. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How many of `n` a draw at `ratio` selects: at least the ratio, rounded up, and at least one. */
export const sampleSize = (n: number, ratio: number): number => (n === 0 ? 0 : Math.min(n, Math.max(1, Math.ceil(n * ratio - 1e-9))));

/** Selects ⌈n × ratio⌉ ids; order of the input does not matter. Returns the selected ids ascending. */
export function drawSample(population: readonly number[], seed: string, ratio: number): number[] {
  if (!(ratio >= MIN_SAMPLE_RATIO && ratio <= 1)) throw new RangeError(`sample ratio ${ratio} outside [${MIN_SAMPLE_RATIO}, 1]`);
  const ids = [...new Set(population)].sort((a, b) => a - b);
  const k = sampleSize(ids.length, ratio);
  const next = generator(hashSeed(seed));
  // A partial Fisher–Yates shuffle: the first k places are the sample.
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(next() * (ids.length - i));
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  }
  return ids.slice(0, k).sort((a, b) => a - b);
}
