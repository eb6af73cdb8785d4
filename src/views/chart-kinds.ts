/**
 * Every chart kind, drawable at once: the registry (`./chart-kind-registry`) with the builders of
 * the kinds the first page does not draw (small multiples, map, 柱+同比, 柱+目标) registered as
 * this module loads. Every destination but the first page's trend and comparison imports this
 * module (slides, saved pages, exports, the views loaded on demand), so it draws synchronously,
 * as before the split; the first page reaches it through `loadChartKinds()`. Pure: no Svelte,
 * no ECharts runtime.
 */
import { drawMultiples } from '../charts/multiples';
import { drawMap } from '../charts/map';
import { drawBarYoy } from '../charts/bar-yoy';
import { drawBarTarget } from '../charts/bar-target';
import { registerLaterKinds } from './chart-kind-registry';

registerLaterKinds({ multiples: drawMultiples, map: drawMap, 'bar-yoy': drawBarYoy, 'bar-target': drawBarTarget });

export { chartKinds, chartKindReady, drawChart, inWords, missing, type ChartKind, type ChartKindName, type ChartSpecs } from './chart-kind-registry';
