/**
 * The chart-kind registry: every kind declared once with what it needs from the data, and the
 * function that draws it once that kind's code is here. The trend and the comparison, which the
 * first page draws, are drawn from the start; the other kinds' builders (small multiples, map,
 * 柱+同比, 柱+目标) join when `./chart-kinds` is imported, statically by the code that draws them
 * (slides, saved pages, the views the first page does not show) or with `loadChartKinds()`:
 * they are kept out of the first page's JavaScript (initial-JS budget, issue 20).
 * Pure: no Svelte, no ECharts runtime.
 */
import type { Locale } from '../domain/messages';
import { translate } from '../domain/messages';
import { drawTrend } from '../charts/trend';
import { drawComparison, type FormattedComparisonSpec } from '../charts/comparison';
import type { BarLineSpec } from '../charts/bar-line';
import type { ChartTheme } from '../charts/theme';
import type { ChartData, ChartOutcome, ChartReason, ChartRequirement, MapSpec, MultiplesSpec } from '../charts/types';
import type { DrawnChart } from './types';

type Draw<S> = (data: ChartData, spec: S, theme: ChartTheme) => ChartOutcome;

/** A chart kind: what it needs, and how it is drawn from data and its spec (once its code has loaded). */
export interface ChartKind<S> {
  /** Checked before `draw`, so a missing boundary or an empty indicator is said the same way for every kind. */
  requires: readonly ChartRequirement[];
  draw?: Draw<S>;
}

/** What each kind's spec is (add a line with a new kind). */
export interface ChartSpecs {
  // The trend and the comparison take the view's number format (issue 25).
  trend: BarLineSpec;
  comparison: FormattedComparisonSpec;
  multiples: MultiplesSpec;
  map: MapSpec;
  'bar-yoy': BarLineSpec;
  'bar-target': BarLineSpec;
}

export type ChartKindName = keyof ChartSpecs;

/** The builders that load later, as `./chart-kinds` registers them. */
export type LaterDraws = { [K in Exclude<ChartKindName, 'trend' | 'comparison'>]: Draw<ChartSpecs[K]> };

/**
 * The chart kinds. A new kind is one entry here (and its spec type in `ChartSpecs`); one the first
 * page does not draw gets its builder in `LaterDraws` and `./chart-kinds`.
 * @example chartKinds.map.requires // ['region', 'period', 'value', 'boundary']
 */
export const chartKinds: { [K in ChartKindName]: ChartKind<ChartSpecs[K]> } = {
  trend: { requires: ['region', 'period', 'value'], draw: drawTrend },
  comparison: { requires: ['region', 'period', 'value'], draw: drawComparison },
  multiples: { requires: ['region', 'period', 'value'] },
  map: { requires: ['region', 'period', 'value', 'boundary'] },
  'bar-yoy': { requires: ['region', 'period', 'value'] },
  'bar-target': { requires: ['region', 'period', 'value'] },
};

/** Give the later kinds their builders (called once, by `./chart-kinds` as it loads). */
export function registerLaterKinds(draws: LaterDraws): void {
  chartKinds.multiples.draw = draws.multiples;
  chartKinds.map.draw = draws.map;
  chartKinds['bar-yoy'].draw = draws['bar-yoy'];
  chartKinds['bar-target'].draw = draws['bar-target'];
}

/**
 * Whether a kind can be drawn now (its builder has loaded); no kind named counts as the trend.
 * @example chartKindReady('trend') // true
 */
export function chartKindReady(kind: ChartKindName | undefined): boolean {
  return kind === undefined || chartKinds[kind].draw !== undefined;
}

let later: Promise<void> | undefined;

/**
 * Load the builders of the kinds the first page does not draw; resolves once they are
 * registered. A failed load is forgotten, so the next call tries again.
 * @example await loadChartKinds(); chartKindReady('map') // true
 */
export function loadChartKinds(): Promise<void> {
  later ??= import('./chart-kinds').then(
    () => undefined,
    (error: unknown) => {
      later = undefined;
      throw error;
    },
  );
  return later;
}

/**
 * What the data lacks of a kind's needs. Every observation has a region and a period; values
 * can be missing (no observation of the indicator) and so can the boundary (no map name).
 * @example missing(['value', 'boundary'], data, { mapName: '' }) // [{ key: 'chart.no_map' }]
 */
export function missing(requires: readonly ChartRequirement[], data: ChartData, spec: object): ChartReason[] {
  const reasons: ChartReason[] = [];
  // Only a kind that needs a boundary has a map name in its spec.
  const mapName: unknown = (spec as { mapName?: unknown }).mapName;
  if (requires.includes('boundary') && !mapName) reasons.push({ key: 'chart.no_map' });
  if (requires.includes('value') && !data.observations.some((o) => o.indicator === data.indicator.name)) {
    reasons.push({ key: 'chart.no_observations' });
  }
  return reasons;
}

/**
 * Draw a chart of `kind`: its needs checked, then its option or its reasons. A kind whose code
 * has not loaded yet says so (`chart.kind_loading`) rather than drawing something else; the
 * code that shows such a kind loads it first (`loadChartKinds`, or a static `./chart-kinds`).
 * @example drawChart('trend', data, {}, light) // { ok: true, option: {…} }
 */
export function drawChart<K extends ChartKindName>(kind: K, data: ChartData, spec: ChartSpecs[K], theme: ChartTheme): ChartOutcome {
  const entry: ChartKind<ChartSpecs[K]> = chartKinds[kind];
  const lacking = missing(entry.requires, data, spec);
  if (lacking.length > 0) return { ok: false, reasons: lacking };
  return entry.draw ? entry.draw(data, withDefinition(spec, data), theme) : { ok: false, reasons: [{ key: 'chart.kind_loading' }] };
}

/**
 * A calculated indicator's definition (计算指标：地区生产总值 ÷ 常住人口) under the spec's subtitle,
 * so every destination that draws it says what it is.
 */
function withDefinition<S extends { subtitle?: string }>(spec: S, data: ChartData): S {
  const definition = data.indicator.definition;
  return definition ? { ...spec, subtitle: [spec.subtitle, definition].filter(Boolean).join('  ') } : spec;
}

/**
 * An outcome as the reader gets it: under a heading, the reasons in words.
 * @example inWords({ ok: false, reasons: [{ key: 'chart.no_map' }] }, '耕地面积', 'zh').reasons // ['未载入边界文件…']
 */
export function inWords(outcome: ChartOutcome, heading: string, locale: Locale): DrawnChart {
  return outcome.ok
    ? { ok: true, heading, option: outcome.option }
    : { ok: false, heading, reasons: outcome.reasons.map((r) => translate(locale, r.key, r.params)) };
}
