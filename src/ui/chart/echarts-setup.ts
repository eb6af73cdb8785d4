/**
 * The only place the app's ECharts runtime is assembled: exactly the parts the option builders in
 * src/charts use (maps and the SVG renderer for exports on top of the shared core), so the bundle
 * carries nothing else.
 */
import * as echarts from 'echarts/core';
import { MapChart } from 'echarts/charts';
import { VisualMapComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { CORE_PARTS } from './echarts-parts';

echarts.use([...CORE_PARTS, MapChart, VisualMapComponent, SVGRenderer]);

export { echarts };
