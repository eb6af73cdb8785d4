/**
 * Linked filtering, the pure part: a click on a region's bar (comparison) or map area filters the
 * page to that region, and a click on a period of the trend sets the comparison's period. The
 * filter is a field of the view spec (`filter`, `f=` in a link), so a shared link, a saved view, a
 * slide, a saved page and an embed keep it. What it narrows is decided here, once:
 *
 * - the trend, the KPI cards (and a KPI slide) and the rows table show the filtered region alone;
 * - the comparison, the ranking, the small multiples and the map still show every region: they are
 *   where a region is chosen, and a view never filters itself away.
 *
 * Every narrowed chart says so in its subtitle (已筛选：道里区), so a print, a picture or a saved
 * page read away from the app says it too. Pure: no Svelte, no ECharts runtime.
 */
import type { ViewSpec } from '../domain/types';
import { translate, type Locale } from '../domain/messages/index';
import { formatPeriod } from '../domain/period';

/**
 * The regions the narrowed views show: the filter's one region, else the view's own.
 * @example linkedRegions({ regions: ['道里区', '南岗区'], filter: '南岗区' }) // ['南岗区']
 * @example linkedRegions({ regions: ['道里区'] }) // ['道里区']
 */
export function linkedRegions(spec: Pick<ViewSpec, 'regions' | 'filter'>): string[] | undefined {
  return spec.filter ? [spec.filter] : spec.regions;
}

/**
 * A narrowed chart's subtitle: its own, then the filter said in words; unchanged with no filter.
 * @example withFilterNote('示例', '道里区', 'zh') // '示例  已筛选：道里区'
 * @example withFilterNote(undefined, undefined, 'zh') // undefined
 */
export function withFilterNote(subtitle: string | undefined, filter: string | undefined, locale: Locale): string | undefined {
  if (!filter) return subtitle;
  return [subtitle, translate(locale, 'access.linked.note', { region: filter })].filter(Boolean).join('  ');
}

/**
 * The region a clicked chart item stands for. A comparison's bar is named with its rank in front
 * (`1. 哈尔滨市`, `1.（并列）道里区`, `=1. …`) and its name cut for the chart (`shorten`); a map's
 * area is named as the region. Undefined when it is no region held (a reference line, a gap).
 * @example regionOfItem('2.（并列）道里区', ['道里区', '南岗区'], (r) => r) // '道里区'
 */
export function regionOfItem(name: string, regions: readonly string[], shorten: (region: string) => string): string | undefined {
  const bare = name.replace(/^=?\d+\.(?:（并列）)?\s*/, '');
  return (
    regions.find((r) => r === name || shorten(r) === name) ??
    regions.find((r) => r === bare || shorten(r) === bare)
  );
}

/**
 * The period a trend's category label stands for (labels are `formatPeriod` of the key).
 * @example periodOfLabel('2023年', ['2022', '2023'], 'zh') // '2023'
 */
export function periodOfLabel(label: string, periods: readonly string[], locale: Locale): string | undefined {
  return periods.find((p) => p === label || formatPeriod(p, locale) === label);
}

/**
 * The change of spec that filters the page to a region. A region with parts in the data (a city
 * with its counties) also opens them in the comparison, as a click on its bar did before linked
 * filtering (one gesture: the click looks at the region, its own figures and its parts).
 * @example filterPatch('哈尔滨市', ['道里区', '南岗区']) // { filter: '哈尔滨市', regions: ['道里区', '南岗区'] }
 * @example filterPatch('道里区', undefined) // { filter: '道里区' }
 */
export function filterPatch(region: string, parts: readonly string[] | undefined): Pick<ViewSpec, 'filter' | 'regions'> {
  return parts && parts.length > 0 ? { filter: region, regions: [...parts] } : { filter: region };
}

/** What a key press needs to be known by to clear the filter with Escape. */
export interface EscapePress {
  key: string;
  defaultPrevented: boolean;
  /** The focused element's tag (`INPUT`, `SELECT`, …), upper case as the DOM gives it. */
  targetTag: string;
  /** Whether a dialog or a menu is open: its own Escape closes it first. */
  dialogOpen: boolean;
}

/** Fields whose own Escape means something (close a list, leave a text field). */
const OWN_ESCAPE = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/**
 * Whether Escape clears the page's filter: not when something else has used it (a dialog, a
 * menu, a text field or a list that closes on Escape).
 * @example escapeClears({ key: 'Escape', defaultPrevented: false, targetTag: 'BODY', dialogOpen: false }) // true
 */
export function escapeClears(press: EscapePress): boolean {
  return press.key === 'Escape' && !press.defaultPrevented && !press.dialogOpen && !OWN_ESCAPE.has(press.targetTag);
}
