/**
 * Linked filtering's pure part (src/views/linked-filter.ts), the filter in the view spec and its
 * link, what the filter narrows in the view models, and the watermark an embed's document carries.
 */
import { describe, expect, it } from 'vitest';
import {
  escapeClears,
  filterPatch,
  linkedRegions,
  periodOfLabel,
  regionOfItem,
  withFilterNote,
  type EscapePress,
} from '../../../src/views/linked-filter';
import { validateViewSpec, viewSpecFromSearchParams, viewSpecToSearchParams } from '../../../src/export/view-spec';
import { buildView } from '../../../src/views/build-view';
import { buildKpiCards, buildKpiSlide } from '../../../src/views/kpi';
import { buildSlideChart, slideTheme } from '../../../src/views/slides';
import { light } from '../../../src/charts/theme';
import type { ViewSpec } from '../../../src/domain/types';
import { buildChartDocument, readChartDocument } from '../../../src/standalone/document';
import { isWatermarkText, MAX_WATERMARK_LENGTH } from '../../../src/export/watermark';
import { data, HOSTILE, rows } from '../standalone/fixtures';

const spec: ViewSpec = { version: 1, kind: 'trend', indicator: '造林面积', regions: ['全市', '甲县', '乙县'] };

describe('linkedRegions', () => {
  it.each<[string, Pick<ViewSpec, 'regions' | 'filter'>, string[] | undefined]>([
    ['the filter alone', { regions: ['甲县', '乙县'], filter: '乙县' }, ['乙县']],
    ['a filter not among the regions still alone', { regions: ['甲县'], filter: '乙县' }, ['乙县']],
    ['no filter: the view’s regions', { regions: ['甲县'] }, ['甲县']],
    ['no filter and no regions: the default', {}, undefined],
    ['an empty filter is no filter', { regions: ['甲县'], filter: '' }, ['甲县']],
  ])('%s', (_, s, expected) => {
    expect(linkedRegions(s)).toEqual(expected);
  });

  it('does not change its input', () => {
    const s = { regions: ['甲县', '乙县'], filter: '乙县' };
    const out = linkedRegions(s);
    out?.push('丙县');
    expect(s).toEqual({ regions: ['甲县', '乙县'], filter: '乙县' });
  });
});

describe('withFilterNote', () => {
  it.each<[string, string | undefined, string | undefined, 'zh' | 'en', string | undefined]>([
    ['said in Chinese', undefined, '道里区', 'zh', '已筛选：道里区'],
    ['after the view’s own subtitle', '示例数据', '道里区', 'zh', '示例数据  已筛选：道里区'],
    ['said in English', undefined, 'Daoli', 'en', 'Filtered: Daoli'],
    ['no filter: the subtitle as it was', '示例数据', undefined, 'zh', '示例数据'],
    ['no filter, no subtitle', undefined, undefined, 'zh', undefined],
  ])('%s', (_, subtitle, filter, locale, expected) => {
    expect(withFilterNote(subtitle, filter, locale)).toBe(expected);
  });
});

describe('regionOfItem', () => {
  const regions = ['哈尔滨市', '道里区', '南岗区', '一个非常长的地区名称'.repeat(6)];
  const cut = (r: string) => (r.length > 40 ? `${r.slice(0, 39)}…` : r);
  it.each<[string, string, string | undefined]>([
    ['a bar named as the region', '道里区', '道里区'],
    ['a bar with its rank', '1. 哈尔滨市', '哈尔滨市'],
    ['a tied rank', '2.（并列）南岗区', '南岗区'],
    ['an equal rank', '=2. 南岗区', '南岗区'],
    ['a name cut for the chart', cut(regions[3]), regions[3]],
    ['a reference line is no region', '全市合计', undefined],
  ])('%s', (_, name, expected) => {
    expect(regionOfItem(name, regions, cut)).toBe(expected);
  });
});

describe('periodOfLabel', () => {
  it.each<[string, string, 'zh' | 'en', string | undefined]>([
    ['a year label', '2023年', 'zh', '2023'],
    ['a month label', '2024年3月', 'zh', '2024-03'],
    ['the key itself', '2024-03', 'zh', '2024-03'],
    ['an English year', '2023', 'en', '2023'],
    ['a period the data does not have', '2019年', 'zh', undefined],
  ])('%s', (_, label, locale, expected) => {
    expect(periodOfLabel(label, ['2023', '2024-03'], locale)).toBe(expected);
  });
});

describe('filterPatch', () => {
  it.each<[string, string, string[] | undefined, Partial<ViewSpec>]>([
    ['a county: the filter alone', '道里区', undefined, { filter: '道里区' }],
    ['a city with counties: the filter and its parts', '哈尔滨市', ['道里区', '南岗区'], { filter: '哈尔滨市', regions: ['道里区', '南岗区'] }],
    ['no parts is no drill', '哈尔滨市', [], { filter: '哈尔滨市' }],
  ])('%s', (_, region, parts, expected) => {
    expect(filterPatch(region, parts)).toEqual(expected);
  });

  it('does not share or change the parts it was given', () => {
    const parts = ['道里区', '南岗区'];
    const patch = filterPatch('哈尔滨市', parts);
    patch.regions?.push('香坊区');
    expect(parts).toEqual(['道里区', '南岗区']);
  });
});

describe('escapeClears', () => {
  const press: EscapePress = { key: 'Escape', defaultPrevented: false, targetTag: 'BODY', dialogOpen: false };
  it.each<[string, Partial<EscapePress>, boolean]>([
    ['Escape on the page', {}, true],
    ['Escape on a button', { targetTag: 'BUTTON' }, true],
    ['another key', { key: 'Enter' }, false],
    ['a dialog open closes first', { dialogOpen: true }, false],
    ['used already', { defaultPrevented: true }, false],
    ['in a text field', { targetTag: 'INPUT' }, false],
    ['in a list', { targetTag: 'SELECT' }, false],
  ])('%s', (_, change, expected) => {
    expect(escapeClears({ ...press, ...change })).toBe(expected);
  });
});

describe('the filter in a view spec and its link', () => {
  it.each<[string, ViewSpec, string]>([
    ['a filtered trend', { ...spec, filter: '乙县' }, 'f=%E4%B9%99%E5%8E%BF'],
    ['a filter with a period', { ...spec, kind: 'comparison', filter: '甲县', period: '2023' }, 'p=2023'],
    ['a long name goes as its key', { ...spec, filter: '长'.repeat(80) }, 'f=%7Ek'],
  ])('%s goes round a link unchanged', (_, s, inLink) => {
    const params = viewSpecToSearchParams(s);
    expect(params.toString()).toContain(inLink);
    const back = viewSpecFromSearchParams(params);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    if (s.filter!.length > 60) expect(back.spec.filter).toMatch(/^~k/);
    else expect(back.spec).toEqual(s);
  });

  it('an old link without it opens unfiltered', () => {
    const back = viewSpecFromSearchParams(new URLSearchParams('view=trend&ind=造林面积&r=甲县'));
    expect(back.ok && back.spec.filter).toBe(undefined);
    expect(back.ok && back.spec.regions).toEqual(['甲县']);
  });

  it.each<[string, unknown, boolean]>([
    ['a name', '乙县', true],
    ['empty reads as none', '', true],
    ['a number is refused', 3, false],
    ['a list is refused', ['乙县'], false],
    ['too long is refused', 'x'.repeat(201), false],
  ])('a saved view’s filter: %s', (_, filter, ok) => {
    const result = validateViewSpec({ ...spec, filter });
    expect(result.ok).toBe(ok);
    if (result.ok) expect(result.spec.filter).toBe(filter === '' ? undefined : filter);
  });

  it('validating does not change the spec it reads', () => {
    const raw = { ...spec, filter: '乙县', regions: ['甲县'] };
    validateViewSpec(raw);
    expect(raw).toEqual({ ...spec, filter: '乙县', regions: ['甲县'] });
  });
});

describe('what the filter narrows in the view models', () => {
  const seriesNames = (s: ViewSpec) => {
    const model = buildView(s, data, { theme: light });
    if (model.type !== 'chart' || !model.chart.ok) throw new Error('not drawn');
    const option = model.chart.option as { series: { name?: string }[]; title: { subtext: string } };
    return { names: option.series.map((x) => x.name).filter((n) => n && !n.includes('目标')), subtitle: option.title.subtext };
  };

  it('a filtered trend draws the region alone and says so', () => {
    const { names, subtitle } = seriesNames({ ...spec, filter: '乙县' });
    expect(names).toEqual(['乙县']);
    expect(subtitle).toContain('已筛选：乙县');
  });

  it('an unfiltered trend draws its regions and says nothing of a filter', () => {
    const { names, subtitle } = seriesNames(spec);
    expect(names).toEqual(['全市', '甲县', '乙县']);
    expect(subtitle).not.toContain('已筛选');
  });

  it('a filtered comparison still compares every region', () => {
    const model = buildView({ ...spec, kind: 'comparison', regions: undefined, filter: '乙县', period: '2024' }, data, { theme: light });
    expect(model.type === 'chart' && model.chart.ok && JSON.stringify(model.chart.option)).toContain('甲县');
  });

  it('a filtered overview: cards and trend of the region, the comparison of all', () => {
    const model = buildView({ ...spec, kind: 'overview', regions: undefined, filter: '甲县' }, data, { theme: light });
    if (model.type !== 'overview') throw new Error('not an overview');
    expect(model.cards.cards.map((c) => c.region)).toEqual(['甲县']);
    const [trend, comparison] = model.charts.map((c) => (c.ok ? JSON.stringify(c.option) : ''));
    expect(trend).toContain('已筛选：甲县');
    expect(trend).not.toContain('"name":"乙县"');
    expect(comparison).toContain('乙县');
  });

  it('KPI cards of a filtered view show the region alone', () => {
    expect(buildKpiCards(data, { ...spec, kind: 'overview', filter: HOSTILE }, light).cards.map((c) => c.region)).toEqual([HOSTILE]);
  });

  it('a saved view’s slides keep the filter: the trend slide and the KPI slide show the region', () => {
    const view = { name: '造林', spec: { ...spec, filter: '乙县' } };
    const { option } = buildSlideChart(view, data, slideTheme('good-green'));
    const names = (option as { series: { name?: string }[] }).series.map((x) => x.name).filter((n) => n && !n.includes('目标'));
    expect(names).toEqual(['乙县']);
    expect(buildKpiSlide({ ...view, spec: { ...view.spec, kind: 'overview' } }, data, slideTheme('good-green')).kpi?.region).toContain('乙县');
    expect(buildKpiSlide({ name: '造林', spec: { ...spec, kind: 'overview' } }, data, slideTheme('good-green')).kpi?.region).not.toContain('乙县');
  });

  it('building does not change the data', () => {
    const before = JSON.stringify(rows);
    buildView({ ...spec, kind: 'overview', filter: '甲县' }, data, { theme: light });
    expect(JSON.stringify(rows)).toBe(before);
  });
});

describe('the watermark an embed carries', () => {
  const doc = buildChartDocument({ title: '造林面积', locale: 'zh', theme: 'light', charts: [{ spec, observations: rows, indicator: data.indicator }] });
  const read = (watermark: unknown) => readChartDocument(JSON.parse(JSON.stringify(watermark === undefined ? doc : { ...doc, watermark })));

  it.each<[string, unknown, boolean, string | undefined]>([
    ['absent (an older embed, or none set)', undefined, true, undefined],
    ['the text as set', '内部资料  某市统计局  2026-12-07', true, '内部资料  某市统计局  2026-12-07'],
    ['empty is refused', '', false, undefined],
    ['a number is refused', 7, false, undefined],
    ['longer than a watermark can be is refused', '密'.repeat(MAX_WATERMARK_LENGTH + 1), false, undefined],
  ])('%s', (_, watermark, ok, expected) => {
    const result = read(watermark);
    expect(result.ok).toBe(ok);
    if (result.ok) expect(result.document.watermark).toBe(expected);
  });

  it.each<[unknown, boolean]>([
    ['内部资料', true],
    ['   ', false],
    [null, false],
    ['𠀀'.repeat(MAX_WATERMARK_LENGTH), true],
  ])('isWatermarkText(%j) is %s', (value, expected) => {
    expect(isWatermarkText(value)).toBe(expected);
  });
});
