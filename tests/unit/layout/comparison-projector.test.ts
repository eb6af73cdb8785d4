import { describe, expect, it } from 'vitest';
import { comparisonOption as buildComparisonOption } from '../charts/draw';
import { dark, light, projector } from '../../../src/charts/theme';
import { chartData, levels } from '../charts/sample-data';

type Bar = { z?: number; barGap?: string; itemStyle?: { color?: string; opacity?: number }; markLine?: { z?: number }; data: unknown[] };
const seriesOf = (o: unknown) => (o as { series: Bar[] }).series;
const labelOf = (d: unknown) => (d as { label: { backgroundColor: string; distance: number } }).label;

describe('comparison labels and lines', () => {
  it.each([
    ['light', light],
    ['dark', dark],
    ['projector', projector],
  ] as const)('%s: the total line lies under the bars and their labels, which cut a gap in it', (_name, theme) => {
    const [main, previous] = seriesOf(buildComparisonOption(chartData(levels), { period: '2024' }, theme));
    expect(main!.markLine!.z).toBeLessThan(main!.z!);
    expect(previous!.z).toBeLessThan(main!.markLine!.z!);
    for (const d of main!.data.filter(Boolean)) {
      expect(labelOf(d).backgroundColor).toBe(theme.background);
      expect(labelOf(d).distance).toBe(0);
    }
  });

  it.each([
    ['light: a pale bar behind', light, '-100%', 0.45],
    ['projector: a solid bar beside', projector, '10%', undefined],
  ] as const)('previous period, %s', (_name, theme, gap, opacity) => {
    const previous = seriesOf(buildComparisonOption(chartData(levels), { period: '2024' }, theme))[1]!;
    expect(previous.barGap).toBe(gap);
    expect(previous.itemStyle?.opacity).toBe(opacity);
    expect(previous.itemStyle?.color).toBe(theme.ghost);
  });

  it('does not mutate its input', () => {
    const copy = JSON.parse(JSON.stringify(levels));
    buildComparisonOption(chartData(levels), { period: '2024' }, projector);
    expect(levels).toEqual(copy);
  });
});
