/** Which regions a trend shows before the user chooses: a sensible few. */
import type { Observation } from '../domain/types';
import { comparePeriods } from '../domain/period';
import { dominantGrain, grainOf, latestPeriod } from './series';

/**
 * The totals (合计) present, then up to `max` other regions with the largest values in the latest
 * period (regions without a latest value follow by their own latest value, so a short list still
 * fills up).
 * @example defaultRegions(obs, 6) // ['全市', '道里区', '南岗区', …]
 */
export function defaultRegions(observations: readonly Observation[], max = 6): string[] {
  const latest = latestPeriod(observations);
  if (!latest) return [];
  const grain = dominantGrain(observations);
  const totals: string[] = [];
  // Per region: its value in the latest period if any, else its latest value of the same grain.
  const best = new Map<string, { atLatest: boolean; value: number; period: string }>();
  for (const o of observations) {
    if (grainOf(o) !== grain) continue;
    if (o.isTotal) {
      if (!totals.includes(o.region)) totals.push(o.region);
      continue;
    }
    const atLatest = o.period === latest;
    const cur = best.get(o.region);
    if (!cur || (atLatest && !cur.atLatest) || (!cur.atLatest && !atLatest && comparePeriods(o.period, cur.period) > 0)) {
      best.set(o.region, { atLatest, value: o.value, period: o.period });
    }
  }
  const others = [...best]
    .filter(([r]) => !totals.includes(r))
    .sort(([ra, a], [rb, b]) =>
      a.atLatest !== b.atLatest ? (a.atLatest ? -1 : 1) : b.value - a.value || (ra < rb ? -1 : ra > rb ? 1 : 0),
    )
    .slice(0, max)
    .map(([r]) => r);
  return [...totals, ...others];
}
