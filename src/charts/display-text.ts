/**
 * Names and units as the page shows them: at most `DISPLAY_MAX` characters, with an ellipsis. A
 * file may name an indicator, a region or a unit with 100,000 characters; drawn whole, such a
 * name widened the page to ~750,000 px and made ECharts measure and draw it in every label. The
 * whole text stays in the store, the rows table and (capped at `TITLE_MAX`) the hover title.
 */
import type { Indicator, Observation } from '../domain/types';

/** Characters of a name or unit shown. */
export const DISPLAY_MAX = 200;
/**
 * Characters of a name or unit inside a chart (axis labels, legends, titles): the longest real
 * division name is under 20; a 200-character label took half the comparison's width.
 */
export const CHART_MAX = 40;
/** Characters of a hover title: enough to read a real name whole, not a whole book. */
export const TITLE_MAX = 2000;

/**
 * `text` cut to `max` characters (code points), with `…` when cut.
 * @example shortText('道里区') // '道里区'
 */
export function shortText(text: string, max: number = DISPLAY_MAX): string {
  if (text.length <= max) return text;
  // At most two UTF-16 units a character: this slice holds the first max + 1 characters, or all.
  const chars = Array.from(text.slice(0, max * 2 + 1));
  return chars.length <= max ? text : `${chars.slice(0, max).join('')}…`;
}

/**
 * The hover title of a name: the whole name when it was cut for display, capped at `TITLE_MAX`.
 * @example hoverTitle('道里区') // undefined
 */
export function hoverTitle(text: string): string | undefined {
  return text.length > DISPLAY_MAX ? shortText(text, TITLE_MAX) : undefined;
}

const long = (s: string | undefined): boolean => s !== undefined && s.length > CHART_MAX;

/**
 * A name as a chart shows it: cut to `CHART_MAX` characters.
 * @example chartText('道里区') // '道里区'
 */
export function chartText(text: string): string {
  return shortText(text, CHART_MAX);
}

/**
 * An indicator as charts show it: display name and units cut to `CHART_MAX` (`name` stays the key).
 * The same object comes back when nothing is long.
 * @example displayIndicator({ name: '面积', baseUnit: '亩', polarity: 'higher', targets: [] }).name // '面积'
 */
export function displayIndicator(indicator: Indicator): Indicator {
  const { name, displayName, baseUnit, displayUnit } = indicator;
  if (!long(name) && !long(displayName) && !long(baseUnit) && !long(displayUnit)) return indicator;
  return {
    ...indicator,
    displayName: chartText(displayName || name),
    baseUnit: chartText(baseUnit),
    displayUnit: displayUnit === undefined ? undefined : chartText(displayUnit),
  };
}

function hasLong(rows: readonly Observation[]): boolean {
  for (const o of rows) if (long(o.region) || long(o.unit) || long(o.displayUnit)) return true;
  return false;
}

/**
 * Observations whose region names and units are cut to `CHART_MAX` for charts; the same array
 * comes back when none is long (the common case costs one pass and no copy). Input is not changed.
 * @example displayRows(rows) === rows // true when no name is over 40 characters
 */
export function displayRows<T extends Observation>(rows: readonly T[]): readonly T[] {
  if (!hasLong(rows)) return rows;
  return rows.map((o) =>
    long(o.region) || long(o.unit) || long(o.displayUnit)
      ? { ...o, region: chartText(o.region), unit: chartText(o.unit), displayUnit: o.displayUnit === undefined ? undefined : chartText(o.displayUnit) }
      : o,
  );
}
