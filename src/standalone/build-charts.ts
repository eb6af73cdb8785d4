/**
 * Turn a chart document into what its page draws, with the view models the app renders
 * (src/views: `buildView`, `buildSlide`), so a self-contained page or an embed shows what the
 * dashboard showed: ECharts options for trend, comparison, small multiples and the map (on the
 * boundary the document carries); text for the ranking table, the overview's KPI cards (with its
 * trend and comparison) and a deck's KPI, 按地区, ranking and title slides. Everything is coloured under the
 * document's colour convention.
 */
import { chartTitle } from '../charts/common';
import type { ViewSpec } from '../domain/types';
import { translate } from '../domain/messages/index';
import '../domain/messages/reports-part';
import { dark, light, withConvention, type ChartTheme } from '../charts/theme';
import type { ChartData } from '../charts/types';
import type { DrawnChart } from '../views/types';
import { isLedgerItem, isTextItem, type ChartDocument, type DocumentChart } from './document';
import { boundaryGeoJson } from './boundary';
import type { RankingTableText } from '../views/ranking';
import type { KpiCardsText } from '../views/kpi';
import { buildSlide, type SlideModels } from '../views/slides';
import { buildView, type ViewData } from '../views/build-view';
import type { RegionViewModel } from '../views/region';
import { regionViewData } from './region-document';
import type { LedgerSnapshot } from '../ledger/slide-snapshot';

/** One chart ready to draw, or the sentences saying why it cannot be drawn. */
export type BuiltChart = DrawnChart;

/**
 * The builder's input for one chart of a document.
 * @example chartDataOf(doc.charts[0], 'zh').indicator.name // '耕地面积'
 */
export function chartDataOf(chart: DocumentChart, locale: ChartData['locale']): ViewData {
  const data = { indicator: chart.indicator, observations: chart.payload.observations, locale };
  return chart.region ? regionViewData(data, chart.region) : data;
}

/**
 * One chart from its spec and data, as every destination draws it; a kind that is not one chart
 * (a ranking table, an overview) says so.
 * @example buildChartOption(spec, data, light) // { ok: true, heading: '耕地面积', option: {…} }
 */
export function buildChartOption(spec: ViewSpec, data: ChartData, theme: ChartTheme): BuiltChart {
  const view = buildView(spec, data, { theme });
  if (view.type === 'chart') return view.chart;
  return { ok: false, heading: chartTitle(spec.title, data.indicator), reasons: [translate(data.locale, 'reports.doc.kind', { kind: spec.kind })] };
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
  | RegionViewModel
  | { type: 'slide-kpi'; slide: SlideModels['kpi'] }
  | { type: 'slide-region'; slide: SlideModels['region'] }
  | { type: 'slide-ranking'; heading: string; slide: SlideModels['ranking'] }
  | { type: 'title'; title: string; subtitle: string }
  | { type: 'ledger'; ledger: LedgerSnapshot }
) & { beside?: true; notes?: string[] };

/** One view of a document as its kind (or a KPI slide) is drawn; a map on the boundary the document carries, registered under a name of its own per item. */
function buildItem(item: DocumentChart, index: number, locale: ChartDocument['locale'], theme: ChartTheme, half: boolean): BuiltItem {
  const spec = item.payload.spec;
  const data = chartDataOf(item, locale);
  // Half of a side-by-side slide holds what half a slide holds (按地区's cards, the ranking's columns).
  const slideOf = { name: chartTitle(spec.title, data.indicator), spec, half };
  if (item.show === 'slide-kpi') return { type: 'slide-kpi', slide: buildSlide('kpi', slideOf, data, theme) };
  // A deck's 按地区 slide: the slide's cards (as many as a slide holds), not the whole view.
  if (item.show === 'slide-region' && spec.kind === 'region') return { type: 'slide-region', slide: buildSlide('region', slideOf, data, theme) };
  // A deck's ranking slide: the rows a slide holds and how many more, not the whole table.
  if (item.show === 'slide-ranking' && spec.kind === 'ranking') return { type: 'slide-ranking', heading: slideOf.name, slide: buildSlide('ranking', slideOf, data, theme) };
  const boundary = spec.kind === 'map' ? item.boundary : undefined;
  const mapName = `standalone-map-${index}`;
  // The features' keys too: the colour scale spans only the regions the boundary draws, as on the dashboard.
  const look = boundary
    ? { theme, map: { mapName, joinOn: boundary.joinOn, nameProperty: 'name', caption: boundary.caption, features: boundary.shapes.map((s) => s.key) } }
    : { theme };
  const view = buildView(spec, data, look);
  if (view.type !== 'chart') return view;
  return boundary && view.chart.ok ? { type: 'chart', chart: view.chart, map: { name: mapName, geoJSON: boundaryGeoJson(boundary) } } : { type: 'chart', chart: view.chart };
}

/**
 * Build every item of a document in its theme, language and colour convention.
 * @example buildDocumentItems(doc)[0] // { type: 'chart', chart: { ok: true, heading: '耕地面积', option: {…} } }
 */
export function buildDocumentItems(document: ChartDocument): BuiltItem[] {
  const theme = withConvention(document.theme === 'dark' ? dark : light, document.convention);
  return document.charts.map((item, index): BuiltItem => {
    if (isTextItem(item)) return { type: 'title', title: item.text.title, subtitle: item.text.subtitle };
    // A ledger slide is built where it is drawn (render-document), so the chart exports that use
    // this module do not load the ledger's code.
    if (isLedgerItem(item)) return { type: 'ledger', ledger: item.ledger };
    // One of a side-by-side pair: the right half says `beside`, the left is the item before it.
    const next = document.charts[index + 1];
    const half = item.beside === true || (next !== undefined && !isTextItem(next) && !isLedgerItem(next) && next.beside === true);
    const built: BuiltItem = { ...buildItem(item, index, document.locale, theme, half) };
    if (item.beside) built.beside = true;
    if (item.notes) built.notes = item.notes;
    return built;
  });
}
