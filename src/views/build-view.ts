/**
 * One entry for every view: `buildView(spec, data, look)` gives the plain model a destination
 * renders (a chart's option or its reasons in words, the ranking table's text, the overview's
 * cards and charts). Each view kind is an entry of `viewKinds`; the regions it shows, its period
 * and its words are decided here, never by a renderer. Pure: no Svelte, no ECharts runtime.
 */
import type { ViewKind, ViewSpec } from '../domain/types';
import { translate } from '../domain/messages';
import { formatPeriod } from '../domain/period';
import { latestPeriod } from '../analysis/series';
import type { ChartData } from '../charts/types';
import { buildRankingTable, type RankingTableText } from './ranking';
import { buildKpiCards, type KpiCardsText } from './kpi';
import { buildRegionView, type RegionSet, type RegionViewModel } from './region';
import { chartViews, mine, type ChartViewModel, type ViewLook } from './chart-views';
// Every chart kind drawable at once (small multiples, map, 柱+同比, 柱+目标): the first page's panels
// use chart-views.ts alone and load the others when needed (views/chart-kind-registry.ts).
import './chart-kinds';
import type { DrawnChart } from './types';

/** What a destination renders for one view. */
export type ViewModel =
  | ChartViewModel
  | { type: 'ranking'; table: RankingTableText }
  | { type: 'overview'; cards: KpiCardsText; charts: DrawnChart[] }
  | RegionViewModel;

/**
 * What a view is built from: the indicator and its rows; for 按地区, the region's rows of every
 * indicator (each with its dataset) and `regionSet`, the indicators and datasets it spans.
 */
export type ViewData = ChartData & { regionSet?: RegionSet };

/** A view kind: how its model is built. */
export type ViewBuilder = (spec: ViewSpec, data: ViewData, look: ViewLook) => ViewModel;

export type { ViewLook };

/** The period a one-period view shows: the view's, else the latest with regional data. */
function periodOf(spec: ViewSpec, data: ChartData): string | undefined {
  return spec.period ?? latestPeriod(mine(data).filter((o) => !o.isTotal));
}

const ranking: ViewBuilder = (spec, data, look) => ({ type: 'ranking', table: buildRankingTable(data, spec, look.theme) });

/** 按地区: one region's card of every indicator, grouped by dataset (views/region.ts). */
const region: ViewBuilder = (spec, data, look) => buildRegionView(spec, data, data.regionSet, look.theme);

/**
 * The overview (总览) as the app shows it first: KPI cards, then the trend of the same regions and
 * the comparison of the view's period, under the dashboard's headings.
 */
const overview: ViewBuilder = (spec, data, look) => {
  const { locale, indicator } = data;
  const name = indicator.displayName || indicator.name;
  const period = periodOf(spec, data);
  // The overview's number format is every panel's (#25): the cards', the trend's and the comparison's.
  const base = { version: 1 as const, indicator: spec.indicator, datasets: spec.datasets, regions: spec.regions, filter: spec.filter, format: spec.format };
  const parts: ViewSpec[] = [
    { ...base, kind: 'trend', periodFrom: spec.periodFrom, periodTo: spec.periodTo, title: translate(locale, 'dash.trendTitle', { indicator: name }) },
    {
      ...base,
      kind: 'comparison',
      period,
      title: translate(locale, 'dash.comparisonTitle', { indicator: name, period: period ? formatPeriod(period, locale) : '' }),
    },
  ];
  return {
    type: 'overview',
    cards: buildKpiCards(data, spec, look.theme),
    charts: parts.map((p) => {
      const built = buildView(p, data, look);
      return built.type === 'chart' ? built.chart : { ok: false, heading: p.title ?? '', reasons: [] };
    }),
  };
};

/**
 * The view kinds. A new kind is one entry here (its name in `ViewKind`, src/domain/types.ts).
 * @example viewKinds.ranking(spec, data, { theme: light }).type // 'ranking'
 */
export const viewKinds: Record<ViewKind, ViewBuilder> = { ...chartViews, ranking, overview, region };

/**
 * The model of one view.
 * @example buildView({ version: 1, kind: 'trend', indicator: '耕地面积' }, data, { theme: light }) // { type: 'chart', chart: { ok: true, … } }
 */
export function buildView(spec: ViewSpec, data: ViewData, look: ViewLook): ViewModel {
  return viewKinds[spec.kind](spec, data, look);
}
