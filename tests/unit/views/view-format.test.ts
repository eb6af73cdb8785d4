/**
 * The view's number format (issue 25) on the ranking table, the KPI cards and the KPI slide; a
 * calculated indicator's definition on both; the linked filter's region marked in the ranking.
 */
import { describe, expect, it } from 'vitest';
import { buildRankingTable } from '../../../src/views/ranking';
import { buildKpiCards, buildKpiSlide } from '../../../src/views/kpi';
import { buildSlide } from '../../../src/views/slides';
import { light } from '../../../src/charts/theme';
import type { Indicator, Observation, ViewSpec } from '../../../src/domain/types';
import type { NumberFormat } from '../../../src/domain/chart-format';
import { data, HOSTILE, rows } from '../standalone/fixtures';

const ranking = (extra: Partial<ViewSpec> = {}): ViewSpec => ({ version: 1, kind: 'ranking', indicator: '造林面积', period: '2024', ...extra });
const overview = (extra: Partial<ViewSpec> = {}): ViewSpec => ({ version: 1, kind: 'overview', indicator: '造林面积', regions: ['甲县', '乙县'], ...extra });

/** A rate: its change told in points by default, in percent when the format asks. */
const rate: Indicator = { name: '还田率', baseUnit: '%', polarity: 'higher', targets: [] };
const rateRow = (region: string, period: string, value: number): Observation => ({ region, indicator: '还田率', period, value, unit: '%' });
const rateData = { indicator: rate, observations: [rateRow('甲县', '2023', 50), rateRow('甲县', '2024', 60)], locale: 'zh' as const };

describe('the ranking table under a number format', () => {
  const cases: [string, NumberFormat | undefined, string, string][] = [
    // name, format, 甲县's value, HOSTILE's value
    ['no format: the display unit, as before', undefined, '3.6万亩', '2.8万亩'],
    ['one decimal in 万', { decimals: 1, scale: '万' }, '3.6万亩', '2.8万亩'],
    ['whole numbers in the base unit', { scale: 'none' }, '36,000亩', '28,000亩'],
    ['no separators, no scaling, two decimals', { scale: 'none', thousands: false, decimals: 2 }, '36000.00亩', '28000.00亩'],
    ['three decimals in 万', { scale: '万', decimals: 3 }, '3.600万亩', '2.800万亩'],
  ];
  it.each(cases)('%s', (_name, format, jia, hostile) => {
    const table = buildRankingTable(data, ranking({ format }), light);
    const byRegion = new Map(table.rows.map((r) => [r.region, r.value]));
    expect(byRegion.get('甲县')).toBe(jia);
    expect(byRegion.get(HOSTILE)).toBe(hostile);
  });

  const changes: [string, NumberFormat | undefined, string][] = [
    ['a rate’s change in points by default', undefined, '▲10.0个百分点'],
    ['in percent when the format asks', { change: 'percent' }, '▲20.0%'],
    ['in points when the format asks', { change: 'points' }, '▲10.0个百分点'],
  ];
  it.each(changes)('%s', (_name, format, text) => {
    const table = buildRankingTable(rateData, { ...ranking({ format }), indicator: '还田率' }, light);
    expect(table.rows[0]!.change.text).toBe(text);
  });

  it('does not mutate its input', () => {
    const before = JSON.stringify(data);
    buildRankingTable(data, ranking({ format: { decimals: 1, scale: 'none' }, filter: '甲县' }), light);
    expect(JSON.stringify(data)).toBe(before);
  });
});

describe('the KPI cards and the KPI slide under a number format', () => {
  const cases: [string, NumberFormat | undefined, string[], string][] = [
    // name, format, the cards' values, the slide's value
    ['no format', undefined, ['3.6万亩', '3.6万亩'], '3.6万亩'],
    ['whole numbers in the base unit', { scale: 'none' }, ['36,000亩', '36,000亩'], '36,000亩'],
    ['two decimals in 万', { scale: '万', decimals: 2 }, ['3.60万亩', '3.60万亩'], '3.60万亩'],
    ['no separators', { scale: 'none', thousands: false }, ['36000亩', '36000亩'], '36000亩'],
  ];
  it.each(cases)('%s', (_name, format, cards, slide) => {
    expect(buildKpiCards(data, overview({ format }), light).cards.map((c) => c.value)).toEqual(cards);
    expect(buildKpiSlide({ name: '造林', spec: overview({ format }) }, data, light).kpi?.value).toBe(slide);
  });

  const changes: [string, NumberFormat | undefined, string, string][] = [
    // name, format, the card's 同比, the slide's change
    ['a rate’s 同比 in points by default', undefined, '同比 ▲10.0个百分点', '同比上升10.0个百分点'],
    ['in percent when the format asks', { change: 'percent' }, '同比 ▲20.0%', '同比上升20.0%'],
  ];
  it.each(changes)('%s', (_name, format, card, slide) => {
    const spec: ViewSpec = { version: 1, kind: 'overview', indicator: '还田率', format };
    expect(buildKpiCards(rateData, spec, light).cards[0]!.yoy?.text).toBe(card);
    expect(buildKpiSlide({ name: '还田', spec }, rateData, light).kpi?.change?.text).toBe(slide);
  });

  it('writes the slide’s target in the format’s unit too', () => {
    const spec = overview({ regions: ['甲县'], format: { scale: 'none' } });
    expect(buildKpiSlide({ name: '造林', spec }, data, light).kpi?.target?.value).toContain('40,000亩');
  });

  it('does not mutate its input', () => {
    const before = JSON.stringify(data);
    buildKpiCards(data, overview({ format: { decimals: 1 } }), light);
    buildKpiSlide({ name: '造林', spec: overview({ format: { decimals: 1 } }) }, data, light);
    expect(JSON.stringify(data)).toBe(before);
  });
});

describe('a calculated indicator’s definition on the cards and the table', () => {
  const definition = '计算指标：造林面积 ÷ 常住人口（亩/人）';
  const calculated = { ...data, indicator: { ...data.indicator, definition } };
  const cases: [string, typeof data, string][] = [
    ['said when calculated', calculated, definition],
    ['empty for a stored indicator', data, ''],
  ];
  it.each(cases)('%s', (_name, d, expected) => {
    expect(buildKpiCards(d, overview(), light).definition).toBe(expected);
    expect(buildRankingTable(d, ranking(), light).definition).toBe(expected);
  });
});

describe('the linked filter’s region marked in the ranking', () => {
  const cases: [string, string | undefined, string[], string][] = [
    // name, filter, the marked rows, the words said
    ['the filtered region’s row', '甲县', ['甲县'], '已筛选：甲县（其余地区变淡）'],
    ['a hostile name, as text', HOSTILE, [HOSTILE], `已筛选：${HOSTILE}（其余地区变淡）`],
    ['no filter: nothing marked', undefined, [], ''],
    ['a filter with no row (a total): nothing marked', '全市', [], ''],
  ];
  it.each(cases)('%s', (_name, filter, marked, words) => {
    const table = buildRankingTable(data, ranking({ filter }), light);
    expect(table.rows.filter((r) => r.chosen).map((r) => r.region)).toEqual(marked);
    expect(table.marked).toBe(words);
    expect(table.markedWord).toBe('已筛选');
  });

  it('keeps every row: the ranking is where a region is chosen', () => {
    expect(buildRankingTable(data, ranking({ filter: '甲县' }), light).rows).toHaveLength(rows.filter((o) => o.period === '2024' && !o.isTotal).length);
  });
});

describe('a chart slide keeps the view’s marking and format', () => {
  const cases: [string, ViewSpec, string][] = [
    // name, spec, what the slide's chart description says
    ['the comparison marks the filtered bar', { version: 1, kind: 'comparison', indicator: '造林面积', period: '2024', filter: '甲县' }, '已筛选：甲县（其余地区变淡）'],
    ['small multiples in the format’s unit', { version: 1, kind: 'multiples', indicator: '造林面积', format: { scale: '亿' } }, '亿亩'],
  ];
  it.each(cases)('%s', (_name, spec, expected) => {
    const slide = buildSlide('chart', { name: '造林', spec }, data, light);
    const option = ('option' in slide ? slide.option : undefined) as { title: { subtext?: string } | { subtext?: string }[] } | undefined;
    const title = option && (Array.isArray(option.title) ? option.title[0] : option.title);
    expect(title?.subtext?.endsWith(expected)).toBe(true);
  });
});
