/**
 * Units of calculated values. Values are stored in base units (万元 → 元, 万人 → 人), so a ratio's
 * base unit is the bases' ratio (元/人) whatever prefixes the files wrote, and it is shown with
 * the numerator's prefix (万元/人): a 万人 denominator scales by itself.
 */
import { splitUnit } from '../../domain/units';

/** Units that count people: a 人均 divides by one of these. */
const PERSON_UNITS: ReadonlySet<string> = new Set(['人', '名', '人口', '口', '位']);

/**
 * The unit of `numerator ÷ denominator`: base and display.
 * @example ratioUnit({ unit: '元', displayUnit: '万元' }, { unit: '人', displayUnit: '万人' }) // { unit: '元/人', displayUnit: '万元/人' }
 */
export function ratioUnit(
  numerator: { unit: string; displayUnit?: string },
  denominator: { unit: string },
): { unit: string; displayUnit?: string } {
  const per = denominator.unit === '' ? '' : `/${denominator.unit}`;
  const unit = `${numerator.unit}${per}`;
  const shown = numerator.displayUnit ? splitUnit(numerator.displayUnit) : undefined;
  // The numerator's prefix only when its display unit is the base with a prefix (万元 over 元).
  const prefix = shown && shown.factor !== 1 && shown.base === numerator.unit ? numerator.displayUnit!.slice(0, numerator.displayUnit!.length - shown.base.length) : '';
  return prefix && unit !== '' ? { unit, displayUnit: `${prefix}${unit}` } : { unit };
}

/**
 * Whether a unit counts people (人, 名; stored values are in the base unit, so 万人 is 人 here).
 * @example countsPeople('人') // true
 */
export function countsPeople(unit: string): boolean {
  return PERSON_UNITS.has(unit.trim());
}
