import { describe, expect, it } from 'vitest';
import { buildView } from '../../../src/views/build-view';
import { light } from '../../../src/charts/theme';
import { rankPool } from '../../../src/analysis/region-levels';
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

describe('rankPool: the regions a comparison ranks among', () => {
  it.each<[string, string[], string[] | undefined]>([
    ['counties of one city: that city\'s counties', ['道里区', '南岗区'], ['道里区', '南岗区', '香坊区']],
    ['one county: still among its siblings', ['香坊区'], ['道里区', '南岗区', '香坊区']],
    ['counties of two cities: the province\'s counties', ['道里区', '龙沙区'], ['道里区', '南岗区', '香坊区', '龙沙区', '建华区']],
    ['cities: the cities, not their counties', ['哈尔滨市', '齐齐哈尔市'], ['哈尔滨市', '齐齐哈尔市']],
    ['levels mixed: every region', ['哈尔滨市', '道里区'], undefined],
    ['a region without a code: every region', ['道里区', '合计'], undefined],
    ['nothing chosen', [], undefined],
  ])('%s', (_, chosen, expected) => {
    const pool = rankPool(chosen, [...regions, { name: '合计' }]);
    expect(pool && [...pool]).toEqual(expected);
  });

  it('does not change its input', () => {
    const chosen = ['道里区'];
    const before = JSON.stringify([chosen, regions]);
    rankPool(chosen, regions);
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
    expect(subtitle).toContain('名次为全部 3 个地区中的名次');
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
  it('a list of names ranks every region, as before', () => {
    expect(ranking(['龙沙区'])).toHaveLength(rows.length);
  });
});
