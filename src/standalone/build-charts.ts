/**
 * Turn a chart document into ECharts options with the same pure builders the app uses, so a
 * self-contained page or an embed draws exactly what the dashboard drew. Kinds that need more
 * than data (a boundary map) or have no builder yet come back with a reason instead.
 */
import { chartTitle } from '../charts/common';
import type { EChartsOption } from 'echarts';
import type { ViewSpec } from '../domain/types';
import { translate } from '../domain/messages/index';
import { buildTrendOption, checkTrend } from '../charts/trend';
import { buildComparisonOption, checkComparison } from '../charts/comparison';
import { buildMultiplesOption, checkMultiples } from '../charts/multiples';
import { dark, light, type ChartTheme } from '../charts/theme';
import type { ChartData, ChartReason } from '../charts/types';
import type { ChartDocument, DocumentChart } from './document';

/** One chart ready to draw, or the sentences saying why it cannot be drawn. */
export type BuiltChart =
  | { ok: true; heading: string; option: EChartsOption }
  | { ok: false; heading: string; reasons: string[] };

type Builder = { check: (data: ChartData, spec: ViewSpec) => ChartReason[]; build: (data: ChartData, spec: ViewSpec, theme: ChartTheme) => EChartsOption };

/** Kinds drawable from a spec and observations alone. */
const BUILDERS: ReadonlyMap<ViewSpec['kind'], Builder> = new Map<ViewSpec['kind'], Builder>([
  ['trend', { check: checkTrend, build: buildTrendOption }],
  ['comparison', { check: checkComparison, build: buildComparisonOption }],
  ['multiples', { check: checkMultiples, build: buildMultiplesOption }],
]);

/**
 * The builder's input for one chart of a document.
 * @example chartDataOf(doc.charts[0], 'zh').indicator.name // '耕地面积'
 */
export function chartDataOf(chart: DocumentChart, locale: ChartData['locale']): ChartData {
  return { indicator: chart.indicator, observations: chart.payload.observations, locale };
}

/**
 * Build one chart from its spec and data, with the builders the app uses.
 * @example buildChartOption(spec, data, light) // { ok: true, heading: '耕地面积', option: {…} }
 */
export function buildChartOption(spec: ViewSpec, data: ChartData, theme: ChartTheme): BuiltChart {
  const heading = chartTitle(spec.title, data.indicator);
  const builder = BUILDERS.get(spec.kind);
  if (!builder) return { ok: false, heading, reasons: [translate(data.locale, 'reports.doc.kind', { kind: spec.kind })] };
  const reasons = builder.check(data, spec);
  if (reasons.length > 0) return { ok: false, heading, reasons: reasons.map((r) => translate(data.locale, r.key, r.params)) };
  return { ok: true, heading, option: builder.build(data, spec, theme) };
}

/**
 * Build every chart of a document in its theme.
 * @example buildDocumentCharts(doc)[0] // { ok: true, heading: '耕地面积', option: {…} }
 */
export function buildDocumentCharts(document: ChartDocument): BuiltChart[] {
  const theme = document.theme === 'dark' ? dark : light;
  return document.charts.map((chart) => buildChartOption(chart.payload.spec, chartDataOf(chart, document.locale), theme));
}
