/**
 * Every chart kind, declared once: what it needs from the data and the one function that gives
 * its ECharts option or the reasons it cannot be drawn. Every destination (dashboard, slides,
 * print, PNG/SVG, saved pages, embeds) draws a chart through `drawChart`, so a kind added here
 * is drawn the same way everywhere. Pure: no Svelte, no ECharts runtime.
 */
import type { Locale } from '../domain/messages';
import { translate } from '../domain/messages';
import { drawTrend } from '../charts/trend';
import { drawComparison, type FormattedComparisonSpec } from '../charts/comparison';
import { drawMultiples } from '../charts/multiples';
import { drawMap } from '../charts/map';
import { drawBarYoy } from '../charts/bar-yoy';
import { drawBarTarget } from '../charts/bar-target';
import type { BarLineSpec } from '../charts/bar-line';
import type { ChartTheme } from '../charts/theme';
import type { ChartData, ChartOutcome, ChartReason, ChartRequirement, MapSpec, MultiplesSpec } from '../charts/types';
import type { DrawnChart } from './types';

/** A chart kind: what it needs, and how it is drawn from data and its spec. */
export interface ChartKind<S> {
  /** Checked before `draw`, so a missing boundary or an empty indicator is said the same way for every kind. */
  requires: readonly ChartRequirement[];
  draw: (data: ChartData, spec: S, theme: ChartTheme) => ChartOutcome;
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

/**
 * The chart kinds. A new kind is one entry here (and its spec type in `ChartSpecs`).
 * @example chartKinds.map.requires // ['region', 'period', 'value', 'boundary']
 */
export const chartKinds: { [K in ChartKindName]: ChartKind<ChartSpecs[K]> } = {
  trend: { requires: ['region', 'period', 'value'], draw: drawTrend },
  comparison: { requires: ['region', 'period', 'value'], draw: drawComparison },
  multiples: { requires: ['region', 'period', 'value'], draw: drawMultiples },
  map: { requires: ['region', 'period', 'value', 'boundary'], draw: drawMap },
  'bar-yoy': { requires: ['region', 'period', 'value'], draw: drawBarYoy },
  'bar-target': { requires: ['region', 'period', 'value'], draw: drawBarTarget },
};

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
 * Draw a chart of `kind`: its needs checked, then its option or its reasons.
 * @example drawChart('trend', data, {}, light) // { ok: true, option: {…} }
 */
export function drawChart<K extends ChartKindName>(kind: K, data: ChartData, spec: ChartSpecs[K], theme: ChartTheme): ChartOutcome {
  const entry: ChartKind<ChartSpecs[K]> = chartKinds[kind];
  const lacking = missing(entry.requires, data, spec);
  return lacking.length > 0 ? { ok: false, reasons: lacking } : entry.draw(data, withDefinition(spec, data), theme);
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
