import { describe, expect, it } from 'vitest';
import { buildSparklineOption, checkSparkline } from '../../../src/charts/sparkline';
import { light } from '../../../src/charts/theme';
import { chartData, HOSTILE, levels } from './sample-data';
import { roundNumbers } from './round-numbers';
import { expectSafe } from './expect-safe';

describe('buildSparklineOption', () => {
  const option = buildSparklineOption(chartData(levels), { region: '道里区' }, light);

  it('matches its snapshot', () => {
    expect(roundNumbers(option)).toMatchSnapshot();
  });

  it('draws one line with gaps, marks the last point and describes itself', () => {
    const [s] = option.series as { data: (number | null)[]; connectNulls: boolean; markPoint: { data: { coord: number[] }[] } }[];
    expect(s.data.map((v) => (v === null ? null : Number(v.toFixed(4))))).toEqual([0.5, null, 0.8, 1.14]);
    expect(s.connectNulls).toBe(false);
    expect(s.markPoint.data[0].coord[0]).toBe(3);
    expect((option.aria as { label: { description: string } }).label.description).toBe('道里区2021年至2024年：0.50亿立方米 → 1.14亿立方米');
    expectSafe(option);
  });

  it('keeps a hostile name as text in its description', () => {
    const o = buildSparklineOption(chartData(levels), { region: HOSTILE }, light);
    expect((o.aria as { label: { description: string } }).label.description.startsWith(HOSTILE)).toBe(true);
  });

  it('does not mutate its input', () => {
    const data = chartData(levels);
    const before = structuredClone(data);
    buildSparklineOption(data, { region: '南岗区' }, light);
    expect(data).toEqual(before);
  });
});

describe('checkSparkline', () => {
  it.each([
    ['道里区', []],
    ['无此区', [{ key: 'chart.no_observations' }]],
    ['', [{ key: 'chart.no_region' }]],
  ])('%s', (region, reasons) => {
    expect(checkSparkline(chartData(levels), { region })).toEqual(reasons);
  });
});
