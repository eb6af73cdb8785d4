/**
 * Text → period key and grain, following the table in domain.md. Period arithmetic is string
 * arithmetic: no `Date` is ever built here, so the time zone cannot shift a period.
 */
import type { Grain } from '../domain/types';
import { normalizeCell } from './text';

/** A period read from a cell or header. @example { key: '2024-Q1', grain: 'quarter', label: '2024年一季度' } */
export interface ParsedPeriod {
  key: string;
  grain: Grain;
  /** The text as written. */
  label: string;
}

const CN_DIGIT: Record<string, string> = { 〇: '0', 零: '0', O: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };
const CN_SMALL: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12 };

const pad = (n: number): string => String(n).padStart(2, '0');

/** 二〇二四 → 2024; leaves other text alone. */
function arabicYears(s: string): string {
  return s.replace(/[〇零O一二三四五六七八九]{4}(?=年)/g, (y) => [...y].map((c) => CN_DIGIT[c]).join(''));
}

function smallNumber(t: string): number {
  return /^\d+$/.test(t) ? Number(t) : (CN_SMALL[t] ?? NaN);
}

function month(y: string, m: string, label: string): ParsedPeriod | null {
  const n = smallNumber(m);
  return n >= 1 && n <= 12 ? { key: `${y}-${pad(n)}`, grain: 'month', label } : null;
}

/**
 * `2024年1-8月` is the year to date: a point in time like 截至2024年8月 (domain.md), so 2024-08;
 * `2024年4-6月` is exactly a quarter. Other spans have no key.
 */
function monthSpan(y: string, from: number, to: number, label: string): ParsedPeriod | null {
  if (from < 1 || to > 12 || to <= from) return null;
  if (from === 1) return { key: `${y}-${pad(to)}`, grain: 'month', label };
  if (to - from === 2 && from % 3 === 1) return { key: `${y}-Q${(from + 2) / 3}`, grain: 'quarter', label };
  return null;
}

function span(a: string, b: string, label: string, season: boolean): ParsedPeriod | null {
  const from = Number(a);
  let to = Number(b);
  // 2023-24年度: the second year is written with two digits.
  if (b.length === 2) to = Math.floor(from / 100) * 100 + to;
  if (!(to > from)) return null;
  return { key: `${from}/${to}`, grain: season && to === from + 1 ? 'season' : 'range', label };
}

/**
 * Read a period. Returns null when the text is not a period.
 * @example parsePeriod('2024年第一季度') // { key: '2024-Q1', grain: 'quarter', label: '2024年第一季度' }
 */
export function parsePeriod(text: string): ParsedPeriod | null {
  const label = text.trim();
  let s = arabicYears(normalizeCell(text));
  // A point in time: 截至2024年8月, 2024年8月底, 2024年底. Stripped before 至 becomes a dash.
  const point = /^(截至|截止|截止到|截至到|到)/.exec(s);
  if (point) s = s.slice(point[0].length);
  s = s.replace(/[—–―─~〜至到]+/g, '-').replace(/^[“"'‘]|[”"'’]$/g, '');
  // A date with a midnight time, as databases and JSON APIs write dates (`2024-03-01 00:00:00`,
  // `2024-03-01T00:00:00.000+08:00`): the day. Any other time of day is no period.
  s = s.replace(/^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2})T?00:00(?::00(?:\.0+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/, '$1');
  let m: RegExpExecArray | null;

  // Five-year plans: “十四五”期间 → 2021/2025 (十一五 began in 2006).
  if ((m = /^[“"']?十([一二三四五六七八九])?五[”"']?(时期|期间|规划期|规划期间|期)?$/.exec(s))) {
    const plan = 10 + (m[1] ? smallNumber(m[1]) : 0);
    const start = 2006 + 5 * (plan - 11);
    return { key: `${start}/${start + 4}`, grain: 'range', label };
  }

  if ((m = /^(\d{4})年(底|末)$/.exec(s))) return { key: `${m[1]}-12`, grain: 'month', label };
  s = s.replace(/(底|末|份)$/, '');

  if ((m = /^(\d{4})(年|年度)?$/.exec(s)) && !point) return { key: m[1], grain: 'year', label };
  if ((m = /^(\d{4})年?$/.exec(s)) && point) return { key: `${m[1]}-12`, grain: 'month', label };
  if ((m = /^(\d{4})年(\d{1,2}|[一二三四五六七八九十]|十[一二])月$/.exec(s))) return month(m[1], m[2], label);
  if ((m = /^(\d{4})年(\d{1,2})-(\d{1,2})月(?:累计)?$/.exec(s))) return monthSpan(m[1], Number(m[2]), Number(m[3]), label);
  if ((m = /^(\d{4})[.\-/](\d{1,2})$/.exec(s))) return month(m[1], m[2], label);
  if ((m = /^(\d{4})(?:年|[.\-/])(\d{1,2})(?:月|[.\-/])(\d{1,2})日?$/.exec(s))) {
    const mo = Number(m[2]);
    const d = Number(m[3]);
    if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
    return { key: `${m[1]}-${pad(mo)}-${pad(d)}`, grain: 'day', label };
  }
  if ((m = /^(\d{4})(?:年|-)?(?:第)?([1-4一二三四])(?:季度|季)$/.exec(s)) || (m = /^(\d{4})(?:年|-)?[Qq]([1-4])$/.exec(s))) {
    return { key: `${m[1]}-Q${smallNumber(m[2])}`, grain: 'quarter', label };
  }
  if ((m = /^(\d{4})(?:年)?(上|下)半年$/.exec(s))) return { key: `${m[1]}-H${m[2] === '上' ? 1 : 2}`, grain: 'half', label };
  if ((m = /^(\d{4})(?:年|-)?[Hh]([12])$/.exec(s))) return { key: `${m[1]}-H${m[2]}`, grain: 'half', label };
  if ((m = /^(\d{4})年?-(\d{4}|\d{2})年度$/.exec(s))) return span(m[1], m[2], label, true);
  if ((m = /^(\d{4})\/(\d{4})$/.exec(s))) return span(m[1], m[2], label, true);
  if ((m = /^(\d{4})年?-(\d{4})年?$/.exec(s))) return span(m[1], m[2], label, false);
  return null;
}

const PART_MONTH = /^(\d{1,2}|[一二三四五六七八九十]|十[一二])月份?$/;
const PART_QUARTER = /^(?:第)?([1-4一二三四])季度?$|^[Qq]([1-4])$/;
const PART_HALF = /^([上下])半年$|^[Hh]([12])$/;

/**
 * A period without its year, as monthly and quarterly tables head their columns (`3月`, `一季度`,
 * `上半年`); the year comes from a year column, the title or a default.
 * @example isPeriodPart('3月') // true
 */
export function isPeriodPart(text: string): boolean {
  const s = normalizeCell(text);
  return PART_MONTH.test(s) || PART_QUARTER.test(s) || PART_HALF.test(s);
}

/**
 * Put a year in front of a period part: `2024` + `3月` → `2024年3月`, which `parsePeriod` reads.
 * @example withYear('2024', '一季度') // '2024年一季度'
 */
export function withYear(year: string, part: string): string {
  const s = normalizeCell(part);
  if (/^[Qq]\d$/.test(s) || /^[Hh]\d$/.test(s)) return `${year}${s.toUpperCase()}`;
  return `${year}年${s}`;
}

/**
 * Strip a trailing remark from a period header: `2024年（预计）` → `2024年`.
 * @example withoutRemark('2024年(快报)') // '2024年'
 */
export function withoutRemark(text: string): string {
  return text.trim().replace(/[（(][^（）()]*[）)]$/, '').trim();
}

/**
 * The one year a title names (`2024年1—6月主要指标` → `2024`), or undefined when it names none
 * or several.
 * @example titleYear('道里区2024年主要指标') // '2024'
 */
export function titleYear(title: string): string | undefined {
  const years = new Set(arabicYears(normalizeCell(title)).match(/(19|20)\d{2}(?=年|$|[^\d])/g) ?? []);
  return years.size === 1 ? [...years][0] : undefined;
}
