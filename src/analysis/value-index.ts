/**
 * What every view asks of one indicator's values, found once per list and shared: the regions
 * (in first-seen order, with a code), the rows of each region, the distinct periods counted per
 * grain, the indicators and datasets present, and any answer a function memoizes on the list.
 *
 * Why: a county indicator of the remote ten-million-value dataset is 200,100 values (2,900
 * counties × 69 months). The explorer, the trend, the comparison, the region picker, the drill
 * bar and the linked filter each walked all of them for the same facts (`regionsOf`, the periods,
 * the default regions): 0.05–0.3 s of CPU each, per switch. The trend needs 6 regions' rows.
 *
 * A list is the key (a WeakMap: the facts go when the list does). The lists views get are never
 * changed after they are made (the explorer's are `$state.raw`, replaced whole on a load; a
 * pure function returns a new list); a list whose length changed is indexed again, as a guard.
 * Each fact is found on first request only, so a list asked one thing costs one pass, as before.
 */
import type { Grain, Observation } from '../domain/types';

interface Facts {
  length: number;
  memo: Map<string, unknown>;
}

const facts = new WeakMap<readonly object[], Facts>();

/**
 * The answer of `compute` for `rows`, found once per list (and `key`: one name per kind of
 * answer, with its parameters). `compute` must depend on `rows` alone, and its answer must not
 * be changed by the caller (copy it first).
 * @example memoOn(rows, 'defaultRegions:6', () => pickDefaults(rows, 6))
 */
export function memoOn<R>(rows: readonly object[], key: string, compute: () => R): R {
  let f = facts.get(rows);
  if (!f || f.length !== rows.length) facts.set(rows, (f = { length: rows.length, memo: new Map() }));
  if (f.memo.has(key)) return f.memo.get(key) as R;
  const answer = compute();
  f.memo.set(key, answer);
  return answer;
}

/** What a reader that holds its values as columns found while making the list (see `seedIndex`). */
export interface ColumnFacts {
  regions: readonly RegionOfValues[];
  periodCounts: PeriodCounts;
  /** Distinct periods, in first-seen order. */
  periods: ReadonlySet<string>;
  indicators: ReadonlySet<string>;
  datasets: ReadonlySet<string>;
}

/**
 * Hand `rows`' index the facts a columnar reader found from its dictionaries and codes (the
 * remote reader: one look per run of a region's codes, one count per period code), so that no
 * view passes over the list's 200,100 objects for them. They must equal what the passes below
 * find (tests/unit/publish/remote-facts.test.ts checks it); a fact already found is kept.
 * @example seedIndex(rows, converter.facts())
 */
export function seedIndex(rows: readonly Observation[], found: ColumnFacts): void {
  const seed: [string, unknown][] = [
    ['regions', found.regions],
    ['periodCounts', found.periodCounts],
    ['distinct:period', found.periods],
    ['distinct:region', new Set(found.regions.map((r) => r.name))],
    ['distinct:indicator', found.indicators],
    ['distinct:datasetId', found.datasets],
  ];
  for (const [key, answer] of seed) memoOn(rows, key, () => answer);
}

/** A region of the values: its name (as labelled) and a code any of its values carries. */
export interface RegionOfValues {
  name: string;
  code?: string;
}

/**
 * Each region of `rows` once, in first-seen order, with a code any of its values carries (see
 * `regionsOf` in region-identity.ts, which hands out a copy of this). Do not change the answer.
 * @example regionList(rows) // [{ name: '道里区', code: '230102' }, …]
 */
export function regionList(rows: readonly Observation[]): readonly RegionOfValues[] {
  return memoOn(rows, 'regions', () => {
    const byName = new Map<string, RegionOfValues>();
    let last: RegionOfValues | undefined;
    for (let i = 0; i < rows.length; i++) {
      const o = rows[i];
      // Values come grouped by region: the map is asked once per run of a region's values.
      const seen = last !== undefined && last.name === o.region ? last : byName.get(o.region);
      if (!seen) byName.set(o.region, (last = o.regionCode ? { name: o.region, code: o.regionCode } : { name: o.region }));
      else {
        last = seen;
        if (seen.code === undefined && o.regionCode) seen.code = o.regionCode;
      }
    }
    return [...byName.values()];
  });
}

/**
 * Where each region's rows are in the list, in ascending order (a view takes the rows of a few
 * regions in the list's own order, so the first of a region × period is still the one it
 * keeps). Do not change the answer.
 * @example regionPositions(rows).get('道里区') // [0, 1, 2, 7]
 */
export function regionPositions(rows: readonly Observation[]): ReadonlyMap<string, readonly number[]> {
  return memoOn(rows, 'regionPositions', () => {
    const out = new Map<string, number[]>();
    let lastName: string | undefined;
    let last: number[] = [];
    for (let i = 0; i < rows.length; i++) {
      const region = rows[i].region;
      if (region !== lastName || i === 0) {
        lastName = region;
        const known = out.get(region);
        if (known) last = known;
        else out.set(region, (last = []));
      }
      last.push(i);
    }
    return out;
  });
}

/** Distinct periods counted: those of values with a stated grain per grain, the others apart. */
export interface PeriodCounts {
  unstated: ReadonlyMap<string, number>;
  stated: ReadonlyMap<Grain | 'unknown', ReadonlyMap<string, number>>;
}

/**
 * Distinct periods of `rows` with how many values each has, per stated grain and for values
 * without one (series.ts reads the grain of those once per key). Do not change the answer.
 * @example periodCounts(rows).stated.get('month')?.get('2024-03') // 2900
 */
export function periodCounts(rows: readonly Observation[]): PeriodCounts {
  return memoOn(rows, 'periodCounts', () => countPeriods(rows));
}

/**
 * The loop has a function of its own so that V8, which optimizes a long loop by compiling the
 * function around it, does not compile the caller's period parser with it (series.ts).
 */
function countPeriods(rows: readonly Observation[]): PeriodCounts {
  const unstated = new Map<string, number>();
  const stated = new Map<Grain | 'unknown', Map<string, number>>();
  for (let i = 0; i < rows.length; i++) {
    const o = rows[i];
    const g = o.grain;
    let counts = unstated;
    if (g !== undefined) {
      const known = stated.get(g);
      if (known) counts = known;
      else stated.set(g, (counts = new Map()));
    }
    counts.set(o.period, (counts.get(o.period) ?? 0) + 1);
  }
  return { unstated, stated };
}

/**
 * The distinct values of one text field of `rows` (indicator, datasetId…), in first-seen order.
 * Do not change the answer.
 * @example distinctOf(rows, 'indicator') // Set { '耕地面积' }
 */
export function distinctOf<K extends 'indicator' | 'datasetId' | 'region' | 'period'>(
  rows: readonly (Observation & { datasetId?: string })[],
  field: K,
): ReadonlySet<string> {
  return memoOn(rows, `distinct:${field}`, () => {
    const out = new Set<string>();
    let last: string | undefined;
    for (let i = 0; i < rows.length; i++) {
      const v = rows[i][field];
      if (v === last || v === undefined) continue;
      last = v;
      out.add(v);
    }
    return out;
  });
}
