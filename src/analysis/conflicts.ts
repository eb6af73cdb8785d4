/**
 * Values that disagree: one region × period × kind given different values by different datasets
 * (an office's own table says 道里区 2022 is 5.3万亩, the sample 5.01万亩). The views keep the
 * value read first (datasets in import order) and said nothing; this finds what they left out,
 * so the page can say so. Within one file the importer already drops repeats with a warning.
 */
import type { Observation } from '../domain/types';
import { same } from './ranking';

/**
 * One region × period × kind with more than one value; `shown` is the one the charts draw.
 * @example { region: '道里区', period: '2022', shown: { value: 50100, … }, others: [{ value: 53000, … }] }
 */
export interface Conflict<T extends Observation = Observation> {
  region: string;
  period: string;
  shown: T;
  others: T[];
}

/**
 * Every region × period × kind whose values disagree, in the order of their first value.
 * @example findConflicts([obs('道里区', '2022', 50100), obs('道里区', '2022', 53000)])[0].others[0].value // 53000
 */
export function findConflicts<T extends Observation>(observations: readonly T[]): Conflict<T>[] {
  // Maps by kind, region and period rather than one joined key: a key string built per value
  // was most of this loop's time (0.5–1.3 s of CPU at 200,100 values, a remote county dataset).
  // Values come grouped by region, so a region's periods are found once per run of its values.
  const byKind = new Map<string, Map<string, Map<string, Conflict<T>>>>();
  const found: Conflict<T>[] = [];
  let lastKind: string | undefined;
  let lastRegion: string | undefined;
  let periods = new Map<string, Conflict<T>>();
  for (const o of observations) {
    const kind = o.kind ?? 'level';
    if (kind !== lastKind || o.region !== lastRegion) {
      let regions = byKind.get(kind);
      if (!regions) byKind.set(kind, (regions = new Map()));
      const known = regions.get(o.region);
      if (known) periods = known;
      else regions.set(o.region, (periods = new Map()));
      lastKind = kind;
      lastRegion = o.region;
    }
    const seen = periods.get(o.period);
    if (!seen) {
      const c: Conflict<T> = { region: o.region, period: o.period, shown: o, others: [] };
      periods.set(o.period, c);
      found.push(c);
    } else if (!same(seen.shown.value, o.value) && !seen.others.some((x) => same(x.value, o.value))) seen.others.push(o);
  }
  return found.filter((c) => c.others.length > 0);
}

/** A row of a roll-up as `disagreeingRollUps` (src/regions) gives it: the table stays out of here. */
export interface PartsRow {
  code: string;
  reported?: number;
  sum?: number;
  complete: boolean;
  missing: string[];
  parts: string[];
}

/**
 * A region whose reported value differs from the sum of its parts in one period (哈尔滨市 上报
 * 880万亩, its counties add up to 900.9万亩). The reported value is the one drawn; the sum is
 * computed and never replaces it.
 */
export interface PartsConflict<T extends Observation = Observation> {
  region: string;
  period: string;
  /** The value the data reports for the region itself. */
  reported: T;
  sum: number;
  /** How many values the sum adds. */
  parts: number;
  /** Their codes: a chart that draws one of them (a drill into the region) carries the note too. */
  partCodes: string[];
  /** False when parts are missing (`missing`: their codes): the sum is then a lower bound. */
  complete: boolean;
  missing: string[];
}

/**
 * Every region × period whose reported value and its parts' sum differ, for an additive
 * indicator. `disagreeing` is the division table's roll-up of one period's coded values
 * (`disagreeingRollUps`), passed in so that this module does not load the table. Totals,
 * values without a code and changes (同比…) are left out: only levels add up.
 * @example findPartsConflicts(rows, disagreeingRollUps)[0] // { region: '哈尔滨市', period: '2023', sum: 9009000, complete: true, … }
 */
export function findPartsConflicts<T extends Observation>(
  observations: readonly T[],
  disagreeing: (values: { code: string; value: number }[]) => readonly PartsRow[],
): PartsConflict<T>[] {
  const steps = partsConflictSteps(observations, disagreeing);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * `findPartsConflicts` in steps: it yields after grouping the values and after each period's
 * roll-up, and returns the conflicts. At 200,100 values (2,900 counties × 69 months) the whole is
 * 0.4–0.8 s of CPU; the dashboard runs the steps in idle time (app/dashboard/idle-work.ts), so a
 * click waits for one period's roll-up at most, not for all of them.
 * @example const steps = partsConflictSteps(rows, disagreeingRollUps); let s; while (!(s = steps.next()).done); s.value
 */
export function* partsConflictSteps<T extends Observation>(
  observations: readonly T[],
  disagreeing: (values: { code: string; value: number }[]) => readonly PartsRow[],
): Generator<void, PartsConflict<T>[], void> {
  const byPeriod = new Map<string, Map<string, T>>();
  for (const o of observations) {
    if (o.isTotal || o.regionCode === undefined || (o.kind ?? 'level') !== 'level') continue;
    let coded = byPeriod.get(o.period);
    if (!coded) byPeriod.set(o.period, (coded = new Map()));
    // The value drawn is the first of a region × period (see findConflicts).
    if (!coded.has(o.regionCode)) coded.set(o.regionCode, o);
  }
  const out: PartsConflict<T>[] = [];
  for (const [period, coded] of byPeriod) {
    yield;
    const values = [...coded].map(([code, o]) => ({ code, value: o.value }));
    for (const row of disagreeing(values)) {
      const reported = coded.get(row.code);
      if (!reported || row.sum === undefined) continue;
      out.push({ region: reported.region, period, reported, sum: row.sum, parts: row.parts.length, partCodes: [...row.parts], complete: row.complete, missing: [...row.missing] });
    }
  }
  return out;
}
