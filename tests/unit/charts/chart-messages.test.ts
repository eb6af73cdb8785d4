import { describe, expect, it } from 'vitest';
import { charts as chartsZh } from '../../../src/domain/messages/charts';
import { charts as chartsEn } from '../../../src/domain/messages/en/charts';

/** The part in both locales, as the catalogue pairs them. */
const charts = { zh: chartsZh, en: chartsEn };

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
