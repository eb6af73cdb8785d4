/** What the chart builders take: data, a spec derived from the view's `ViewSpec`, and a theme. */
import type { EChartsOption } from 'echarts';
import type { Indicator, Observation, ViewSpec } from '../domain/types';
import type { Locale } from '../domain/messages';

/**
 * The rows a chart draws: one indicator's observations (others are ignored) and the language.
 * @example { indicator: { name: '压采量', baseUnit: '立方米', polarity: 'higher', targets: [] }, observations: [], locale: 'zh' }
 */
export interface ChartData {
  indicator: Indicator;
  observations: readonly Observation[];
  locale: Locale;
}

/** What a chart needs from the data, so the UI can say what is missing before drawing. */
export type ChartRequirement = 'region' | 'period' | 'value' | 'boundary';

/**
 * Why a chart cannot be drawn (or what it left out): a message key of `src/domain/messages/charts.ts`
 * and its parameters, for `translate(locale, key, params)`.
 * @example { key: 'chart.no_observations_for_period', params: { period: '2024年' } }
 */
export interface ChartReason {
  key: string;
  params?: Record<string, string | number>;
}

/**
 * What drawing a chart gives: its option, or the reasons it cannot be drawn. One call computes the
 * chart's model once for both (a check and a build used to compute it twice).
 * @example { ok: false, reasons: [{ key: 'chart.no_observations' }] }
 */
export type ChartOutcome = { ok: true; option: EChartsOption } | { ok: false; reasons: ChartReason[] };

/** Trend: one indicator over periods for some regions. */
export type TrendSpec = Pick<ViewSpec, 'regions' | 'periodFrom' | 'periodTo' | 'indexBase' | 'title' | 'subtitle'>;

/** Regional comparison for one period; `grouped` adds earlier periods as grouped bars. */
export type ComparisonSpec = Pick<ViewSpec, 'regions' | 'period' | 'grouped' | 'title' | 'subtitle' | 'filter'> & {
  /** For the grouped variant: how many periods, ending at `period` (default 3). */
  groupCount?: number;
  /** At most this many bars (default `MAX_BARS`); more regions show the best and the worst. */
  maxBars?: number;
};

/** Small multiples: one mini trend per region; `format` is the view's number format (issue 25). */
/** Small multiples; `panels`: at most this many (default `MAX_PANELS`; a slide holds fewer), the rest said. */
export type MultiplesSpec = Pick<ViewSpec, 'regions' | 'periodFrom' | 'periodTo' | 'title' | 'subtitle' | 'format'> & { panels?: number };

/**
 * Map: one period on a boundary map the UI has registered under `mapName`; `format` is the view's
 * number format, `filter` the linked filter's region (marked, the others dimmed).
 */
export type MapSpec = Pick<ViewSpec, 'period' | 'title' | 'subtitle' | 'format' | 'filter'> & {
  /** The name the UI passed to `echarts.registerMap`. */
  mapName: string;
  /** Join observations to features on region name (default) or division code. */
  joinOn?: 'name' | 'code';
  /** Feature property holding the name or code (ECharts `nameProperty`; default `name`). */
  nameProperty?: string;
  /** The map's source and approval number (审图号), written by the user; shown as plain text. */
  caption?: string;
  /**
   * The boundary's join keys (its features' codes or names): the colour scale spans the values
   * the map draws, the level of the boundary, not a province's total among its counties.
   */
  features?: readonly string[];
};
