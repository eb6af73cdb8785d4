/**
 * The ECharts runtime of the self-contained page and the embed: only the shared core parts that
 * the builders in `build-charts.ts` draw with. Separate from src/ui/chart/echarts-setup.ts because
 * this code is bundled into a file that must not carry the app's extras (maps, SVG renderer).
 */
import * as echarts from 'echarts/core';
import { CORE_PARTS } from '../ui/chart/echarts-parts';

echarts.use(CORE_PARTS);

export { echarts };
