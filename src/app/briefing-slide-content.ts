/**
 * What a slide draws, built from a saved view and its observations: a chart option in the
 * projector theme (every label at least 24 px at 1080p, no animation, no chart title because the
 * slide prints its own 48 px heading), or the text of a KPI slide. Pure; the UI only renders it.
 */
import type { EChartsOption } from 'echarts';
import type { Observation } from '../domain/types';
import type { ChartData, ChartReason } from '../charts/types';
import { drawChart } from '../views/chart-kinds';
import { projector, withConvention, type ChartTheme, type ColourConvention } from '../charts/theme';
import { formatKpiCard } from '../charts/kpi-card';
import { displayUnitOf, formatChangeMagnitude, formatQuantity, valueDecimals } from '../charts/format';
import { translate } from '../domain/messages';
import { kpiSummary } from '../analysis/kpi';
import { comparePeriods } from '../domain/period';
import { defaultRegions } from '../analysis/default-regions';
import { chosenUnderLabels } from '../analysis/region-identity';
import { LARGE_TEXT_CONTRAST, readableColour } from './briefing-contrast';
import { MIN_TEXT_PX } from './briefing-fit';
import type { SlideView } from './briefing-deck';

/**
 * The projector theme under the user's colour convention.
 * @example slideTheme('rise-red').fontSize // 24
 */
export function slideTheme(convention: ColourConvention): ChartTheme {
  return withConvention(projector, convention);
}

/** Keys whose object value carries text settings in an ECharts option. */
const TEXT_KEYS = new Set(['textStyle', 'label', 'axisLabel', 'nameTextStyle', 'subtextStyle', 'endLabel', 'emphasis']);

function enlarge(value: unknown, min: number, inText: boolean): unknown {
  if (Array.isArray(value)) return value.map((v) => enlarge(v, min, inText));
  // Functions (formatters) and typed arrays pass through untouched.
  if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = enlarge(v, min, TEXT_KEYS.has(key));
  if (inText) {
    const size = out.fontSize;
    out.fontSize = typeof size === 'number' ? Math.max(size, min) : min;
  }
  return out;
}

/**
 * A copy of an option with every text setting at least `min` px: builders size a few secondary
 * texts (subtitles, notes) below the theme's label size, which a room cannot read.
 * @example enlargeFonts({ label: { fontSize: 12 } }, 24) // { label: { fontSize: 24 } }
 */
export function enlargeFonts(option: EChartsOption, min: number = MIN_TEXT_PX): EChartsOption {
  return enlarge(option, min, false) as EChartsOption;
}

/** A slide chart, or why it cannot be drawn. */
export interface SlideChart {
  option: EChartsOption | undefined;
  reasons: ChartReason[];
}

/**
 * The option as a slide shows it: no chart title (the slide has its own heading, so the grid moves
 * up into the freed space), no animation, and end labels that push apart instead of overlapping.
 */
function forSlide(option: EChartsOption): EChartsOption {
  const title = option.title;
  // A builder's subtitle carries notes (values of another grain left out): keep those visible.
  const notes = !Array.isArray(title) && typeof title?.subtext === 'string' && title.subtext !== '';
  const hidden = Array.isArray(title)
    ? title.map((t) => ({ ...t, show: false }))
    : notes
      ? { ...title, text: '', top: 0 }
      : { ...(title ?? {}), show: false };
  const grid = option.grid;
  // Room for the value axis name (and notes) above the plot; builders also leave room for a title.
  const moved = grid && !Array.isArray(grid) ? { ...grid, top: notes ? 104 : 64 } : grid;
  const series = Array.isArray(option.series)
    ? option.series.map((s) => (s.type === 'line' ? { ...s, labelLayout: { moveOverlap: 'shiftY' as const } } : s))
    : option.series;
  return { ...option, title: hidden, grid: moved, series, animation: false };
}

/**
 * Build the chart of a chart slide: trend, comparison (also for ranking views) or small multiples.
 * @example buildSlideChart(view, data, slideTheme('good-green')).option?.animation // false
 */
export function buildSlideChart(view: SlideView, data: ChartData, theme: ChartTheme): SlideChart {
  const s = view.spec;
  // No regions chosen: the same sensible few the dashboard would show.
  const chosen = s.regions && chosenUnderLabels(s.regions, data.observations);
  const regions = chosen && chosen.length > 0 ? chosen : defaultRegions(data.observations);
  const outcome =
    s.kind === 'trend'
      ? drawChart('trend', data, { regions, periodFrom: s.periodFrom, periodTo: s.periodTo, indexBase: s.indexBase }, theme)
      : s.kind === 'comparison' || s.kind === 'ranking'
        ? drawChart('comparison', data, { regions: chosen, period: s.period, grouped: s.grouped }, theme)
        : s.kind === 'multiples'
          ? drawChart('multiples', data, { regions, periodFrom: s.periodFrom, periodTo: s.periodTo }, theme)
          : // Maps need a boundary file registered with the ECharts runtime; slides do not draw them.
            { ok: false as const, reasons: [{ key: 'briefing.kindUnsupported', params: { kind: s.kind } }] };
  if (!outcome.ok) return { option: undefined, reasons: outcome.reasons };
  return { option: enlargeFonts(forSlide(outcome.option)), reasons: [] };
}

/**
 * The region a KPI slide shows: the view's first region, else a total row, else the first region
 * the default picks.
 * @example kpiRegion(obs, ['道里区']) // '道里区'
 */
export function kpiRegion(observations: readonly Observation[], regions: readonly string[] | undefined): string | undefined {
  const present = new Set(observations.map((o) => o.region));
  const chosen = regions?.find((r) => present.has(r));
  if (chosen) return chosen;
  return observations.find((o) => o.isTotal)?.region ?? defaultRegions(observations, 1)[0];
}

/** The text of a KPI slide, every colour already checked against the slide background. */
export interface SlideKpi {
  /** `PM10平均浓度`. */
  title: string;
  /** `乌海市 · 2023年`. */
  region: string;
  period: string;
  /** `79微克/立方米`. */
  value: string;
  /** `同比下降30.1%`, with an arrow and whether it is good (said in words too, not by colour alone). */
  change?: { text: string; arrow: string; verdict: string; colour: string };
  /** `完成目标 110%`, the target value and the traffic light in words. */
  target?: { text: string; value: string; statusText: string; colour: string };
}

/**
 * The text of a KPI slide: the value at the view's period (or the latest), its 同比 change with an
 * arrow coloured by polarity, and its target. Colours too dark on the slide fall back to white.
 * @example buildSlideKpi(view, data, theme)?.change?.text // '同比下降30.1%'
 */
export function buildSlideKpi(view: SlideView, data: ChartData, theme: ChartTheme): SlideKpi | undefined {
  const { locale, indicator } = data;
  // Change rows (同比下降30.1% written as a value) are not levels; a KPI compares levels.
  let levels = data.observations.filter((o) => o.kind !== 'change');
  const period = view.spec.period;
  if (period) levels = levels.filter((o) => comparePeriods(o.period, period) <= 0);
  const region = kpiRegion(levels, view.spec.regions && chosenUnderLabels(view.spec.regions, levels));
  const summary = region === undefined ? undefined : kpiSummary(levels, indicator, region);
  if (!summary) return undefined;
  const card = formatKpiCard(summary, indicator, locale, theme, data.observations);
  const readable = (c: string) => readableColour(c, theme.background, theme.text);
  // The change line is large bold text (52–72 px on a slide, 22 pt on paper), for which WCAG asks
  // 3:1, not 4.5:1: at 4.5 the good green (3.4:1 on white) fell back to black on paper.
  const readableLarge = (c: string) => readableColour(c, theme.background, theme.text, LARGE_TEXT_CONTRAST);
  const kpi: SlideKpi = { title: card.title, region: card.region, period: card.period, value: card.value };
  const y = summary.yoy;
  if (y && card.yoy) {
    const du = displayUnitOf(indicator, [summary.observation]);
    // The same rule as the card's (one decimal, a rate's change in points): 同比上升1.6个百分点.
    const magnitude = formatChangeMagnitude(y, indicator, locale, du);
    kpi.change = {
      text: translate(locale, `briefing.kpi.${y.direction}`, { change: magnitude }),
      arrow: card.yoy.arrow,
      verdict: y.good === undefined ? '' : translate(locale, y.good ? 'briefing.kpi.good' : 'briefing.kpi.bad'),
      colour: readableLarge(card.yoy.colour),
    };
  }
  const t = summary.target;
  if (t && card.target) {
    const du = displayUnitOf(indicator, [summary.observation]);
    kpi.target = {
      text: card.target.text,
      // In the indicator's decimals, like its value (目标 70.0% beside 64.0%).
      value: translate(locale, 'briefing.kpi.target', {
        value: formatQuantity(t.target.value, summary.observation.unit, locale, du, valueDecimals(indicator, data.observations, du)),
      }),
      statusText: card.target.statusText,
      colour: readable(card.target.colour),
    };
  }
  return kpi;
}
