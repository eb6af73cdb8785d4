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
import { chosenUnderLabels } from '../analysis/region-identity';
import { chartTitle } from '../charts/common';
import type { ChartTheme } from '../charts/theme';
import type { ChartData, MapSpec } from '../charts/types';
import { drawChart, inWords } from './chart-kinds';
import { buildRankingTable, type RankingTableText } from './ranking';
import { buildKpiCards, type KpiCardsText } from './kpi';
import { comparedRegions, shownRegions } from './regions';
import { buildRegionView, type RegionSet, type RegionViewModel } from './region';
import { linkedRegions, withFilterNote } from './linked-filter';
import type { DrawnChart } from './types';

/** How a view is shown: its theme (with the user's colour convention) and, for a map, its boundary. */
export interface ViewLook {
  theme: ChartTheme;
  /** The boundary registered with ECharts under `mapName`, and how values join it; none: the map says so. */
  map?: Pick<MapSpec, 'mapName' | 'joinOn' | 'nameProperty' | 'caption' | 'features'>;
}

/** What a destination renders for one view. */
export type ViewModel =
  | { type: 'chart'; chart: DrawnChart; panels?: number }
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

/** The indicator's own observations (a payload may carry others). */
function mine(data: ChartData) {
  return data.observations.filter((o) => o.indicator === data.indicator.name);
}

/** The period a one-period view shows: the view's, else the latest with regional data. */
function periodOf(spec: ViewSpec, data: ChartData): string | undefined {
  return spec.period ?? latestPeriod(mine(data).filter((o) => !o.isTotal));
}

/** The regions small multiples show: the view's (under today's labels), else every region. */
function chosenRegions(spec: ViewSpec, data: ChartData): string[] | undefined {
  return spec.regions && spec.regions.length > 0 ? chosenUnderLabels(spec.regions, data.observations) : undefined;
}

const chart = (outcome: Parameters<typeof inWords>[0], spec: ViewSpec, data: ChartData): DrawnChart =>
  inWords(outcome, chartTitle(spec.title, data.indicator), data.locale);

const trend: ViewBuilder = (spec, data, look) => ({
  type: 'chart',
  chart: chart(
    drawChart(
      // 柱+同比 and 柱+目标 are a trend drawn otherwise (the view's `chart`), with its number format.
      spec.chart ?? 'trend',
      data,
      {
        // A page filtered to one region (a click on its bar) shows it alone, and says so.
        regions: shownRegions(linkedRegions(spec), mine(data)),
        periodFrom: spec.periodFrom,
        periodTo: spec.periodTo,
        indexBase: spec.indexBase,
        title: spec.title,
        subtitle: withFilterNote(spec.subtitle, spec.filter, data.locale),
        format: spec.format,
      },
      look.theme,
    ),
    spec,
    data,
  ),
});

const comparison: ViewBuilder = (spec, data, look) => ({
  type: 'chart',
  chart: chart(
    drawChart(
      'comparison',
      data,
      { regions: comparedRegions(spec.regions, mine(data)), period: spec.period, grouped: spec.grouped, title: spec.title, subtitle: spec.subtitle, format: spec.format },
      look.theme,
    ),
    spec,
    data,
  ),
});

const multiples: ViewBuilder = (spec, data, look) => {
  // Only an explicit choice narrows the panels: the default few would hide most regions.
  const regions = chosenRegions(spec, data);
  const drawn = chart(
    drawChart('multiples', data, { regions, periodFrom: spec.periodFrom, periodTo: spec.periodTo, title: spec.title, subtitle: spec.subtitle }, look.theme),
    spec,
    data,
  );
  const option = drawn.ok ? drawn.option : undefined;
  return { type: 'chart', chart: drawn, panels: Array.isArray(option?.grid) ? option.grid.length : undefined };
};

const map: ViewBuilder = (spec, data, look) => ({
  type: 'chart',
  chart: chart(
    drawChart('map', data, { mapName: '', ...look.map, period: spec.period, title: spec.title, subtitle: spec.subtitle }, look.theme),
    spec,
    data,
  ),
});

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
  const base = { version: 1 as const, indicator: spec.indicator, datasets: spec.datasets, regions: spec.regions, filter: spec.filter };
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
export const viewKinds: Record<ViewKind, ViewBuilder> = { trend, comparison, multiples, map, ranking, overview, region };

/**
 * The model of one view.
 * @example buildView({ version: 1, kind: 'trend', indicator: '耕地面积' }, data, { theme: light }) // { type: 'chart', chart: { ok: true, … } }
 */
export function buildView(spec: ViewSpec, data: ViewData, look: ViewLook): ViewModel {
  return viewKinds[spec.kind](spec, data, look);
}
