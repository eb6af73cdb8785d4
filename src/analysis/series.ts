/**
 * Observations → one series per region over the periods of a single grain. Different grains are
 * never put on one axis: the most common grain wins and the rest are counted, so the view can say
 * what it left out.
 */
import type { Grain, Observation } from '../domain/types';
import { comparePeriods, grainOfKey, periodsBetween } from '../domain/period';

/** One region's values, aligned with `SeriesSet.periods`; `null` is a gap (no data), never zero. */
export interface RegionSeries {
  region: string;
  isTotal: boolean;
  values: (number | null)[];
  observations: (Observation | undefined)[];
}

/** Series of one grain, and what was left out. */
export interface SeriesSet {
  /** The grain shown; undefined when there were no observations. */
  grain: Grain | undefined;
  /** Every period of the grain from the first to the last, including those with no data at all. */
  periods: string[];
  series: RegionSeries[];
  /** Observations of other grains (or unreadable periods), counted per grain. */
  otherGrains: { grain: Grain | 'unknown'; count: number }[];
  /** Second and later observations of the same region × period (the first one is kept). */
  duplicates: number;
}

/** Which observations to use. */
export interface SeriesOptions {
  /** Keep these regions, in this order; absent or empty keeps all, in order of first appearance. */
  regions?: readonly string[];
  periodFrom?: string;
  periodTo?: string;
}

const GRAIN_ORDER: readonly Grain[] = ['year', 'half', 'quarter', 'month', 'day', 'season', 'range'];

/** The grain of an observation: as stored, else read from its key. */
export function grainOf(o: Observation): Grain | 'unknown' {
  return o.grain ?? grainOfKey(o.period) ?? 'unknown';
}

/**
 * The most common grain among observations; ties go to the coarser grain (year before month).
 * @example dominantGrain([{ period: '2024' }, { period: '2024-Q1' }, { period: '2023' }] as Observation[]) // 'year'
 */
export function dominantGrain(observations: readonly Observation[]): Grain | undefined {
  const counts = new Map<Grain, number>();
  for (const o of observations) {
    const g = grainOf(o);
    if (g !== 'unknown') counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  let best: Grain | undefined;
  for (const g of GRAIN_ORDER) {
    if ((counts.get(g) ?? 0) > (best ? (counts.get(best) ?? 0) : 0)) best = g;
  }
  return best;
}

/**
 * Group observations into per-region series of the dominant grain.
 * @example groupSeries(obs, { regions: ['道里区', '南岗区'] }).series[0].values // [60400, null, 61000]
 */
export function groupSeries(observations: readonly Observation[], options: SeriesOptions = {}): SeriesSet {
  const wanted = options.regions?.length ? new Set(options.regions) : undefined;
  const inRange = (p: string): boolean =>
    (!options.periodFrom || comparePeriods(p, options.periodFrom) >= 0) &&
    (!options.periodTo || comparePeriods(p, options.periodTo) <= 0);
  const selected = observations.filter((o) => (!wanted || wanted.has(o.region)) && inRange(o.period));

  const grain = dominantGrain(selected);
  const others = new Map<Grain | 'unknown', number>();
  const byRegion = new Map<string, Map<string, Observation>>();
  const periodSet = new Set<string>();
  let duplicates = 0;
  for (const o of selected) {
    const g = grainOf(o);
    if (g !== grain) {
      others.set(g, (others.get(g) ?? 0) + 1);
      continue;
    }
    let points = byRegion.get(o.region);
    if (!points) byRegion.set(o.region, (points = new Map()));
    if (points.has(o.period)) {
      duplicates++;
      continue;
    }
    points.set(o.period, o);
    periodSet.add(o.period);
  }

  const sorted = [...periodSet].sort(comparePeriods);
  // Fill periods nobody reported, so a missing year shows as a gap rather than a jump.
  const filled = sorted.length > 1 ? periodsBetween(sorted[0], sorted[sorted.length - 1]) : [];
  const periods = filled.length >= sorted.length ? filled : sorted;

  const order = wanted ? options.regions!.filter((r, i, a) => a.indexOf(r) === i) : [...byRegion.keys()];
  const series: RegionSeries[] = [];
  for (const region of order) {
    const points = byRegion.get(region);
    if (!points) continue;
    const obs = periods.map((p) => points.get(p));
    series.push({
      region,
      isTotal: obs.some((o) => o?.isTotal === true),
      values: obs.map((o) => (o ? o.value : null)),
      observations: obs,
    });
  }
  return {
    grain,
    periods,
    series,
    otherGrains: [...others].map(([g, count]) => ({ grain: g, count })),
    duplicates,
  };
}

/**
 * The latest period among observations of the dominant grain.
 * @example latestPeriod([{ period: '2023' }, { period: '2024' }] as Observation[]) // '2024'
 */
export function latestPeriod(observations: readonly Observation[]): string | undefined {
  const grain = dominantGrain(observations);
  // Distinct periods first: a few dozen comparisons instead of one per value.
  const periods = new Set<string>();
  for (const o of observations) if (grainOf(o) === grain) periods.add(o.period);
  let latest: string | undefined;
  for (const p of periods) if (!latest || comparePeriods(p, latest) > 0) latest = p;
  return latest;
}
