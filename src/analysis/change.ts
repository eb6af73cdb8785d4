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
 * How a change is told: `points` (the difference of two rates, 个百分点 or 个千分点), `relative`
 * (percent of the earlier value) or `absolute` (in the unit, when the earlier value is zero).
 */
export type ChangeMeasure = 'points' | 'relative' | 'absolute';

/** Units that are rates: a change of one is a difference in points, not a percent of a percent. */
const RATE_UNITS: ReadonlySet<string> = new Set(['%', '‰']);

/**
 * Whether a unit is a rate (`%`, `‰`; full-width `％` too).
 * @example isRateUnit('%') // true
 */
export function isRateUnit(unit: string): boolean {
  return RATE_UNITS.has(unit.normalize('NFKC').trim());
}

/**
 * The one rule for how a change is told. A rate's change is its difference in points
 * (62.4% → 64.0% is +1.6个百分点, not +2.6%), unless the indicator asks for the relative change
 * (`rateChange: 'relative'`, set in 指标设置); any other unit's change is a percent of the earlier
 * value, or the difference in the unit when the earlier value is zero.
 * @example changeMeasure(computeChange(64, 62.4), '%') // 'points'
 * @example changeMeasure(computeChange(110, 100), '万亩') // 'relative'
 */
export function changeMeasure(c: Change, unit: string, rateChange: 'points' | 'relative' = 'points'): ChangeMeasure {
  if (isRateUnit(unit) && rateChange !== 'relative') return 'points';
  return c.relative !== undefined ? 'relative' : 'absolute';
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
