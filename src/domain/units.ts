/**
 * Chinese unit prefixes. `6.04万亩` is stored as 60 400 亩 and labelled in 万亩 again; this module
 * knows which leading characters of a unit are multipliers and which belong to the unit.
 */

/** Multipliers, longest first so that 万亿 wins over 万 and 千万 over 千. */
const MULTIPLIERS: readonly (readonly [string, number])[] = [
  ['万亿', 1e12],
  ['千亿', 1e11],
  ['百亿', 1e10],
  ['十亿', 1e9],
  ['亿', 1e8],
  ['千万', 1e7],
  ['百万', 1e6],
  ['十万', 1e5],
  ['万', 1e4],
  ['千', 1e3],
];

/** Units that start with a multiplier character but are units in their own right. */
const WHOLE_UNITS: ReadonlySet<string> = new Set([
  '千克', '千米', '千瓦', '千瓦时', '千帕', '千焦', '千卡', '千伏', '千伏安', '千兆', '万元户',
]);

/** A unit split into its multiplier and base: `万亩` → { factor: 1e4, base: '亩' }. */
export interface UnitScale {
  factor: number;
  base: string;
}

/**
 * Split a written unit into multiplier and base unit. Units that are whole (千克, 千瓦时) and
 * units with no multiplier come back with factor 1.
 * @example splitUnit('亿立方米') // { factor: 1e8, base: '立方米' }
 */
export function splitUnit(unit: string): Readonly<UnitScale> {
  let known = scales.get(unit);
  if (!known) {
    if (scales.size >= 1000) scales.clear();
    scales.set(unit, (known = Object.freeze(scaleOf(unit.trim()))));
  }
  return known;
}

/** Units seen, split once: charts convert every value they draw (10,000 a switch at 1M rows). */
const scales = new Map<string, Readonly<UnitScale>>();

function scaleOf(u: string): UnitScale {
  if (WHOLE_UNITS.has(u)) return { factor: 1, base: u };
  for (const [prefix, factor] of MULTIPLIERS) {
    // A bare multiplier (`万`) is a count in ten-thousands: its base is the empty unit.
    if (u.startsWith(prefix)) return { factor, base: u.slice(prefix.length) };
  }
  return { factor: 1, base: u };
}

/**
 * Convert a value in the base unit to a display unit that has the same base.
 * @example toDisplayUnit(60400, '万亩') // 6.04
 */
export function toDisplayUnit(baseValue: number, displayUnit: string): number {
  return baseValue / splitUnit(displayUnit).factor;
}

/**
 * A unit as compared: NFKC (full-width `％` → `%`, `μg/m³` → `μg/m3`, the micro sign µ → μ), no
 * spaces. Two spellings of one unit compare equal; each is still shown as it was written.
 * @example unitKey('μg/m³') === unitKey('μg/m3') // true
 */
export function unitKey(unit: string): string {
  return unit.normalize('NFKC').replace(/\s+/g, '');
}

/**
 * Whether two written units are the same unit (`μg/m³` and `μg/m3`).
 * @example sameUnit('μg/m³', 'μg/m3') // true
 */
export function sameUnit(a: string, b: string): boolean {
  return a === b || unitKey(a) === unitKey(b);
}
