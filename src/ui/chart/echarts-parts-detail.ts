/**
 * Core parts that no chart needs at first paint: zoom for long series (over 60 periods), point and
 * area marks, scatter. Loaded on demand by the app; the self-contained page takes them statically
 * through CORE_PARTS.
 */
import { ScatterChart } from 'echarts/charts';
import { DataZoomComponent, MarkAreaComponent, MarkPointComponent } from 'echarts/components';

export const DETAIL_PARTS = [ScatterChart, DataZoomComponent, MarkAreaComponent, MarkPointComponent];
