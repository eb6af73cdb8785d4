/** Sparkline: one region's trend, tiny, for a ranking-table cell. No axes; the last point marked. */
import type { EChartsOption } from 'echarts';
import { translate } from '../domain/messages';
import { formatPeriod } from '../domain/period';
import { groupSeries } from '../analysis/series';
import type { ChartData, ChartReason, ChartRequirement, SparklineSpec } from './types';
import type { ChartTheme } from './theme';
import { displayUnitOf, formatObservationValue, toDisplay, valueDecimals } from './format';
import { observationsOf } from './common';

/** A sparkline needs periods and values for one region. */
export const requires: readonly ChartRequirement[] = ['region', 'period', 'value'];

function model(data: ChartData, spec: SparklineSpec) {
  return groupSeries(observationsOf(data), { regions: [spec.region], periodFrom: spec.periodFrom, periodTo: spec.periodTo });
}

/**
 * Why a sparkline cannot be drawn.
 * @example checkSparkline(data, { region: '无此区' }) // [{ key: 'chart.no_observations' }]
 */
export function checkSparkline(data: ChartData, spec: SparklineSpec): ChartReason[] {
  if (!spec.region) return [{ key: 'chart.no_region' }];
  return model(data, spec).series.length ? [] : [{ key: 'chart.no_observations' }];
}

/**
 * The sparkline option. Its values are in the display unit; the description says first and last.
 * @example buildSparklineOption(data, { region: '道里区' }, light)
 */
export function buildSparklineOption(data: ChartData, spec: SparklineSpec, theme: ChartTheme): EChartsOption {
  const { locale, indicator } = data;
  const set = model(data, spec);
  const s = set.series[0];
  const du = displayUnitOf(indicator, observationsOf(data));
  const values = (s?.values ?? []).map((v) => (v === null ? null : toDisplay(v, indicator.baseUnit, du)));
  const present = (s?.observations ?? []).map((o, i) => ({ o, i })).filter((x) => x.o);
  const first = present[0];
  const last = present[present.length - 1];
  const description = translate(locale, 'chart.aria.sparkline', {
    region: spec.region,
    from: first ? formatPeriod(set.periods[first.i], locale) : '',
    to: last ? formatPeriod(set.periods[last.i], locale) : '',
    first: first?.o ? formatObservationValue(first.o, locale, du, valueDecimals(indicator, data.observations, du)) : '',
    last: last?.o ? formatObservationValue(last.o, locale, du, valueDecimals(indicator, data.observations, du)) : '',
  });
  return {
    backgroundColor: 'transparent',
    animation: false,
    aria: { enabled: true, label: { enabled: true, description } },
    // Too small to point at: the table cell shows the numbers.
    tooltip: { show: false, renderMode: 'richText' },
    grid: { left: 3, right: 3, top: 3, bottom: 3 },
    xAxis: { type: 'category', show: false, data: set.periods, boundaryGap: false },
    yAxis: { type: 'value', show: false, scale: true },
    series: [
      {
        type: 'line',
        name: spec.region,
        data: values,
        connectNulls: false,
        showSymbol: false,
        silent: true,
        lineStyle: { width: Math.max(1.5, theme.lineWidth / 2), color: theme.neutral },
        markPoint: last
          ? {
              silent: true,
              symbol: 'circle',
              symbolSize: Math.max(4, theme.symbolSize - 2),
              itemStyle: { color: theme.neutral },
              label: { show: false },
              data: [{ name: spec.region, coord: [last.i, values[last.i]!] }],
            }
          : undefined,
      },
    ],
  };
}
