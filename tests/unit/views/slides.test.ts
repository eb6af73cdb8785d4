import { describe, expect, it } from 'vitest';
import { buildSlideChart, enlargeFonts, slideTheme, SLIDE_PANELS, type SlideMap } from '../../../src/views/slides';
import { buildChartView } from '../../../src/views/chart-views';
import type { EChartsOption } from 'echarts';
import { buildKpiSlide } from '../../../src/views/kpi';
import { kpiRegion } from '../../../src/views/regions';
import { contrastRatio, LARGE_TEXT_CONTRAST } from '../../../src/charts/contrast';
import { light, withConvention } from '../../../src/charts/theme';
import type { SlideView } from '../../../src/app/briefing/deck';
import type { ChartData } from '../../../src/charts/types';
import type { Indicator, Observation } from '../../../src/domain/types';
import { levels, groundwater } from '../charts/sample-data';

const pm10: Indicator = { name: 'PM10平均浓度', baseUnit: '微克/立方米', polarity: 'lower', targets: [] };
const o = (region: string, period: string, value: number, extra: Partial<Observation> = {}): Observation => ({
  region,
  indicator: 'PM10平均浓度',
  period,
  value,
  unit: '微克/立方米',
  ...extra,
});
const pmRows: Observation[] = [
  o('乌海市', '2022', 113),
  o('乌海市', '2023', 79),
  // The same fact written as a change must not be read as the level.
  o('乌海市', '2023', -30.1, { kind: 'change', changeType: 'relative', unit: '%' }),
  o('鄂尔多斯市', '2022', 67),
  o('鄂尔多斯市', '2023', 58),
];
const pmData: ChartData = { indicator: pm10, observations: pmRows, locale: 'zh' };
const view = (kind: SlideView['spec']['kind'], extra: Partial<SlideView['spec']> = {}): SlideView => ({
  name: 'v',
  spec: { version: 1, kind, indicator: 'PM10平均浓度', ...extra },
});

/** Every fontSize in an option, with the path to it. */
function fontSizes(value: unknown, path = ''): [string, number][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => fontSizes(v, `${path}[${i}]`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) =>
    k === 'fontSize' && typeof v === 'number' ? [[`${path}.${k}`, v] as [string, number]] : fontSizes(v, `${path}.${k}`),
  );
}

describe('enlargeFonts', () => {
  it.each([
    [{ label: { fontSize: 12 } }, { label: { fontSize: 24 } }],
    [{ label: { show: true } }, { label: { show: true, fontSize: 24 } }],
    [{ title: { subtextStyle: { fontSize: 21 } } }, { title: { subtextStyle: { fontSize: 24 } } }],
    [{ series: [{ label: { fontSize: 30 } }] }, { series: [{ label: { fontSize: 30 } }] }],
    [{ grid: { top: 10 } }, { grid: { top: 10 } }],
  ])('%j', (input, expected) => {
    expect(enlargeFonts(input as never)).toEqual(expected);
  });

  it('does not mutate its input', () => {
    const input = { label: { fontSize: 12 } };
    enlargeFonts(input as never);
    expect(input).toEqual({ label: { fontSize: 12 } });
  });
});

describe('buildSlideChart', () => {
  const theme = slideTheme('good-green');
  const gwData: ChartData = { indicator: groundwater, observations: levels, locale: 'zh' };

  /** A boundary file as the deck reads it, with the regions of the groundwater rows as its features. */
  const boundaryOf = (features: string[], caption = '审图号：测试'): SlideMap => ({
    file: '测试边界',
    loaded: { look: { mapName: 'slide-map-t', joinOn: 'name', nameProperty: 'name', caption, features }, geoJSON: { type: 'FeatureCollection', features: [] } },
  });
  const gwRegions = [...new Set(levels.map((r) => r.region))];

  it.each(['trend', 'comparison', 'multiples', 'map'] as const)('%s: no text under 24 px, no title, no animation', (kind) => {
    const boundary = kind === 'map' ? boundaryOf(gwRegions) : undefined;
    const { option, reasons } = buildSlideChart({ name: 'v', spec: { version: 1, kind, indicator: '压采量', period: '2024' }, boundary }, gwData, theme);
    expect(reasons).toEqual([]);
    expect(option?.animation).toBe(false);
    const sizes = fontSizes(option);
    expect(sizes.length).toBeGreaterThan(0);
    for (const [path, size] of sizes) expect([path, size >= 24]).toEqual([path, true]);
    // The chart's own title goes (the slide has its heading); small multiples keep each panel's.
    const [title, ...panels] = Array.isArray(option?.title) ? option.title : option?.title ? [option.title] : [];
    expect(title?.show === false || title?.text === '').toBe(true);
    expect(panels.every((t) => typeof t.text === 'string' && t.text !== '' && t.show !== false)).toBe(true);
    if (kind === 'multiples') expect(panels.length).toBeGreaterThan(1);
  });

  it('keeps a builder\'s notes (left-out grains) as text while dropping the chart title', () => {
    const mixed = [...pmRows, o('乌海市', '2023-Q1', 80)];
    const { option } = buildSlideChart(view('trend'), { ...pmData, observations: mixed }, slideTheme('good-green'));
    const title = option?.title as { text?: string; subtext?: string; show?: boolean };
    expect(title.show).not.toBe(false);
    expect(title.text).toBe('');
    expect(title.subtext).not.toBe('');
  });

  it('moves the plot up into the space of the missing title, and pushes end labels apart', () => {
    const { option } = buildSlideChart(view('trend'), pmData, slideTheme('good-green'));
    expect((option?.grid as { top?: number }).top).toBe(64);
    const series = option?.series as { type?: string; labelLayout?: unknown }[];
    expect(series.filter((s) => s.type === 'line').every((s) => JSON.stringify(s.labelLayout) === '{"moveOverlap":"shiftY"}')).toBe(true);
  });

  it.each([
    ['the regions the tab draws (every one, up to the slide\'s panels)', 5, undefined, 5, undefined],
    ['more than a slide holds: the first panels, the rest said', 15, undefined, SLIDE_PANELS, '地区过多（15 个），只显示前 12 个。'],
    ['the regions the view chose', 15, ['地区3', '地区7'], 2, undefined],
  ])('small multiples: %s', (_, n, regions, panels, note) => {
    const rows = Array.from({ length: n }, (_, i) => [o(`地区${i}`, '2022', 60 + i), o(`地区${i}`, '2023', 50 + i)]).flat();
    const data: ChartData = { indicator: pm10, observations: rows, locale: 'zh' };
    const spec = { version: 1 as const, kind: 'multiples' as const, indicator: 'PM10平均浓度', regions };
    const { option } = buildSlideChart({ name: 'v', spec }, data, theme);
    expect(Array.isArray(option?.grid) ? option.grid.length : 0).toBe(panels);
    // The tab's model draws the same regions, in the same order (up to its own, larger limit).
    const tab = buildChartView(spec, data, { theme: light }).chart;
    const names = (o?: EChartsOption) => (Array.isArray(o?.title) ? o.title.slice(1).map((t) => t.text) : []);
    expect(names(option)).toHaveLength(panels);
    expect(names(option)).toEqual(names(tab.ok ? tab.option : undefined).slice(0, panels));
    const subtext = JSON.stringify(option?.title);
    if (note) expect(subtext).toContain(note);
    else expect(subtext).not.toContain('地区过多');
  });

  it('a comparison slide is the tab\'s comparison: the linked filter\'s bar is marked as there', () => {
    const spec = { version: 1 as const, kind: 'comparison' as const, indicator: 'PM10平均浓度', filter: '乌海市' };
    const { option } = buildSlideChart({ name: 'v', spec }, pmData, theme);
    expect(JSON.stringify(option)).toContain('已筛选');
  });

  it.each<[string, SlideMap | undefined, string]>([
    ['no boundary file named', undefined, '请先加载边界文件（GeoJSON 或 TopoJSON）。'],
    ['its boundary file deleted', { file: '乌海边界' }, '这张地图的边界文件“乌海边界”已被删除。请在看板“地图”中重新上传边界文件，再保存这个视图。'],
  ])('a map with %s says so in a sentence', (_, boundary, reason) => {
    const { option, reasons, map } = buildSlideChart({ ...view('map'), boundary }, pmData, theme);
    expect([option, map, reasons]).toEqual([undefined, undefined, [reason]]);
  });

  it('a map is drawn on its boundary file: registered under its name, the caption said under it as text', () => {
    const boundary = boundaryOf(['乌海市', '鄂尔多斯市']);
    const { option, map, caption } = buildSlideChart({ ...view('map'), boundary }, pmData, theme);
    const series = (option?.series as { map: string; left: number; data: { name: string; value: number }[] }[])[0];
    expect(series?.map).toBe('slide-map-t');
    // The map's box starts right of its colour legend (on half a slide the two overlapped).
    const legend = option?.visualMap as { left: number; itemWidth?: number };
    expect(series?.left).toBeGreaterThan(legend.left + (legend.itemWidth ?? 20) + 100);
    expect(series?.data).toEqual([
      { name: '乌海市', value: 79 },
      { name: '鄂尔多斯市', value: 58 },
    ]);
    expect(map).toEqual({ name: 'slide-map-t', geoJSON: boundary.loaded?.geoJSON });
    // Under the map as 24 px text, not inside the canvas (where it would be smaller).
    expect([caption, option?.graphic]).toEqual(['审图号：测试', undefined]);
  });

  it('a map is the tab\'s map: the linked filter\'s area is marked as there', () => {
    const { option } = buildSlideChart({ ...view('map', { filter: '乌海市' }), boundary: boundaryOf(['乌海市', '鄂尔多斯市']) }, pmData, theme);
    const tab = buildChartView({ ...view('map', { filter: '乌海市' }).spec, kind: 'map' }, pmData, { theme, map: { mapName: 'slide-map-t', joinOn: 'name' } }).chart;
    const data = (o: EChartsOption | undefined) => (o?.series as { data: unknown[] }[])[0]?.data;
    expect(data(option)).toEqual(data(tab.ok ? tab.option : undefined));
    expect(JSON.stringify(option?.title)).toContain('已筛选：乌海市');
  });

  it('a ranking is not a chart on a slide (its slide is the table: slide-ranking.ts)', () => {
    const { option, reasons } = buildSlideChart(view('ranking'), pmData, theme);
    expect([option, reasons]).toEqual([undefined, ['幻灯片暂不能显示“排名”类视图。']]);
  });

  it('draws with thick lines and big markers', () => {
    const { option } = buildSlideChart(view('trend'), pmData, theme);
    const series = option?.series as { lineStyle?: { width?: number }; symbolSize?: number }[];
    expect(series[0]?.lineStyle?.width).toBeGreaterThanOrEqual(5);
    expect(series[0]?.symbolSize).toBeGreaterThanOrEqual(14);
  });

  it('does not mutate its input', () => {
    const before = structuredClone(pmRows);
    buildSlideChart(view('comparison'), pmData, theme);
    expect(pmRows).toEqual(before);
  });
});

describe('buildSlideKpi', () => {
  const buildSlideKpi = (...args: Parameters<typeof buildKpiSlide>) => buildKpiSlide(...args).kpi;

  it('PM10: 79, 同比下降30.1%, green because lower is better, said in words', () => {
    const kpi = buildSlideKpi(view('overview', { regions: ['乌海市'] }), pmData, slideTheme('good-green'));
    expect(kpi?.value).toBe('79微克/立方米');
    expect(kpi?.change?.text).toBe('同比下降30.1%');
    expect(kpi?.change?.arrow).toBe('▼');
    expect(kpi?.change?.verdict).toBe('向好');
    expect(kpi?.change?.colour).toBe(slideTheme('good-green').good);
  });

  it('uses the period of the view, not the latest', () => {
    const kpi = buildSlideKpi(view('overview', { regions: ['乌海市'], period: '2022' }), pmData, slideTheme('good-green'));
    expect(kpi?.value).toBe('113微克/立方米');
    expect(kpi?.change).toBeUndefined();
  });

  it('shows the target and completion', () => {
    const kpi = buildSlideKpi({ name: 'v', spec: { version: 1, kind: 'overview', indicator: '压采量', regions: ['道里区'] } }, { indicator: groundwater, observations: levels, locale: 'zh' }, slideTheme('good-green'));
    expect(kpi?.target?.value).toBe('目标 0.92亿立方米');
    expect(kpi?.target?.text).toMatch(/^完成目标 1\d\d/);
  });

  it('writes the target in the indicator\'s decimals, like its value', () => {
    const spec = { version: 1 as const, kind: 'overview' as const, indicator: '压采量', regions: ['道里区'] };
    const kpi = buildSlideKpi({ name: 'v', spec }, { indicator: { ...groundwater, decimals: 3 }, observations: levels, locale: 'zh' }, slideTheme('good-green'));
    expect(kpi?.target?.value).toBe('目标 0.920亿立方米');
  });

  it('every colour reaches 4.5:1 on the slide background under both conventions', () => {
    for (const convention of ['good-green', 'rise-red'] as const) {
      const theme = slideTheme(convention);
      const kpi = buildSlideKpi(view('overview', { regions: ['乌海市'] }), pmData, theme);
      expect(contrastRatio(kpi!.change!.colour, theme.background)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('on paper the change line, large bold text, keeps the good green at 3:1 rather than turning black', () => {
    const paper = withConvention(light, 'good-green');
    const kpi = buildSlideKpi(view('overview', { regions: ['乌海市'] }), pmData, paper);
    expect(kpi?.change?.colour).toBe(paper.good);
    expect(contrastRatio(kpi!.change!.colour, paper.background)).toBeGreaterThanOrEqual(LARGE_TEXT_CONTRAST);
    expect(contrastRatio(kpi!.change!.colour, paper.background)).toBeLessThan(4.5);
  });

  it('is undefined with no levels', () => {
    expect(buildSlideKpi(view('overview'), { ...pmData, observations: [] }, slideTheme('good-green'))).toBeUndefined();
  });

  it('does not mutate its input', () => {
    const before = structuredClone(pmRows);
    buildSlideKpi(view('overview'), pmData, slideTheme('good-green'));
    expect(pmRows).toEqual(before);
  });
});

describe('kpiRegion', () => {
  it.each<[Observation[], string[] | undefined, string | undefined]>([
    [pmRows, ['鄂尔多斯市'], '鄂尔多斯市'],
    [pmRows, ['不存在'], '乌海市'],
    [[...pmRows, o('全市', '2023', 70, { isTotal: true })], undefined, '全市'],
    [[], undefined, undefined],
  ])('%#', (rows, regions, expected) => {
    expect(kpiRegion(rows, regions)).toBe(expected);
  });
});
