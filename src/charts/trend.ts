/**
 * Trend: lines per region over periods. Gaps stay gaps (null, never joined), one grain per axis,
 * the target as a dashed line, the last value labelled in the display unit, 同比 in the tooltip,
 * optionally indexed to a base period. A `change`-kind series is drawn as bars from zero with a
 * sign, never as a level.
 */
import type { BarSeriesOption, LineSeriesOption, EChartsOption } from 'echarts';
import { nice } from 'd3-array';
import { translate } from '../domain/messages';
import type { Observation, Target } from '../domain/types';
import { formatPeriod } from '../domain/period';
import { yearOverYearSeries, isGood, type Change } from '../analysis/change';
import { indexToBase } from '../analysis/index-base';
import { groupSeries, type SeriesSet } from '../analysis/series';
import type { ChartData, ChartOutcome, ChartReason, TrendSpec } from './types';
import { changeColour, type ChartTheme } from './theme';
import {
  arrowOf,
  displayUnitOf,
  formatChangeMagnitude,
  formatCompact,
  formatNumber,
  formatObservationValue,
  formatQuantity,
  toDisplay,
  valueDecimals,
} from './format';
import { baseOption, chartTitle, observationsOf, otherGrainNotes, reasonsText, safeTooltip, tooltipPoints } from './common';
import { tooltipCitation } from '../domain/citations';
import { chartNumbers, isPlainFormat, type ChartNumbers } from './number-format';
import type { BarLineSpec } from './bar-line';

/** Periods beyond which a zoom bar is offered. */
const LONG = 60;
/**
 * Periods beyond which a line is drawn without a symbol per value. Past ~30 the dots stop
 * helping (they touch on a report-width chart; the tooltip names every value on hover), and
 * they were a third of the trend's drawing: at 50 periods × 6 regions, ~300 symbols cost
 * 10–20 ms of CPU in every switch of indicator (measured on the 1M-row benchmark).
 */
const SYMBOLS_UP_TO = 30;
/** A tooltip quotes each value's source only when it names at most this many values. */
const CITED_POINTS = 3;

interface TrendModel {
  set: SeriesSet;
  displayUnit: string;
  isChange: boolean;
  /** Plotted values per series: display unit, index, or change as stored. */
  plotted: (number | null)[][];
  /** Series shown (indexing drops those without a base value). */
  shown: number[];
  notes: ChartReason[];
  /** The view's own number format (issue 25), when it has one: levels only, not indexed. */
  numbers?: ChartNumbers;
}

/** The view's number format for a chart of levels, else `undefined` (numbers as everywhere). */
function numbersOf(data: ChartData, spec: BarLineSpec, set: SeriesSet, displayUnit: string, plain: boolean): ChartNumbers | undefined {
  if (plain || isPlainFormat(spec.format)) return undefined;
  let most = 0;
  for (const s of set.series) for (const v of s.values) if (v !== null && Math.abs(v) > most) most = Math.abs(v);
  const decimals = valueDecimals(data.indicator, data.observations, displayUnit);
  return chartNumbers(most, data.indicator.baseUnit, displayUnit, spec.format!, data.locale, decimals);
}

function model(data: ChartData, spec: BarLineSpec): TrendModel {
  const obs = observationsOf(data);
  // The regions are the view's (views/regions.ts chooses them for every destination); none given draws every region.
  const set = groupSeries(obs, { regions: spec.regions, periodFrom: spec.periodFrom, periodTo: spec.periodTo });
  const displayUnit = displayUnitOf(data.indicator, obs);
  const isChange = set.series.some((s) => s.observations.some((o) => o?.kind === 'change'));
  const notes = otherGrainNotes(set.otherGrains, data.locale);
  const numbers = numbersOf(data, spec, set, displayUnit, isChange || Boolean(spec.indexBase));
  const plotted: (number | null)[][] = [];
  const shown: number[] = [];
  set.series.forEach((s, i) => {
    if (spec.indexBase && !isChange) {
      const idx = indexToBase(set.periods, s.values, spec.indexBase);
      if (!idx) return;
      plotted.push(idx);
    } else {
      const shownAs = (v: number): number => (numbers ? numbers.plot(v) : toDisplay(v, data.indicator.baseUnit, displayUnit));
      plotted.push(isChange ? s.values : s.values.map((v) => (v === null ? null : shownAs(v))));
    }
    shown.push(i);
  });
  const dropped = set.series.length - shown.length;
  if (dropped > 0 && shown.length > 0) notes.push({ key: 'chart.series_without_base', params: { n: dropped } });
  return { set, displayUnit, isChange, plotted, shown, notes, numbers };
}

/**
 * The trend option, or why it cannot be drawn (no data, or no region with data in the index base
 * period).
 * @example drawTrend({ indicator, observations: [], locale: 'zh' }, {}, light) // { ok: false, reasons: [{ key: 'chart.no_observations' }] }
 */
export function drawTrend(data: ChartData, spec: BarLineSpec, theme: ChartTheme): ChartOutcome {
  const m = model(data, spec);
  const reasons = reasonsOf(data, spec, m);
  return reasons.length > 0 ? { ok: false, reasons } : { ok: true, option: optionOf(data, spec, theme, m) };
}

function reasonsOf(data: ChartData, spec: TrendSpec, m: TrendModel): ChartReason[] {
  if (m.set.series.length === 0) return [{ key: 'chart.no_observations' }];
  if (spec.indexBase && m.isChange) return [{ key: 'chart.index_base_change' }];
  if (spec.indexBase && m.shown.length === 0) {
    return [{ key: 'chart.index_base_missing', params: { period: formatPeriod(spec.indexBase, data.locale) } }];
  }
  return [];
}

function changeText(c: Change, indicator: ChartData['indicator'], displayUnit: string, locale: ChartData['locale']): string {
  if (c.direction === 'flat') return translate(locale, 'chart.flat');
  // The arrow carries the sign, so the number is a magnitude.
  const change = formatChangeMagnitude(c, indicator, locale, displayUnit);
  return translate(locale, 'chart.yoy', { arrow: arrowOf(c.direction), change });
}

/**
 * Share of the value range kept between end labels: about 10 px of a ~250 px plot. Labels closer
 * than their own height (~14 px) are still pushed apart by `moveOverlap`, a few pixels each.
 */
const END_LABEL_GAP = 0.04;

/**
 * Which series (by position) get an end label. ECharts pushes overlapping end labels apart, but
 * with the whole chart as bounds: six series ending close together near zero were pushed under
 * the x axis and over its labels. Totals first, then from the highest last value down, a label
 * is kept only at `END_LABEL_GAP` of the range from every label kept; the rest are in the legend
 * and the tooltip.
 * @example endLabelled([{ value: 729 }, { value: 110 }, { value: 95 }, { value: 72 }]) // Set {0, 1, 3}
 */
export function endLabelled(lasts: readonly { value: number | null; isTotal?: boolean }[]): Set<number> {
  const values = lasts.map((l) => l.value).filter((v): v is number => v !== null);
  const range = Math.max(0, ...values) - Math.min(0, ...values);
  const order = lasts
    .map((l, k) => ({ ...l, k }))
    .filter((l): l is { value: number; isTotal?: boolean; k: number } => l.value !== null)
    .sort((a, b) => Number(Boolean(b.isTotal)) - Number(Boolean(a.isTotal)) || b.value - a.value);
  const kept: number[] = [];
  const out = new Set<number>();
  for (const l of order) {
    if (range > 0 && kept.some((v) => Math.abs(v - l.value) < END_LABEL_GAP * range)) continue;
    kept.push(l.value);
    out.add(l.k);
  }
  return out;
}

function optionOf(data: ChartData, spec: BarLineSpec, theme: ChartTheme, m: TrendModel): EChartsOption {
  const { locale } = data;
  // A change of a rate in % or in points as the view's format says, else as the indicator says.
  const asked = m.numbers ? spec.format?.change : undefined;
  const indicator = asked ? { ...data.indicator, rateChange: asked === 'percent' ? ('relative' as const) : ('points' as const) } : data.indicator;
  const valueText = (o: Observation, decimals?: number): string =>
    m.numbers ? m.numbers.text(o.value) : formatObservationValue(o, locale, m.displayUnit, decimals);
  const { set, displayUnit, isChange, plotted, shown } = m;
  const indexed = Boolean(spec.indexBase) && !isChange;
  const scale = theme.fontSize / 12;
  const labels = set.periods.map((p) => formatPeriod(p, locale));
  const noData = translate(locale, 'chart.no_data');

  // Text per shown series × period, prepared here so the tooltip formatter only looks it up.
  const lines: string[][] = shown.map((si, k) => {
    const s = set.series[si];
    const yoy = isChange ? [] : yearOverYearSeries(set.periods, s.values);
    return s.observations.map((o, i) => {
      if (!o) return `${s.region}：${noData}`;
      const value = valueText(o, valueDecimals(data.indicator, data.observations, displayUnit));
      const index = indexed ? `${formatNumber(plotted[k][i]!)}（${value}）` : value;
      const c = yoy[i];
      return `${s.region}：${index}${c ? `  ${changeText(c, indicator, displayUnit, locale)}` : ''}`;
    });
  });
  // Where each value came from (its report and sentence), for a tooltip of a few lines.
  const cited: string[][] = shown.map((si) =>
    set.series[si].observations.map((o) => {
      const text = o ? tooltipCitation(o) : '';
      return text ? `  ${translate(locale, 'chart.cited', { text })}` : '';
    }),
  );

  const targets = indexed || isChange ? [] : targetLines(data, m, theme);
  const labelled = endLabelled(
    shown.map((si, k) => {
      const i = lastIndex(plotted[k]);
      return { value: i < 0 ? null : plotted[k][i], isTotal: set.series[si].isTotal };
    }),
  );
  let colourIndex = 0;
  const series = shown.map((si, k): LineSeriesOption | BarSeriesOption => {
    const s = set.series[si];
    // Totals are drawn thicker in the text colour, so palette colours go to regions only.
    const colour = s.isTotal ? theme.text : theme.palette[colourIndex++ % theme.palette.length];
    const values = plotted[k];
    const mark = targets.filter((t) => (t.region ? t.region === s.region : k === 0)).map((t) => t.item);
    if (isChange) {
      const single = shown.length === 1;
      return {
        type: 'bar',
        name: s.region,
        itemStyle: { color: colour },
        data: values.map((v, i) => {
          if (v === null) return null;
          const dir = v > 0 ? 'up' : v < 0 ? 'down' : 'flat';
          return {
            value: v,
            label: { show: true, position: v >= 0 ? 'top' : 'bottom', formatter: formatObservationValue(s.observations[i]!, locale) },
            // One region: colour by good/bad; several: colour by region, the sign label says the rest.
            ...(single ? { itemStyle: { color: changeColour(theme, dir, isGood(dir, indicator.polarity)) } } : {}),
          };
        }),
        markLine:
          k === 0
            ? { silent: true, symbol: 'none', label: { show: false }, lineStyle: { color: theme.axisLine, type: 'solid', width: 1 }, data: [{ yAxis: 0 }] }
            : undefined,
      };
    }
    const last = lastIndex(values);
    // A function, so the text is shown as it is and never read as an ECharts `{a}` template.
    const lastText = (i: number): string =>
      indexed ? formatNumber(values[i]!) : valueText(s.observations[i]!, valueDecimals(data.indicator, data.observations, displayUnit));
    return {
      type: 'line',
      name: s.region,
      connectNulls: false,
      sampling: 'lttb',
      showSymbol: set.periods.length <= SYMBOLS_UP_TO,
      symbolSize: theme.symbolSize,
      z: s.isTotal ? 3 : 2,
      lineStyle: { width: s.isTotal ? theme.lineWidth + 1 : theme.lineWidth, color: colour },
      itemStyle: { color: colour },
      emphasis: { focus: 'series' },
      // The last value as an end label: end labels of series finishing close together are pushed
      // apart (moveOverlap only acts on end labels, not on a label of the last data item); see
      // `endLabelled` for those left to the legend and tooltip.
      endLabel: last >= 0 && labelled.has(k) ? { show: true, color: theme.text, formatter: () => lastText(last) } : undefined,
      labelLayout: { moveOverlap: 'shiftY' },
      data: values,
      markLine: mark.length
        ? { silent: true, symbol: 'none', lineStyle: { type: 'dashed', width: Math.max(1, theme.lineWidth - 1), color: theme.text }, data: mark }
        : undefined,
    };
  });

  const dataMin = Math.min(0, ...plotted.flat().filter((v): v is number => v !== null));
  const dataMax = Math.max(0, ...plotted.flat().filter((v): v is number => v !== null));
  const targetMax = Math.max(...targets.map((t) => t.item.yAxis));
  const yMax = targetMax > dataMax ? nice(dataMin, targetMax * 1.05, 5)[1] : undefined;

  const firstUnit = set.series[0]?.observations.find((o) => o)?.unit ?? '';
  const axisName = indexed
    ? translate(locale, 'chart.index_axis', { period: formatPeriod(spec.indexBase!, locale) })
    : isChange
      ? translate(locale, 'chart.change_axis', { unit: firstUnit })
      : (m.numbers?.unit ?? displayUnit);
  const scalable = !indexed && displayUnit !== '%' && !(isChange && firstUnit === '%');

  const description = translate(locale, 'chart.aria.trend', {
    indicator: chartTitle(undefined, indicator),
    n: shown.length,
    from: labels[0] ?? '',
    to: labels[labels.length - 1] ?? '',
    last: shown
      .slice(0, 3)
      .map((si, k) => {
        const i = lastIndex(plotted[k]);
        const o = i < 0 ? undefined : set.series[si].observations[i];
        return o
          ? translate(locale, 'chart.aria.trend_last', { region: o.region, period: labels[i], value: valueText(o) })
          : '';
      })
      .join(''),
  });

  const subtitle = [spec.subtitle, reasonsText(locale, m.notes)].filter(Boolean).join('  ');
  return {
    ...baseOption(theme, { title: chartTitle(spec.title, indicator), subtitle, description }),
    tooltip: safeTooltip(theme, 'axis', (params) => {
      const pts = tooltipPoints(params);
      if (!pts.length) return '';
      const i = pts[0].dataIndex;
      // Citations only while the tooltip stays short: with many lines the rows table says them.
      const cite = pts.length <= CITED_POINTS;
      return [labels[i], ...pts.flatMap((p) => [lines[p.seriesIndex]?.[i], cite ? cited[p.seriesIndex]?.[i] : ''])].filter(Boolean).join('\n');
    }),
    legend: {
      show: shown.length > 1,
      bottom: 0,
      textStyle: { color: theme.text, fontSize: theme.fontSize },
      itemWidth: 25 * scale,
      itemHeight: 14 * scale,
    },
    grid: {
      left: 16 * scale,
      right: 110 * scale,
      top: (spec.subtitle || m.notes.length ? 80 : 60) * scale + theme.titleSize - 18,
      bottom: (shown.length > 1 ? 40 : 16) * scale + (set.periods.length > LONG ? 40 * scale : 0),
      outerBoundsMode: 'same', outerBoundsContain: 'axisLabel',
    },
    xAxis: {
      type: 'category',
      data: labels,
      boundaryGap: isChange,
      axisLine: { lineStyle: { color: theme.axisLine } },
      axisLabel: { color: theme.text, fontSize: theme.fontSize, hideOverlap: true },
    },
    yAxis: {
      type: 'value',
      name: axisName,
      max: yMax,
      nameTextStyle: { color: theme.text, fontSize: theme.fontSize, align: 'left' },
      axisLabel: { color: theme.text, fontSize: theme.fontSize, formatter: (v: number) => (m.numbers ? m.numbers.axis(v) : formatCompact(v, locale, scalable)) },
      splitLine: { lineStyle: { color: theme.splitLine } },
    },
    // The slider sits above the legend (the grid leaves room for both), not on top of it. No
    // key at all on short series: ECharts' development build warns of a key whose part is absent.
    ...(set.periods.length > LONG ? { dataZoom: [{ type: 'inside' }, { type: 'slider', bottom: (shown.length > 1 ? 40 : 8) * scale }] } : {}),
    series,
  };
}

/** Index of the last non-null value, or -1. */
function lastIndex(values: readonly (number | null)[]): number {
  for (let i = values.length - 1; i >= 0; i--) if (values[i] !== null) return i;
  return -1;
}

/**
 * Target lines for the regions shown: the indicator's targets for a shown region or for every
 * region; and, for a region without one, the latest target its observations carry (a 目标值 column).
 */
function targetLines(data: ChartData, m: TrendModel, theme: ChartTheme) {
  const { locale, indicator } = data;
  const shownRegions = new Set(m.shown.map((i) => m.set.series[i].region));
  const targets: Target[] = indicator.targets.filter((t) => !t.region || shownRegions.has(t.region));
  for (const i of m.shown) {
    const s = m.set.series[i];
    if (targets.some((t) => t.region === s.region)) continue;
    const withTarget = s.observations.filter((o): o is Observation => o?.target !== undefined);
    const last = withTarget[withTarget.length - 1];
    if (last) targets.push({ region: s.region, period: last.period, value: last.target! });
  }
  return targets.map((t) => {
    const value = m.numbers ? m.numbers.text(t.value) : formatQuantity(t.value, indicator.baseUnit, locale, m.displayUnit);
    const text = `${t.region ? `${t.region} ` : ''}${translate(locale, 'chart.target_line', { period: formatPeriod(t.period, locale), value })}`;
    return {
      region: t.region,
      item: {
        yAxis: m.numbers ? m.numbers.plot(t.value) : toDisplay(t.value, indicator.baseUnit, m.displayUnit),
        name: text,
        label: { show: true, position: 'insideEndTop' as const, formatter: text, color: theme.text, fontSize: theme.fontSize },
      },
    };
  });
}
