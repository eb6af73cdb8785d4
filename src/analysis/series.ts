/**
 * Observations → one series per region over the periods of a single grain. Different grains are
 * never put on one axis: the most common grain wins and the rest are counted, so the view can say
 * what it left out.
 */
import { GRAINS, type Grain, type Observation } from '../domain/types';
import { comparePeriods, grainOfKey, periodsBetween } from '../domain/period';
import { memoOn, periodCounts, regionPositions } from './value-index';

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

/** The grain of an observation: as stored, else read from its key. */
export function grainOf(o: Observation): Grain | 'unknown' {
  return o.grain ?? grainOfKey(o.period) ?? 'unknown';
}

/**
 * Each grain's distinct periods among observations, with how many values have each. The grain
 * of a period key is read once per distinct key, not once per value: a loop over 10,000 values
 * that read each value's grain inlined the period parser, and V8's optimizing compiler took
 * 30–100 ms over each such loop (on two cores, beside a switch of indicator that waited for it).
 * @example periodsByGrain([{ period: '2024' }, { period: '2024' }] as Observation[]).get('year') // Map { '2024' => 2 }
 */
export function periodsByGrain(observations: readonly Observation[]): Map<Grain | 'unknown', Map<string, number>> {
  // Counted once per list (value-index.ts); copied, as the periods without a grain are added in.
  const counts = periodCounts(observations);
  const stated = new Map<Grain | 'unknown', Map<string, number>>();
  for (const [g, periods] of counts.stated) stated.set(g, new Map(periods));
  for (const [period, n] of counts.unstated) {
    const g = grainOfKey(period) ?? 'unknown';
    let counts = stated.get(g);
    if (!counts) stated.set(g, (counts = new Map()));
    counts.set(period, (counts.get(period) ?? 0) + n);
  }
  return stated;
}

/** The most common grain of `periodsByGrain`'s answer; ties go to the coarser grain. */
function dominantOf(byGrain: ReadonlyMap<Grain | 'unknown', ReadonlyMap<string, number>>): Grain | undefined {
  const total = (g: Grain): number => {
    let n = 0;
    for (const c of byGrain.get(g)?.values() ?? []) n += c;
    return n;
  };
  let best: Grain | undefined;
  let bestCount = 0;
  for (const g of GRAINS) {
    const n = total(g);
    if (n > bestCount) [best, bestCount] = [g, n];
  }
  return best;
}

/**
 * The most common grain among observations; ties go to the coarser grain (year before month).
 * @example dominantGrain([{ period: '2024' }, { period: '2024-Q1' }, { period: '2023' }] as Observation[]) // 'year'
 */
export function dominantGrain(observations: readonly Observation[]): Grain | undefined {
  return dominantOf(periodsByGrain(observations));
}

/**
 * The dominant grain and its distinct periods in time order (`periodsByGrain`, sorted once).
 * @example periodsOfDominantGrain(obs) // { grain: 'year', periods: ['2022', '2023', '2024'] }
 */
export function periodsOfDominantGrain(observations: readonly Observation[]): { grain: Grain | undefined; periods: string[] } {
  const byGrain = periodsByGrain(observations);
  const grain = dominantOf(byGrain);
  const periods = grain ? [...(byGrain.get(grain)?.keys() ?? [])].sort(comparePeriods) : [];
  return { grain, periods };
}

/**
 * The rows of `regions`, in the order of `rows`. The first ask of a list filters it (one pass, no
 * index: a list drawn once, as after an import's 显示 with the CPU throttled, paid for building
 * the index of every region for one trend); the second builds the index and later ones read it.
 */
function rowsAt<T extends Observation>(rows: readonly T[], regions: ReadonlySet<string>): T[] {
  const asks = memoOn(rows, 'rowsAtAsks', () => ({ n: 0 }));
  if (asks.n++ === 0) return rows.filter((o) => regions.has(o.region));
  const at = regionPositions(rows);
  const positions: number[] = [];
  for (const r of regions) for (const i of at.get(r) ?? []) positions.push(i);
  positions.sort((a, b) => a - b);
  return positions.map((i) => rows[i]);
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
  // The chosen regions' rows from the list's index (value-index.ts), not a pass over every
  // value: a trend draws 6 of 2,900 counties. In the list's order, so every answer (which
  // value of a region × period is first, the order of other grains) is the same.
  const pool = wanted ? rowsAt(observations, wanted) : observations;
  const ranged = options.periodFrom || options.periodTo;
  const selected = ranged ? pool.filter((o) => inRange(o.period)) : pool;

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
  const { periods } = periodsOfDominantGrain(observations);
  return periods[periods.length - 1];
}
