import { describe, expect, it } from 'vitest';
import { chartKinds, drawChart, inWords, missing, type ChartKindName, type ChartSpecs } from '../../../src/views/chart-kinds';
import { messages } from '../../../src/domain/messages';
import { light } from '../../../src/charts/theme';
import { chartData, levels } from '../charts/sample-data';
import { expectSafe } from '../charts/expect-safe';

const kinds = Object.keys(chartKinds) as ChartKindName[];
const specOf = (kind: ChartKindName): ChartSpecs[ChartKindName] => (kind === 'map' ? { mapName: 'm' } : {});

describe('chartKinds', () => {
  it('declares what each kind needs', () => {
    expect(kinds).toEqual(['trend', 'comparison', 'multiples', 'map', 'bar-yoy', 'bar-target']);
    expect(chartKinds.map.requires).toContain('boundary');
    expect(chartKinds.trend.requires).not.toContain('boundary');
  });

  const needs: [string, Parameters<typeof missing>, string[]][] = [
    ['nothing lacking', [['value', 'boundary'], chartData(levels), { mapName: 'm' }], []],
    ['no boundary', [['value', 'boundary'], chartData(levels), { mapName: '' }], ['chart.no_map']],
    ['no values', [['value'], chartData([]), {}], ['chart.no_observations']],
    ['neither', [['value', 'boundary'], chartData([]), {}], ['chart.no_map', 'chart.no_observations']],
    ['a boundary not needed', [['value'], chartData(levels), {}], []],
  ];
  it.each(needs)('missing: %s', (_, args, keys) => {
    expect(missing(...args).map((r) => r.key)).toEqual(keys);
  });

  it('every kind gives reasons that are message keys in both languages', () => {
    for (const kind of kinds) {
      const outcome = drawChart(kind, chartData([]), specOf(kind), light);
      expect(outcome.ok, kind).toBe(false);
      if (outcome.ok) continue;
      for (const r of outcome.reasons) {
        expect(messages.zh[r.key]).toBeTruthy();
        expect(messages.en[r.key]).toBeTruthy();
      }
    }
  });

  it('a map without a boundary says so before anything else', () => {
    expect(drawChart('map', chartData(levels), { mapName: '' }, light)).toEqual({ ok: false, reasons: [{ key: 'chart.no_map' }] });
  });

  it('every option is safe', () => {
    for (const kind of kinds) {
      const outcome = drawChart(kind, chartData(levels), specOf(kind), light);
      expect(outcome.ok, kind).toBe(true);
      if (outcome.ok) expectSafe(outcome.option);
    }
  });

  it('says the reasons in words under the heading', () => {
    const drawn = inWords(drawChart('trend', chartData([]), {}, light), '压采量', 'zh');
    expect(drawn).toEqual({ ok: false, heading: '压采量', reasons: [messages.zh['chart.no_observations']] });
  });

  it('does not mutate its input', () => {
    const data = chartData(levels);
    const before = JSON.stringify(data);
    for (const kind of kinds) drawChart(kind, data, specOf(kind), light);
    expect(JSON.stringify(data)).toBe(before);
  });
});
