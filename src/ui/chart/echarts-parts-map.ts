/** The map tab's parts (choropleth and its colour scale), loaded on demand: most sessions never open a map. */
import { MapChart } from 'echarts/charts';
import { VisualMapComponent } from 'echarts/components';

export const MAP_PARTS = [MapChart, VisualMapComponent];
