import { describe, expect, it } from 'vitest';
import { buildRankingSlide, shownRows, SLIDE_RANKING_ROWS } from '../../../src/views/slide-ranking';
import { buildRankingTable } from '../../../src/views/ranking';
import { slideTheme } from '../../../src/views/slides';
import type { ChartData } from '../../../src/charts/types';
import type { Indicator, Observation, ViewSpec } from '../../../src/domain/types';

const area: Indicator = { name: '造林面积', baseUnit: '亩', polarity: 'higher', targets: [] };
/** `n` counties, 地区1 the largest; each with last year's value, so changes and rank moves exist. */
const rows = (n: number): Observation[] =>
  Array.from({ length: n }, (_, i) => [
    { region: `地区${i + 1}`, indicator: '造林面积', period: '2023', value: 1000 - i * 10, unit: '亩' },
    { region: `地区${i + 1}`, indicator: '造林面积', period: '2024', value: 1100 - i * 10, unit: '亩' },
  ]).flat();
const dataOf = (n: number): ChartData => ({ indicator: area, observations: rows(n), locale: 'zh' });
const spec = (extra: Partial<ViewSpec> = {}): ViewSpec => ({ version: 1, kind: 'ranking', indicator: '造林面积', ...extra });
const theme = slideTheme('good-green');

describe('shownRows', () => {
  it.each<[string, number, number, number | undefined, number[]]>([
    ['fewer rows than the slide holds: all', 4, 10, undefined, [0, 1, 2, 3]],
    ['exactly as many: all', 10, 10, 9, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]],
    ['more: the top ones', 18, 10, undefined, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]],
    ['the kept row among the top ones: the top ones', 18, 10, 3, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]],
    ['the kept row below: the top ones, a gap, the kept row', 18, 10, 14, [0, 1, 2, 3, 4, 5, 6, 7, 14]],
    ['the kept row just below the top: still a gap row counted', 18, 10, 10, [0, 1, 2, 3, 4, 5, 6, 7, 10]],
  ])('%s', (_, count, held, kept, expected) => {
    expect(shownRows(count, held, kept)).toEqual(expected);
  });
});

describe('buildRankingSlide', () => {
  it("is the tab's table from the top: the same ranks, regions, values, changes and words", () => {
    const data = dataOf(18);
    const tab = buildRankingTable(data, spec(), theme);
    const slide = buildRankingSlide(spec(), data, theme);
    expect(slide.rows).toHaveLength(SLIDE_RANKING_ROWS);
    expect(slide.rows.map(({ gapBefore, ...row }) => [gapBefore, row])).toEqual(
      tab.rows.slice(0, SLIDE_RANKING_ROWS).map((row) => [false, row]),
    );
    expect(slide.caption).toBe('造林面积：排名（2024年）');
    expect(slide.columns.map((c) => c.label)).toEqual(tab.columns);
    expect(slide.more).toBe('另有 8 项未列出，全部名次见看板“排名”。');
  });

  it('keeps the filtered region at its own rank, after a gap, marked in words', () => {
    const slide = buildRankingSlide(spec({ filter: '地区15' }), dataOf(18), theme);
    expect(slide.rows.map((r) => `${r.rank} ${r.region}${r.gapBefore ? ' (gap)' : ''}${r.chosen ? ' *' : ''}`)).toEqual([
      ...Array.from({ length: 8 }, (_, i) => `${i + 1} 地区${i + 1}`),
      '15 地区15 (gap) *',
    ]);
    expect(slide.notes).toEqual(['已筛选：地区15（其余地区变淡）']);
    expect(slide.markedWord).toBe('已筛选');
    expect(slide.more).toBe('另有 9 项未列出，全部名次见看板“排名”。');
  });

  it('on half a slide: the rank move and the sparkline go, the rows stay', () => {
    const slide = buildRankingSlide(spec(), dataOf(12), theme, true);
    expect(slide.columns.map((c) => c.key)).toEqual(['rank', 'region', 'value', 'change', 'target']);
    expect(slide.columns.map((c) => c.label)).toEqual(['名次', '地区', '数值', '比上期', '目标完成']);
    expect(slide.rows).toHaveLength(SLIDE_RANKING_ROWS);
  });

  it('a few regions: all of them, nothing said as left out', () => {
    const slide = buildRankingSlide(spec(), dataOf(3), theme);
    expect([slide.rows.length, slide.more, slide.empty]).toEqual([3, undefined, undefined]);
  });

  it('nothing to rank: says so instead of a table', () => {
    const slide = buildRankingSlide(spec({ period: '2030' }), dataOf(3), theme);
    expect([slide.rows, slide.empty]).toEqual([[], '该时期没有可排名的地区数据。']);
  });

  it('in English', () => {
    const slide = buildRankingSlide(spec(), { ...dataOf(12), locale: 'en' }, theme);
    expect(slide.more).toBe('2 more not listed: every rank is on the dashboard’s Ranking tab.');
  });

  it('does not mutate its input', () => {
    const data = dataOf(18);
    const s = spec({ filter: '地区15' });
    const before = JSON.stringify([data, s]);
    buildRankingSlide(s, data, theme);
    expect(JSON.stringify([data, s])).toBe(before);
  });
});
