/**
 * Golden files of every view model on the sample data (data/sample-trends.csv through the real
 * importer): what each view says, as a reader reads it (headings, axis labels, series, tooltip
 * and label formatter output, ranking words, KPI text, slide text), numbers to 4 significant
 * digits. A change to any of it shows here as a diff of tests/unit/views/golden/<name>.json;
 * write the files again with `UPDATE_GOLDEN=1` when the change is intended.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestText } from '../../../src/ingest';
import { inferPolarity } from '../../../src/store/polarity';
import type { Indicator, Observation, ViewKind, ViewSpec } from '../../../src/domain/types';
import type { ChartData } from '../../../src/charts/types';
import { light } from '../../../src/charts/theme';
import { buildView, viewKinds, type ViewData } from '../../../src/views/build-view';
import { buildSlide, slideKinds, slideTheme, type SlideKindName, type SlideMap, type SlideOf } from '../../../src/views/slides';
import type { DrawnChart } from '../../../src/views/types';
import { roundNumbers } from '../charts/round-numbers';

const text = readFileSync(join(process.cwd(), 'data', 'sample-trends.csv'), 'utf8').replace(/^\uFEFF/, '');
const observations = ingestText(text).records as Observation[];

function indicatorOf(name: string): Indicator {
  const unit = observations.find((o) => o.indicator === name)?.unit ?? '';
  return { name, baseUnit: unit, polarity: inferPolarity(name), targets: [] };
}

const dataOf = (name: string): ChartData => ({ indicator: indicatorOf(name), observations: observations.filter((o) => o.indicator === name), locale: 'zh' });

/** A view's data: 按地区 draws from every indicator's rows (of one dataset here), the others from their indicator's. */
const viewDataOf = (s: ViewSpec): ViewData =>
  s.kind === 'region'
    ? {
        ...dataOf(s.indicator),
        observations: observations.map((o) => ({ ...o, datasetId: 'sample' })),
        regionSet: { indicators: [...new Set(observations.map((o) => o.indicator))].map(indicatorOf), datasets: [{ id: 'sample', name: '示例数据' }] },
      }
    : dataOf(s.indicator);

type Fn = (...args: unknown[]) => unknown;
const call = (f: unknown, ...args: unknown[]): unknown => (typeof f === 'function' ? (f as Fn)(...args) : f);
const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** What a reader reads off a chart: titles, axes, series with their values, and every formatter's words. */
function reading(chart: DrawnChart): unknown {
  if (!chart.ok) return { heading: chart.heading, reasons: chart.reasons };
  const o = chart.option as Record<string, unknown>;
  const series = list(o.series as Record<string, unknown>[] | undefined);
  const points = series.flatMap((s, seriesIndex) => {
    const data = list(s.data as unknown[]);
    const last = data.length - 1;
    return [0, last].filter((i, k) => i >= 0 && (k === 0 || i !== 0)).map((dataIndex) => ({ seriesIndex, dataIndex, seriesName: s.name, name: '', value: data[dataIndex], data: data[dataIndex] }));
  });
  const tooltip = o.tooltip as { formatter?: unknown } | undefined;
  return {
    heading: chart.heading,
    titles: list(o.title as { text?: string; subtext?: string }[]).map((t) => [t.text, t.subtext]),
    axes: [...list(o.xAxis as Record<string, unknown>[]), ...list(o.yAxis as Record<string, unknown>[])].map((a) => ({
      name: a.name,
      data: a.data,
      labels: Array.isArray(a.data) ? [] : [call((a.axisLabel as { formatter?: unknown } | undefined)?.formatter, 1234.5)],
    })),
    series: series.map((s) => ({
      type: s.type,
      name: s.name,
      data: s.data,
      endLabel: call((s.endLabel as { formatter?: unknown } | undefined)?.formatter, { seriesIndex: 0, dataIndex: 0 }),
      label: call((s.label as { formatter?: unknown } | undefined)?.formatter, { dataIndex: 0, seriesIndex: 0, value: list(s.data as unknown[])[0] }),
    })),
    tooltip: points.map((p) => call(tooltip?.formatter, tooltip && (o.tooltip as { trigger?: string }).trigger === 'item' ? p : [p])),
    aria: (o.aria as { label?: { description?: string } } | undefined)?.label?.description,
  };
}

function normalized(model: unknown): unknown {
  const walk = (v: unknown): unknown => {
    if (v && typeof v === 'object' && 'option' in v && 'heading' in v) return reading(v as DrawnChart);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return roundNumbers(JSON.parse(JSON.stringify(walk(model), (_k, v: unknown) => (typeof v === 'function' ? '[function]' : v))));
}

function golden(name: string, value: unknown): void {
  const file = join(process.cwd(), 'tests', 'unit', 'views', 'golden', `${name}.json`);
  const actual = JSON.stringify(normalized(value), null, 2) + '\n';
  if (process.env.UPDATE_GOLDEN || !existsSync(file)) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

const AREA = '保护性耕作面积';
const RATE = '秸秆还田率';
const PM10 = 'PM10平均浓度';
const spec = (kind: ViewKind, indicator: string, extra: Partial<ViewSpec> = {}): ViewSpec => ({ version: 1, kind, indicator, ...extra });

describe('view models on the sample data', () => {
  const look = { theme: light, map: { mapName: 'golden-map' } };
  const cases: [string, ViewSpec][] = [
    ['trend', spec('trend', AREA)],
    ['trend-indexed', spec('trend', RATE, { indexBase: '2020', regions: ['道里区', '南岗区'] })],
    ['comparison', spec('comparison', AREA, { period: '2023' })],
    ['comparison-grouped', spec('comparison', PM10, { grouped: true })],
    ['ranking', spec('ranking', AREA)],
    ['ranking-lower-better', spec('ranking', PM10)],
    ['multiples', spec('multiples', RATE)],
    ['overview', spec('overview', AREA)],
    ['map', spec('map', AREA, { period: '2024' })],
    ['region', spec('region', AREA, { regions: ['道里区'] })],
    // The view's number format (issue 25) on the views that had none, and the filtered row marked.
    ['ranking-format', spec('ranking', AREA, { format: { decimals: 1, scale: '万', thousands: false }, filter: '南岗区' })],
    ['overview-format', spec('overview', RATE, { format: { decimals: 2, change: 'percent' } })],
    ['multiples-format', spec('multiples', AREA, { format: { decimals: 0, scale: 'none' } })],
    ['map-format', spec('map', AREA, { period: '2024', format: { decimals: 1, scale: '万' } })],
  ];

  it('covers every view kind', () => {
    expect(new Set(cases.map(([, s]) => s.kind))).toEqual(new Set(Object.keys(viewKinds)));
  });

  it.each(cases)('%s', (name, s) => {
    golden(name, buildView(s, viewDataOf(s), look));
  });

  it('a map without a boundary says so', () => {
    const model = buildView(spec('map', AREA), dataOf(AREA), { theme: light });
    expect(model.type === 'chart' && !model.chart.ok && model.chart.reasons[0]).toBe('请先加载边界文件（GeoJSON 或 TopoJSON）。');
  });

  it('does not mutate its input', () => {
    const data = dataOf(AREA);
    const before = JSON.stringify(data);
    for (const [, s] of cases) buildView({ ...s, indicator: AREA }, s.kind === 'region' ? { ...data, regionSet: { indicators: [data.indicator], datasets: [] } } : data, look);
    expect(JSON.stringify(data)).toBe(before);
  });
});

describe('slide models on the sample data', () => {
  const theme = slideTheme('good-green');
  /** A map slide's boundary file as the deck reads it: joined on name, its caption said under the map. */
  const boundary: SlideMap = {
    file: '哈尔滨市区县',
    loaded: {
      look: { mapName: 'golden-slide-map', joinOn: 'name', nameProperty: 'name', caption: '审图号：示例（非真实）', features: ['道里区', '南岗区', '道外区'] },
      geoJSON: { type: 'FeatureCollection', features: [] },
    },
  };
  const cases: [string, SlideKindName, ViewSpec, Partial<SlideOf>?][] = [
    ['slide-title', 'title', spec('trend', AREA)],
    ['slide-kpi', 'kpi', spec('overview', PM10, { regions: ['乌海市'] })],
    ['slide-chart', 'chart', spec('comparison', AREA)],
    ['slide-region', 'region', spec('region', AREA, { regions: ['道里区'] })],
    ['slide-kpi-format', 'kpi', spec('overview', AREA, { regions: ['道里区'], format: { decimals: 1, scale: '万' } })],
    // A ranking slide: the tab's first rows; filtered to a region ranked below them, that row after a gap.
    ['slide-ranking', 'ranking', spec('ranking', AREA)],
    ['slide-ranking-filtered', 'ranking', spec('ranking', AREA, { filter: '道里区', format: { decimals: 1, scale: '万' } })],
    ['slide-ranking-lower-better', 'ranking', spec('ranking', PM10, { filter: '乌海市' })],
    ['slide-ranking-half', 'ranking', spec('ranking', RATE, { period: '2023' }), { half: true }],
    // A map slide on its boundary file, and one whose file was deleted.
    ['slide-map', 'chart', spec('map', AREA, { period: '2024' }), { boundary }],
    ['slide-map-deleted', 'chart', spec('map', AREA, { period: '2024' }), { boundary: { file: '哈尔滨市区县' } }],
  ];

  it('covers every slide kind', () => {
    expect(new Set(cases.map(([, k]) => k))).toEqual(new Set(Object.keys(slideKinds)));
  });

  it.each(cases)('%s', (name, kind, s, extra) => {
    const model = buildSlide(kind, { name: `${s.indicator}汇报`, subtitle: '示例', spec: s, ...extra }, viewDataOf(s), theme);
    golden(name, 'option' in model && model.option ? { ...model, option: undefined, chart: { ok: true, heading: '', option: model.option } } : model);
  });
});
