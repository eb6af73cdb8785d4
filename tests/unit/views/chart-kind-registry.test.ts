/**
 * The first page's registry: the trend and the comparison draw from the start, the other kinds
 * say they are loading until `./chart-kinds` has loaded, then draw as everywhere else. This file
 * imports the registry alone (a test file has a module graph of its own), as the first page does.
 */
import { describe, expect, it } from 'vitest';
import { chartKindReady, chartKinds, drawChart, loadChartKinds, type ChartKindName, type ChartSpecs } from '../../../src/views/chart-kind-registry';
import { messages } from '../../../src/domain/messages';
import { light } from '../../../src/charts/theme';
import { chartData, levels } from '../charts/sample-data';

const specOf = (kind: ChartKindName): ChartSpecs[ChartKindName] => (kind === 'map' ? { mapName: 'm' } : {});
const later: ChartKindName[] = ['multiples', 'map', 'bar-yoy', 'bar-target'];

describe('the chart-kind registry before and after the later kinds load', () => {
  // In order: the cases before the load, the load, the cases after it.
  const before: [string, ChartKindName, boolean][] = [
    ['the trend draws at once', 'trend', true],
    ['the comparison draws at once', 'comparison', true],
    ...later.map((kind): [string, ChartKindName, boolean] => [`${kind} waits for its code`, kind, false]),
  ];
  it.each(before)('before: %s', (_, kind, ready) => {
    expect(chartKindReady(kind)).toBe(ready);
    const outcome = drawChart(kind, chartData(levels), specOf(kind), light);
    expect(outcome.ok).toBe(ready);
    if (!ready && !outcome.ok) expect(outcome.reasons).toEqual([{ key: 'chart.kind_loading' }]);
  });

  it('before: no kind named is the trend, ready', () => {
    expect(chartKindReady(undefined)).toBe(true);
  });

  it('before: what the data lacks is said first, as for every kind', () => {
    expect(drawChart('map', chartData(levels), { mapName: '' }, light)).toEqual({ ok: false, reasons: [{ key: 'chart.no_map' }] });
    expect(drawChart('multiples', chartData([]), {}, light)).toEqual({ ok: false, reasons: [{ key: 'chart.no_observations' }] });
  });

  it('the loading reason is a message in both languages', () => {
    expect(messages.zh['chart.kind_loading']).toBeTruthy();
    expect(messages.en['chart.kind_loading']).toBeTruthy();
  });

  it('loading registers every later kind, once, and they draw', async () => {
    const first = loadChartKinds();
    expect(loadChartKinds()).toBe(first);
    await first;
    for (const kind of later) {
      expect(chartKindReady(kind), kind).toBe(true);
      expect(drawChart(kind, chartData(levels), specOf(kind), light).ok, kind).toBe(true);
    }
    expect(Object.keys(chartKinds)).toEqual(['trend', 'comparison', 'multiples', 'map', 'bar-yoy', 'bar-target']);
  });

  it('does not mutate its input', () => {
    const data = chartData(levels);
    const before = JSON.stringify(data);
    for (const kind of Object.keys(chartKinds) as ChartKindName[]) drawChart(kind, data, specOf(kind), light);
    expect(JSON.stringify(data)).toBe(before);
  });
});
