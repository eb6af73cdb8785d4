/** Tests draw every chart through the registry, as the destinations do: its option, or its reasons. */
import type { EChartsOption } from 'echarts';
import { drawChart, type ChartSpecs } from '../../../src/views/chart-kinds';
import { light, type ChartTheme } from '../../../src/charts/theme';
import type { ChartData, ChartReason } from '../../../src/charts/types';

function optionOf<K extends keyof ChartSpecs>(kind: K) {
  return (data: ChartData, spec: ChartSpecs[K], theme: ChartTheme): EChartsOption => {
    const outcome = drawChart(kind, data, spec, theme);
    if (!outcome.ok) throw new Error(`${kind} not drawn: ${JSON.stringify(outcome.reasons)}`);
    return outcome.option;
  };
}

function reasonsOf<K extends keyof ChartSpecs>(kind: K) {
  return (data: ChartData, spec: ChartSpecs[K] = {} as ChartSpecs[K]): ChartReason[] => {
    const outcome = drawChart(kind, data, spec, light);
    return outcome.ok ? [] : outcome.reasons;
  };
}

export const trendOption = optionOf('trend');
export const trendReasons = reasonsOf('trend');
export const comparisonOption = optionOf('comparison');
export const comparisonReasons = reasonsOf('comparison');
export const multiplesOption = optionOf('multiples');
export const multiplesReasons = reasonsOf('multiples');
export const mapOption = optionOf('map');
export const mapReasons = reasonsOf('map');
