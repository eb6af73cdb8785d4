/**
 * 柱+目标: one region's value of each period as bars and its target as a dashed line with
 * markers on the same axis (both are in the indicator's unit), the last target named at the
 * line's end. A period's target is the value's own (a 目标值 column) or the indicator's target
 * for the region (or for every region) whose deadline has not passed by then.
 */
import type { EChartsOption, LineSeriesOption } from 'echarts';
import { translate } from '../domain/messages';
import { periodSpan } from '../domain/period';
import type { Indicator, Observation } from '../domain/types';
import { findTarget, targetCompletion } from '../analysis/completion';
import { tooltipCitation } from '../domain/citations';
import type { ChartData, ChartOutcome } from './types';
import type { ChartTheme } from './theme';
import { chartTitle } from './common';
import { formatDigits } from './number-format';
import { barAxis, barLineModel, levelBars, periodsAxis, valueWriter, barLineFrame, type BarLineModel, type BarLineSpec } from './bar-line';

/** Room above the highest bar or target for its label. */
const BAR_SHARE = 0.85;

/**
 * The target of a region in a period: the value's own, else the indicator's that is still running
 * then (a target for 2025 applies to 2023; one that ended in 2020 says nothing of 2023).
 * @example targetAt(indicator, '道里区', '2024', undefined) // 920000
 */
export function targetAt(indicator: Indicator, region: string, period: string, o: Observation | undefined): number | undefined {
  if (o?.target !== undefined) return o.target;
  const t = findTarget(indicator, region, period);
  const ends = t ? periodSpan(t.deadline ?? t.period) : undefined;
  const span = periodSpan(period);
  return t && ends && span && ends.end >= span.end ? t.value : undefined;
}

/**
 * The 柱+目标 option, or why it cannot be drawn (no target for the region in any period shown).
 * @example drawBarTarget(data, { regions: ['道里区'] }, light) // { ok: false, reasons: [{ key: 'chartx.target.none', … }] }
 */
export function drawBarTarget(data: ChartData, spec: BarLineSpec, theme: ChartTheme): ChartOutcome {
  const m = barLineModel(data, spec);
  if (!m) return { ok: false, reasons: [{ key: 'chart.no_observations' }] };
  const targets = m.periods.map((p, i) => targetAt(data.indicator, m.region, p, m.observations[i]) ?? null);
  if (!targets.some((t) => t !== null)) {
    return { ok: false, reasons: [{ key: 'chartx.target.none', params: { indicator: chartTitle(undefined, data.indicator), region: m.region } }] };
  }
  return { ok: true, option: optionOf(data, spec, theme, m, targets) };
}

function optionOf(data: ChartData, spec: BarLineSpec, theme: ChartTheme, m: BarLineModel, targets: (number | null)[]): EChartsOption {
  const { locale, indicator } = data;
  const scale = theme.fontSize / 12;
  const present = m.values.filter((v): v is number => v !== null);
  const goals = targets.filter((t): t is number => t !== null);
  const w = valueWriter(data, m, Math.max(...present.map(Math.abs), ...goals.map(Math.abs)));
  const drawn = [...present, ...goals].map(w.plot);
  const axis = barAxis(Math.min(0, ...drawn), Math.max(0, ...drawn), BAR_SHARE);
  const lastTarget = targets.reduce<number>((at, t, i) => (t === null ? at : i), -1);
  const targetName = translate(locale, 'chartx.target.series');

  const line: LineSeriesOption = {
    type: 'line',
    name: targetName,
    yAxisIndex: 0,
    z: 4,
    connectNulls: false,
    symbol: 'diamond',
    symbolSize: theme.symbolSize + 4,
    lineStyle: { width: Math.max(1, theme.lineWidth - 1), type: 'dashed', color: theme.text },
    itemStyle: { color: theme.text },
    // Only the last target is written, at the line's end: a label per point would sit on the
    // bars' labels wherever a value is near its target. The tooltip has every target.
    endLabel: { show: true, color: theme.text, fontSize: theme.fontSize, formatter: () => translate(locale, 'chartx.target.line', { period: m.labels[lastTarget] ?? '', value: w.text(targets[lastTarget]!) }) },
    data: targets.map((t) => (t === null ? null : w.plot(t))),
  };

  const tooltipLines = m.periods.map((_, i) => {
    const v = m.values[i];
    const t = targets[i];
    const o = m.observations[i];
    const completion = v !== null && t !== null ? targetCompletion(v, t, indicator.polarity) : undefined;
    const cited = o ? tooltipCitation(o) : '';
    return [
      m.labels[i],
      `${m.region}：${v === null ? translate(locale, 'chart.no_data') : w.text(v)}`,
      t === null ? '' : translate(locale, 'chartx.target.line', { period: m.labels[i], value: w.text(t) }),
      completion === undefined ? '' : translate(locale, 'chartx.target.completion', { value: `${formatDigits(completion, { thousands: m.format.thousands }, 1)}%` }),
      cited ? translate(locale, 'chart.cited', { text: cited }) : '',
    ]
      .filter(Boolean)
      .join('\n');
  });

  const lastValue = m.values.reduce<number>((at, v, i) => (v === null ? at : i), -1);
  const description = translate(locale, 'chartx.aria.bar_target', {
    indicator: chartTitle(undefined, indicator),
    region: m.region,
    from: m.labels[0] ?? '',
    to: m.labels[m.labels.length - 1] ?? '',
    last: lastValue < 0 ? '' : translate(locale, 'chartx.aria.last', { period: m.labels[lastValue], value: w.text(m.values[lastValue]!) }),
  });
  const axisText = { color: theme.text, fontSize: theme.fontSize };
  const grid = periodsAxis(m, theme);

  return {
    ...barLineFrame(data, spec, theme, m, description, tooltipLines),
    // Room on the right for the last target's label.
    grid: { ...grid.grid, right: 150 * scale },
    xAxis: grid.xAxis,
    yAxis: {
      type: 'value',
      name: w.scaling.unit,
      ...axis,
      nameTextStyle: { ...axisText, align: 'left' },
      axisLabel: { ...axisText, formatter: (v: number) => w.axis(v) },
      splitLine: { lineStyle: { color: theme.splitLine } },
    },
    series: [levelBars(data, m, w, theme, m.region), line],
  };
}
