/**
 * The list's index (analysis/value-index.ts) gives what the passes it replaced gave: each old
 * pass is written out here as the reference and compared on the sample data (through the real
 * importer) and on generated lists shaped like the remote county data (regions in runs, mixed
 * grains, codes on some values, regions coming back later, duplicates), and the functions that
 * read it (regionsOf, periodsByGrain, groupSeries, defaultRegions) answer as before.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestText } from '../../../src/ingest';
import type { Grain, Observation } from '../../../src/domain/types';
import { distinctOf, memoOn, periodCounts, regionList, regionPositions } from '../../../src/analysis/value-index';
import { regionsOf } from '../../../src/analysis/region-identity';
import { groupSeries, periodsByGrain } from '../../../src/analysis/series';
import { defaultRegions } from '../../../src/analysis/default-regions';
import { snapshotOf } from './make-observation';

const sample = ingestText(readFileSync(join(process.cwd(), 'data', 'sample-trends.csv'), 'utf8').replace(/^\uFEFF/, '')).records as Observation[];

/** A list like a remote county indicator's, small: regions in runs, some coming back, mixed grains. */
function generated(seed: number): Observation[] {
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const out: Observation[] = [];
  const regions = Array.from({ length: 40 }, (_, i) => `县${i}`);
  for (const region of [...regions, ...regions.slice(0, 5)]) {
    const code = rnd() < 0.7 ? `2301${String(regions.indexOf(region)).padStart(2, '0')}` : undefined;
    for (let m = 1; m <= 14; m++) {
      if (rnd() < 0.1) continue;
      const month = `2023-${String(((m - 1) % 12) + 1).padStart(2, '0')}`;
      const grain: Grain | undefined = rnd() < 0.5 ? 'month' : undefined;
      const o: Observation = { region, indicator: rnd() < 0.95 ? '甲' : '乙', period: rnd() < 0.05 ? '2023' : month, value: Math.round(rnd() * 1e4) / 100, unit: '吨' };
      if (grain && o.period !== '2023') o.grain = grain;
      if (code && rnd() < 0.8) o.regionCode = code;
      if (rnd() < 0.03) o.isTotal = true;
      out.push(o);
    }
  }
  return out;
}

// The passes as they were before the index (session 12), the reference.
function oldRegionsOf(rows: readonly Observation[]) {
  const byName = new Map<string, { name: string; code?: string }>();
  for (const o of rows) {
    const seen = byName.get(o.region);
    if (!seen) byName.set(o.region, o.regionCode ? { name: o.region, code: o.regionCode } : { name: o.region });
    else if (seen.code === undefined && o.regionCode) seen.code = o.regionCode;
  }
  return [...byName.values()];
}
function oldCountPeriods(rows: readonly Observation[]) {
  const unstated = new Map<string, number>();
  const stated = new Map<string, Map<string, number>>();
  for (const o of rows) {
    let counts = unstated;
    if (o.grain !== undefined) {
      counts = stated.get(o.grain) ?? new Map();
      stated.set(o.grain, counts);
    }
    counts.set(o.period, (counts.get(o.period) ?? 0) + 1);
  }
  return { unstated, stated };
}

const lists: [string, Observation[]][] = [
  ['the sample data', sample],
  ['generated, seed 1', generated(1)],
  ['generated, seed 7', generated(7)],
  ['empty', []],
];

describe('value index: the same answers as the passes it replaced', () => {
  it.each(lists)('%s: regions, periods, positions, distinct fields', (_, rows) => {
    expect(regionList(rows)).toEqual(oldRegionsOf(rows));
    expect(regionsOf(rows)).toEqual(oldRegionsOf(rows));
    expect(periodCounts(rows)).toEqual(oldCountPeriods(rows));
    for (const [region, at] of regionPositions(rows)) expect(at.map((i) => rows[i].region).every((r) => r === region)).toBe(true);
    expect([...regionPositions(rows).values()].reduce((n, a) => n + a.length, 0)).toBe(rows.length);
    expect([...distinctOf(rows, 'region')]).toEqual([...new Set(rows.map((o) => o.region))]);
    expect([...distinctOf(rows, 'indicator')]).toEqual([...new Set(rows.map((o) => o.indicator))]);
  });

  it.each(lists)('%s: groupSeries of a few regions equals the series of a filtered copy', (_, rows) => {
    const names = oldRegionsOf(rows).map((r) => r.name);
    const some = [names[3], names[0], '无此地', names[1]].filter((r): r is string => r !== undefined);
    for (const options of [{ regions: some }, { regions: some, periodFrom: '2023-03', periodTo: '2023-09' }, {}]) {
      const copy = rows.filter((o) => !options.regions || options.regions.includes(o.region));
      expect(groupSeries(rows, options)).toEqual(groupSeries(copy, options));
    }
  });

  it.each(lists)('%s: periodsByGrain and defaultRegions asked twice answer the same, and a changed answer does not leak', (_, rows) => {
    const first = periodsByGrain(rows);
    first.clear();
    expect(periodsByGrain(rows)).toEqual(periodsByGrain(rows.slice()));
    const defaults = defaultRegions(rows, 4);
    defaults.push('改动');
    expect(defaultRegions(rows, 4)).toEqual(defaultRegions(rows.slice(), 4));
    expect(defaultRegions(rows, 4)).not.toContain('改动');
    const regions = regionsOf(rows);
    if (regions[0]) regions[0].name = '改动';
    expect(regionsOf(rows)).toEqual(oldRegionsOf(rows));
  });

  it('input is not mutated', () => {
    const rows = generated(3);
    const before = snapshotOf(rows);
    regionList(rows);
    periodCounts(rows);
    regionPositions(rows);
    distinctOf(rows, 'period');
    groupSeries(rows, { regions: ['县1', '县2'] });
    defaultRegions(rows);
    expect(rows).toEqual(before);
  });
});

describe('memoOn', () => {
  it('answers from the first computation for the same list and key, again for another key or list', () => {
    const rows = generated(5);
    let runs = 0;
    const count = () => (runs++, rows.length);
    memoOn(rows, 'n', count);
    memoOn(rows, 'n', count);
    expect(runs).toBe(1);
    memoOn(rows, 'other', count);
    memoOn(rows.slice(), 'n', count);
    expect(runs).toBe(3);
  });

  it('a list that grew is indexed again (a guard: lists given to views are not changed)', () => {
    const rows = generated(5);
    expect(regionList(rows).some((r) => r.name === '新县')).toBe(false);
    rows.push({ region: '新县', indicator: '甲', period: '2023-01', value: 1, unit: '吨' });
    expect(regionList(rows).some((r) => r.name === '新县')).toBe(true);
  });
});
