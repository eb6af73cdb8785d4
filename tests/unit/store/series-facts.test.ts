import { describe, expect, it } from 'vitest';
import { decodeObservation, emptyDictionary, encodeBlocks } from '../../../src/store/columns';
import { decodeSeries, seriesFacts, seriesFilter, type SeriesQuery } from '../../../src/store/series-scan';
import { periodCounts, regionList, seedIndex } from '../../../src/analysis/value-index';
import { expectFactsOfPasses } from '../analysis/facts-check';
import type { Dataset, Observation } from '../../../src/domain/types';
import type { BlockRecord } from '../../../src/store/db';

/**
 * `n` values of one indicator: regions in runs (some coming back later, some with their code on
 * later values only), mixed grains and one period with and without a grain, both kinds, a few totals.
 */
function values(n: number, regions: number, seed: number): Observation[] {
  const out: Observation[] = [];
  for (let i = 0; i < n; i++) {
    const r = (Math.floor(i / 5) + seed) % regions;
    const o: Observation = { region: `县${r}`, indicator: '耕地面积', period: '', value: i / 7, unit: '亩' };
    if (i % 9 !== 0 && r % 3 !== 0) o.regionCode = `23${String(r).padStart(4, '0')}`;
    if (i % 11 === 0) {
      o.period = String(2000 + (i % 6));
      if (i % 2) o.grain = 'year';
    } else {
      o.period = `2024-${String((i % 12) + 1).padStart(2, '0')}`;
      o.grain = 'month';
    }
    if (i % 17 === 4) o.kind = 'change';
    if (i % 23 === 6) o.isTotal = i % 2 === 0;
    out.push(o);
  }
  return out;
}

/** Datasets of `values`, stored as blocks, decoded as the store decodes a series. */
function decoded(parts: Observation[][], query: SeriesQuery = { indicator: '耕地面积' }) {
  const byDataset = new Map<string, BlockRecord[]>();
  const strings = new Map<string, readonly string[]>();
  const datasets = parts.map((rows, d) => {
    const id = `ds${d}`;
    const dict = emptyDictionary(id);
    byDataset.set(id, encodeBlocks(id, rows, dict, 0));
    strings.set(id, dict.strings);
    return { id } as Dataset;
  });
  return decodeSeries(datasets, byDataset, strings, seriesFilter(query));
}

describe('seriesFacts: what decodeSeries found from the codes equals the value index’s passes', () => {
  const cases: [string, Observation[][], SeriesQuery?][] = [
    ['one dataset, several blocks', [values(30_000, 40, 0)]],
    ['two datasets, their own dictionaries', [values(700, 12, 0), values(900, 30, 5)]],
    ['regions chosen', [values(5000, 25, 0), values(300, 25, 3)], { indicator: '耕地面积', regions: ['县3', '县7', '县0'] }],
    ['nothing kept', [values(100, 5, 0)], { indicator: '耕地面积', regions: ['无此地'] }],
  ];
  it.each(cases)('%s', (_name, parts, query) => {
    const rows = decoded(parts, query);
    const facts = seriesFacts(rows);
    expectFactsOfPasses(rows, facts);
    const copy = rows.slice();
    expect([...(facts?.kinds ?? [])]).toEqual([...new Set(copy.map((o) => o.kind ?? 'level'))]);
    expect(facts?.anyTotal).toBe(copy.some((o) => o.isTotal));
  });

  it('seeded, the index answers with them; another list, or one changed, has none', () => {
    const rows = decoded([values(2000, 20, 1)]);
    const before = JSON.stringify(rows);
    const facts = seriesFacts(rows)!;
    seedIndex(rows, facts);
    expect(regionList(rows)).toBe(facts.regions);
    expect(periodCounts(rows)).toBe(facts.periodCounts);
    expect(JSON.stringify(rows)).toBe(before);
    expect(seriesFacts(rows.slice())).toBeUndefined();
    const changed = decoded([values(50, 3, 0)]);
    changed.pop();
    expect(seriesFacts(changed)).toBeUndefined();
  });
});

describe('decodeSeries: each value as decodeObservation decodes it, with its dataset', () => {
  /** Values as an import writes them (every usual field; a code, a label, a display unit or not), some unusual. */
  function imported(n: number): Observation[] {
    return values(n, 20, 2).map((o, i) => {
      const v: Observation = {
        ...o,
        kind: o.kind ?? 'level',
        approximate: i % 13 === 1,
        isTotal: o.isTotal ?? i % 19 === 0,
        source: { row: i + 2, column: '数值' },
      };
      if (v.grain === undefined) v.grain = 'year';
      if (i % 4 < 2) v.periodLabel = `第${i % 12}期`;
      if (i % 8 < 4) v.displayUnit = '万亩';
      // Unusual: each takes decodeObservation's way.
      if (i % 37 === 3) v.target = 5;
      if (i % 41 === 4) v.source = { row: i + 2 };
      if (i % 47 === 6) v.changeType = 'relative';
      if (i % 53 === 7) delete v.grain;
      if (i % 59 === 8) delete v.approximate;
      if (i % 61 === 9) delete v.kind;
      return v;
    });
  }
  const cases: [string, Observation[]][] = [
    ['as an import writes them', imported(3000)],
    ['with a source text (the long way throughout)', imported(500).map((o, i) => (i % 7 === 0 ? { ...o, sourceText: '原文' } : o))],
    ['built by hand (few fields)', values(800, 9, 1)],
  ];
  it.each(cases)('%s: the same values, fields in the same order', (_name, rows) => {
    const dict = emptyDictionary('ds0');
    const blocks = encodeBlocks('ds0', rows, dict, 0);
    const expected = blocks.flatMap((b) =>
      Array.from({ length: b.count }, (_, k) => ({ ...decodeObservation(b, k, dict.strings), datasetId: 'ds0' })),
    );
    const got = decodeSeries(
      [{ id: 'ds0' } as Dataset],
      new Map([['ds0', blocks]]),
      new Map([['ds0', dict.strings]]),
      seriesFilter({ indicator: '耕地面积' }),
    );
    expect(got).toStrictEqual(expected);
    expect(got.map((o) => JSON.stringify(o))).toEqual(expected.map((o) => JSON.stringify(o)));
  });
});
