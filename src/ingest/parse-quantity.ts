/**
 * Text → number in the base unit. Knows Chinese multipliers (万, 亿, 万亿), glued units
 * (`6.04万亩`), qualifiers (约, 余, 以上…) and changes (`同比下降30.1%`, `增长1.5倍`).
 */
import { splitUnit } from '../domain/units';
import type { ChangeType, ValueKind } from '../domain/types';
import { cleanNumber, isNoData, normalizeCell, unitAsWritten, unitInCell } from './text';

/** A number read from a cell. @example { status: 'ok', value: 60400, unit: '亩', displayUnit: '万亩', kind: 'level', approximate: false } */
export interface ParsedQuantity {
  status: 'ok';
  /** In the base unit. */
  value: number;
  /** Base unit (`亩`), possibly empty. */
  unit: string;
  /** The unit as written (`万亩`), possibly empty. */
  displayUnit: string;
  kind: ValueKind;
  changeType?: ChangeType;
  approximate: boolean;
  /** Set when the text needs a person to confirm it (e.g. two multipliers). */
  warning?: 'double_multiplier' | undefined;
}

/** The result of reading a cell: a number, no data, or unreadable. @example parseQuantity('—') // { status: 'empty' } */
export type QuantityResult = ParsedQuantity | { status: 'empty' } | { status: 'error' };

const PREFIX_QUALIFIER = /^(约为|约|大约|近|将近|接近|超过|超|逾|累计|共计|共|合计|达到|达)/;
const SUFFIX_QUALIFIER = /(以上|以下|左右|上下|余|多)$/;
const APPROX_WORDS = /^(约为|约|大约|近|将近|接近|超过|超|逾|累计)$|^(以上|以下|左右|上下|余|多)$/;

const CHANGE = /^(同比|环比|比上年|较上年|比去年|较去年|比上年同期|较上年同期|比上月|较上月|与上年相比|较|比)?(增长|增加|上升|提高|提升|增|升|下降|减少|降低|下滑|回落|减|降)了?/;
const NEGATIVE = /下降|减少|降低|下滑|回落|减|降/;

const FOOTNOTE = /[*＊†‡\u2460-\u2473\u2776-\u277f]+$/;
const NUMBER = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)?(\.\d+)?(?:[eE]([+-]?\d+))?/;
/** What may follow a number as a unit: letters, CJK, a few signs; no leading digit. */
const UNIT = /^[\p{Script=Han}A-Za-zμ%‰°℃/·²³()][\p{Script=Han}A-Za-zμ%‰°℃/·²³().0-9]{0,15}$/u;

const PLAIN = /^-?\d+(?:\.\d+)?$/;

/** How a context unit scales a bare number; computed once per distinct unit text. */
interface ContextScale {
  written: string;
  /** The unit as the file spelled it (μg/m³), shown; `written` (NFKC) is compared. */
  shown: string;
  factor: number;
  /** k when `factor` is 10^k (0 to 15), else -1. */
  tens: number;
  unit: string;
  warning?: 'double_multiplier';
}
const contextScales = new Map<string, ContextScale>();

/** 10^0 … 10^15, each exact as a double. */
const POWERS_OF_TEN: readonly number[] = Array.from({ length: 16 }, (_, k) => 10 ** k);

/** How `contextUnit` scales a bare number, computed once per distinct unit text. */
function contextScale(contextUnit: string): ContextScale {
  let scale = contextScales.get(contextUnit);
  if (scale === undefined) {
    const written = normalizeCell(contextUnit);
    const outer = splitUnit(written);
    const inner = splitUnit(outer.base);
    scale =
      outer.factor !== 1 && inner.factor !== 1
        ? { written, shown: unitAsWritten(contextUnit), factor: outer.factor * inner.factor, tens: -1, unit: inner.base, warning: 'double_multiplier' }
        : { written, shown: unitAsWritten(contextUnit), factor: outer.factor, tens: -1, unit: outer.base };
    scale.tens = POWERS_OF_TEN.indexOf(scale.factor);
    if (contextScales.size > 1000) contextScales.clear();
    contextScales.set(contextUnit, scale);
  }
  return scale;
}

/**
 * A plain decimal's value in the base unit: `cleanNumber(Number(text) * factor)`, without the
 * string `cleanNumber` makes and reads per value when the answer is known without it. For a text
 * of at most 15 digits, d of them decimals, and a factor 10^k, the digits as an integer m are
 * exact, and so is one multiplication or division by a power of ten: m·10^(k−d) or m / 10^(d−k)
 * is the double nearest the decimal, which is what `cleanNumber`'s 15 digits give back while the
 * value stays under 10^15 (tests/unit/ingest/parse-quantity.test.ts compares the two).
 */
function plainValue(text: string, scale: ContextScale): number {
  const k = scale.tens;
  const negative = text.charCodeAt(0) === 45; // '-'
  let m = 0;
  let digits = 0;
  let decimals = -1;
  for (let i = negative ? 1 : 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) decimals = 0; // '.'
    else {
      m = m * 10 + (c - 48);
      digits++;
      if (decimals >= 0) decimals++;
    }
  }
  const d = decimals < 0 ? 0 : decimals;
  const v = k < 0 || digits > 15 ? Infinity : k >= d ? m * POWERS_OF_TEN[k - d] : m / POWERS_OF_TEN[d - k];
  if (v >= 1e15) return cleanNumber(Number(text) * scale.factor);
  return negative ? -v : v;
}

/** What the general path below gives a bare number with no unit of its own (`rest === ''`). */
function plainQuantity(text: string, contextUnit: string): ParsedQuantity {
  const scale = contextScale(contextUnit);
  const q: ParsedQuantity = { status: 'ok', value: plainValue(text, scale), unit: scale.unit, displayUnit: scale.shown, kind: 'level', changeType: undefined, approximate: false };
  if (scale.warning) q.warning = scale.warning;
  return q;
}

/** The one answer `readPlain` rewrites. */
const plainScratch: ParsedQuantity = { status: 'ok', value: 0, unit: '', displayUnit: '', kind: 'level', changeType: undefined, approximate: false, warning: undefined };

/**
 * `parseQuantity(text, contextUnit)` for a plain decimal (most cells of a large file), else
 * undefined. The answer is one shared object, rewritten by the next call: for a caller that
 * copies its fields at once (the walk over a file of millions makes no object per value here).
 * @example readPlain('6.04', '万亩')?.value // 60400
 */
export function readPlain(text: string, contextUnit: string): Readonly<ParsedQuantity> | undefined {
  if (!PLAIN.test(text)) return undefined;
  const scale = contextScale(contextUnit);
  plainScratch.value = plainValue(text, scale);
  plainScratch.unit = scale.unit;
  plainScratch.displayUnit = scale.shown;
  plainScratch.warning = scale.warning;
  return plainScratch;
}

/**
 * Read a quantity. `contextUnit` is the unit known from elsewhere (a unit column, the header
 * `面积（万亩）`, a `单位：` line); a unit glued to the number wins over it.
 * @example parseQuantity('6.04万亩') // { status: 'ok', value: 60400, unit: '亩', displayUnit: '万亩', kind: 'level', approximate: false }
 */
export function parseQuantity(text: string, contextUnit = ''): QuantityResult {
  // Most cells of a large file are plain decimals: skip NFKC and the qualifier patterns for them.
  if (PLAIN.test(text)) return plainQuantity(text, contextUnit);
  if (isNoData(text)) return { status: 'empty' };
  // Footnote marks (6.04*, 6.04①) go before NFKC, which would turn ① into a digit.
  let s = normalizeCell(text.trim().replace(FOOTNOTE, ''));
  let approximate = false;

  const pre = PREFIX_QUALIFIER.exec(s);
  if (pre) {
    approximate ||= APPROX_WORDS.test(pre[1]);
    s = s.slice(pre[1].length);
  }

  let kind: ValueKind = 'level';
  let sign = 1;
  const change = CHANGE.exec(s);
  if (change && change[0].length > 0 && /\d/.test(s.charAt(change[0].length))) {
    kind = 'change';
    if (NEGATIVE.test(change[2])) sign = -1;
    s = s.slice(change[0].length);
  }

  const m = NUMBER.exec(s);
  if (!m || (m[2] === undefined && m[3] === undefined)) return { status: 'error' };
  const numberText = (m[2] ?? '0').replace(/,/g, '') + (m[3] ?? '') + (m[4] !== undefined ? `e${m[4]}` : '');
  let value = Number(numberText) * (m[1] === '-' ? -1 : 1) * sign;
  if (!Number.isFinite(value)) return { status: 'error' };
  let rest = s.slice(m[0].length);

  // 150余次, 20多万亩: the qualifier sits between the number and the unit.
  if (/^(余|多)/.test(rest)) {
    approximate = true;
    rest = rest.slice(1);
  }
  for (let q = SUFFIX_QUALIFIER.exec(rest); q; q = SUFFIX_QUALIFIER.exec(rest)) {
    approximate = true;
    rest = rest.slice(0, rest.length - q[1].length);
  }
  if (rest !== '' && !UNIT.test(rest)) return { status: 'error' };

  let changeType: ChangeType | undefined;
  if (kind === 'change') {
    if (rest === '倍') {
      // 增长1.5倍 means the new level is 2.5 times the old one (domain.md).
      return { status: 'ok', value: cleanNumber(1 + value), unit: '倍', displayUnit: '倍', kind, changeType: 'multiple', approximate };
    }
    changeType = rest === '%' ? 'relative' : /百分点$/.test(rest) ? 'points' : 'absolute';
  }
  if (rest === '%' || rest === '‰') {
    if (rest === '‰') value /= 10;
    return { status: 'ok', value: cleanNumber(value), unit: '%', displayUnit: rest, kind, changeType, approximate };
  }
  if (/百分点$/.test(rest)) {
    return { status: 'ok', value: cleanNumber(value), unit: rest, displayUnit: rest, kind, changeType, approximate };
  }

  const context = normalizeCell(contextUnit);
  let written = rest;
  const own = splitUnit(rest);
  // A bare multiplier glued on (`6.04万`) scales the unit known from the header (`亩`).
  if (rest !== '' && own.base === '' && context !== '' && splitUnit(context).factor === 1) written = rest + context;
  else if (rest === '') written = context;
  const scale = splitUnit(written);
  let factor = scale.factor;
  let warning: ParsedQuantity['warning'];
  const inner = splitUnit(scale.base);
  // Shown as the file spelled it (μg/m³), from the cell or else the context; compared as NFKC.
  const shown = written === rest ? unitInCell(rest, text) : written === context ? unitAsWritten(contextUnit) : written;
  if (factor !== 1 && inner.factor !== 1) {
    // 1.1亿万元: read literally, but a person must confirm it.
    warning = 'double_multiplier';
    factor *= inner.factor;
    return { status: 'ok', value: cleanNumber(value * factor), unit: inner.base, displayUnit: shown, kind, changeType, approximate, warning };
  }
  return { status: 'ok', value: cleanNumber(value * factor), unit: scale.base, displayUnit: shown, kind, changeType, approximate };
}
