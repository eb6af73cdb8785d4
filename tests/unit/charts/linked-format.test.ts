/**
 * Issue 25 on the charts that lacked it: the view's number format on small multiples and the map
 * (legend, tooltip, values, subtitle's unit), and the linked filter's region marked on the
 * comparison and the map (outlined, the others dimmed, said in words).
 */
import { describe, expect, it } from 'vitest';
import type { NumberFormat } from '../../../src/domain/chart-format';
import { DIMMED_OPACITY, linkedMark } from '../../../src/charts/linked-mark';
import { light } from '../../../src/charts/theme';
import { comparisonOption, mapOption, multiplesOption } from './draw';
import { chartData, HOSTILE, levels } from './sample-data';
import { tooltipText } from './expect-safe';
import { access as zh } from '../../../src/domain/messages/access';
import { access as en } from '../../../src/domain/messages/en/access';

type Titled = { title: { subtext?: string }[] | { subtext?: string } };
const subtitleOf = (o: Titled): string => (Array.isArray(o.title) ? o.title[0]!.subtext : o.title.subtext) ?? '';
type MapSeries = { data: { name: string; value: number; itemStyle?: Record<string, unknown> }[] };
type BarSeries = { data: ({ value: number; itemStyle: Record<string, unknown> } | null)[] };
const axisFormatter = (o: unknown, key: 'visualMap' | 'yAxis'): ((v: number) => string) => {
  const part = (o as Record<string, unknown>)[key];
  const first = (Array.isArray(part) ? part[0] : part) as { formatter?: (v: number) => string; axisLabel?: { formatter: (v: number) => string } };
  return (first.formatter ?? first.axisLabel!.formatter)!;
};

describe('the map under a number format', () => {
  const cases: [string, NumberFormat | undefined, number, string, string, string][] = [
    // name, format, 道里区's drawn value, its tooltip's value, legend label of 1.5, subtitle's unit
    ['no format: the display unit', undefined, 1.14, '1.14亿立方米', '1.5', '亿立方米'],
    ['in 万, no decimals', { scale: '万', decimals: 0 }, 11400, '11,400万立方米', '1.5', '万立方米'],
    ['whole, no separators', { scale: 'none', thousands: false }, 114000000, '114000000立方米', '1.5', '立方米'],
  ];
  it.each(cases)('%s', (_name, format, value, tooltip, legend, unit) => {
    const o = mapOption(chartData(levels), { mapName: 'm', period: '2024', format }, light);
    const s = (o.series as MapSeries[])[0]!;
    expect(s.data.find((d) => d.name === '道里区')!.value).toBeCloseTo(value);
    expect(tooltipText(o, { seriesIndex: 0, dataIndex: 0, name: '道里区' })).toContain(tooltip);
    expect(axisFormatter(o, 'visualMap')(1.5)).toBe(legend);
    expect(subtitleOf(o as Titled)).toContain(unit);
  });
});

describe('small multiples under a number format', () => {
  const cases: [string, NumberFormat | undefined, number, string, string][] = [
    // name, format, 道里区's first drawn value, its first tooltip value, subtitle's unit
    ['no format: the display unit', undefined, 0.5, '0.50亿立方米', '亿立方米'],
    ['in 万, one decimal', { scale: '万', decimals: 1 }, 5000, '5,000.0万立方米', '万立方米'],
  ];
  it.each(cases)('%s', (_name, format, value, tooltip, unit) => {
    const data = chartData(levels.filter((o) => o.period.length === 4));
    const o = multiplesOption(data, { regions: ['道里区', '南岗区'], format }, light);
    const first = (o.series as { data: (number | null)[] }[])[0]!.data[0]!;
    expect(first).toBeCloseTo(value);
    expect(tooltipText(o, [{ seriesIndex: 0, dataIndex: 0 }])).toContain(tooltip);
    expect(subtitleOf(o as Titled)).toContain(unit);
  });

  it('does not mutate its input', () => {
    const data = chartData(levels);
    const before = JSON.stringify(data);
    multiplesOption(data, { format: { decimals: 2 } }, light);
    mapOption(data, { mapName: 'm', format: { decimals: 2 }, filter: '道里区' }, light);
    comparisonOption(data, { period: '2024', filter: '道里区' }, light);
    expect(JSON.stringify(data)).toBe(before);
  });
});

describe('the linked filter’s region marked', () => {
  const cases: [string, string | undefined, string[], string][] = [
    // name, filter, regions outlined, words
    ['a region drawn: outlined, the others dimmed', '道里区', ['道里区'], '已筛选：道里区（其余地区变淡）'],
    ['a hostile name, as text', HOSTILE, [HOSTILE], `已筛选：${HOSTILE}（其余地区变淡）`],
    ['no filter: nothing marked', undefined, [], ''],
    ['a region not drawn: nothing marked', '香坊区', [], ''],
  ];

  it.each(cases)('comparison: %s', (_name, filter, outlined, words) => {
    const o = comparisonOption(chartData(levels), { period: '2024', filter }, light);
    const bars = (o.series as BarSeries[])[0]!.data.filter((d): d is NonNullable<typeof d> => d !== null);
    const regions = (o.yAxis as { data: string[] }).data.map((c) => c.replace(/^=?\d+\.(?:（并列）)?\s*/, ''));
    expect(regions.filter((_, i) => bars[i]!.itemStyle.borderWidth !== undefined)).toEqual(outlined);
    expect(bars.filter((b) => b.itemStyle.opacity === DIMMED_OPACITY)).toHaveLength(outlined.length ? bars.length - 1 : 0);
    expect(subtitleOf(o as Titled).includes(words)).toBe(true);
    expect(((o.aria as { label: { description: string } }).label.description).endsWith(words)).toBe(true);
  });

  it.each(cases)('map: %s', (_name, filter, outlined, words) => {
    const o = mapOption(chartData(levels), { mapName: 'm', period: '2024', filter }, light);
    const areas = (o.series as MapSeries[])[0]!.data;
    expect(areas.filter((d) => d.itemStyle?.borderWidth !== undefined).map((d) => d.name)).toEqual(outlined);
    expect(areas.filter((d) => d.itemStyle?.opacity === DIMMED_OPACITY)).toHaveLength(outlined.length ? areas.length - 1 : 0);
    expect(subtitleOf(o as Titled).includes(words)).toBe(true);
  });

  it.each(['access.linked.marked', 'access.linked.markedShort'])('%s is in both languages, with the same placeholders', (key) => {
    const placeholders = (text: string | undefined) => [...(text ?? '').matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(zh[key]).toBeTruthy();
    expect(en[key]).toBeTruthy();
    expect(placeholders(en[key])).toEqual(placeholders(zh[key]));
  });

  it('says it in English too', () => {
    expect(linkedMark('Daoli', ['Daoli', 'Nangang'], light, 'en', 2).words).toBe('Filtered: Daoli (the other regions dimmed)');
  });
});
