import { describe, expect, it } from 'vitest';
import { buildChartOption, buildDocumentItems, type BuiltItem } from '../../../src/standalone/build-charts';
import { chartHeight, needsHeading } from '../../../src/standalone/render-document';
import { buildChartDocument, type ChartInput, type DocumentText } from '../../../src/standalone/document';
import { reduceBoundary } from '../../../src/standalone/boundary';
import * as kit from './fixtures';
import { light } from '../../../src/charts/theme';
import { textColour } from '../../../src/charts/text-colour';
import type { Indicator, Observation, ViewSpec } from '../../../src/domain/types';

const indicator: Indicator = { name: '压采量', baseUnit: '立方米', polarity: 'higher', targets: [] };
const rows: Observation[] = ['2022', '2023', '2024'].flatMap((period, i) => [
  { region: '沧州市', indicator: '压采量', period, value: 1e8 + i * 1e7, unit: '立方米' },
  { region: '衡水市', indicator: '压采量', period, value: 9e7 - i * 1e6, unit: '立方米' },
]);
const data = { indicator, observations: rows, locale: 'zh' as const };

describe('buildChartOption', () => {
  // A map without a boundary says that no boundary is loaded; an overview is not one chart.
  const cases: [ViewSpec['kind'], boolean, string][] = [
    ['trend', true, ''],
    ['comparison', true, ''],
    ['multiples', true, ''],
    ['overview', false, 'overview'],
    ['map', false, '边界'],
  ];
  it.each(cases)('%s drawable from data alone: %s', (kind, ok, reason) => {
    const built = buildChartOption({ version: 1, kind, indicator: '压采量', period: '2024' }, data, light);
    expect(built.ok).toBe(ok);
    if (!built.ok) expect(built.reasons.join(' ')).toContain(reason);
  });

  it('uses the spec title as the chart title', () => {
    const built = buildChartOption({ version: 1, kind: 'trend', indicator: '压采量', title: '压采量：趋势' }, data, light);
    expect(built.ok && (built.option.title as { text: string }).text).toBe('压采量：趋势');
  });

  it('gives the builder reasons when the data cannot be drawn', () => {
    const built = buildChartOption({ version: 1, kind: 'comparison', indicator: '压采量', period: '2019' }, data, light);
    expect(built.ok).toBe(false);
  });

  it('does not mutate its input', () => {
    const copy = structuredClone(rows);
    buildChartOption({ version: 1, kind: 'trend', indicator: '压采量' }, data, light);
    expect(rows).toEqual(copy);
  });
});

const square = (x: number) => [[[x, 45], [x + 0.5, 45], [x + 0.5, 45.5], [x, 45.5], [x, 45]]];
const boundary = reduceBoundary(
  {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { name: '甲县' }, geometry: { type: 'Polygon', coordinates: square(126) } },
      { type: 'Feature', properties: { name: '乙县' }, geometry: { type: 'Polygon', coordinates: square(127) } },
    ],
  },
  { property: 'name', joinOn: 'name' },
  '审图号：GS(2099)0000号',
);

describe('buildDocumentItems', () => {
  const view = (kind: ViewSpec['kind'], extra: Partial<ChartInput> = {}): ChartInput => ({
    spec: { version: 1, kind, indicator: '造林面积', period: '2024' },
    observations: kit.rows,
    indicator: kit.indicator,
    ...extra,
  });
  const title: DocumentText = { text: { title: '2024年工作汇报', subtitle: kit.HOSTILE } };
  const summary = (item: BuiltItem): string => {
    switch (item.type) {
      case 'chart':
        return `chart ${item.chart.ok ? 'ok' : 'reason'}${item.map ? ' +map' : ''}`;
      case 'ranking':
        return `ranking ${item.table.rows.length} rows`;
      case 'overview':
        return `overview ${item.cards.cards.length} cards, ${item.charts.filter((c) => c.ok).length} charts`;
      case 'slide-kpi':
        return `slide-kpi ${item.slide.kpi?.value}`;
      case 'slide-region':
        return `slide-region ${item.slide.cards.length} cards${item.slide.more ? ', more' : ''}`;
      case 'slide-ranking':
        return `slide-ranking ${item.heading}: ${item.slide.rows.map((r) => `${r.rank} ${r.region}`).join(', ')}`;
      case 'title':
        return `title ${item.title} / ${item.subtitle}`;
      case 'ledger':
        return `ledger ${item.ledger.show}`;
      case 'region':
        return `region ${item.region}: ${item.groups.map((g) => g.cards.map((c) => `${c.name} ${c.card.value}`).join(', ')).join(' | ')}`;
    }
  };
  const cases: [string, ChartInput | DocumentText, string][] = [
    ['trend', view('trend'), 'chart ok'],
    ['comparison', view('comparison'), 'chart ok'],
    ['small multiples', view('multiples'), 'chart ok'],
    ['ranking: the table', view('ranking'), 'ranking 4 rows'],
    ['overview: KPI cards, trend and comparison', view('overview'), 'overview 5 cards, 2 charts'],
    ['map on the carried boundary', view('map', { boundary }), 'chart ok +map'],
    ['map with no boundary says why', view('map'), 'chart reason'],
    ['a deck’s KPI slide: one big number', view('trend', { show: 'slide-kpi' }), 'slide-kpi 10.0万亩'],
    // Shown as a 按地区 slide only when the view is 按地区: a trend stays a chart.
    ['a trend marked as a 按地区 slide stays a chart', view('trend', { show: 'slide-region' }), 'chart ok'],
    // A deck's ranking slide: the slide's rows under the slide's heading, not the whole table.
    ['a deck’s ranking slide: its rows', view('ranking', { show: 'slide-ranking' }), `slide-ranking 造林面积: 1 乙县, 1 甲县, 3 ${kit.HOSTILE}, 4 __proto__`],
    ['a trend marked as a ranking slide stays a chart', view('trend', { show: 'slide-ranking' }), 'chart ok'],
    ['a deck’s title slide, hostile text kept as text', title, `title 2024年工作汇报 / ${kit.HOSTILE}`],
  ];
  it.each(cases)('%s', (_name, input, expected) => {
    const doc = buildChartDocument({ title: '看板', locale: 'zh', theme: 'light', charts: [input] });
    expect(buildDocumentItems(doc).map(summary)).toEqual([expected]);
  });

  it('a ranking slide on half a slide (either side of a pair) keeps the half-slide columns; alone, every column', () => {
    const ranking = view('ranking', { show: 'slide-ranking' });
    const doc = buildChartDocument({ title: '汇报', locale: 'zh', theme: 'light', charts: [ranking, ranking, { ...ranking, beside: true }, ranking] });
    const columns = buildDocumentItems(doc).map((item) => (item.type === 'slide-ranking' ? item.slide.columns.length : 0));
    expect(columns).toEqual([7, 5, 5, 7]);
  });

  it('draws the map on the boundary registered under its own name, joined on the key, with the caption', () => {
    const doc = buildChartDocument({ title: '地图', locale: 'zh', theme: 'light', charts: [view('trend'), view('map', { boundary })] });
    const item = buildDocumentItems(doc)[1];
    expect(item.type === 'chart' && item.map?.name).toBe('standalone-map-1');
    expect(item.type === 'chart' && item.map?.geoJSON.features.map((f) => f.properties.name)).toEqual(['甲县', '乙县']);
    const option = item.type === 'chart' && item.chart.ok ? item.chart.option : undefined;
    const series = (option?.series as { map: string; data: { name: string }[] }[])[0];
    expect(series.map).toBe('standalone-map-1');
    expect(series.data.map((d) => d.name)).toContain('甲县');
    expect(JSON.stringify(option?.graphic)).toContain('GS(2099)0000');
  });

  it('scales the map\'s colours over the regions its boundary draws, not a city beside its counties', () => {
    const obs = (region: string, value: number) => ({ region, indicator: '造林面积', period: '2024', value, unit: kit.indicator.baseUnit });
    const doc = buildChartDocument({
      title: '地图',
      locale: 'zh',
      theme: 'light',
      charts: [view('map', { boundary, observations: [obs('甲县', 10), obs('乙县', 20), obs('某市', 1000)] })],
    });
    const item = buildDocumentItems(doc)[0];
    const option = item.type === 'chart' && item.chart.ok ? item.chart.option : undefined;
    const visual = option?.visualMap as { min: number; max: number } | { min: number; max: number }[];
    const scale = Array.isArray(visual) ? visual[0] : visual;
    // 10 to 20 in the display unit: 某市's 1000 (not on this map) is left out of the scale.
    expect(scale.max / scale.min).toBeCloseTo(2, 9);
  });

  const colourCases: [string, 'good-green' | 'rise-red' | undefined, string][] = [
    // As 15 px text, in the chart colour moved to 4.5:1 on the page (as the app's cards and table).
    ['good = green by default: a rise of a higher-is-better indicator is green', undefined, textColour(light.good, light.background)],
    ['涨红跌绿: the same rise is red', 'rise-red', textColour(light.bad, light.background)],
  ];
  it.each(colourCases)('%s', (_name, convention, colour) => {
    const doc = buildChartDocument({ title: '看板', locale: 'zh', theme: 'light', convention, charts: [view('overview'), view('ranking')] });
    const [overview, ranking] = buildDocumentItems(doc);
    expect(overview.type === 'overview' && overview.cards.cards.find((c) => c.region === '甲县')?.yoy?.colour).toBe(colour);
    expect(ranking.type === 'ranking' && ranking.table.rows.find((r) => r.region === '甲县')?.change.colour).toBe(colour);
  });

  it('draws each chart of a document in the document theme and language', () => {
    const doc = buildChartDocument({
      title: '看板',
      locale: 'en',
      theme: 'dark',
      charts: [
        { spec: { version: 1, kind: 'trend', indicator: '压采量' }, observations: rows, indicator },
        { spec: { version: 1, kind: 'comparison', indicator: '压采量', period: '2024' }, observations: rows, indicator },
      ],
    });
    const built = buildDocumentItems(doc);
    expect(built.map((b) => b.type === 'chart' && b.chart.ok)).toEqual([true, true]);
    const first = built[0];
    expect(first.type === 'chart' && first.chart.ok && first.chart.option.backgroundColor).not.toBe(light.background);
  });

  it('marks the right half of a side-by-side slide as beside the one before', () => {
    const doc = buildChartDocument({
      title: '汇报',
      locale: 'zh',
      theme: 'light',
      charts: [view('trend', { show: 'slide-kpi' }), view('ranking', { show: 'slide-kpi', beside: true })],
    });
    expect(buildDocumentItems(doc).map((i) => [i.type, i.beside ?? false])).toEqual([
      ['slide-kpi', false],
      ['slide-kpi', true],
    ]);
  });

  it('does not mutate its input', () => {
    const copy = structuredClone(kit.rows);
    const doc = buildChartDocument({ title: '看板', locale: 'zh', theme: 'light', charts: [view('overview'), view('ranking'), view('map', { boundary })] });
    buildDocumentItems(doc);
    expect(kit.rows).toEqual(copy);
  });
});

describe('needsHeading', () => {
  const one = (kind: ViewSpec['kind'], show?: 'slide-kpi') =>
    buildChartDocument({ title: '页', locale: 'zh', theme: 'light', charts: [{ spec: { version: 1, kind, indicator: '造林面积' }, observations: kit.rows, indicator: kit.indicator, show }] });
  const cases: [string, ReturnType<typeof one>, boolean][] = [
    ['one trend carries its own title', one('trend'), false],
    ['one map carries its own title', one('map'), false],
    ['an overview gets the page title', one('overview'), true],
    ['a ranking table gets the page title', one('ranking'), true],
    ['a KPI slide gets the page title', one('trend', 'slide-kpi'), true],
    ['several items get the page title', { ...one('trend'), charts: [...one('trend').charts, ...one('comparison').charts] }, true],
  ];
  it.each(cases)('%s', (_name, doc, expected) => {
    expect(needsHeading(doc)).toBe(expected);
  });
});

describe('chartHeight', () => {
  const cases: [string, { grid?: unknown }, number][] = [
    ['one grid: the standard height', { grid: {} }, 440],
    ['no grid (a map)', {}, 440],
    ['four panels in one row', { grid: Array(4).fill({}) }, 440],
    ['twelve panels: three rows of five', { grid: Array(12).fill({}) }, 540],
    ['forty panels: five rows of eight', { grid: Array(40).fill({}) }, 840],
  ];
  it.each(cases)('%s', (_name, option, expected) => {
    expect(chartHeight(option)).toBe(expected);
  });
});
