/** Change between two values: 同比 (same period last year) and 环比 (previous period). */
import type { Polarity } from '../domain/types';
import { samePeriodLastYear } from '../domain/period';

/** The change from `previous` to `current`, in the unit (absolute) and in percent (relative). */
export interface Change {
  current: number;
  previous: number;
  absolute: number;
  /** Percent of |previous|; undefined when previous is zero. */
  relative: number | undefined;
  direction: 'up' | 'down' | 'flat';
}

/**
 * The change from one value to another.
 * @example computeChange(110, 100) // { current: 110, previous: 100, absolute: 10, relative: 10, direction: 'up' }
 */
export function computeChange(current: number, previous: number): Change {
  const absolute = current - previous;
  return {
    current,
    previous,
    absolute,
    relative: previous === 0 ? undefined : (absolute / Math.abs(previous)) * 100,
    direction: absolute > 0 ? 'up' : absolute < 0 ? 'down' : 'flat',
  };
}

/**
 * Whether a direction is good for an indicator; undefined when nothing changed.
 * @example isGood('down', 'lower') // true (less PM10)
 */
export function isGood(direction: Change['direction'], polarity: Polarity): boolean | undefined {
  if (direction === 'flat') return undefined;
  return (direction === 'up') === (polarity === 'higher');
}

/**
 * Year-over-year change for every period of a series (aligned arrays, `null` = no data).
 * @example yearOverYearSeries(['2023', '2024'], [100, 110])[1]?.relative // 10
 */
export function yearOverYearSeries(
  periods: readonly string[],
  values: readonly (number | null)[],
): (Change | undefined)[] {
  const byPeriod = new Map<string, number>();
  periods.forEach((p, i) => {
    const v = values[i];
    if (v !== null && v !== undefined) byPeriod.set(p, v);
  });
  return periods.map((p, i) => {
    const v = values[i];
    const last = samePeriodLastYear(p);
    const prev = last === undefined ? undefined : byPeriod.get(last);
    return v === null || v === undefined || prev === undefined ? undefined : computeChange(v, prev);
  });
}
