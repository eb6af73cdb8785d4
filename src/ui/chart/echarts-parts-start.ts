/**
 * The ECharts parts the app registers before its first chart: what the overview's trend and
 * comparison draw with. Everything else waits in echarts-parts-marks/-detail/-map/-svg and loads
 * when an option asks for it (see chart-parts.ts), reference lines included. The legend is the plain one: no chart asks for
 * `type: 'scroll'`, and the scrolling legend's code is ~2 KB gzip of the first page.
 */
import { BarChart, LineChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendPlainComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import { LabelLayout } from 'echarts/features';
import { CanvasRenderer } from 'echarts/renderers';

export const START_PARTS = [
  BarChart,
  LineChart,
  AriaComponent,
  GridComponent,
  LegendPlainComponent,
  TitleComponent,
  TooltipComponent,
  LabelLayout,
  CanvasRenderer,
];
