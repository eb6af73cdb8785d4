/**
 * 柱+同比, the commonest chart of a government report: one region's value of each period as bars
 * on the left axis (in its unit), 同比增速 as a line on a second axis on the right (in % or
 * 个百分点 for a rate). The bars fill the lower part of the plot and the line the upper part,
 * so the line's labels never sit on the bars' labels, in any theme and at any size.
 */
import type { EChartsOption, LineSeriesOption } from 'echarts';
import { translate } from '../domain/messages';
import { samePeriodLastYear } from '../domain/period';
import { computeChange, type Change } from '../analysis/change';
import { tooltipCitation } from '../domain/citations';
import type { ChartData, ChartOutcome } from './types';
import type { ChartTheme } from './theme';
import { chartTitle } from './common';
import { changeStyleOf, changeUnit, changeValue, formatChangeText, formatDigits } from './number-format';
import { barAxis, barLineModel, levelBars, lineAxis, periodsAxis, valueWriter, barLineFrame, type BarLineModel, type BarLineSpec } from './bar-line';

/** The bars' share of the plot's height, and the band the line keeps to above them. */
const BAR_SHARE = 0.55;
const LINE_BAND = [0.64, 0.92] as const;

/** Each period's 同比 against the same period a year earlier, when the region has that value. */
function changesOf(m: BarLineModel): (Change | undefined)[] {
  return m.periods.map((p, i) => {
    const v = m.values[i];
    const last = samePeriodLastYear(p);
    const prev = last === undefined ? undefined : m.byPeriod.get(last);
    return v === null || prev === undefined ? undefined : computeChange(v, prev);
  });
}

/**
 * The 柱+同比 option, or why it cannot be drawn (no value a year before any period shown).
 * @example drawBarYoy(data, { regions: ['道里区'] }, light) // { ok: true, option: {…} }
 */
export function drawBarYoy(data: ChartData, spec: BarLineSpec, theme: ChartTheme): ChartOutcome {
  const m = barLineModel(data, spec);
  if (!m) return { ok: false, reasons: [{ key: 'chart.no_observations' }] };
  const changes = changesOf(m);
  if (!changes.some((c) => c !== undefined)) return { ok: false, reasons: [{ key: 'chartx.yoy.no_previous_year', params: { region: m.region } }] };
  return { ok: true, option: optionOf(data, spec, theme, m, changes) };
}

function optionOf(data: ChartData, spec: BarLineSpec, theme: ChartTheme, m: BarLineModel, changes: (Change | undefined)[]): EChartsOption {
  const { locale, indicator } = data;
  const scale = theme.fontSize / 12;
  const present = m.values.filter((v): v is number => v !== null);
  const w = valueWriter(data, m, Math.max(...present.map(Math.abs)));
  const style = changeStyleOf(indicator, m.format);
  const unit = changeUnit(style, indicator.baseUnit, locale);
  // A percent of zero cannot be told: that point is a gap in the line.
  const rates = changes.map((c) => (c ? (changeValue(c, style) ?? null) : null));
  const rateText = (r: number | null): string => formatChangeText(r ?? undefined, style, indicator.baseUnit, locale, m.format);
  const drawnRates = rates.filter((r): r is number => r !== null);

  const left = barAxis(Math.min(0, ...present.map(w.plot)), Math.max(0, ...present.map(w.plot)), BAR_SHARE);
  const intervals = Math.round((left.max - left.min) / left.interval);
  const lowest = Math.min(...drawnRates);
  const right = lineAxis(lowest, Math.max(...drawnRates), LINE_BAND[0], LINE_BAND[1], intervals);
  const lineColour = theme.palette[5 % theme.palette.length];
  const lineName = translate(locale, 'chartx.yoy.series');

  const line: LineSeriesOption = {
    type: 'line',
    name: lineName,
    yAxisIndex: 1,
    z: 4,
    connectNulls: false,
    symbol: 'circle',
    symbolSize: theme.symbolSize + 2,
    lineStyle: { width: theme.lineWidth, color: lineColour },
    itemStyle: { color: lineColour, borderColor: theme.background, borderWidth: Math.max(1, scale) },
    label: {
      show: true,
      position: 'top',
      color: theme.text,
      fontSize: theme.fontSize,
      // The chart's background behind the digits, so the line never runs through them.
      backgroundColor: theme.background,
      padding: [0, 3 * scale],
      formatter: (p: unknown) => rateText(rates[(p as { dataIndex: number }).dataIndex] ?? null),
    },
    labelLayout: { hideOverlap: true },
    data: rates,
  };

  const tooltipLines = m.periods.map((p, i) => {
    const v = m.values[i];
    const o = m.observations[i];
    const cited = o ? tooltipCitation(o) : '';
    return [
      m.labels[i],
      `${m.region}：${v === null ? translate(locale, 'chart.no_data') : w.text(v)}`,
      rates[i] === null ? '' : translate(locale, 'chartx.yoy.line', { period: m.labels[i], value: rateText(rates[i]) }),
      cited ? translate(locale, 'chart.cited', { text: cited }) : '',
    ]
      .filter(Boolean)
      .join('\n');
  });

  const lastIndex = m.values.reduce<number>((at, v, i) => (v === null ? at : i), -1);
  const last =
    lastIndex < 0
      ? ''
      : rates[lastIndex] === null
        ? translate(locale, 'chartx.aria.last', { period: m.labels[lastIndex], value: w.text(m.values[lastIndex]!) })
        : translate(locale, 'chartx.aria.last_yoy', { period: m.labels[lastIndex], value: w.text(m.values[lastIndex]!), change: rateText(rates[lastIndex]) });
  const description = translate(locale, 'chartx.aria.bar_yoy', {
    indicator: chartTitle(undefined, indicator),
    region: m.region,
    from: m.labels[0] ?? '',
    to: m.labels[m.labels.length - 1] ?? '',
    unit,
    last,
  });
  const axisText = { color: theme.text, fontSize: theme.fontSize };

  return {
    ...barLineFrame(data, spec, theme, m, description, tooltipLines),
    ...periodsAxis(m, theme),
    yAxis: [
      {
        type: 'value',
        name: w.scaling.unit,
        position: 'left',
        ...left,
        nameTextStyle: { ...axisText, align: 'left' },
        axisLine: { show: true, lineStyle: { color: theme.axisLine } },
        axisLabel: { ...axisText, formatter: (v: number) => w.axis(v) },
        splitLine: { lineStyle: { color: theme.splitLine } },
      },
      {
        type: 'value',
        name: translate(locale, 'chartx.yoy.axis', { unit }),
        position: 'right',
        ...right,
        nameTextStyle: { ...axisText, align: 'right' },
        // In the line's colour, so a reader (or a grey print, with the legend) knows which axis is the line's.
        axisLine: { show: true, lineStyle: { color: lineColour, width: Math.max(1, scale) } },
        // Labelled only where the line is: below it, the bars' band, a rate of -65% would be read as data.
        axisLabel: { ...axisText, formatter: (v: number) => (v < lowest - right.interval / 2 ? '' : formatDigits(v, { thousands: m.format.thousands }, 1)) },
        splitLine: { show: false },
      },
    ],
    series: [levelBars(data, m, w, theme, m.region), line],
  };
}
