/**
 * Chart options of the ledger page: the 销号 burn-up against the total with the 序时 line, and a
 * linked indicator's values with its target. Pure (ECharts options only, no runtime).
 */
import type { EChartsOption } from 'echarts';
import type { BurnUp } from '../../ledger';

/** Labels the options need, already in the user's language. */
export interface BurnUpLabels {
  closed: string;
  due: string;
  total: string;
}

const INK = { closed: '#0b5cad', due: '#9a6700', total: '#5b6878' };

/**
 * The burn-up: cumulative 销号 (solid, stopping at today), tasks due by each month (dashed, the
 * 序时 line) and the total (thin, flat): the gap between the first two is the work behind pace.
 * @example burnUpOption(burnUp(tasks, today), { closed: '累计销号', due: '序时应完成', total: '任务总数' })
 */
export function burnUpOption(b: BurnUp, labels: BurnUpLabels): EChartsOption {
  return {
    animation: false,
    grid: { left: 56, right: 24, top: 48, bottom: 40 },
    legend: { top: 8, data: [labels.closed, labels.due, labels.total] },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: b.months, boundaryGap: false },
    yAxis: { type: 'value', minInterval: 1, max: Math.max(b.total, 1) },
    series: [
      { name: labels.closed, type: 'line', data: b.closed, step: 'end', lineStyle: { width: 3, color: INK.closed }, itemStyle: { color: INK.closed }, symbolSize: 6 },
      { name: labels.due, type: 'line', data: b.due, step: 'end', lineStyle: { width: 2, type: 'dashed', color: INK.due }, itemStyle: { color: INK.due }, symbol: 'none' },
      { name: labels.total, type: 'line', data: b.months.map(() => b.total), lineStyle: { width: 1, color: INK.total }, itemStyle: { color: INK.total }, symbol: 'none' },
    ],
  };
}

/**
 * A linked indicator's values over periods as bars (in its display unit, from zero, so the bars
 * compare) with the target as a dashed line whose points show even when there is one period.
 * @example indicatorOption(points, { value: '地下水压采量（亿立方米）', target: '目标 0.92' }, 0.92)
 */
export function indicatorOption(
  points: readonly { period: string; value: number }[],
  labels: { value: string; target: string },
  target: number | undefined,
): EChartsOption {
  const periods = points.map((p) => p.period);
  const series: NonNullable<EChartsOption['series']> = [
    { name: labels.value, type: 'bar', data: points.map((p) => p.value), barMaxWidth: 48, itemStyle: { color: INK.closed }, label: { show: true, position: 'top' } },
  ];
  if (target !== undefined) {
    series.push({
      name: labels.target,
      type: 'line',
      data: periods.map(() => target),
      lineStyle: { width: 2, type: 'dashed', color: INK.due },
      itemStyle: { color: INK.due },
      symbol: 'diamond',
      symbolSize: 14,
    });
  }
  return {
    animation: false,
    grid: { left: 64, right: 24, top: 48, bottom: 40 },
    legend: { top: 8 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: periods },
    yAxis: { type: 'value' },
    series,
  };
}

/**
 * A chart as a picture shows it: with a title saying what it is and of when (on the page the panel
 * heading says so; a file has nothing around it), the legend and the plot moved down under it.
 * @example exportedChart(option, '示例整改台账 · 销号进度', '数据截至 2024-07-12').title // { text: '示例整改台账 · 销号进度', … }
 */
export function exportedChart(option: EChartsOption, title: string, subtitle: string): EChartsOption {
  const grid = option.grid && !Array.isArray(option.grid) ? { ...option.grid, top: 104 } : option.grid;
  const legend = option.legend && !Array.isArray(option.legend) ? { ...option.legend, top: 64 } : option.legend;
  return { ...option, title: { text: title, subtext: subtitle, left: 'center', top: 8 }, grid, legend, backgroundColor: '#ffffff' };
}
