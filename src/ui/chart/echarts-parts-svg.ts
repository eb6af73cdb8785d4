/** The SVG renderer, for SVG export and print only (the screen draws on canvas), loaded on demand. */
import { SVGRenderer } from 'echarts/renderers';

export const SVG_PARTS = [SVGRenderer];
