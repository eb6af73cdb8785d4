/**
 * Small multiples: one mini trend per region (up to 40), all on the same vertical scale so that
 * heights compare across panels. Totals are left out unless chosen: their size would flatten
 * every other panel.
 */
import type { BarSeriesOption, LineSeriesOption, EChartsOption } from 'echarts';
import { nice } from 'd3-array';
import { translate } from '../domain/messages';
import { formatPeriod } from '../domain/period';
import { groupSeries } from '../analysis/series';
import type { ChartData, ChartOutcome, ChartReason, MultiplesSpec } from './types';
import type { ChartTheme } from './theme';
import { displayUnitOf, formatCompact, formatObservationValue, toDisplay, valueDecimals } from './format';
import { baseOption, chartTitle, observationsOf, otherGrainNotes, reasonsText, safeTooltip, tooltipPoints } from './common';
import { listNumbers } from './number-format';

/** More panels than this are unreadable on one screen. */
export const MAX_PANELS = 40;

function model(data: ChartData, spec: MultiplesSpec) {
  const obs = observationsOf(data);
  const regions = spec.regions?.length ? spec.regions : [...new Set(obs.filter((o) => !o.isTotal).map((o) => o.region))];
  return groupSeries(obs, { regions, periodFrom: spec.periodFrom, periodTo: spec.periodTo });
}

/**
 * The small-multiples option (a grid, axes, title and series per region), or why there is none.
 * More than 40 regions draw the first 40 and say what was left out, in the subtitle.
 * @example drawMultiples(data, {}, light) // { ok: true, option: {…} }
 */
export function drawMultiples(data: ChartData, spec: MultiplesSpec, theme: ChartTheme): ChartOutcome {
  const set = model(data, spec);
  if (!set.series.length) return { ok: false, reasons: [{ key: 'chart.no_observations' }] };
  return { ok: true, option: optionOf(data, spec, theme, set) };
}

/**
 * Panels across a grid of `n`: a row up to 4, else about 1.6 times as wide as tall. The view's
 * height and the option's grids both follow it.
 * @example multiplesColumns(10) // 4
 */
export function multiplesColumns(n: number): number {
  return n <= 4 ? Math.max(1, n) : Math.ceil(Math.sqrt(n * 1.6));
}

/**
 * The height `n` panels need: rows of about 150 px and room for the title, never below `min`.
 * @example multiplesHeight(12, 360) // 540
 */
export function multiplesHeight(n: number, min: number): number {
  return Math.max(min, Math.ceil(n / multiplesColumns(n)) * 150 + 90);
}

function optionOf(data: ChartData, spec: MultiplesSpec, theme: ChartTheme, set: ReturnType<typeof model>): EChartsOption {
  const { locale, indicator } = data;
  const panels = set.series.slice(0, spec.panels ?? MAX_PANELS);
  const du = displayUnitOf(indicator, observationsOf(data));
  const isChange = panels.some((s) => s.observations.some((o) => o?.kind === 'change'));
  const dp = valueDecimals(indicator, data.observations, du);
  // The view's number format (issue 25), for levels: one scaling for every panel, as they share a scale.
  const numbers = isChange
    ? undefined
    : listNumbers(panels.flatMap((s) => s.values.filter((v): v is number => v !== null)), indicator.baseUnit, du, spec.format, locale, dp);
  const values = panels.map((s) =>
    s.values.map((v) => (v === null ? null : isChange ? v : numbers ? numbers.plot(v) : toDisplay(v, indicator.baseUnit, du))),
  );
  const all = values.flat().filter((v): v is number => v !== null);
  const [yMin, yMax] = nice(Math.min(0, ...all), Math.max(0, ...all), 3);
  const labels = set.periods.map((p) => formatPeriod(p, locale));
  const noData = translate(locale, 'chart.no_data');

  const n = panels.length;
  const cols = multiplesColumns(n);
  const rows = Math.max(1, Math.ceil(n / cols));
  const top = 14;
  const bottom = 4;
  const cellW = 100 / cols;
  const cellH = (100 - top - bottom) / rows;
  const at = (i: number) => ({ c: i % cols, r: Math.floor(i / cols) });
  const pct = (v: number): string => `${Number(v.toFixed(3))}%`;

  const notes = [...otherGrainNotes(set.otherGrains, locale), ...leftOut(set.series.length, spec.panels ?? MAX_PANELS)];
  const subtitle = [spec.subtitle, numbers ? numbers.unit : du, reasonsText(locale, notes)].filter(Boolean).join('  ');
  const unitOf = set.series[0]?.observations.find((o) => o)?.unit ?? '';
  const scalable = du !== '%' && !(isChange && unitOf === '%');
  const smallFont = Math.max(10, Math.round(theme.fontSize * 0.85));

  const base = baseOption(theme, {
    title: chartTitle(spec.title, indicator),
    subtitle,
    description: translate(locale, 'chart.aria.multiples', {
      indicator: chartTitle(undefined, indicator),
      n,
      from: labels[0] ?? '',
      to: labels[labels.length - 1] ?? '',
    }),
  });
  return {
    ...base,
    title: [
      base.title as object,
      ...panels.map((s, i) => {
        const { c, r } = at(i);
        return {
          text: s.region,
          left: pct(c * cellW + cellW / 2),
          top: pct(top + r * cellH),
          textAlign: 'center' as const,
          textStyle: { fontSize: smallFont, fontWeight: 'normal' as const, color: theme.text, fontFamily: theme.fontFamily },
        };
      }),
    ],
    tooltip: safeTooltip(theme, 'axis', (params) => {
      const p = tooltipPoints(params)[0];
      if (!p) return '';
      const s = panels[p.seriesIndex];
      const o = s?.observations[p.dataIndex];
      const text = o && numbers && o.kind !== 'change' ? numbers.text(o.value) : o ? formatObservationValue(o, locale, du, dp) : noData;
      return `${s?.region ?? ''}\n${labels[p.dataIndex] ?? ''}：${text}`;
    }),
    grid: panels.map((_, i) => {
      const { c, r } = at(i);
      return {
        left: pct(c * cellW + cellW * 0.14),
        width: pct(cellW * 0.8),
        top: pct(top + r * cellH + cellH * 0.22),
        height: pct(cellH * 0.56),
      };
    }),
    xAxis: panels.map((_, i) => ({
      type: 'category' as const,
      gridIndex: i,
      data: labels,
      boundaryGap: isChange,
      axisTick: { show: false },
      axisLine: { lineStyle: { color: theme.axisLine } },
      axisLabel: { show: at(i).r === rows - 1 || i + cols >= n, fontSize: smallFont, color: theme.subtleText, hideOverlap: true },
    })),
    yAxis: panels.map((_, i) => ({
      type: 'value' as const,
      gridIndex: i,
      min: yMin,
      max: yMax,
      splitNumber: 2,
      splitLine: { lineStyle: { color: theme.splitLine } },
      axisLabel: {
        show: at(i).c === 0,
        fontSize: smallFont,
        color: theme.subtleText,
        formatter: (v: number) => (numbers ? numbers.axis(v) : formatCompact(v, locale, scalable)),
      },
    })),
    series: panels.map((s, i): LineSeriesOption | BarSeriesOption =>
      isChange
        ? { type: 'bar', name: s.region, xAxisIndex: i, yAxisIndex: i, data: values[i], itemStyle: { color: theme.neutral } }
        : {
            type: 'line',
            name: s.region,
            xAxisIndex: i,
            yAxisIndex: i,
            data: values[i],
            connectNulls: false,
            // Symbols keep a value between two gaps visible.
            showSymbol: true,
            symbolSize: Math.max(3, theme.symbolSize - 2),
            sampling: 'lttb',
            lineStyle: { width: theme.lineWidth, color: theme.neutral },
            itemStyle: { color: theme.neutral },
          },
    ),
  };
}

/** What more than `max` regions leave out, said in the subtitle. */
function leftOut(n: number, max: number): ChartReason[] {
  return n > max ? [{ key: 'chart.too_many_regions', params: { n, max } }] : [];
}
