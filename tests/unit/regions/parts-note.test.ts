import { describe, expect, it } from 'vitest';
import * as table from '../../../src/regions';
import { partsConflictsOf, partsNoteLines, regionNamer } from '../../../src/views/parts-note';
import { valueFormatter } from '../../../src/charts/format';
import { loadLocale, type Locale } from '../../../src/domain/messages/index';
import type { Indicator, Observation } from '../../../src/domain/types';

const area: Indicator = { name: '造林面积', baseUnit: '亩', displayUnit: '万亩', polarity: 'higher', targets: [] };
const rate: Indicator = { ...area, name: '造林面积', baseUnit: '%', displayUnit: undefined };
const o = (region: string, regionCode: string, value: number, extra: Partial<Observation> = {}): Observation => ({
  region,
  regionCode,
  indicator: '造林面积',
  period: '2024',
  value,
  unit: '亩',
  ...extra,
});
// 七台河市 (230900) has exactly four county-level divisions: 新兴区, 桃山区, 茄子河区, 勃利县.
const counties = [o('新兴区', '230902', 100000), o('桃山区', '230903', 200000), o('茄子河区', '230904', 300000), o('勃利县', '230921', 400000)];
const city = o('七台河市', '230900', 900000);
const rows = [city, ...counties];
const lines = (conflicts: ReturnType<typeof partsConflictsOf>, locale: Locale, data: Observation[] = rows) =>
  partsNoteLines(conflicts, locale, valueFormatter(area, data, locale), regionNamer(data, table));

describe('the model of the note on a reported value against its parts\' sum', () => {
  it.each<[string, Indicator, Observation[], typeof table | undefined, Observation[] | undefined, string[]]>([
    ['an additive indicator: the city is listed', area, rows, table, undefined, ['七台河市']],
    ['a rate never adds up: nothing', rate, rows, table, undefined, []],
    ['an indicator summed by the user\'s setting though its unit is unknown', { ...area, baseUnit: '分', displayUnit: undefined, aggregation: 'sum' }, rows, table, undefined, ['七台河市']],
    ['an area the user set as not additive: nothing', { ...area, aggregation: 'none' }, rows, table, undefined, []],
    ['the table not loaded yet: nothing', area, rows, undefined, undefined, []],
    ['another indicator\'s rows are left out', area, rows.map((r) => ({ ...r, indicator: '其他' })), table, undefined, []],
    ['a chart drawing the city: listed', area, rows, table, [city], ['七台河市']],
    ['a chart drawing one of its counties (a drill): listed', area, rows, table, [counties[1]], ['七台河市']],
    ['a chart drawing another period: not listed', area, rows, table, [{ ...city, period: '2023' }], []],
    ['a chart drawing another city: not listed', area, [...rows, o('鸡西市', '230300', 5)], table, [o('鸡西市', '230300', 5)], []],
  ])('%s', (_, indicator, data, t, drawn, expected) => {
    expect(partsConflictsOf(indicator, data, t, drawn).map((c) => c.region)).toEqual(expected);
  });

  it('the lines: the rule, then the region, its reported value and its parts\' sum in the indicator\'s unit', () => {
    expect(lines(partsConflictsOf(area, rows, table), 'zh')).toEqual([
      '注：有 1 处地区的上报值与其下级汇总不一致；图表采用上报值，下级汇总是计算值，不替代上报值。',
      '七台河市 2024年：上报 90万亩，4 个下级汇总为 100万亩',
    ]);
  });

  it('a sum with gaps says which parts it lacks, by the data\'s names, else the table\'s', () => {
    const data = [o('七台河市', '230900', 500000), ...counties.slice(0, 3)];
    const found = partsConflictsOf(area, data, table);
    expect(found[0]).toMatchObject({ complete: false, missing: ['230921'], partCodes: ['230902', '230903', '230904'] });
    expect(lines(found, 'zh', data)[1]).toBe('七台河市 2024年：上报 50万亩，3 个下级汇总为 60万亩（下级不全，缺 勃利县，汇总仍已超过上报值）');
  });

  it('in English', async () => {
    await loadLocale('en');
    const [note, item] = lines(partsConflictsOf(area, rows, table), 'en');
    expect(note).toMatch(/^Note: 1 regions report a value that differs from the sum of their parts/);
    expect(item).toMatch(/^七台河市 2024: reported .+; its 4 parts sum to /);
  });

  it('lists the first three and counts the others', () => {
    const years = ['2021', '2022', '2023', '2024', '2025'];
    const data = years.flatMap((period) => rows.map((r) => ({ ...r, period })));
    const out = lines(partsConflictsOf(area, data, table), 'zh', data);
    expect(out).toHaveLength(5);
    expect(out[0]).toContain('有 5 处');
    expect(out[4]).toBe('另有 2 处未列出。');
  });

  it('nothing disagrees: no lines', () => {
    expect(lines(partsConflictsOf(area, [o('七台河市', '230900', 1000000), ...counties], table), 'zh')).toEqual([]);
  });

  it('does not change its input', () => {
    const data = [o('七台河市', '230900', 500000), ...counties.slice(0, 3)];
    const before = JSON.stringify(data);
    lines(partsConflictsOf(area, data, table, [data[0]]), 'zh', data);
    expect(JSON.stringify(data)).toBe(before);
  });
});
