/** Option parts every chart shares: theme, fonts, safe tooltip, aria, title. */
import type { EChartsOption } from 'echarts';
import type { Observation } from '../domain/types';
import type { Locale } from '../domain/messages';
import { translate } from '../domain/messages';
import type { ChartData, ChartReason } from './types';
import type { ChartTheme } from './theme';
import { distinctOf } from '../analysis/value-index';

/**
 * The observations of the chart's indicator; other indicators passed by mistake are ignored.
 * @example observationsOf({ indicator, observations, locale: 'zh' }).length // 12
 */
export function observationsOf(data: ChartData): readonly Observation[] {
  // The list itself when it holds this indicator alone (the usual case): a copy was a pass over
  // 200,100 remote values per chart per drawing, and a copy has none of the list's index
  // (analysis/value-index.ts), so the trend's regions were filtered out again each time.
  const held = distinctOf(data.observations, 'indicator');
  if (held.size === 1 && held.has(data.indicator.name)) return data.observations;
  return data.observations.filter((o) => o.indicator === data.indicator.name);
}

/**
 * Reasons as one line of text, for a subtitle.
 * @example reasonsText('zh', [{ key: 'chart.no_data' }]) // '无数据'
 */
export function reasonsText(locale: Locale, reasons: readonly ChartReason[]): string {
  return reasons.map((r) => translate(locale, r.key, r.params)).join(' ');
}

/**
 * Notes about observations of other grains that a chart left out.
 * @example otherGrainNotes([{ grain: 'quarter', count: 3 }], 'zh') // [{ key: 'chart.other_grains', params: { n: 3, grain: '季度' } }]
 */
export function otherGrainNotes(otherGrains: readonly { grain: string; count: number }[], locale: Locale): ChartReason[] {
  return otherGrains.map((g) => ({
    key: 'chart.other_grains',
    params: { n: g.count, grain: translate(locale, `chart.grain.${g.grain}`) },
  }));
}

/**
 * The parts of an option every chart has. Tooltips render as rich text (ECharts never parses
 * HTML then), formatters return plain text, and no URL option is ever set from data.
 * @example baseOption(light, { title: '压采量', description: '…' }).aria // { enabled: true, … }
 */
export function baseOption(
  theme: ChartTheme,
  parts: { title: string; subtitle?: string; description: string },
): EChartsOption {
  return {
    backgroundColor: theme.background,
    color: [...theme.palette],
    // No animation in any theme: a redraw is instant (200 growing bars cost 100 ms frames for a
    // second after every switch), and exports, prints and screenshots never catch a chart midway.
    animation: false,
    textStyle: { fontFamily: theme.fontFamily, fontSize: theme.fontSize, color: theme.text },
    title: {
      text: parts.title,
      subtext: parts.subtitle ?? '',
      left: 'center',
      textStyle: { fontSize: theme.titleSize, color: theme.text, fontFamily: theme.fontFamily },
      subtextStyle: { fontSize: Math.round(theme.fontSize * 0.9), color: theme.subtleText, fontFamily: theme.fontFamily },
    },
    aria: { enabled: true, label: { enabled: true, description: parts.description } },
  };
}

/**
 * Tooltip settings that never render HTML.
 * @example safeTooltip(light, 'axis', () => 'text').renderMode // 'richText'
 */
export function safeTooltip(
  theme: ChartTheme,
  trigger: 'axis' | 'item',
  formatter: (params: unknown) => string,
): NonNullable<EChartsOption['tooltip']> {
  return {
    show: true,
    trigger,
    renderMode: 'richText',
    confine: true,
    formatter: formatter as never,
    textStyle: { fontFamily: theme.fontFamily, fontSize: theme.fontSize },
  };
}

/** Indices ECharts passes to a tooltip formatter, read without trusting their shape. */
export interface TooltipPoint {
  seriesIndex: number;
  dataIndex: number;
}

/**
 * The points under the pointer, from the `params` of a tooltip formatter (one or an array).
 * @example tooltipPoints([{ seriesIndex: 0, dataIndex: 2 }]) // [{ seriesIndex: 0, dataIndex: 2 }]
 */
export function tooltipPoints(params: unknown): TooltipPoint[] {
  const list = Array.isArray(params) ? params : [params];
  const out: TooltipPoint[] = [];
  for (const p of list) {
    if (p && typeof p === 'object') {
      const { seriesIndex, dataIndex } = p as { seriesIndex?: unknown; dataIndex?: unknown };
      if (typeof seriesIndex === 'number' && typeof dataIndex === 'number') out.push({ seriesIndex, dataIndex });
    }
  }
  return out;
}

/**
 * Title of a chart: the spec's, else the indicator's display name.
 * @example chartTitle(undefined, { name: '压采量', displayName: '地下水压采量' }) // '地下水压采量'
 */
export function chartTitle(specTitle: string | undefined, indicator: { name: string; displayName?: string }): string {
  return specTitle || indicator.displayName || indicator.name;
}
