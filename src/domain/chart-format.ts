/**
 * What a view may say about how its chart looks beyond its kind (issue 25): the chart a trend
 * view is drawn as, and the chart's own number format. Plain data, saved in the view's spec
 * (`ViewSpec.chart`, `ViewSpec.format`) and validated in `src/export/view-spec.ts`.
 */

/**
 * The charts a trend view can be drawn as besides lines: this year's values as bars with 同比 as
 * a line on a second axis, or the values as bars with the indicator's target as a line.
 */
export const TREND_CHARTS = ['bar-yoy', 'bar-target'] as const;
export type TrendChart = (typeof TREND_CHARTS)[number];

/** How large numbers are shown: the indicator's rule (`auto`), whole (`none`), in 万 or in 亿. */
export const NUMBER_SCALES = ['auto', 'none', '万', '亿'] as const;
export type NumberScale = (typeof NUMBER_SCALES)[number];

/** How a rate's change is told: in percent of the earlier rate, or in percentage points (个百分点). */
export const CHANGE_STYLES = ['percent', 'points'] as const;
export type ChangeStyle = (typeof CHANGE_STYLES)[number];

/** Most decimals a chart may ask for: beyond four a briefing carries noise, not precision. */
export const MAX_FORMAT_DECIMALS = 4;

/**
 * A chart's number format; every field absent means "as the app writes numbers elsewhere".
 * @example { decimals: 1, scale: '万', thousands: true, change: 'points' }
 */
export interface NumberFormat {
  /** Decimals of every value (0–4); absent: the indicator's own, at most two when scaled. */
  decimals?: number;
  scale?: NumberScale;
  /** Thousands separators (`67,183`); absent means yes. */
  thousands?: boolean;
  /** For rates (% and ‰): absent means the indicator's setting (指标设置), else points. */
  change?: ChangeStyle;
}
