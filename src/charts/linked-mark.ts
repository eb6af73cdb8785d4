/**
 * How a chart marks the region the page is filtered to (linked filtering, issue 25): the chosen
 * bar or area outlined in the text colour, the others dimmed, so a print in grey still shows
 * which one it is; the words (已筛选：道里区（其余地区变淡）) go into the subtitle and the chart's
 * description, for screen readers. Pure.
 */
import { translate, type Locale } from '../domain/messages';
import type { ChartTheme } from './theme';

/** How much of its colour an item keeps beside the chosen one: still readable, clearly behind. */
export const DIMMED_OPACITY = 0.35;

/** The chosen region among those drawn, and the item style of each. */
export interface LinkedMark {
  /** Said in the subtitle and the description; '' when nothing is marked. */
  words: string;
  /** Merged into an item's `itemStyle`: an outline for the chosen, dimming for the others, nothing without a filter. */
  style: (region: string) => { borderColor?: string; borderWidth?: number; opacity?: number };
}

/**
 * The mark of `filter` among `drawn` regions; nothing when the filter is not one of them.
 * @example linkedMark('道里区', ['道里区', '南岗区'], light, 'zh', 2).style('南岗区') // { opacity: 0.35 }
 */
export function linkedMark(filter: string | undefined, drawn: readonly string[], theme: ChartTheme, locale: Locale, width: number): LinkedMark {
  const chosen = filter !== undefined && drawn.includes(filter) ? filter : undefined;
  if (!chosen) return { words: '', style: () => ({}) };
  return {
    words: translate(locale, 'access.linked.marked', { region: chosen }),
    style: (region) => (region === chosen ? { borderColor: theme.text, borderWidth: width } : { opacity: DIMMED_OPACITY }),
  };
}
