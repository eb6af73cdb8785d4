/**
 * The ECharts runtime of the self-contained page and the embed: every part the builders draw
 * with, including the map and its colour scale (a saved map carries its own boundary), all
 * registered at once. Separate from src/ui/chart/echarts-setup.ts because this code is bundled
 * into a file that must not carry the app's other extras (the SVG renderer, on-demand loading).
 */
import * as echarts from 'echarts/core';
import { CORE_PARTS } from '../ui/chart/echarts-parts';
import { MAP_PARTS } from '../ui/chart/echarts-parts-map';

echarts.use([...CORE_PARTS, ...MAP_PARTS]);

export { echarts };
