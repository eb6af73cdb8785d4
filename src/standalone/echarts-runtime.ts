/**
 * The ECharts runtime of the self-contained page and the embed: the shared core parts the
 * builders in `build-charts.ts` draw with, plus the map and its colour scale (a saved map carries
 * its own boundary). Separate from src/ui/chart/echarts-setup.ts because this code is bundled
 * into a file that must not carry the app's other extras (the SVG renderer).
 */
import * as echarts from 'echarts/core';
import { MapChart } from 'echarts/charts';
import { VisualMapComponent } from 'echarts/components';
import { CORE_PARTS } from '../ui/chart/echarts-parts';

echarts.use([...CORE_PARTS, MapChart, VisualMapComponent]);

export { echarts };
