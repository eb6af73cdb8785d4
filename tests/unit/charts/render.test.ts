/**
 * Render every builder's option with the ECharts runtime the UI assembles (server-side SVG, no
 * DOM), so that an option using a part the UI does not register, or one ECharts rejects, fails
 * here; and check a hostile region name comes out escaped, never as markup.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EChartsOption } from 'echarts';
import { echarts, loadParts } from '../../../src/ui/chart/echarts-setup';
import { PART_GROUPS } from '../../../src/ui/chart/chart-parts';
import LRU from 'zrender/lib/core/LRU.js';
import {
  comparisonOption as buildComparisonOption,
  mapOption as buildMapOption,
  multiplesOption as buildMultiplesOption,
  trendOption as buildTrendOption,
} from './draw';
import { dark, light, projector } from '../../../src/charts/theme';
import { chartData, gw, HOSTILE, levels } from './sample-data';


// A boundary file as a user would load it: two squares, one named with the hostile name.
const square = (name: string, x: number) => ({
  type: 'Feature',
  properties: { name },
  geometry: { type: 'Polygon', coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] },
});
// The parts the app loads on demand (marks, zoom, maps, the SVG renderer), all of them here; a
// map is registered once the map parts are.
beforeAll(async () => {
  await loadParts(PART_GROUPS);
  echarts.registerMap('test-boundaries', {
    type: 'FeatureCollection',
    features: [square('道里区', 0), square(HOSTILE, 1), square('无数据区', 2)],
  } as never);
});

/** Quotes inside attributes must not end them early: every attribute value is a closed string. */
function expectWellFormed(svg: string): void {
  for (const tag of svg.match(/<[a-zA-Z][^<>]*>/g) ?? []) {
    const rest = tag.replace(/^<[\w:-]+/, '').replace(/\/?>$/, '').replace(/\s[\w:-]+="[^"]*"/g, '').trim();
    expect(rest, tag).toBe('');
  }
}

function render(option: EChartsOption): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 960, height: 540 });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

const changes = [12.5, -30.1, 5].map((v, i) =>
  gw('全市', String(2022 + i), v, { kind: 'change', changeType: 'relative', unit: '%', displayUnit: undefined }),
);

const monthly = Array.from({ length: 120 }, (_, i) =>
  gw('道里区', `${2015 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`, (i % 7) * 1e6),
);

const cases: [string, () => EChartsOption][] = [
  ['trend long, with zoom', () => buildTrendOption(chartData(monthly), {}, light)],
  ['trend', () => buildTrendOption(chartData(levels), {}, light)],
  ['trend indexed', () => buildTrendOption(chartData(levels), { indexBase: '2021' }, dark)],
  ['trend change', () => buildTrendOption(chartData(changes), {}, projector)],
  ['comparison', () => buildComparisonOption(chartData(levels), { period: '2024' }, light)],
  ['comparison grouped', () => buildComparisonOption(chartData(levels), { period: '2024', grouped: true }, dark)],
  ['multiples', () => buildMultiplesOption(chartData(levels), {}, light)],
  ['map', () => buildMapOption(chartData(levels), { mapName: 'test-boundaries', period: '2024', caption: '审图号：GS(2024)1234号' }, light)],
];

describe('options render with the UI’s ECharts parts', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each(cases)('%s', (_, build) => {
    const warn = vi.spyOn(console, 'warn');
    const error = vi.spyOn(console, 'error');
    // ECharts reports some option problems (e.g. a part not registered) through console.log.
    const log = vi.spyOn(console, 'log');
    const svg = render(build());
    expect(svg.startsWith('<svg')).toBe(true);
    expect(warn).not.toHaveBeenCalled();
    expect(error).not.toHaveBeenCalled();
    expect(log).not.toHaveBeenCalled();
    // The hostile name may appear only escaped (as text), never as an element.
    expect(svg).not.toContain('<img');
    expect(svg).not.toMatch(/onerror="window/);
    expectWellFormed(svg);
  });

  it('shows the hostile name literally where it is drawn', () => {
    const svg = render(buildTrendOption(chartData(levels), {}, light));
    expect(svg).toContain('&lt;img src=x onerror=');
    expect(svg).toContain('1.14亿立方米');
  });

  it('prints the map caption', () => {
    const svg = render(cases[7][1]());
    expect(svg).toContain('审图号：GS(2024)1234号');
  });
});

describe('a label named __proto__', () => {
  // zrender caches text widths keyed by the text; with a plain-object map, `__proto__` reached a
  // prototype and later charts crashed (vite.config.ts: nullPrototypeLru).
  it('pollutes no prototype, and the next chart still draws', () => {
    const data = chartData(levels.map((o) => (o.region === '道里区' ? { ...o, region: '__proto__' } : o)));
    // The text-width cache is read before it is written: reading `__proto__` is what relinked
    // Object.prototype into its list.
    expect(new LRU<number>(10).get('__proto__')).toBeUndefined();
    const first = render(buildComparisonOption(data, { period: '2024' }, light));
    expect(first).toContain('__proto__');
    const probe: Record<string, unknown> = {};
    for (const key of ['prev', 'next', 'key', 'value']) expect(probe[key], key).toBeUndefined();
    expect(render(buildTrendOption(data, {}, light))).toContain('__proto__');
  });
});
