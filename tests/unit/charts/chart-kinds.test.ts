import { describe, expect, it } from 'vitest';
import { chartKinds } from '../../../src/charts';
import { messages } from '../../../src/domain/messages';
import { charts as chartsZh } from '../../../src/domain/messages/charts';
import { charts as chartsEn } from '../../../src/domain/messages/en/charts';

/** The part in both locales, as the catalogue pairs them. */
const charts = { zh: chartsZh, en: chartsEn };
import { light } from '../../../src/charts/theme';
import { chartData, levels } from './sample-data';
import { expectSafe } from './expect-safe';

describe('chartKinds', () => {
  it('declares what each kind needs', () => {
    expect(Object.keys(chartKinds)).toEqual(['trend', 'comparison', 'multiples', 'sparkline', 'map']);
    expect(chartKinds.map.requires).toContain('boundary');
    expect(chartKinds.trend.requires).toEqual(['region', 'period', 'value']);
  });

  it('every kind gives reasons that are message keys in both languages', () => {
    const reasons = [
      ...chartKinds.trend.check(chartData([])),
      ...chartKinds.comparison.check(chartData([])),
      ...chartKinds.multiples.check(chartData([])),
      ...chartKinds.sparkline.check(chartData([]), { region: '' }),
      ...chartKinds.map.check(chartData([]), { mapName: '' }),
    ];
    expect(reasons.length).toBe(5);
    for (const r of reasons) {
      expect(messages.zh[r.key]).toBeTruthy();
      expect(messages.en[r.key]).toBeTruthy();
    }
  });

  it('every option is safe', () => {
    const data = chartData(levels);
    for (const option of [
      chartKinds.trend.build(data, {}, light),
      chartKinds.comparison.build(data, {}, light),
      chartKinds.multiples.build(data, {}, light),
      chartKinds.sparkline.build(data, { region: '道里区' }, light),
      chartKinds.map.build(data, { mapName: 'm' }, light),
    ]) {
      expectSafe(option);
    }
  });
});

describe('chart messages', () => {
  it('have the same keys in zh and en, none empty', () => {
    expect(Object.keys(charts.en).sort()).toEqual(Object.keys(charts.zh).sort());
    for (const v of [...Object.values(charts.zh), ...Object.values(charts.en)]) expect(v.trim()).not.toBe('');
  });

  it('use the same placeholders in both languages', () => {
    const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort().join();
    for (const key of Object.keys(charts.zh)) expect(holes(charts.en[key]), key).toBe(holes(charts.zh[key]));
  });
});
