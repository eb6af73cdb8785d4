/**
 * Turn a chart document into what its page draws, with the same pure builders the app uses, so a
 * self-contained page or an embed shows what the dashboard showed: ECharts options for trend,
 * comparison, small multiples and the map (on the boundary the document carries); text models
 * for the ranking table, the overview's KPI cards (with its trend and comparison) and a deck's
 * KPI and title slides. Everything is coloured under the document's colour convention.
 */
import { chartTitle } from '../charts/common';
import type { ViewSpec } from '../domain/types';
import { translate } from '../domain/messages/index';
import { dark, light, withConvention, type ChartTheme } from '../charts/theme';
import type { ChartData, MapSpec } from '../charts/types';
import { drawChart, inWords } from '../views/chart-kinds';
import type { DrawnChart } from '../views/types';
import { formatPeriod } from '../domain/period';
import { latestPeriod } from '../analysis/series';
import { isTextItem, type ChartDocument, type DocumentChart } from './document';
import { boundaryGeoJson } from './boundary';
import { buildRankingTable, type RankingTableText } from '../views/ranking';
import { buildKpiCards, buildKpiSlide, type KpiCardsText } from '../views/kpi';
import { shownRegions } from '../views/regions';

/** One chart ready to draw, or the sentences saying why it cannot be drawn. */
export type BuiltChart = DrawnChart;

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
  const kind = spec.kind;
  // Kinds drawable from a spec and observations alone; a map needs its boundary (buildMap).
  if (kind !== 'trend' && kind !== 'comparison' && kind !== 'multiples') {
    return { ok: false, heading, reasons: [translate(data.locale, 'reports.doc.kind', { kind })] };
  }
  return inWords(drawChart(kind, data, spec, theme), heading, data.locale);
}

/** A boundary to register with ECharts before drawing, under `name`. */
export interface MapToRegister {
  name: string;
  geoJSON: ReturnType<typeof boundaryGeoJson>;
}

/** One item of a document, ready to put into the page; `beside` puts it next to the one before. */
export type BuiltItem = (
  | { type: 'chart'; chart: BuiltChart; map?: MapToRegister }
  | { type: 'ranking'; table: RankingTableText }
  | { type: 'overview'; cards: KpiCardsText; charts: BuiltChart[] }
  | { type: 'slide-kpi'; slide: ReturnType<typeof buildKpiSlide> }
  | { type: 'title'; title: string; subtitle: string }
) & { beside?: true; notes?: string[] };

/**
 * A map on the document's boundary, registered under a name of its own per item; without a
 * boundary the builder's reason (no map) comes back.
 */
function buildMap(item: DocumentChart, data: ChartData, theme: ChartTheme, index: number): BuiltItem {
  const spec = item.payload.spec;
  const heading = chartTitle(spec.title, data.indicator);
  const boundary = item.boundary;
  const mapSpec: MapSpec = {
    mapName: boundary ? `standalone-map-${index}` : '',
    period: spec.period,
    title: spec.title,
    subtitle: spec.subtitle,
    joinOn: boundary?.joinOn,
    nameProperty: 'name',
    caption: boundary?.caption,
  };
  const chart = inWords(drawChart('map', data, mapSpec, theme), heading, data.locale);
  if (!chart.ok || !boundary) return { type: 'chart', chart };
  return { type: 'chart', chart, map: { name: mapSpec.mapName, geoJSON: boundaryGeoJson(boundary) } };
}

/**
 * The overview (总览) as the app shows it first: KPI cards, then the trend of the same regions and
 * the comparison of the view's period.
 */
function buildOverview(chart: DocumentChart, data: ChartData, theme: ChartTheme): BuiltItem {
  const spec = chart.payload.spec;
  const { locale, indicator } = data;
  const name = indicator.displayName || indicator.name;
  const period = spec.period ?? latestPeriod(data.observations.filter((o) => o.indicator === indicator.name && !o.isTotal));
  const base = { version: 1 as const, indicator: spec.indicator, datasets: spec.datasets };
  const trend: ViewSpec = {
    ...base,
    kind: 'trend',
    regions: shownRegions(spec.regions, data.observations.filter((o) => o.indicator === indicator.name)),
    periodFrom: spec.periodFrom,
    periodTo: spec.periodTo,
    title: translate(locale, 'dash.trendTitle', { indicator: name }),
  };
  const comparison: ViewSpec = {
    ...base,
    kind: 'comparison',
    regions: spec.regions,
    period,
    title: translate(locale, 'dash.comparisonTitle', { indicator: name, period: period ? formatPeriod(period, locale) : '' }),
  };
  return {
    type: 'overview',
    cards: buildKpiCards(data, spec, theme),
    charts: [buildChartOption(trend, data, theme), buildChartOption(comparison, data, theme)],
  };
}

/** One view of a document as its kind (or a KPI slide) is drawn. */
function buildItem(item: DocumentChart, index: number, locale: ChartDocument['locale'], theme: ChartTheme): BuiltItem {
  const spec = item.payload.spec;
  const data = chartDataOf(item, locale);
  if (item.show === 'slide-kpi') return { type: 'slide-kpi', slide: buildKpiSlide({ name: chartTitle(spec.title, data.indicator), spec }, data, theme) };
  if (spec.kind === 'ranking') return { type: 'ranking', table: buildRankingTable(data, spec, theme) };
  if (spec.kind === 'kpi') return buildOverview(item, data, theme);
  if (spec.kind === 'map') return buildMap(item, data, theme, index);
  return { type: 'chart', chart: buildChartOption(spec, data, theme) };
}

/**
 * Build every item of a document in its theme, language and colour convention.
 * @example buildDocumentItems(doc)[0] // { type: 'chart', chart: { ok: true, heading: '耕地面积', option: {…} } }
 */
export function buildDocumentItems(document: ChartDocument): BuiltItem[] {
  const theme = withConvention(document.theme === 'dark' ? dark : light, document.convention);
  return document.charts.map((item, index): BuiltItem => {
    if (isTextItem(item)) return { type: 'title', title: item.text.title, subtitle: item.text.subtitle };
    const built: BuiltItem = { ...buildItem(item, index, document.locale, theme) };
    if (item.beside) built.beside = true;
    if (item.notes) built.notes = item.notes;
    return built;
  });
}
