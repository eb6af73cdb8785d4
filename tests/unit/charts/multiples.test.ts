import { describe, expect, it } from 'vitest';
import { MAX_PANELS } from '../../../src/charts/multiples';
import { multiplesOption as buildMultiplesOption, multiplesReasons as checkMultiples } from './draw';
import { light } from '../../../src/charts/theme';
import { chartData, gw, HOSTILE, levels } from './sample-data';
import { roundNumbers } from './round-numbers';
import { expectSafe, tooltipText } from './expect-safe';

type Axis = { min: number; max: number; gridIndex: number };
const many = Array.from({ length: 45 }, (_, i) => [gw(`区${i}`, '2023', i * 1e6), gw(`区${i}`, '2024', (i + 1) * 1e6)]).flat();

describe('buildMultiplesOption', () => {
  const option = buildMultiplesOption(chartData(levels), {}, light);

  it('matches its snapshot', () => {
    expect(roundNumbers(option)).toMatchSnapshot();
  });

  it('draws one panel per region, totals left out, on a shared scale', () => {
    const series = option.series as { name: string; xAxisIndex: number; data: unknown[] }[];
    expect(series.map((s) => s.name)).toEqual(['道里区', '南岗区', HOSTILE]);
    expect(series.map((s) => s.xAxisIndex)).toEqual([0, 1, 2]);
    expect(option.grid).toHaveLength(3);
    const y = option.yAxis as Axis[];
    expect(new Set(y.map((a) => `${a.min}..${a.max}`)).size).toBe(1);
    expect(y[0].max).toBeGreaterThanOrEqual(1.14);
  });

  it('keeps gaps and other grains out', () => {
    const series = option.series as { data: (number | null)[] }[];
    expect(series[0].data[1]).toBeNull();
    expect((option.title as { subtext: string }[])[0].subtext).toContain('季度');
  });

  it('names each panel with the region as plain text and explains points in the tooltip', () => {
    const titles = (option.title as { text: string }[]).map((t) => t.text);
    expect(titles).toContain(HOSTILE);
    expect(tooltipText(option, [{ seriesIndex: 2, dataIndex: 0 }])).toBe(`${HOSTILE}\n2021年：无数据`);
    expect(tooltipText(option, { seriesIndex: 0, dataIndex: 3 })).toBe('道里区\n2024年：1.14亿立方米');
    expectSafe(option);
  });

  it(`caps at ${MAX_PANELS} panels and says so`, () => {
    // Drawn, not refused: the first 40 and a subtitle saying what was left out.
    expect(checkMultiples(chartData(many))).toEqual([]);
    const capped = buildMultiplesOption(chartData(many), {}, light);
    expect(capped.grid).toHaveLength(40);
    expect((capped.title as { subtext: string }[])[0].subtext).toContain('只显示前 40 个');
  });

  it('does not mutate its input', () => {
    const data = chartData(levels);
    const before = structuredClone(data);
    buildMultiplesOption(data, { regions: ['全市', '道里区'] }, light);
    expect(data).toEqual(before);
  });
});

describe('checkMultiples', () => {
  it.each([
    [[], [{ key: 'chart.no_observations' }]],
    [levels, []],
  ])('%#', (obs, reasons) => {
    expect(checkMultiples(chartData(obs))).toEqual(reasons);
  });
});
