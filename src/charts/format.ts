/**
 * Numbers as a briefing writes them: Chinese with 万/亿 (`1.14亿立方米`, `67,183.02吨`,
 * `6.04万亩`, `65.73%`), English with K/M/B. At most two decimals, trailing zeros dropped, three
 * significant digits below one; the unit is always shown.
 */
import { formatLocale } from 'd3-format';
import type { Indicator, Observation } from '../domain/types';
import { translate, type Locale } from '../domain/messages';
import { sameUnit, splitUnit, toDisplayUnit } from '../domain/units';
import { changeMeasure, isRateUnit, type Change } from '../analysis/change';
import type { TargetAssessment } from '../analysis/completion';

// ASCII minus: the default U+2212 does not survive copying into Excel as a number sign.
const d3 = formatLocale({ decimal: '.', thousands: ',', grouping: [3], currency: ['', ''], minus: '-' });
const fixed2 = d3.format(',.2~f');
const sig3 = d3.format(',.3~r');

const fixedFormats = new Map<number, (v: number) => string>();

/**
 * A plain number with thousands separators (`986,000`): with `decimals`, exactly that many
 * (an indicator's one rule: `5.10` beside `4.95`); without, sensible precision (at most two
 * decimals, trailing zeros dropped, three significant digits below one).
 * @example formatNumber(67183.024) // '67,183.02'
 * @example formatNumber(5.1, 2) // '5.10'
 */
export function formatNumber(v: number, decimals?: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (decimals !== undefined) {
    let f = fixedFormats.get(decimals);
    if (!f) fixedFormats.set(decimals, (f = d3.format(`,.${decimals}f`)));
    // -0.00 is written 0.00: a value that rounds to zero has no sign.
    const text = f(v);
    return /^-[0.,]+$/.test(text) ? text.slice(1) : text;
  }
  return v !== 0 && Math.abs(v) < 1 ? sig3(v) : fixed2(v);
}

/** Most decimals inferred from data: beyond four, a table carries noise, not precision. */
export const MAX_DECIMALS = 4;

/**
 * Decimals of a number as written (float noise removed): 5.1 → 1, 64 → 0, 0.035 → 3. It runs
 * per value of an indicator (200,100 in the remote county dataset), and toPrecision is slow
 * (~0.5 s of that first chart): a number whose shortest form has at most twelve significant
 * digits is that form at twelve digits too, so only float noise (0.30000000000000004) and
 * exponents take the long way.
 */
function decimalsIn(v: number): number {
  // Whole numbers and values of up to four decimals (most data) by arithmetic, not by writing
  // each number (String per value was 0.33 s of a 10M county indicator's first chart). The same
  // answer: v within 1e-13 of itself from n/10^k is written so by both paths below (a number of
  // twelve significant digits lies at least 1e-12 of itself from any other), and v·10^j at least
  // 0.05 from a whole number for every j < k rules out fewer decimals (below 1e8, twelve digits
  // reach the ten-thousandths).
  if (Math.abs(v) < 1e8) {
    if (Number.isInteger(v)) return 0;
    let scaled = v;
    for (let k = 1; k <= MAX_DECIMALS; k++) {
      if (Math.abs(scaled - Math.round(scaled)) < 0.05) break;
      scaled = v * POWERS[k];
      if (nearWhole(scaled)) return k;
    }
  }
  const short = String(v);
  const dot = short.indexOf('.');
  if (!short.includes('e') && significantDigits(short) <= 12) return dot < 0 ? 0 : short.length - dot - 1;
  const text = String(Number(v.toPrecision(12)));
  if (text.includes('e')) return 0;
  const at = text.indexOf('.');
  return at < 0 ? 0 : text.length - at - 1;
}

const POWERS = [1, 10, 100, 1000, 10000];

/** Whether x is a whole number but for float noise (a relative 1e-13: a few hundred units in the last place). */
function nearWhole(x: number): boolean {
  return Math.abs(x - Math.round(x)) <= Math.abs(x) * 1e-13;
}

/** Digits from the first non-zero one on ('0.0350' → 3, '1200' → 4). */
function significantDigits(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 49 && c <= 57) n++;
    else if (c === 48 && n > 0) n++;
  }
  return n;
}

const inferred = new WeakMap<readonly Observation[], Map<string, number>>();

/**
 * The decimals every value of an indicator is written with: its own setting (指标设置), else the
 * most decimals any of its level values has in the display unit, at most `MAX_DECIMALS` (5.10 and
 * 4.95 make two, so 5.1 is written 5.10). Read once per list of values.
 * @example valueDecimals({ baseUnit: '吨', … }, [{ value: 5.1, … }, { value: 4.95, … }], '吨') // 2
 */
export function valueDecimals(indicator: Pick<Indicator, 'name' | 'baseUnit' | 'decimals'>, observations: readonly Observation[], displayUnit: string): number {
  if (indicator.decimals !== undefined) return indicator.decimals;
  let byUnit = inferred.get(observations);
  if (!byUnit) inferred.set(observations, (byUnit = new Map()));
  const key = `${indicator.name}\u0000${displayUnit}`;
  let d = byUnit.get(key);
  if (d === undefined) byUnit.set(key, (d = mostDecimals(observations, indicator, displayUnit)));
  return d;
}

/** A loop over every value in a function of its own (see README: loops over every value). */
function mostDecimals(observations: readonly Observation[], indicator: Pick<Indicator, 'name' | 'baseUnit'>, displayUnit: string): number {
  let most = 0;
  // The display unit's factor found once (toDisplay's rule), not per value: splitUnit per value
  // was most of this loop for an indicator shown in 万亩 (0.1–0.3 s of a 10M county switch).
  const factor = displayUnit !== indicator.baseUnit && sameUnit(splitUnit(displayUnit).base, indicator.baseUnit) ? splitUnit(displayUnit).factor : 1;
  for (const o of observations) {
    if (o.kind === 'change' || o.indicator !== indicator.name) continue;
    const d = decimalsIn(factor === 1 ? o.value : o.value / factor);
    if (d > most && (most = Math.min(d, MAX_DECIMALS)) === MAX_DECIMALS) break;
  }
  return most;
}

/** Units written straight after the number in English too (no space). */
const TIGHT_UNITS: ReadonlySet<string> = new Set(['%', '‰', '℃']);

function join(n: string, unit: string, locale: Locale): string {
  if (!unit) return n;
  return locale === 'zh' || TIGHT_UNITS.has(unit) ? `${n}${unit}` : `${n} ${unit}`;
}

/**
 * The display unit to label an indicator in: the indicator's own, else the first observation's,
 * else the base unit. A display unit whose base differs from the base unit is ignored (it could
 * not be converted).
 * @example displayUnitOf({ baseUnit: '亩', displayUnit: '万亩', … }, []) // '万亩'
 */
export function displayUnitOf(indicator: Indicator, observations: readonly Observation[]): string {
  const base = indicator.baseUnit;
  const candidates = [indicator.displayUnit, ...observations.slice(0, 50).map((o) => o.displayUnit)];
  for (const c of candidates) {
    // Compared after normalizing (μg/m³ is μg/m3), shown as written: one spelling per indicator.
    if (c && sameUnit(splitUnit(c).base, splitUnit(base).base) && splitUnit(base).factor === 1) return c;
  }
  return base;
}

/**
 * A value in the base unit, converted to the display unit (when it shares the base).
 * @example toDisplay(60400, '亩', '万亩') // 6.04
 */
export function toDisplay(baseValue: number, baseUnit: string, displayUnit: string): number {
  if (displayUnit === baseUnit) return baseValue;
  return sameUnit(splitUnit(displayUnit).base, baseUnit) ? toDisplayUnit(baseValue, displayUnit) : baseValue;
}

/**
 * A quantity in its unit. Chinese labels in the display unit; a unit without a multiplier gets
 * 万 from 100 000 and 亿 from 100 000 000. English converts to the base unit and uses K/M/B.
 * Percentages are never scaled.
 * @example formatQuantity(114_000_000, '立方米', 'zh', '亿立方米') // '1.14亿立方米'
 */
export function formatQuantity(baseValue: number, baseUnit: string, locale: Locale, displayUnit = baseUnit, decimals?: number): string {
  const scalable = baseUnit !== '%' && baseUnit !== '‰';
  if (locale === 'zh') {
    const du = sameUnit(splitUnit(displayUnit).base, baseUnit) ? displayUnit : baseUnit;
    const v = toDisplay(baseValue, baseUnit, du);
    if (scalable && splitUnit(du).factor === 1) {
      const a = Math.abs(v);
      if (a >= 1e8) return join(formatNumber(v / 1e8), `亿${du}`, locale);
      if (a >= 1e5) return join(formatNumber(v / 1e4), `万${du}`, locale);
    }
    // The indicator's decimals apply to the number in its own display unit; a value scaled to
    // 万/亿 above keeps at most two.
    return join(formatNumber(v, decimals), du, locale);
  }
  // The indicator's spelling of its base unit (μg/m³), when its display unit is one.
  const spelled = splitUnit(displayUnit).factor === 1 && sameUnit(displayUnit, baseUnit) ? displayUnit : baseUnit;
  return join(formatCompact(baseValue, locale, scalable), spelled, locale);
}

/**
 * A compact number for axis labels, in whatever unit the axis names.
 * @example formatCompact(123456, 'en') // '123.46K'
 */
export function formatCompact(v: number, locale: Locale, scalable = true): string {
  const a = Math.abs(v);
  if (!scalable) return formatNumber(v);
  if (locale === 'zh') {
    if (a >= 1e8) return `${formatNumber(v / 1e8)}亿`;
    if (a >= 1e4) return `${formatNumber(v / 1e4)}万`;
    return formatNumber(v);
  }
  if (a >= 1e9) return `${formatNumber(v / 1e9)}B`;
  if (a >= 1e6) return `${formatNumber(v / 1e6)}M`;
  if (a >= 1e4) return `${formatNumber(v / 1e3)}K`;
  return formatNumber(v);
}

/**
 * A number with its sign always written (`+3.2`, `-1.5`, `0`).
 * @example formatSigned(3.21) // '+3.21'
 */
export function formatSigned(v: number): string {
  const s = formatNumber(v);
  return v > 0 && s !== '0' ? `+${s}` : s;
}

/**
 * An observation's value as written in a label: levels as quantities, changes with their sign
 * (`+12.5%`, `-2.3个百分点`), multiples as `×2.5`.
 * @example formatObservationValue({ value: -30.1, unit: '%', kind: 'change', … }, 'zh') // '-30.1%'
 */
export function formatObservationValue(o: Observation, locale: Locale, displayUnit?: string, decimals?: number): string {
  if (o.kind !== 'change') return formatQuantity(o.value, o.unit, locale, displayUnit ?? o.displayUnit ?? o.unit, decimals);
  if (o.changeType === 'multiple') return `×${formatNumber(o.value)}`;
  return join(formatSigned(o.value), o.unit, locale);
}

/**
 * How one indicator's values are written wherever they are listed (a conflict line, a table):
 * in its display unit and with its decimals, as on its cards and charts.
 * @example valueFormatter(indicator, rows, 'zh')(rows[0]) // '5.10吨'
 */
export function valueFormatter(indicator: Indicator | undefined, observations: readonly Observation[], locale: Locale): (o: Observation) => string {
  // No indicator chosen (nothing stored): each value in its own unit.
  if (!indicator) return (o) => formatObservationValue(o, locale);
  const unit = displayUnitOf(indicator, observations);
  const decimals = valueDecimals(indicator, observations, unit);
  return (o) => formatObservationValue(o, locale, unit, decimals);
}

/**
 * An arrow for a direction, so that direction is never shown by colour alone.
 * @example arrowOf('up') // '▲'
 */
export function arrowOf(direction: 'up' | 'down' | 'flat'): string {
  return direction === 'up' ? '▲' : direction === 'down' ? '▼' : '■';
}

/** Decimals of every change in percent or points: one, as reports write 同比下降30.1%、提高3.5个百分点. */
export const CHANGE_DECIMALS = 1;
const changeFixed = d3.format(`,.${CHANGE_DECIMALS}f`);

/** A magnitude with one decimal; a change too small to show one is `<0.1`, never `0.0` beside an arrow. */
function changeNumber(v: number): string {
  const a = Math.abs(v);
  if (a > 0 && a < 0.05) return `<${changeFixed(0.1)}`;
  return changeFixed(a);
}

/**
 * The size of a change as every destination writes it (KPI cards, ranking, tooltips, slides, saved
 * pages): a rate's change in points (`1.6个百分点`) unless the indicator asks for the relative
 * change, other units in percent with one decimal (`2.6%`), or in the unit when the earlier value
 * is zero. The arrow or word carries the sign, so this is a magnitude. The rule is
 * `changeMeasure` (analysis); this only writes it.
 * @example formatChangeMagnitude(computeChange(64, 62.4), { name: '还田率', baseUnit: '%', polarity: 'higher', targets: [] }, 'zh') // '1.6个百分点'
 */
export function formatChangeMagnitude(c: Change, indicator: Pick<Indicator, 'baseUnit' | 'rateChange'>, locale: Locale, displayUnit?: string): string {
  const unit = indicator.baseUnit;
  const measure = changeMeasure(c, unit, indicator.rateChange);
  if (measure === 'points') {
    const key = unit.normalize('NFKC').trim() === '‰' ? 'chart.permille_points' : 'chart.points';
    return translate(locale, key, { value: changeNumber(c.absolute) });
  }
  if (measure === 'relative') return `${changeNumber(c.relative!)}%`;
  return formatQuantity(Math.abs(c.absolute), unit, locale, displayUnit ?? unit);
}

/**
 * How far a missed target was missed: a rate in points (`6.8个百分点`), anything else in its unit
 * (`0.1吨`, `1.2万亩`).
 * @example formatShortfall(6.8, { baseUnit: '%' }, 'zh') // '6.8个百分点'
 */
export function formatShortfall(shortfall: number, indicator: Pick<Indicator, 'baseUnit'>, locale: Locale, displayUnit?: string): string {
  const unit = indicator.baseUnit;
  if (isRateUnit(unit)) {
    const key = unit.normalize('NFKC').trim() === '‰' ? 'chart.permille_points' : 'chart.points';
    return translate(locale, key, { value: changeNumber(shortfall) });
  }
  return formatQuantity(Math.abs(shortfall), unit, locale, displayUnit ?? unit);
}

/**
 * A target's status in a sentence (`落后进度 12 个百分点`, `未完成，差6.8个百分点`), or '' without one.
 * @example formatTargetStatus(assessment, indicator, 'zh') // '未完成，差6.8个百分点'
 */
export function formatTargetStatus(a: TargetAssessment, indicator: Pick<Indicator, 'baseUnit'>, locale: Locale, displayUnit?: string): string {
  if (!a.status) return '';
  const gap = a.shortfall === undefined ? '' : formatShortfall(a.shortfall, indicator, locale, displayUnit);
  return translate(locale, `chart.status.${a.status}`, { points: formatNumber(Math.max(0, a.behind ?? 0)), gap });
}

/**
 * The word of a traffic light (正常/落后/严重落后), and for a missed target by how much
 * (`未完成 差6.8个百分点`), so the table says it without colour.
 * @example lightWord(assessment, indicator, 'zh') // '未完成 差6.8个百分点'
 */
export function lightWord(a: TargetAssessment, indicator: Pick<Indicator, 'baseUnit'>, locale: Locale, displayUnit?: string): string {
  if (!a.status) return '';
  if (a.status !== 'missed' || a.shortfall === undefined) return translate(locale, `views.light.${a.status}`);
  return translate(locale, 'views.light.missedBy', { gap: formatShortfall(a.shortfall, indicator, locale, displayUnit) });
}
