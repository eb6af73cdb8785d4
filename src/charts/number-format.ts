/**
 * A chart's own number format (issue 25): decimals, 万/亿 display, thousands separators, and
 * whether a rate's change is told in percent or in percentage points. Chosen per view, saved in
 * its spec (`ViewSpec.format`), applied by the chart builders that take it. Pure.
 *
 * Values come in the indicator's base unit; one scaling is chosen for a whole chart
 * (`scalingFor`), so an axis, its bars' labels and its tooltip all say 万亩, never 万亩 beside 亩.
 */
import { formatLocale } from 'd3-format';
import type { Indicator } from '../domain/types';
import { MAX_FORMAT_DECIMALS, type ChangeStyle, type NumberFormat } from '../domain/chart-format';
import { translate, type Locale } from '../domain/messages';
import { sameUnit, splitUnit } from '../domain/units';
import { isRateUnit, type Change } from '../analysis/change';

export type { ChangeStyle, NumberFormat };

/** Decimals of every change, as reports write 同比增长12.5%、提高1.6个百分点. */
const CHANGE_DECIMALS = 1;

/** What one chart's values are divided by and how they are labelled. */
export interface Scaling {
  divisor: number;
  /** Written straight after the digits (English K/M/B); '' in Chinese, where 万 is part of the unit. */
  suffix: string;
  /** The unit the scaled number is in (`万亩`, `亿立方米`, `%`, or `万` for a count). */
  unit: string;
}

// ASCII minus: the default U+2212 does not survive copying into Excel as a number sign.
const d3 = formatLocale({ decimal: '.', thousands: ',', grouping: [3], currency: ['', ''], minus: '-' });
const formats = new Map<string, (v: number) => string>();

function d3format(specifier: string, thousands: boolean): (v: number) => string {
  const key = `${thousands ? ',' : ''}${specifier}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = d3.format(key)));
  return f;
}

/**
 * Only whole decimals in 0–4 count; anything else reads as absent (the app's rule).
 * @example decimalsOf({ decimals: 9 }) // undefined
 */
function decimalsOf(format: NumberFormat): number | undefined {
  const d = format.decimals;
  return d !== undefined && Number.isInteger(d) && d >= 0 && d <= MAX_FORMAT_DECIMALS ? d : undefined;
}

/**
 * The digits of a number: exactly `decimals` when the format or the caller gives them, else at
 * most two (trailing zeros dropped; three significant digits below one). Not a number is `—`.
 * @example formatDigits(1234.5, { decimals: 1 }) // '1,234.5'
 * @example formatDigits(1234.5, { thousands: false }) // '1234.5'
 */
export function formatDigits(v: number, format: NumberFormat = {}, fallbackDecimals?: number): string {
  if (!Number.isFinite(v)) return '—';
  const thousands = format.thousands !== false;
  const decimals = decimalsOf(format) ?? fallbackDecimals;
  let text: string;
  if (decimals !== undefined) text = d3format(`.${decimals}f`, thousands)(v);
  else text = v !== 0 && Math.abs(v) < 1 ? d3format('.3~r', thousands)(v) : d3format('.2~f', thousands)(v);
  // -0.0 is written 0.0: a value that rounds to zero has no sign.
  return /^-[0.,]+$/.test(text) ? text.slice(1) : text;
}

/** Units written straight after the number in English too (no space). */
const TIGHT_UNITS: ReadonlySet<string> = new Set(['%', '‰', '℃']);

function join(n: string, unit: string, locale: Locale): string {
  if (!unit) return n;
  return locale === 'zh' || TIGHT_UNITS.has(unit) ? `${n}${unit}` : `${n} ${unit}`;
}

/**
 * The scaling of a chart whose largest value (in the base unit) is `maxAbs`. Rates are never
 * scaled. `auto` keeps the indicator's display unit when it has a multiplier (`万亩`), else
 * uses 万 from 100,000 and 亿 from 100,000,000 (English: K, M, B); `none` writes the whole
 * number in the base unit; `万` and `亿` always scale.
 * @example scalingFor(1.2e9, '立方米', '立方米', {}, 'zh') // { divisor: 1e8, suffix: '', unit: '亿立方米' }
 * @example scalingFor(60400, '亩', '万亩', { scale: 'none' }, 'zh') // { divisor: 1, suffix: '', unit: '亩' }
 */
export function scalingFor(maxAbs: number, baseUnit: string, displayUnit: string, format: NumberFormat, locale: Locale): Scaling {
  const whole: Scaling = { divisor: 1, suffix: '', unit: baseUnit };
  if (isRateUnit(baseUnit) || splitUnit(baseUnit).factor !== 1) return whole;
  const scale = format.scale ?? 'auto';
  if (scale === 'none') return whole;
  if (scale === '万') return { divisor: 1e4, suffix: '', unit: `万${baseUnit}` };
  if (scale === '亿') return { divisor: 1e8, suffix: '', unit: `亿${baseUnit}` };
  const shown = splitUnit(displayUnit);
  if (displayUnit !== baseUnit && shown.factor !== 1 && sameUnit(shown.base, baseUnit)) return { divisor: shown.factor, suffix: '', unit: displayUnit };
  const a = Number.isFinite(maxAbs) ? Math.abs(maxAbs) : 0;
  if (locale === 'zh') {
    if (a >= 1e8) return { divisor: 1e8, suffix: '', unit: `亿${baseUnit}` };
    if (a >= 1e5) return { divisor: 1e4, suffix: '', unit: `万${baseUnit}` };
    return whole;
  }
  if (a >= 1e9) return { divisor: 1e9, suffix: 'B', unit: baseUnit };
  if (a >= 1e6) return { divisor: 1e6, suffix: 'M', unit: baseUnit };
  if (a >= 1e4) return { divisor: 1e3, suffix: 'K', unit: baseUnit };
  return whole;
}

/**
 * A value (in the base unit) as written under a scaling: digits, suffix and unit; with the
 * format's decimals, else `fallbackDecimals` (the indicator's, which the caller passes only when
 * the scaling's unit is the one they were set for), else at most two.
 * @example formatScaled(60400, { divisor: 1e4, suffix: '', unit: '万亩' }, { decimals: 1 }, 'zh') // '6.0万亩'
 */
export function formatScaled(baseValue: number, scaling: Scaling, format: NumberFormat, locale: Locale, fallbackDecimals?: number): string {
  if (!Number.isFinite(baseValue)) return '—';
  const digits = formatDigits(baseValue / scaling.divisor, format, fallbackDecimals);
  return join(`${digits}${scaling.suffix}`, scaling.unit, locale);
}

/**
 * One value alone (a tooltip line, a card): scaled by its own size.
 * @example formatLevel(114_000_000, '立方米', 'zh', { scale: '万' }) // '11,400万立方米'
 */
export function formatLevel(baseValue: number, baseUnit: string, locale: Locale, format: NumberFormat = {}, displayUnit = baseUnit, fallbackDecimals?: number): string {
  const scaling = scalingFor(baseValue, baseUnit, displayUnit, format, locale);
  return formatScaled(baseValue, scaling, format, locale, scaling.unit === displayUnit ? fallbackDecimals : undefined);
}

/**
 * How a change of this indicator is told under this format: points for a rate (unless the
 * format or the indicator asks for percent), percent for anything else, the unit's difference
 * when the earlier value is zero.
 * @example changeStyleOf({ baseUnit: '%' }, { change: 'percent' }) // 'percent'
 */
export function changeStyleOf(indicator: Pick<Indicator, 'baseUnit' | 'rateChange'>, format: NumberFormat): ChangeStyle {
  if (!isRateUnit(indicator.baseUnit)) return 'percent';
  return format.change ?? (indicator.rateChange === 'relative' ? 'percent' : 'points');
}

/**
 * The number a change is drawn as (a 同比 line's point): percent, points, or `undefined` when a
 * percent of zero cannot be told.
 * @example changeValue(computeChange(64, 62.4), 'points') // 1.6 (≈)
 */
export function changeValue(c: Change, style: ChangeStyle): number | undefined {
  return style === 'points' ? c.absolute : c.relative;
}

/**
 * The unit a change is told in: `%`, `个百分点` (`个千分点` for ‰), in English `pp`.
 * @example changeUnit('points', '%', 'zh') // '个百分点'
 */
export function changeUnit(style: ChangeStyle, baseUnit: string, locale: Locale): string {
  if (style === 'percent') return '%';
  const permille = baseUnit.normalize('NFKC').trim() === '‰';
  return translate(locale, permille ? 'chartx.unit.permille_points' : 'chartx.unit.points');
}

/**
 * A change as a signed number in its unit (`+12.5%`, `-1.6个百分点`), one decimal; `—` when it
 * cannot be told.
 * @example formatChangeText(12.46, 'percent', '吨', 'zh', {}) // '+12.5%'
 */
export function formatChangeText(value: number | undefined, style: ChangeStyle, baseUnit: string, locale: Locale, format: NumberFormat = {}): string {
  if (value === undefined || !Number.isFinite(value)) return '—';
  const digits = formatDigits(value, { thousands: format.thousands }, CHANGE_DECIMALS);
  const signed = value > 0 && !/^[0.,]+$/.test(digits) ? `+${digits}` : digits;
  const unit = changeUnit(style, baseUnit, locale);
  return style === 'percent' ? `${signed}%` : join(signed, unit, locale);
}

/**
 * Whether a format is the app's ordinary one (nothing chosen), so a spec need not carry it.
 * @example isPlainFormat({}) // true
 */
export function isPlainFormat(format: NumberFormat | undefined): boolean {
  return !format || (decimalsOf(format) === undefined && (format.scale ?? 'auto') === 'auto' && format.thousands !== false && format.change === undefined);
}

/** How one chart writes its values: one scaling for the chart, so axis, labels and tooltip agree. */
export interface ChartNumbers {
  scaling: Scaling;
  /** The unit its axis is named with (`万亩`). */
  unit: string;
  /** A base-unit value as drawn (divided by the scaling). */
  plot: (v: number) => number;
  /** A base-unit value as text, with its unit. */
  text: (v: number) => string;
  /** A drawn value as an axis label, without the unit (the axis names it). */
  axis: (v: number) => string;
}

/**
 * The numbers of a chart whose largest value (base unit) is `maxAbs`. `decimals` are the
 * indicator's for its display unit: used only when the chart is in that unit (in another they
 * would be wrong: 6.04万亩 written as 60,400.00亩).
 * @example chartNumbers(123456, '亩', '亩', { scale: '万' }, 'zh').text(60400) // '6.04万亩'
 */
export function chartNumbers(maxAbs: number, baseUnit: string, displayUnit: string, format: NumberFormat, locale: Locale, decimals?: number): ChartNumbers {
  const scaling = scalingFor(maxAbs, baseUnit, displayUnit, format, locale);
  const own = scaling.unit === displayUnit ? decimals : undefined;
  return {
    scaling,
    unit: scaling.unit,
    plot: (v) => v / scaling.divisor,
    text: (v) => formatScaled(v, scaling, format, locale, own),
    axis: (v) => `${formatDigits(v, { thousands: format.thousands })}${scaling.suffix}`,
  };
}


/**
 * The indicator as a view's format tells its changes: a rate's change in % or in points; the
 * indicator itself when the format says nothing (its own 指标设置 rule stays).
 * @example withChangeStyle({ baseUnit: '%', rateChange: undefined }, { change: 'percent' }).rateChange // 'relative'
 */
export function withChangeStyle<I extends Pick<Indicator, 'rateChange'>>(indicator: I, format: NumberFormat | undefined): I {
  const asked = format?.change;
  return asked ? { ...indicator, rateChange: asked === 'percent' ? 'relative' : 'points' } : indicator;
}

/**
 * The numbers of a list of values shown side by side (the ranking's value column, the KPI
 * cards): one scaling for all, so no card says 万亩 beside one in 亩; `undefined` when the
 * format is the app's ordinary one (each destination then writes values as it always did).
 * @example listNumbers([60400, 7293000], '亩', '亩', { decimals: 1 }, 'zh')?.text(60400) // '6.0万亩'
 */
export function listNumbers(values: readonly number[], baseUnit: string, displayUnit: string, format: NumberFormat | undefined, locale: Locale, decimals?: number): ChartNumbers | undefined {
  if (!format || isPlainFormat(format)) return undefined;
  let most = 0;
  for (const v of values) if (Number.isFinite(v) && Math.abs(v) > most) most = Math.abs(v);
  return chartNumbers(most, baseUnit, displayUnit, format, locale, decimals);
}
