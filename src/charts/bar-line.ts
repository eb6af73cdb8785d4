/**
 * What the two bar-and-line charts share (柱+同比 `bar-yoy.ts`, 柱+目标 `bar-target.ts`): one
 * region's levels by period, the chart's scaling and number format, and the axes. Pure.
 */
import type { BarSeriesOption, EChartsOption } from 'echarts';
import { tickStep } from 'd3-array';
import { translate } from '../domain/messages';
import { formatPeriod } from '../domain/period';
import type { NumberFormat } from '../domain/chart-format';
import type { Observation, ViewSpec } from '../domain/types';
import { groupSeries } from '../analysis/series';
import type { ChartData, TrendSpec } from './types';
import type { ChartTheme } from './theme';
import { displayUnitOf, valueDecimals } from './format';
import { chartNumbers, type ChartNumbers } from './number-format';
import { baseOption, chartTitle, observationsOf, safeTooltip, tooltipPoints } from './common';

/** A bar-and-line chart's spec: the trend's, and the chart's number format. */
export type BarLineSpec = TrendSpec & Pick<ViewSpec, 'format'>;

/** One region's levels over the view's periods, and how they are written. */
export interface BarLineModel {
  region: string;
  /** How many regions the view chose (the chart draws the first). */
  chosen: number;
  periods: string[];
  labels: string[];
  /** Levels in the base unit, `null` where the region has none. */
  values: (number | null)[];
  observations: (Observation | undefined)[];
  /** Every level of the region by period, the view's range or not (a 同比 needs the year before). */
  byPeriod: Map<string, number>;
  displayUnit: string;
  format: NumberFormat;
}

/**
 * The levels of the view's first region (values given as changes are not levels: they are left
 * to the trend). `undefined` when the region has none.
 * @example barLineModel(data, { regions: ['道里区'] })?.values // [60400, 61000]
 */
export function barLineModel(data: ChartData, spec: BarLineSpec): BarLineModel | undefined {
  const levels = observationsOf(data).filter((o) => o.kind !== 'change');
  const set = groupSeries(levels, { regions: spec.regions, periodFrom: spec.periodFrom, periodTo: spec.periodTo });
  const first = set.series[0];
  if (!first) return undefined;
  const byPeriod = new Map<string, number>();
  for (const o of levels) if (o.region === first.region && !byPeriod.has(o.period)) byPeriod.set(o.period, o.value);
  return {
    region: first.region,
    chosen: spec.regions?.length ?? 1,
    periods: set.periods,
    labels: set.periods.map((p) => formatPeriod(p, data.locale)),
    values: first.values,
    observations: first.observations,
    byPeriod,
    displayUnit: displayUnitOf(data.indicator, levels),
    format: spec.format ?? {},
  };
}

/** How a model's values are written (see `chartNumbers`). */
export type ValueWriter = ChartNumbers;

/**
 * The writer of a chart whose largest value (base unit) is `maxAbs`.
 * @example valueWriter(data, model, 123456).text(60400) // '6.04万亩'
 */
export function valueWriter(data: ChartData, m: BarLineModel, maxAbs: number): ValueWriter {
  const decimals = valueDecimals(data.indicator, data.observations, m.displayUnit);
  return chartNumbers(maxAbs, data.indicator.baseUnit, m.displayUnit, m.format, data.locale, decimals);
}

/** Intervals of the value axes: both axes share them, so their grid lines are one set. */
export const AXIS_INTERVALS = 5;

/**
 * The bars' axis, from zero (or the lowest value) to a round number, tall enough that the bars
 * fill at most `share` of the height: the rest is the line's, so the line's labels never sit on
 * the bars' labels.
 * @example barAxis(0, 80, 0.55) // { min: 0, max: 160, interval: 20 }
 */
export function barAxis(lo: number, hi: number, share: number): { min: number; max: number; interval: number } {
  const top = Math.max(hi, 0) / share;
  const bottom = Math.min(lo, 0);
  const span = top - bottom || 1;
  const step = tickStep(0, span, AXIS_INTERVALS) || 1;
  const min = bottom < 0 ? Math.floor(bottom / step) * step : 0;
  const intervals = Math.max(AXIS_INTERVALS, Math.ceil((top - min) / step));
  return { min, max: min + intervals * step, interval: step };
}

/**
 * The line's axis: its values between `from` and `to` of the height (fractions from the bottom),
 * cut into the bars' intervals so the two axes share grid lines.
 * @example lineAxis(-5, 10, 0.62, 0.92, 5).min // about -36
 */
export function lineAxis(lo: number, hi: number, from: number, to: number, intervals: number): { min: number; max: number; interval: number } {
  const span = hi - lo || Math.max(Math.abs(hi), 1);
  const range = span / (to - from);
  const min = (hi - lo === 0 ? lo - span / 2 : lo) - from * range;
  return { min, max: min + range, interval: range / intervals };
}

/**
 * The bars of one region's levels, labelled above each bar.
 * @example levelBars(data, m, w, light).type // 'bar'
 */
export function levelBars(data: ChartData, m: BarLineModel, w: ValueWriter, theme: ChartTheme, name: string): BarSeriesOption {
  const scale = theme.fontSize / 12;
  return {
    type: 'bar',
    name,
    yAxisIndex: 0,
    barMaxWidth: 48 * scale,
    itemStyle: { color: theme.palette[0] },
    data: m.values.map((v) =>
      v === null
        ? null
        : {
            value: w.plot(v),
            // A function, so the text is shown as it is and never read as an ECharts `{a}` template.
            label: { show: true, position: v >= 0 ? 'top' : 'bottom', color: theme.text, fontSize: theme.fontSize, formatter: () => w.text(v) },
          },
    ),
  };
}

/**
 * The subtitle's note of the region drawn: its name, and that it is the first of several chosen.
 * @example regionNote(data, { region: '道里区', chosen: 3 }) // '地区：道里区（所选 3 个地区中的第一个；其余见折线图）'
 */
export function regionNote(data: ChartData, m: Pick<BarLineModel, 'region' | 'chosen'>): string {
  return m.chosen > 1
    ? translate(data.locale, 'chartx.first_region', { region: m.region, n: m.chosen })
    : translate(data.locale, 'chartx.region', { region: m.region });
}

/**
 * The category axis of periods and the grid, as both charts have them; the right margin leaves
 * room for the second axis's labels and name.
 */
export function periodsAxis(m: BarLineModel, theme: ChartTheme): Pick<EChartsOption, 'xAxis' | 'grid'> {
  const scale = theme.fontSize / 12;
  return {
    grid: { left: 16 * scale, right: 24 * scale, top: 96 * scale + theme.titleSize - 18, bottom: 40 * scale, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: {
      type: 'category',
      data: m.labels,
      axisLine: { lineStyle: { color: theme.axisLine } },
      axisLabel: { color: theme.text, fontSize: theme.fontSize, hideOverlap: true },
    },
  };
}

/**
 * What 柱+同比 and 柱+目标 share around their axes and series: title and subtitle (with the note
 * on which region is drawn), the description for screen readers, one tooltip line per period
 * (written as text, never HTML) and the legend under the plot.
 */
export function barLineFrame(
  data: ChartData,
  spec: BarLineSpec,
  theme: ChartTheme,
  m: BarLineModel,
  description: string,
  tooltipLines: readonly string[],
): Pick<EChartsOption, 'title' | 'aria' | 'tooltip' | 'legend'> {
  const scale = theme.fontSize / 12;
  return {
    ...baseOption(theme, {
      title: chartTitle(spec.title, data.indicator),
      subtitle: [spec.subtitle, regionNote(data, m)].filter(Boolean).join('  '),
      description,
    }),
    tooltip: {
      ...safeTooltip(theme, 'axis', (params) => {
        const pts = tooltipPoints(params);
        return pts.length ? (tooltipLines[pts[0].dataIndex] ?? '') : '';
      }),
      axisPointer: { type: 'shadow' },
    },
    legend: { show: true, bottom: 0, textStyle: { color: theme.text, fontSize: theme.fontSize }, itemWidth: 25 * scale, itemHeight: 14 * scale },
  };
}
