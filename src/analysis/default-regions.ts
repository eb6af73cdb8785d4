/** Which regions a trend shows before the user chooses: a sensible few. */
import type { Grain, Observation } from '../domain/types';
import { grainOfKey } from '../domain/period';
import { periodsOfDominantGrain } from './series';
import { oneLevel } from './region-levels';
import { memoOn } from './value-index';

/**
 * The totals (合计) present, then up to `max` other regions with the largest values in the latest
 * period (regions without a latest value follow by their own latest value, so a short list still
 * fills up), all at the level (province, city, county, by division code) of the first: a city is
 * not drawn among its counties unless the user picks it.
 * @example defaultRegions(obs, 6) // ['全市', '道里区', '南岗区', …]
 */
export function defaultRegions(observations: readonly Observation[], max = 6): string[] {
  // Found once per list (value-index.ts): the explorer, the trend and the KPI cards ask it of
  // the same values; a copy, which the caller may change.
  return memoOn(observations, `defaultRegions:${max}`, () => pickDefaults(observations, max)).slice();
}

function pickDefaults(observations: readonly Observation[], max: number): string[] {
  const { grain, periods } = periodsOfDominantGrain(observations);
  if (!grain) return [];
  // Periods ranked once, and the grain of a key read once per key: the loop over every value
  // compares numbers (see periodsByGrain for what a loop that parsed periods cost). Per region:
  // its value in the latest period if any, else in its own latest period of the grain.
  const rank = new Map(periods.map((p, i) => [p, i]));
  const keyOfGrain = new Map(periods.map((p) => [p, grainOfKey(p) === grain]));
  const latest = periods.length - 1;
  const { totals, best } = latestPerRegion(observations, grain, rank, keyOfGrain);
  // Entries read by index, not destructured: a comparator destructuring its two arguments ran
  // the array iterator ~35,000 times for 2,900 counties, 31 ms of a remote first chart's profile.
  const ranked = [...best]
    .filter((e) => !totals.includes(e[0]))
    .sort((x, y) => {
      const atA = x[1].rank === latest;
      const atB = y[1].rank === latest;
      return atA !== atB ? (atA ? -1 : 1) : y[1].value - x[1].value || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0);
    });
  const others = oneLevel(
    ranked.map((e) => e[0]),
    new Map(ranked.map((e) => [e[0], e[1].code])),
  ).slice(0, max);
  return [...totals, ...others];
}

/**
 * The totals among observations of `grain`, and each other region's value at its latest period
 * (by `rank`). The loop over every value has a function of its own: V8 optimizes it by compiling
 * the function around it, and around this loop that was all of `defaultRegions`.
 */
function latestPerRegion(
  observations: readonly Observation[],
  grain: Grain,
  rank: ReadonlyMap<string, number>,
  keyOfGrain: ReadonlyMap<string, boolean>,
): { totals: string[]; best: Map<string, { rank: number; value: number; code?: string }> } {
  const totals: string[] = [];
  const best = new Map<string, { rank: number; value: number; code?: string }>();
  // Values come grouped by region: the map is asked once per run of a region's values, and an
  // entry is changed in place (a new one per later period made one object per value in time
  // order, 200,100 for a remote county indicator, with their garbage).
  let region: string | undefined;
  let cur: { rank: number; value: number; code?: string } | undefined;
  for (let i = 0; i < observations.length; i++) {
    const o = observations[i];
    if (o.grain !== undefined ? o.grain !== grain : keyOfGrain.get(o.period) !== true) continue;
    if (o.isTotal) {
      if (!totals.includes(o.region)) totals.push(o.region);
      continue;
    }
    const r = rank.get(o.period)!;
    if (o.region !== region) {
      region = o.region;
      cur = best.get(region);
    }
    if (!cur) best.set(region, (cur = { rank: r, value: o.value, code: o.regionCode }));
    else if (r > cur.rank) {
      cur.rank = r;
      cur.value = o.value;
      cur.code = o.regionCode ?? cur.code;
    }
  }
  return { totals, best };
}
