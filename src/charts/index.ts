/**
 * Every chart kind in one table: what it needs, why it cannot be drawn, and how to build it, so the
 * UI can check before drawing and say why in words.
 */
import * as trend from './trend';
import * as comparison from './comparison';
import * as multiples from './multiples';
import * as sparkline from './sparkline';
import * as map from './map';

/**
 * Chart kinds by name.
 * @example chartKinds.trend.check(data, spec) // [] when it can be drawn
 */
export const chartKinds = {
  trend: { requires: trend.requires, check: trend.checkTrend, build: trend.buildTrendOption },
  comparison: { requires: comparison.requires, check: comparison.checkComparison, build: comparison.buildComparisonOption },
  multiples: { requires: multiples.requires, check: multiples.checkMultiples, build: multiples.buildMultiplesOption },
  sparkline: { requires: sparkline.requires, check: sparkline.checkSparkline, build: sparkline.buildSparklineOption },
  map: { requires: map.requires, check: map.checkMap, build: map.buildMapOption },
} as const;
