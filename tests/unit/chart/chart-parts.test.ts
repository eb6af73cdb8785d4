import { describe, expect, it } from 'vitest';
import type { EChartsOption } from 'echarts';
import { partsNeeded, type PartGroup } from '../../../src/ui/chart/chart-parts';

describe('partsNeeded', () => {
  const cases: [string, EChartsOption, 'canvas' | 'svg', PartGroup[]][] = [
    ['a short trend needs only the start parts', { xAxis: {}, yAxis: {}, series: [{ type: 'line', data: [1, 2] }] }, 'canvas', []],
    ['bars with a reference line need the marks parts', { series: { type: 'bar', markLine: { data: [{ yAxis: 1 }] } } }, 'canvas', ['marks']],
    ['a line with no reference line (markLine undefined) needs nothing', { series: [{ type: 'line', markLine: undefined }] }, 'canvas', []],
    ['a reference line in a long trend needs both, in load order', { dataZoom: {}, series: [{ type: 'line', markLine: { data: [] } }] }, 'canvas', ['marks', 'detail']],
    ['the same trend drawn as SVG needs the SVG renderer', { series: [{ type: 'line' }] }, 'svg', ['svg']],
    ['a long trend with zoom needs the detail parts', { series: [{ type: 'line' }], dataZoom: [{ type: 'inside' }] }, 'canvas', ['detail']],
    ['an empty zoom list needs nothing', { series: [{ type: 'line' }], dataZoom: [] }, 'canvas', []],
    ['a sparkline with a point mark needs the detail parts', { series: [{ type: 'line', markPoint: { data: [] } }] }, 'canvas', ['detail']],
    ['an area mark needs the detail parts', { series: [{ type: 'bar', markArea: { data: [] } }] }, 'canvas', ['detail']],
    ['a caption or footnote (graphic) needs the detail parts', { series: [{ type: 'bar' }], graphic: [{ type: 'text' }] }, 'canvas', ['detail']],
    ['a scatter series needs the detail parts', { series: [{ type: 'scatter' }] }, 'canvas', ['detail']],
    ['a map needs the map parts', { visualMap: { min: 0, max: 1 }, series: [{ type: 'map', map: 'x' }] }, 'canvas', ['map']],
    ['a colour scale alone needs the map parts', { visualMap: [{ min: 0, max: 1 }] }, 'canvas', ['map']],
    ['a map printed as SVG needs both, in load order', { series: [{ type: 'map', map: 'x' }] }, 'svg', ['map', 'svg']],
    ['no series at all needs nothing', {}, 'canvas', []],
  ];
  it.each(cases)('%s', (_name, option, renderer, expected) => {
    expect(partsNeeded(option, renderer)).toEqual(expected);
  });

  it('lists each group once however many series need it', () => {
    const option: EChartsOption = { dataZoom: {}, series: [{ type: 'scatter' }, { type: 'line', markPoint: { data: [] } }] };
    expect(partsNeeded(option, 'canvas')).toEqual(['detail']);
  });

  it('does not mutate the option', () => {
    const option: EChartsOption = { dataZoom: [{ type: 'inside' }], series: [{ type: 'map', map: 'x' }] };
    const before = structuredClone(option);
    partsNeeded(option, 'svg');
    expect(option).toEqual(before);
  });
});
