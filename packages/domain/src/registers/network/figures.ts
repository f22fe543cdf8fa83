// The network figures worked out from rows (the summary route and the web card share them).

/** Key-place 5G reach (重点场所 5G 网络通达率), in %: places covered continuously outdoors over all places. */
export function keyPlaceReach(covered: number, all: number): number | null {
  return all === 0 ? null : roundTo((covered / all) * 100, 1);
}

/** 5G base stations per 10,000 people, from the stations and the population in 10,000s. */
export function stationsPer10k(stations: number, populationIn10k: number | null): number | null {
  return populationIn10k === null || populationIn10k <= 0 ? null : roundTo(stations / populationIn10k, 1);
}

export const roundTo = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
