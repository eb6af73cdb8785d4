/**
 * Core parts that no chart needs at first paint: zoom for long series (over 60 periods), point and
 * area marks, scatter, and `graphic` (a map's caption, an export's footnote lines). Loaded on
 * demand by the app; the self-contained page takes them statically through CORE_PARTS.
 */
import { ScatterChart } from 'echarts/charts';
import { DataZoomComponent, GraphicComponent, MarkAreaComponent, MarkPointComponent } from 'echarts/components';

export const DETAIL_PARTS = [ScatterChart, DataZoomComponent, GraphicComponent, MarkAreaComponent, MarkPointComponent];
