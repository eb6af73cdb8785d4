/**
 * Regional comparison: horizontal bars for one period, best first by polarity, ties ranked equal
 * (并列) and said so in the axis label, totals as a reference line rather than a bar, the previous
 * period as a marker, bars coloured by target status (and the status also written in the label).
 * The grouped variant shows several periods side by side, ordered by the chosen period's ranking.
 */
import type { BarSeriesOption, EChartsOption } from 'echarts';
import { translate } from '../domain/messages';
import { comparePeriods, formatPeriod, previousPeriod } from '../domain/period';
import type { Observation, ViewSpec } from '../domain/types';
import { computeChange } from '../analysis/change';
import { assessTarget, type TargetAssessment } from '../analysis/completion';
import { rankRegions, type RankedRow } from '../analysis/ranking';
import { rankPoolOf, type RankPool } from '../analysis/region-levels';
import { rankAmong } from './rank-note';
import { regionsOf } from '../analysis/region-identity';
import { dominantGrain, grainOf, latestPeriod } from '../analysis/series';
import type { ChartData, ChartOutcome, ChartReason, ComparisonSpec } from './types';
import { statusColour, type ChartTheme } from './theme';
import { arrowOf, displayUnitOf, formatChangeMagnitude, formatCompact, formatTargetStatus, formatNumber, formatObservationValue, toDisplay, valueDecimals } from './format';
import { baseOption, chartTitle, observationsOf, safeTooltip, tooltipPoints } from './common';
import { tooltipCitation } from '../domain/citations';
import { chartNumbers, isPlainFormat, type ChartNumbers } from './number-format';
import { linkedMark } from './linked-mark';

/** Status marks written next to a bar's value, so status is not shown by colour alone. */
const STATUS_MARK = { green: '✓', yellow: '△', red: '✗', missed: '✗' } as const;

/** A total (合计) counts as a sum, not an average, when it is this many times the largest region. */
const SUM_LIKE = 1.5;

/**
 * At most this many bars: beyond about 20 a dashboard-sized chart has no room for each region's
 * name and value (200 counties draw as a smear). More regions show the best and the worst half of
 * this with a gap between, like a 先进与后进 list; the ranking table lists them all.
 */
export const MAX_BARS = 20;

interface ComparisonModel {
  period: string | undefined;
  /** Observations of the dominant grain, restricted to the chosen regions (totals kept). */
  obs: Observation[];
  current: Observation[];
  /** The chosen regions (all when none are chosen), with their rank among every region. */
  ranked: RankedRow[];
  /** How many regions the ranks count: every region of the period, chosen or not. */
  rankedOf: number;
  /** What they are: the chosen regions' siblings under one division (named in the note), else every region. */
  pool?: RankPool;
  /** The rows drawn, best first; `null` is the gap between the best and the worst when cut. */
  shown: (RankedRow | null)[];
  /** The view's own number format (issue 25), for a comparison of levels that has one. */
  numbers?: ChartNumbers;
}

/** A comparison's spec with the view's number format. */
export type FormattedComparisonSpec = ComparisonSpec & Pick<ViewSpec, 'format'>;
type FormattedSpec = FormattedComparisonSpec;

/** A value as the view's number format writes it, else as everywhere else. */
function written(m: ComparisonModel, o: Observation, locale: ChartData['locale'], du: string, dp?: number): string {
  return m.numbers && o.kind !== 'change' ? m.numbers.text(o.value) : formatObservationValue(o, locale, du, dp);
}

/** A value as drawn: in the format's unit, else in the display unit. */
function drawnAs(m: ComparisonModel, v: number, baseUnit: string, du: string): number {
  return m.numbers ? m.numbers.plot(v) : toDisplay(v, baseUnit, du);
}

/** The indicator as the format tells its changes: a rate's change in % or in points. */
function changeRule(data: ChartData, spec: FormattedSpec): ChartData['indicator'] {
  const asked = spec.format?.change;
  return asked ? { ...data.indicator, rateChange: asked === 'percent' ? 'relative' : 'points' } : data.indicator;
}

/** Every row when they fit, else the best and the worst with a gap between. */
function cut(ranked: RankedRow[], max: number): (RankedRow | null)[] {
  if (ranked.length <= max) return ranked;
  const half = Math.floor(max / 2);
  return [...ranked.slice(0, half), null, ...ranked.slice(ranked.length - (max - half))];
}

function model(data: ChartData, spec: FormattedSpec): ComparisonModel {
  const wanted = spec.regions?.length ? new Set(spec.regions) : undefined;
  const every = observationsOf(data);
  const all = wanted ? every.filter((o) => wanted.has(o.region)) : every;
  const grain = dominantGrain(all);
  const period = spec.period ?? latestPeriod(all);
  const obs = all.filter((o) => grainOf(o) === grain || o.period === period);
  const current = obs.filter((o) => o.period === period);
  // A rank is the place among every region of the period, never among the chosen few only: a
  // slide of three counties must not call the 13th of 18 "1.". Every region of the chosen ones'
  // level under the division they lie in (their siblings: a drill's counties), not of every
  // level: 13 cities were ranked among their 120 counties too (analysis/region-levels rankPoolOf).
  const inPeriod = wanted ? every.filter((o) => o.period === period) : current;
  const pool = wanted ? rankPoolOf([...wanted], regionsOf(inPeriod)) : undefined;
  const rankedAll = rankRegions(pool ? inPeriod.filter((o) => pool.names.has(o.region)) : inPeriod, data.indicator.polarity);
  const ranked = wanted ? rankedAll.filter((r) => wanted.has(r.region)) : rankedAll;
  const levels = current.length > 0 && !current.some((o) => o.kind === 'change');
  let numbers: ChartNumbers | undefined;
  if (levels && !isPlainFormat(spec.format)) {
    const du = displayUnitOf(data.indicator, obs);
    const most = Math.max(...current.map((o) => Math.abs(o.value)));
    numbers = chartNumbers(most, data.indicator.baseUnit, du, spec.format!, data.locale, valueDecimals(data.indicator, data.observations, du));
  }
  return { period, obs, current, ranked, rankedOf: rankedAll.length, pool, shown: cut(ranked, spec.maxBars ?? MAX_BARS), numbers };
}

/**
 * The comparison option (grouped when `spec.grouped`), or why it cannot be drawn.
 * @example drawComparison(data, { period: '2030' }, light) // { ok: false, reasons: [{ key: 'chart.no_observations_for_period', params: { period: '2030年' } }] }
 */
export function drawComparison(data: ChartData, spec: FormattedSpec, theme: ChartTheme): ChartOutcome {
  const m = model(data, spec);
  const reasons = reasonsOf(data, m);
  return reasons.length > 0 ? { ok: false, reasons } : { ok: true, option: optionOf(data, spec, theme, m) };
}

function reasonsOf(data: ChartData, m: ComparisonModel): ChartReason[] {
  if (!m.obs.length || !m.period) return [{ key: 'chart.no_observations' }];
  if (!m.current.length) return [{ key: 'chart.no_observations_for_period', params: { period: formatPeriod(m.period, data.locale) } }];
  if (!m.ranked.length) return [{ key: 'chart.no_ranked_regions' }];
  return [];
}

function optionOf(data: ChartData, spec: FormattedSpec, theme: ChartTheme, m: ComparisonModel): EChartsOption {
  const { locale, indicator } = data;
  const period = m.period ?? '';
  const du = displayUnitOf(indicator, m.obs);
  const scale = theme.fontSize / 12;
  const disp = (v: number): number => drawnAs(m, v, indicator.baseUnit, du);
  const dp = valueDecimals(indicator, data.observations, du);
  const valueText = (o: Observation): string => written(m, o, locale, du, dp);
  const isChange = m.current.some((o) => o.kind === 'change');

  const categories = m.shown.map((r) =>
    r ? translate(locale, r.tied ? 'chart.rank_label_tied' : 'chart.rank_label', { rank: r.rank, region: r.region }) : '⋯',
  );
  const assessments = m.shown.map((r) => (r && !isChange ? assessTarget(r.observation, indicator) : undefined));

  const prevKey = previousPeriod(period);
  const previous = new Map<string, Observation>();
  for (const o of m.obs) if (o.period === prevKey && !previous.has(o.region)) previous.set(o.region, o);

  const tooltipLines = m.shown.map((r, i) => (r ? tooltipText({ ...data, indicator: changeRule(data, spec) }, m, r, assessments[i], previous.get(r.region), period, du) : ''));
  // The linked filter's region (a click on its bar): outlined, the other bars dimmed, said in words.
  const linked = linkedMark(spec.filter, m.ranked.map((r) => r.region), theme, locale, 2 * scale);
  const marked = linked.words;

  const mainBar: BarSeriesOption = {
    type: 'bar',
    name: formatPeriod(period, locale),
    barMaxWidth: 28 * scale,
    // Above the reference line (z 2), labels included: a label's background, the chart's own,
    // cuts a gap in the line instead of the line running through its digits.
    z: 3,
    data: m.shown.map((r, i) => {
      if (!r) return null;
      const a = assessments[i];
      const mark = a?.status ? ` ${STATUS_MARK[a.status]}` : '';
      return {
        value: disp(r.value),
        itemStyle: { color: statusColour(theme, a?.status), ...linked.style(r.region) },
        label: {
          show: true,
          position: r.value >= 0 ? 'right' : 'left',
          color: theme.text,
          backgroundColor: theme.background,
          // The background starts at the bar's end, so a line just past the end is covered too.
          distance: 0,
          padding: [0, 5 * scale],
          formatter: `${valueText(r.observation)}${mark}`,
        },
      };
    }),
    markLine: referenceLine(data, m, du, theme),
  };

  const series: BarSeriesOption[] = spec.grouped ? groupedSeries(data, m, spec, du, theme, mainBar) : [mainBar];
  // Only when a bar drawn has one: the total's (a reference line, not a bar) draws no 上期 bar.
  if (!spec.grouped && prevKey && m.shown.some((r) => r && previous.has(r.region))) {
    // The previous period as a pale bar behind the current one: a marker at its end would sit on
    // top of the current value's label whenever the two values are close. On a projector a pale
    // bar behind is lost on black (and wholly hidden where the value rose), so there it stands
    // beside the current bar, solid, in a grey of 12:1 on black.
    const beside = theme.name === 'projector';
    series.push({
      type: 'bar',
      name: translate(locale, 'chart.previous', { period: formatPeriod(prevKey, locale) }),
      barMaxWidth: 28 * scale,
      barGap: beside ? '10%' : '-100%',
      z: 1,
      silent: true,
      itemStyle: beside
        ? { color: theme.ghost }
        : { color: theme.ghost, opacity: 0.45, borderColor: theme.text, borderWidth: 1, borderType: 'dashed' },
      data: m.shown.map((r) => {
        const p = r && previous.get(r.region);
        return p ? disp(p.value) : null;
      }),
    });
  }

  const best = m.ranked[0];
  const description = [
    translate(locale, 'chart.aria.comparison', {
      indicator: chartTitle(undefined, indicator),
      period: formatPeriod(period, locale),
      n: m.ranked.length,
      best: best?.region ?? '',
      value: best ? valueText(best.observation) : '',
    }),
    marked,
  ]
    .filter(Boolean)
    .join(' ');

  const scalable = du !== '%' && !(isChange && m.current[0]?.unit === '%');
  return {
    ...baseOption(theme, {
      title: chartTitle(spec.title, indicator),
      subtitle: [spec.subtitle, formatPeriod(period, locale), shownNote(data, m), marked].filter(Boolean).join('  '),
      description,
    }),
    tooltip: {
      ...safeTooltip(theme, 'axis', (params) => {
        const pts = tooltipPoints(params);
        const bar = pts.find((p) => p.seriesIndex === 0);
        return bar ? (tooltipLines[bar.dataIndex] ?? '') : '';
      }),
      axisPointer: { type: 'shadow' },
    },
    legend: {
      show: series.length > 1,
      // Bars are coloured by target status, so the chosen period gets no single-colour legend entry.
      data: spec.grouped ? undefined : series.slice(1).map((s) => String(s.name)),
      bottom: 0,
      textStyle: { color: theme.text, fontSize: theme.fontSize },
    },
    grid: { left: 16 * scale, right: 120 * scale, top: 90 * scale + theme.titleSize - 18, bottom: (series.length > 1 ? 40 : 16) * scale, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: {
      type: 'value',
      name: isChange ? translate(locale, 'chart.change_axis', { unit: m.current[0]?.unit ?? '' }) : (m.numbers?.unit ?? du),
      nameLocation: 'end',
      nameTextStyle: { color: theme.text, fontSize: theme.fontSize },
      axisLabel: { color: theme.text, fontSize: theme.fontSize, formatter: (v: number) => (m.numbers ? m.numbers.axis(v) : formatCompact(v, locale, scalable)) },
      splitLine: { lineStyle: { color: theme.splitLine } },
    },
    yAxis: {
      type: 'category',
      data: categories,
      inverse: true,
      axisLine: { lineStyle: { color: theme.axisLine } },
      axisLabel: { color: theme.text, fontSize: theme.fontSize, interval: 0 },
    },
    series,
  };
}

/**
 * Says which regions a cut chart leaves out, so nobody reads it as the whole list, and that the
 * ranks of chosen regions count every region.
 */
function shownNote(data: ChartData, m: ComparisonModel): string {
  // Among a city's counties the note names the city (名次为哈尔滨市所辖 18 个区县中的名次), as the data names it.
  const among = m.ranked.length < m.rankedOf ? rankAmong(m.pool, m.rankedOf, regionsOf(observationsOf(data)), data.locale) : '';
  if (m.shown.length === m.ranked.length) return among;
  const gap = m.shown.indexOf(null);
  const cutNote = translate(data.locale, 'chart.comparison_cut', { n: m.ranked.length, best: gap, worst: m.shown.length - gap - 1 });
  return [among, cutNote].filter(Boolean).join('  ');
}

/** Tooltip text for one region: rank, value, previous period, completion and status in words. */
function tooltipText(
  data: ChartData,
  m: ComparisonModel,
  r: RankedRow,
  a: TargetAssessment | undefined,
  prev: Observation | undefined,
  period: string,
  du: string,
): string {
  const { locale } = data;
  const lines = [
    `${r.region}  ${translate(locale, r.tied ? 'chart.rank_tied' : 'chart.rank', { rank: r.rank })}`,
    `${formatPeriod(period, locale)}：${written(m, r.observation, locale, du, valueDecimals(data.indicator, data.observations, du))}`,
  ];
  if (prev && r.observation.kind !== 'change') {
    const c = computeChange(r.value, prev.value);
    // The arrow carries the sign, so the number is a magnitude.
    const change = formatChangeMagnitude(c, data.indicator, locale, du);
    lines.push(
      translate(locale, 'chart.previous_value', {
        value: written(m, prev, locale, du, valueDecimals(data.indicator, data.observations, du)),
        arrow: arrowOf(c.direction),
        change: c.direction === 'flat' ? translate(locale, 'chart.flat') : change,
      }),
    );
  }
  if (a?.completion !== undefined) lines.push(translate(locale, 'chart.completion', { value: `${formatNumber(a.completion)}%` }));
  if (a?.status) lines.push(formatTargetStatus(a, data.indicator, locale, du));
  const cited = tooltipCitation(r.observation);
  if (cited) lines.push(translate(locale, 'chart.cited', { text: cited }));
  return lines.join('\n');
}

/**
 * The total as a reference line. A total that is a sum (much larger than any region) would squash
 * every bar, so then the line shows the regional mean and the label names the total.
 */
function referenceLine(data: ChartData, m: ComparisonModel, du: string, theme: ChartTheme): BarSeriesOption['markLine'] {
  const total = m.current.find((o) => o.isTotal);
  if (!total || !m.ranked.length) return undefined;
  const { locale, indicator } = data;
  const maxRegion = Math.max(...m.ranked.map((r) => Math.abs(r.value)));
  const totalText = written(m, total, locale, du);
  let at = total.value;
  let text = translate(locale, 'chart.total_reference', { region: total.region, value: totalText });
  if (Math.abs(total.value) > SUM_LIKE * maxRegion) {
    at = m.ranked.reduce((s, r) => s + r.value, 0) / m.ranked.length;
    const mean = written(m, { ...total, value: at, isTotal: false }, locale, du);
    text = translate(locale, 'chart.mean_reference', { value: mean, region: total.region, total: totalText });
  }
  return {
    silent: true,
    // Under the current bars and their labels (z 3), over the previous period's (z 1).
    z: 2,
    symbol: 'none',
    lineStyle: { type: 'solid', width: Math.max(1, theme.lineWidth - 1), color: theme.text },
    // Above the first bar (the category axis is inverted, so the line starts at the top), written
    // horizontally: a vertical line's inside labels would run sideways through the bars.
    label: { show: true, position: 'start', formatter: text, color: theme.text, fontSize: theme.fontSize },
    data: [{ xAxis: drawnAs(m, at, indicator.baseUnit, du), name: text }],
  };
}

/** Bars for earlier periods too (up to `groupCount`, ending at the chosen period), oldest first. */
function groupedSeries(
  data: ChartData,
  m: ComparisonModel,
  spec: ComparisonSpec,
  du: string,
  theme: ChartTheme,
  main: BarSeriesOption,
): BarSeriesOption[] {
  const { locale } = data;
  const count = Math.max(1, spec.groupCount ?? 3);
  // Newest first, after the chosen period, so the legend reads 2024, 2023, 2022.
  const earlier =
    count > 1
      ? [...new Set(m.obs.map((o) => o.period))]
          .filter((p) => comparePeriods(p, m.period ?? '') < 0)
          .sort(comparePeriods)
          .slice(-(count - 1))
          .reverse()
      : [];
  const byKey = new Map<string, Observation>();
  for (const o of m.obs) {
    const key = `${o.period}\u0000${o.region}`;
    if (!byKey.has(key)) byKey.set(key, o);
  }
  const older: BarSeriesOption[] = earlier.map((p, i) => ({
    type: 'bar',
    name: formatPeriod(p, locale),
    barMaxWidth: 20 * (theme.fontSize / 12),
    itemStyle: { color: theme.palette[(i + 1) % theme.palette.length] },
    data: m.shown.map((r) => {
      const o = r && byKey.get(`${p}\u0000${r.region}`);
      return o ? drawnAs(m, o.value, data.indicator.baseUnit, du) : null;
    }),
  }));
  // The chosen period's bars stay first so the tooltip finds them at index 0; colours here mean
  // periods, so target status is left to the ✓ △ ✗ marks in the labels.
  const plain = (main.data ?? []).map((d) => (d && typeof d === 'object' && !Array.isArray(d) ? { ...d, itemStyle: undefined } : d));
  return [{ ...main, data: plain, itemStyle: { color: theme.palette[0] } }, ...older];
}
