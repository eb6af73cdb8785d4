import { describe, expect, it } from 'vitest';
import { buildView } from '../../../src/views/build-view';
import { light } from '../../../src/charts/theme';
import { rankPoolOf } from '../../../src/analysis/region-levels';
import { rankAmong } from '../../../src/charts/rank-note';
import { loadLocale } from '../../../src/domain/messages/index';
import type { Indicator, Observation, ViewSpec } from '../../../src/domain/types';

const area: Indicator = { name: '造林面积', baseUnit: '亩', polarity: 'higher', targets: [] };
const o = (region: string, regionCode: string, value: number): Observation => ({ region, regionCode, indicator: area.name, period: '2024', value, unit: '亩' });
// Two cities and their counties; the cities' values are far larger than any county's.
const rows: Observation[] = [
  o('哈尔滨市', '230100', 9000),
  o('齐齐哈尔市', '230200', 8000),
  o('道里区', '230102', 50),
  o('南岗区', '230103', 40),
  o('香坊区', '230110', 30),
  o('龙沙区', '230202', 60),
  o('建华区', '230203', 20),
];
const regions = rows.map((r) => ({ name: r.region, code: r.regionCode }));

/** The comparison's bar labels (rank and name) and its subtitle, as drawn. */
function drawn(spec: Partial<ViewSpec>) {
  const view = buildView({ version: 1, kind: 'comparison', indicator: area.name, ...spec }, { indicator: area, observations: rows, locale: 'zh' }, { theme: light });
  if (view.type !== 'chart' || !view.chart.ok) throw new Error('not drawn');
  const option = view.chart.option as { yAxis: { data: string[] }; title: { subtext?: string }[] | { subtext?: string } };
  const title = Array.isArray(option.title) ? option.title[0] : option.title;
  return { labels: option.yAxis.data, subtitle: title?.subtext ?? '' };
}

describe('rankPoolOf: the regions a comparison ranks among, and the division they lie in', () => {
  it.each<[string, string[], string[] | undefined, string | undefined]>([
    ['counties of one city: that city\'s counties', ['道里区', '南岗区'], ['道里区', '南岗区', '香坊区'], '230100'],
    ['one county: still among its siblings', ['香坊区'], ['道里区', '南岗区', '香坊区'], '230100'],
    ['counties of two cities: the province\'s counties', ['道里区', '龙沙区'], ['道里区', '南岗区', '香坊区', '龙沙区', '建华区'], '230000'],
    ['cities: the cities, not their counties', ['哈尔滨市', '齐齐哈尔市'], ['哈尔滨市', '齐齐哈尔市'], '230000'],
    ['levels mixed: every region', ['哈尔滨市', '道里区'], undefined, undefined],
    ['a region without a code: every region', ['道里区', '合计'], undefined, undefined],
    ['nothing chosen', [], undefined, undefined],
  ])('%s', (_, chosen, expected, within) => {
    const pool = rankPoolOf(chosen, [...regions, { name: '合计' }]);
    expect(pool && [...pool.names]).toEqual(expected);
    expect(pool?.within).toBe(within);
  });

  it('a municipality\'s districts lie in the municipality (110100 is no division)', () => {
    const beijing = [{ name: '东城区', code: '110101' }, { name: '西城区', code: '110102' }];
    expect(rankPoolOf(['东城区'], beijing)).toEqual({ names: new Set(['东城区', '西城区']), level: 2, within: '110000' });
  });

  it('provinces of the whole country lie in no one division', () => {
    expect(rankPoolOf(['黑龙江省'], [{ name: '黑龙江省', code: '230000' }, { name: '吉林省', code: '220000' }])).toEqual({ names: new Set(['黑龙江省', '吉林省']), level: 0 });
  });

  it('does not change its input', () => {
    const chosen = ['道里区'];
    const before = JSON.stringify([chosen, regions]);
    rankPoolOf(chosen, regions);
    expect(JSON.stringify([chosen, regions])).toBe(before);
  });
});

describe('a drilled comparison ranks among siblings', () => {
  it('the children of 哈尔滨市 (a rule) are ranked 1–3 among themselves, with no "among all" note', () => {
    const { labels, subtitle } = drawn({ regions: ['@children:230100'] });
    expect(labels).toEqual(['1. 道里区', '2. 南岗区', '3. 香坊区']);
    expect(subtitle).not.toContain('名次为全部');
  });

  it('two of 哈尔滨\'s counties are ranked among its three, not among all seven regions', () => {
    const { labels, subtitle } = drawn({ regions: ['南岗区', '香坊区'] });
    expect(labels).toEqual(['2. 南岗区', '3. 香坊区']);
    expect(subtitle).toContain('名次为哈尔滨市所辖 3 个区县中的名次');
    expect(subtitle).not.toContain('名次为全部');
  });

  it('the cities with none chosen are ranked among the cities', () => {
    const { labels, subtitle } = drawn({});
    expect(labels).toEqual(['1. 哈尔滨市', '2. 齐齐哈尔市']);
    expect(subtitle).not.toContain('名次为全部 7');
  });
});

describe('a ranking of the children of a region', () => {
  const ranking = (regions?: string[]) => {
    const view = buildView({ version: 1, kind: 'ranking', indicator: area.name, regions }, { indicator: area, observations: rows, locale: 'zh' }, { theme: light });
    if (view.type !== 'ranking') throw new Error('not a ranking');
    return view.table.rows.map((r) => `${r.rank} ${r.region}`);
  };
  it('ranks only the children the rule chooses', () => {
    expect(ranking(['@children:230200'])).toEqual(['1 龙沙区', '2 建华区']);
  });
  it.each<[string, string[] | undefined, string]>([
    ['a drill\'s rule: the note names the city', ['@children:230200'], '名次为齐齐哈尔市所辖 2 个区县中的名次'],
    ['the picker\'s 全部区县 of 哈尔滨市', ['@counties:230100'], '名次为哈尔滨市所辖 3 个区县中的名次'],
    ['a rule on a division the data does not name', ['@counties:230000'], '名次为同一上级所辖 5 个区县中的名次'],
    ['names: every region is ranked, nothing to say', ['龙沙区'], ''],
    ['nothing chosen', undefined, ''],
  ])('its note: %s', (_, regions, expected) => {
    const view = buildView({ version: 1, kind: 'ranking', indicator: area.name, regions }, { indicator: area, observations: rows, locale: 'zh' }, { theme: light });
    if (view.type !== 'ranking') throw new Error('not a ranking');
    expect(view.table.note ?? '').toBe(expected);
  });
  it('a list of names ranks every region, as before', () => {
    expect(ranking(['龙沙区'])).toHaveLength(rows.length);
  });
});

describe('the rank note names the division the ranks count in', () => {
  it.each<[string, Parameters<typeof rankAmong>[0], string, string]>([
    ['a city\'s counties, the city in the data', { within: '230100', level: 2 }, 'zh', '名次为哈尔滨市所辖 18 个区县中的名次'],
    ['a province\'s cities, the province not in the data', { within: '230000', level: 1 }, 'zh', '名次为同一上级所辖 18 个地市中的名次'],
    ['regions of several levels (a province\'s children)', { within: '230100' }, 'zh', '名次为哈尔滨市所辖 18 个地区中的名次'],
    ['no one division: among all', { level: 2 }, 'zh', '名次为全部 18 个地区中的名次'],
    ['no pool: among all', undefined, 'zh', '名次为全部 18 个地区中的名次'],
    ['in English', { within: '230100', level: 2 }, 'en', 'Ranks are among the 18 counties of 哈尔滨市'],
    ['in English, unnamed', { within: '230000', level: 1 }, 'en', 'Ranks are among the 18 cities under the same parent'],
    ['unnamed, but every coded region of the data: among all', { within: '230000', level: 1, names: new Set(regions.map((r) => r.name)) }, 'zh', '名次为全部 18 个地区中的名次'],
    ['unnamed, some coded regions outside the pool', { within: '230000', level: 1, names: new Set([regions[0]!.name]) }, 'zh', '名次为同一上级所辖 18 个地市中的名次'],
  ])('%s', async (_, pool, locale, expected) => {
    if (locale === 'en') await loadLocale('en');
    expect(rankAmong(pool, 18, regions, locale as 'zh' | 'en')).toBe(expected);
  });

  it('a comparison of chosen cities among the province\'s cities names the province when the data does', () => {
    const withProvince = [...rows, o('黑龙江省', '230000', 20000), o('牡丹江市', '231000', 7000)];
    const view = buildView({ version: 1, kind: 'comparison', indicator: area.name, regions: ['哈尔滨市', '齐齐哈尔市'] }, { indicator: area, observations: withProvince, locale: 'zh' }, { theme: light });
    if (view.type !== 'chart' || !view.chart.ok) throw new Error('not drawn');
    const title = view.chart.option.title as { subtext?: string }[] | { subtext?: string };
    expect((Array.isArray(title) ? title[0] : title)?.subtext).toContain('名次为黑龙江省所辖 3 个地市中的名次');
  });
});
