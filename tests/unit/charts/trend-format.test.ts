import { describe, expect, it } from 'vitest';
import { comparisonOption, trendOption } from './draw';
import { light } from '../../../src/charts/theme';
import type { NumberFormat } from '../../../src/domain/chart-format';
import { chartData, levels } from './sample-data';
import { tooltipText } from './expect-safe';

type Axis = { name: string; axisLabel: { formatter: (v: number) => string } };
type Line = { data: (number | null)[]; endLabel?: { formatter: () => string } };

describe('the line trend in a view with its own number format', () => {
  const cases: [string, NumberFormat | undefined, string, number, string, string][] = [
    // format, axis name, plotted 2024 value of 道里区, its tooltip line, an axis label of 150
    ['no format: as before', undefined, '亿立方米', 1.14, '道里区：1.14亿立方米', '150'],
    ['1 decimal in 万', { decimals: 1, scale: '万' }, '万立方米', 11400, '道里区：11,400.0万立方米', '150'],
    ['whole numbers without separators', { scale: 'none', thousands: false, decimals: 0 }, '立方米', 114000000, '道里区：114000000立方米', '150'],
  ];
  it.each(cases)('%s', (_, format, axisName, plotted, tooltipLine, axisLabel) => {
    const option = trendOption(chartData(levels), { regions: ['道里区'], format }, light);
    const axis = option.yAxis as Axis;
    expect(axis.name).toBe(axisName);
    expect(axis.axisLabel.formatter(150)).toBe(axisLabel);
    const line = (option.series as Line[])[0];
    expect(line.data[3]).toBeCloseTo(plotted);
    expect(tooltipText(option, [{ seriesIndex: 0, dataIndex: 3 }]).split('\n')[1]).toContain(tooltipLine);
  });

  it('leaves an indexed trend as it is', () => {
    const option = trendOption(chartData(levels), { regions: ['道里区'], indexBase: '2021', format: { scale: '万' } }, light);
    expect((option.yAxis as Axis).name).not.toContain('万立方米');
  });
});

describe('the comparison in a view with its own number format', () => {
  type Bar = { data: ({ value: number; label: { formatter: string } } | null)[] };
  const cases: [string, NumberFormat | undefined, string, string][] = [
    // format, axis name, the first bar's label (南岗区 2024 = 0.9亿立方米, tied with another)
    ['no format: as before', undefined, '亿立方米', '0.90亿立方米'],
    ['1 decimal in 万', { decimals: 1, scale: '万' }, '万立方米', '9,000.0万立方米'],
  ];
  it.each(cases)('%s', (_, format, axisName, label) => {
    const option = comparisonOption(chartData(levels), { period: '2024', regions: ['南岗区'], format }, light);
    expect((option.xAxis as { name: string }).name).toBe(axisName);
    expect((option.series as Bar[])[0].data[0]!.label.formatter).toMatch(new RegExp(`^${label}`));
  });

  it('tells a rate change as the format says in its tooltip', () => {
    const rate = { name: '还田率', baseUnit: '%', polarity: 'higher' as const, targets: [] };
    const rows = [
      { region: '甲', indicator: '还田率', period: '2023', value: 62.4, unit: '%' },
      { region: '甲', indicator: '还田率', period: '2024', value: 64, unit: '%' },
    ];
    const points = tooltipText(comparisonOption(chartData(rows, rate), { period: '2024' }, light), [{ seriesIndex: 0, dataIndex: 0 }]);
    const percent = tooltipText(comparisonOption(chartData(rows, rate), { period: '2024', format: { change: 'percent' } }, light), [{ seriesIndex: 0, dataIndex: 0 }]);
    expect(points).toContain('1.6个百分点');
    expect(percent).toContain('2.6%');
  });
});
