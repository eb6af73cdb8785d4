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
  warning?: 'double_multiplier';
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
  unit: string;
  warning?: 'double_multiplier';
}
const contextScales = new Map<string, ContextScale>();

/** What the general path below gives a bare number with no unit of its own (`rest === ''`). */
function plainQuantity(value: number, contextUnit: string): ParsedQuantity {
  let scale = contextScales.get(contextUnit);
  if (scale === undefined) {
    const written = normalizeCell(contextUnit);
    const outer = splitUnit(written);
    const inner = splitUnit(outer.base);
    scale =
      outer.factor !== 1 && inner.factor !== 1
        ? { written, shown: unitAsWritten(contextUnit), factor: outer.factor * inner.factor, unit: inner.base, warning: 'double_multiplier' }
        : { written, shown: unitAsWritten(contextUnit), factor: outer.factor, unit: outer.base };
    if (contextScales.size > 1000) contextScales.clear();
    contextScales.set(contextUnit, scale);
  }
  const q: ParsedQuantity = { status: 'ok', value: cleanNumber(value * scale.factor), unit: scale.unit, displayUnit: scale.shown, kind: 'level', changeType: undefined, approximate: false };
  if (scale.warning) q.warning = scale.warning;
  return q;
}

/**
 * Read a quantity. `contextUnit` is the unit known from elsewhere (a unit column, the header
 * `面积（万亩）`, a `单位：` line); a unit glued to the number wins over it.
 * @example parseQuantity('6.04万亩') // { status: 'ok', value: 60400, unit: '亩', displayUnit: '万亩', kind: 'level', approximate: false }
 */
export function parseQuantity(text: string, contextUnit = ''): QuantityResult {
  // Most cells of a large file are plain decimals: skip NFKC and the qualifier patterns for them.
  if (PLAIN.test(text)) return plainQuantity(Number(text), contextUnit);
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
