/**
 * The view kinds that are one chart (trend, comparison, small multiples, map), as `buildView`
 * builds them. A module of their own so that the dashboard's first chart, which is one of them,
 * loads without the ranking table's, the overview's and 按地区's builders (initial-JS budget).
 * Pure: no Svelte, no ECharts runtime.
 */
import type { ViewSpec } from '../domain/types';
import { chosenUnderLabels } from '../analysis/region-identity';
import { distinctOf } from '../analysis/value-index';
import { chartTitle } from '../charts/common';
import type { ChartTheme } from '../charts/theme';
import type { ChartData, MapSpec } from '../charts/types';
// The registry alone: the first page draws the trend and the comparison; small multiples and the
// map are drawn by views that load `./chart-kinds` with them (build-view.ts, MapView).
import { drawChart, inWords } from './chart-kind-registry';
import { comparedRegions, shownRegions } from './regions';
import { linkedRegions, withFilterNote } from './linked-filter';
import type { DrawnChart } from './types';

/** How a view is shown: its theme (with the user's colour convention) and, for a map, its boundary. */
export interface ViewLook {
  theme: ChartTheme;
  /** The boundary registered with ECharts under `mapName`, and how values join it; none: the map says so. */
  map?: Pick<MapSpec, 'mapName' | 'joinOn' | 'nameProperty' | 'caption' | 'features'>;
  /** How many small multiples the destination holds (a slide: fewer than a page); none: `MAX_PANELS`. */
  panels?: number;
}

/** A view that is one chart: drawn, or the reasons in words; small multiples say how many panels. */
export interface ChartViewModel {
  type: 'chart';
  chart: DrawnChart;
  panels?: number;
}

/** A chart view kind: how its model is built. */
type ChartViewBuilder = (spec: ViewSpec, data: ChartData, look: ViewLook) => ChartViewModel;

/** The indicator's own observations (a payload may carry others). */
export function mine(data: ChartData) {
  // The list itself when it is all this indicator's (the dashboard's), so what is found once
  // per list (analysis/value-index.ts) is found once, not again for a copy.
  const held = distinctOf(data.observations, 'indicator');
  if (held.size === 1 && held.has(data.indicator.name)) return data.observations;
  return data.observations.filter((o) => o.indicator === data.indicator.name);
}

/** The regions small multiples show: the view's (under today's labels), else every region. */
function chosenRegions(spec: ViewSpec, data: ChartData): string[] | undefined {
  return spec.regions && spec.regions.length > 0 ? chosenUnderLabels(spec.regions, data.observations) : undefined;
}

const chart = (outcome: Parameters<typeof inWords>[0], spec: ViewSpec, data: ChartData): DrawnChart =>
  inWords(outcome, chartTitle(spec.title, data.indicator), data.locale);

const trend: ChartViewBuilder = (spec, data, look) => ({
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

const comparison: ChartViewBuilder = (spec, data, look) => ({
  type: 'chart',
  chart: chart(
    drawChart(
      'comparison',
      data,
      // `filter`: the linked filter's bar is marked (issue 25), the comparison still shows every region.
      { regions: comparedRegions(spec.regions, mine(data)), period: spec.period, grouped: spec.grouped, title: spec.title, subtitle: spec.subtitle, format: spec.format, filter: spec.filter },
      look.theme,
    ),
    spec,
    data,
  ),
});

const multiples: ChartViewBuilder = (spec, data, look) => {
  // Only an explicit choice narrows the panels: the default few would hide most regions.
  const regions = chosenRegions(spec, data);
  const drawn = chart(
    drawChart('multiples', data, { regions, periodFrom: spec.periodFrom, periodTo: spec.periodTo, title: spec.title, subtitle: spec.subtitle, format: spec.format, panels: look.panels }, look.theme),
    spec,
    data,
  );
  const option = drawn.ok ? drawn.option : undefined;
  return { type: 'chart', chart: drawn, panels: Array.isArray(option?.grid) ? option.grid.length : undefined };
};

const map: ChartViewBuilder = (spec, data, look) => ({
  type: 'chart',
  chart: chart(
    drawChart('map', data, { mapName: '', ...look.map, period: spec.period, title: spec.title, subtitle: spec.subtitle, format: spec.format, filter: spec.filter }, look.theme),
    spec,
    data,
  ),
});

/** The chart view kinds (entries of `viewKinds` in build-view.ts). */
export const chartViews = { trend, comparison, multiples, map };

/**
 * The model of a view that is one chart, as `buildView` gives it.
 * @example buildChartView({ version: 1, kind: 'trend', indicator: '耕地面积' }, data, { theme: light }).chart.ok // true
 */
export function buildChartView(spec: ViewSpec & { kind: keyof typeof chartViews }, data: ChartData, look: ViewLook): ChartViewModel {
  return chartViews[spec.kind](spec, data, look);
}
