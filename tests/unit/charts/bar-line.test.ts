import { describe, expect, it } from 'vitest';
import type { EChartsOption } from 'echarts';
import { drawChart } from '../../../src/views/chart-kinds';
import { inWords } from '../../../src/views/chart-kinds';
import { light, projector } from '../../../src/charts/theme';
import { barAxis, lineAxis } from '../../../src/charts/bar-line';
import type { Indicator, Observation } from '../../../src/domain/types';
import type { BarLineSpec } from '../../../src/charts/bar-line';
import { chartData, groundwater, gw, HOSTILE, levels } from './sample-data';
import { roundNumbers } from './round-numbers';
import { expectSafe, tooltipText } from './expect-safe';

type Axis = { name: string; min: number; max: number; interval: number; position?: string; axisLabel: { formatter: (v: number) => string } };
type Series = { type: string; name: string; yAxisIndex: number; data: unknown[]; label?: { formatter: (p: unknown) => string }; endLabel?: { formatter: () => string } };

function drawn(kind: 'bar-yoy' | 'bar-target', data = chartData(levels), spec: BarLineSpec = { regions: ['南岗区'] }, theme = light): EChartsOption {
  const outcome = drawChart(kind, data, spec, theme);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.reasons));
  return outcome.option;
}

/** What a reader reads: labels as text (functions called), numbers rounded. */
function asRead(option: EChartsOption): unknown {
  const series = (option.series as Series[]).map((s) => ({
    ...s,
    data: s.data.map((d) => {
      if (!d || typeof d !== 'object') return d;
      const label = (d as { label?: { formatter?: () => string } }).label;
      return { ...d, label: { ...label, formatter: label?.formatter?.() } };
    }),
    label: s.label ? { ...s.label, formatter: s.data.map((_, i) => s.label!.formatter({ dataIndex: i })) } : undefined,
    endLabel: s.endLabel ? { ...s.endLabel, formatter: s.endLabel.formatter() } : undefined,
  }));
  const axes = ([] as Axis[]).concat(option.yAxis as Axis | Axis[]).map((a) => ({
    ...a,
    axisLabel: { ...a.axisLabel, formatter: [a.min, a.min + a.interval, a.max].map((v) => a.axisLabel.formatter(v)) },
  }));
  return roundNumbers({ ...option, series, yAxis: axes });
}

const rate: Indicator = { name: '还田率', baseUnit: '%', polarity: 'higher', targets: [{ period: '2024', value: 70 }] };
const rateRows: Observation[] = [
  { region: '全市', indicator: '还田率', period: '2022', value: 58, unit: '%' },
  { region: '全市', indicator: '还田率', period: '2023', value: 62.4, unit: '%' },
  { region: '全市', indicator: '还田率', period: '2024', value: 64, unit: '%' },
];

describe('bar + 同比 (bar-yoy)', () => {
  const option = drawn('bar-yoy');

  it('matches its JSON snapshot', async () => {
    await expect(JSON.stringify(asRead(option), null, 2)).toMatchFileSnapshot('__snapshots__/bar-yoy.json');
  });

  it('draws the values as bars on the left axis and 同比 as a line on a labelled right axis', () => {
    const [bars, line] = option.series as Series[];
    expect(bars).toMatchObject({ type: 'bar', yAxisIndex: 0, name: '南岗区' });
    expect(line).toMatchObject({ type: 'line', yAxisIndex: 1, name: '同比增速' });
    const [left, right] = option.yAxis as Axis[];
    expect(left.name).toBe('亿立方米');
    expect(right).toMatchObject({ name: '同比（%）', position: 'right' });
    // 2021 has no year before it; 2022 is 0.7 over 0.6 (+16.7%), 2024 flat.
    expect((line.data as (number | null)[]).map((v) => (v === null ? null : Math.round(v * 10) / 10))).toEqual([null, 16.7, 28.6, 0]);
    expect(line.label!.formatter({ dataIndex: 1 })).toBe('+16.7%');
  });

  it('keeps the bars below the line, so their labels never meet', () => {
    const [left, right] = option.yAxis as Axis[];
    const bars = (option.series as Series[])[0].data.map((d) => (d as { value: number }).value);
    const rates = ((option.series as Series[])[1].data as (number | null)[]).filter((v): v is number => v !== null);
    const highestBar = Math.max(...bars) / left.max;
    const lowestPoint = (Math.min(...rates) - right.min) / (right.max - right.min);
    expect(highestBar).toBeLessThanOrEqual(0.55);
    expect(lowestPoint).toBeGreaterThan(highestBar + 0.05);
    // The same number of intervals on both axes: one set of grid lines.
    expect(Math.round((left.max - left.min) / left.interval)).toBe(Math.round((right.max - right.min) / right.interval));
  });

  it('writes a rate change in 个百分点, or in % when the chart asks', () => {
    const points = drawn('bar-yoy', chartData(rateRows, rate), { regions: ['全市'] });
    expect((points.yAxis as Axis[])[1].name).toBe('同比（个百分点）');
    expect((points.series as Series[])[1].label!.formatter({ dataIndex: 2 })).toBe('+1.6个百分点');
    const percent = drawn('bar-yoy', chartData(rateRows, rate), { regions: ['全市'], format: { change: 'percent' } });
    expect((percent.yAxis as Axis[])[1].name).toBe('同比（%）');
    expect((percent.series as Series[])[1].label!.formatter({ dataIndex: 2 })).toBe('+2.6%');
  });

  it('applies the chart number format to bars, axis and tooltip', () => {
    const wan = drawn('bar-yoy', chartData(levels), { regions: ['南岗区'], format: { decimals: 1, scale: '万' } });
    const [left] = wan.yAxis as Axis[];
    expect(left.name).toBe('万立方米');
    const bar = (wan.series as Series[])[0].data[3] as { value: number; label: { formatter: () => string } };
    expect(bar.value).toBe(9000);
    expect(bar.label.formatter()).toBe('9,000.0万立方米');
    expect(tooltipText(wan, [{ seriesIndex: 0, dataIndex: 3 }])).toBe('2024年\n南岗区：9,000.0万立方米\n2024年同比：0.0%');
    const plain = drawn('bar-yoy', chartData(levels), { regions: ['南岗区'], format: { scale: 'none', thousands: false } });
    expect(((plain.series as Series[])[0].data[3] as { label: { formatter: () => string } }).label.formatter()).toBe('90000000立方米');
  });

  it('sizes its text for the projector', () => {
    const big = drawn('bar-yoy', chartData(levels), { regions: ['南岗区'] }, projector);
    const [left, right] = big.yAxis as (Axis & { axisLabel: { fontSize: number } })[];
    expect(left.axisLabel.fontSize).toBe(24);
    expect(right.axisLabel.fontSize).toBe(24);
  });

  it('says in words why it cannot be drawn without a year before', () => {
    const one = [gw('道里区', '2024', 1e8)];
    const outcome = drawChart('bar-yoy', chartData(one), { regions: ['道里区'] }, light);
    expect(outcome).toEqual({ ok: false, reasons: [{ key: 'chartx.yoy.no_previous_year', params: { region: '道里区' } }] });
    const words = inWords(outcome, '压采量', 'zh');
    expect(words.ok ? '' : words.reasons[0]).toContain('没有上年同期的数值');
    const en = inWords(outcome, '压采量', 'en');
    expect(en.ok ? '' : en.reasons[0]).not.toContain('chartx.');
  });

  it('draws the first chosen region and says so, names as plain text', () => {
    const first = drawn('bar-yoy', chartData(levels), { regions: [HOSTILE, '南岗区'] });
    expect((first.title as { subtext: string }).subtext).toBe(`地区：${HOSTILE}（所选 2 个地区中的第一个；其余见折线图）`);
    expectSafe(first);
  });

  it('does not change its input', () => {
    const rows = levels.map((o) => ({ ...o }));
    const spec: BarLineSpec = { regions: ['南岗区'], format: { decimals: 1 } };
    const copy = JSON.parse(JSON.stringify({ rows, spec }));
    drawn('bar-yoy', chartData(rows), spec);
    expect({ rows, spec }).toEqual(copy);
  });
});

describe('bar + target (bar-target)', () => {
  const option = drawn('bar-target');

  it('matches its JSON snapshot', async () => {
    await expect(JSON.stringify(asRead(option), null, 2)).toMatchFileSnapshot('__snapshots__/bar-target.json');
  });

  it('draws the target as a dashed line on the same axis, named at its end', () => {
    const [bars, line] = option.series as Series[];
    expect(bars.type).toBe('bar');
    expect(line).toMatchObject({ type: 'line', yAxisIndex: 0, name: '目标值' });
    // groundwater's one target (2024, for every region) applies to 2024 and to the years before it.
    expect(line.data).toEqual([0.92, 0.92, 0.92, 0.92]);
    expect(line.endLabel!.formatter()).toBe('2024年目标：0.92亿立方米');
    expect(tooltipText(option, [{ seriesIndex: 0, dataIndex: 3 }])).toContain('完成率：97.8%');
  });

  it("uses a value's own target (目标值 column) first", () => {
    const rows = [gw('道里区', '2023', 1e8, { target: 1.2e8 }), gw('道里区', '2024', 1.1e8)];
    const own = drawn('bar-target', chartData(rows, { ...groundwater, targets: [] }), { regions: ['道里区'] });
    expect((own.series as Series[])[1].data).toEqual([1.2, null]);
  });

  it('says in words why it cannot be drawn without a target', () => {
    const outcome = drawChart('bar-target', chartData(levels, { ...groundwater, targets: [] }), { regions: ['南岗区'] }, light);
    expect(outcome.ok).toBe(false);
    const words = inWords(outcome, '压采量', 'zh');
    expect(words.ok ? '' : words.reasons[0]).toBe('画不出目标对比：指标“压采量”没有南岗区的目标值。可在“指标设置”中填写目标，或导入带“目标值”列的文件。');
  });

  it('leaves out a target whose deadline passed before the period', () => {
    const old = { ...groundwater, targets: [{ period: '2021', value: 0.5e8 }] };
    const outcome = drawChart('bar-target', chartData(levels, old), { regions: ['南岗区'] }, light);
    expect(outcome.ok && (outcome.option.series as Series[])[1].data).toEqual([0.5, null, null, null]);
  });
});

describe('axes of the two series', () => {
  const bars: [number, number, number, { min: number; max: number; interval: number }][] = [
    // 80 / 0.55 = 145.5: eight steps of 20, the bars up to half the height.
    [0, 80, 0.55, { min: 0, max: 160, interval: 20 }],
    [0, 0, 0.55, { min: 0, max: 1, interval: 0.2 }],
    [-20, 80, 0.55, { min: -50, max: 200, interval: 50 }],
  ];
  it.each(bars)('barAxis(%d, %d, %d)', (lo, hi, share, expected) => {
    expect(barAxis(lo, hi, share)).toEqual(expected);
  });

  it('puts the line in its band, a flat line too', () => {
    const a = lineAxis(-5, 10, 0.64, 0.92, 5);
    expect((-5 - a.min) / (a.max - a.min)).toBeCloseTo(0.64);
    expect((10 - a.min) / (a.max - a.min)).toBeCloseTo(0.92);
    const flat = lineAxis(3, 3, 0.64, 0.92, 5);
    expect(flat.max).toBeGreaterThan(3);
    expect(flat.min).toBeLessThan(3);
  });
});
