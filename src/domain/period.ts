/**
 * Period keys are strings with a grain: `2024`, `2024-03`, `2024-03-15`, `2024-Q1`, `2024-H1`,
 * `2023/2024` (a season when the years are consecutive, else a range). All arithmetic here is
 * string and integer arithmetic: a `Date` in local time shifts months across time zones.
 */
import type { Grain } from './types';

/** A period key taken apart: the first and last month it covers, counted as `year * 12 + (month - 1)`. */
interface Parsed {
  readonly grain: Grain;
  readonly year: number;
  /** Second year of a season or range. */
  readonly endYear: number;
  /** Month 1–12, quarter 1–4, half 1–2, or day-of-month, depending on the grain. */
  readonly part: number;
  readonly month: number;
  readonly day: number;
}

const YEAR = /^(\d{4})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const HALF = /^(\d{4})-H([12])$/;
const SPAN = /^(\d{4})\/(\d{4})$/;

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month of a year, without `Date`. */
function daysIn(year: number, month: number): number {
  if (month === 2) return isLeap(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Parsed keys, because charts and sorts parse the same few keys (a few dozen periods) for every
 * one of thousands of observations. Parsed values are never mutated, so sharing them is safe.
 * Cleared when large, as keys come from user files.
 */
const parsed = new Map<string, Parsed | undefined>();
const PARSED_MAX = 4096;

function parse(key: string): Parsed | undefined {
  if (parsed.has(key)) return parsed.get(key);
  if (parsed.size >= PARSED_MAX) parsed.clear();
  const p = parseKey(key);
  parsed.set(key, p);
  return p;
}

function parseKey(key: string): Parsed | undefined {
  let m = YEAR.exec(key);
  if (m) return { grain: 'year', year: +m[1], endYear: +m[1], part: 0, month: 0, day: 0 };
  m = MONTH.exec(key);
  if (m) {
    const month = +m[2];
    if (month < 1 || month > 12) return undefined;
    return { grain: 'month', year: +m[1], endYear: +m[1], part: month, month, day: 0 };
  }
  m = DAY.exec(key);
  if (m) {
    const [year, month, day] = [+m[1], +m[2], +m[3]];
    if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
    return { grain: 'day', year, endYear: year, part: day, month, day };
  }
  m = QUARTER.exec(key);
  if (m) return { grain: 'quarter', year: +m[1], endYear: +m[1], part: +m[2], month: 0, day: 0 };
  m = HALF.exec(key);
  if (m) return { grain: 'half', year: +m[1], endYear: +m[1], part: +m[2], month: 0, day: 0 };
  m = SPAN.exec(key);
  if (m) {
    const [a, b] = [+m[1], +m[2]];
    if (b <= a) return undefined;
    return { grain: b === a + 1 ? 'season' : 'range', year: a, endYear: b, part: 0, month: 0, day: 0 };
  }
  return undefined;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * The grain of a period key, or undefined when the key is not one we write.
 * @example grainOfKey('2024-Q1') // 'quarter'
 */
export function grainOfKey(key: string): Grain | undefined {
  return parse(key)?.grain;
}

/**
 * The months a period covers, as a continuous position: start (inclusive) and end (exclusive), in
 * months since year 0. A day covers its fraction of the month. A season or range is taken to cover
 * whole calendar years, because files do not say in which month a 年度 starts.
 * @example periodSpan('2024-Q2') // { start: 24291, end: 24294 }
 */
export function periodSpan(key: string): Readonly<{ start: number; end: number }> | undefined {
  if (spans.has(key)) return spans.get(key);
  if (spans.size >= PARSED_MAX) spans.clear();
  const span = spanOf(parse(key));
  spans.set(key, span);
  return span;
}

const spans = new Map<string, Readonly<{ start: number; end: number }> | undefined>();

function spanOf(p: Parsed | undefined): { start: number; end: number } | undefined {
  if (!p) return undefined;
  const base = p.year * 12;
  switch (p.grain) {
    case 'year':
      return { start: base, end: base + 12 };
    case 'month':
      return { start: base + p.month - 1, end: base + p.month };
    case 'day': {
      const days = daysIn(p.year, p.month);
      return { start: base + p.month - 1 + (p.day - 1) / days, end: base + p.month - 1 + p.day / days };
    }
    case 'quarter':
      return { start: base + (p.part - 1) * 3, end: base + p.part * 3 };
    case 'half':
      return { start: base + (p.part - 1) * 6, end: base + p.part * 6 };
    case 'season':
    case 'range':
      return { start: base, end: p.endYear * 12 + 12 };
  }
}

/**
 * Sort order for period keys: by start, then by end (the shorter period first), then as text.
 * Keys we cannot read sort after all others.
 * @example ['2024', '2023-Q4', '2023'].sort(comparePeriods) // ['2023', '2023-Q4', '2024']
 */
export function comparePeriods(a: string, b: string): number {
  const sa = periodSpan(a);
  const sb = periodSpan(b);
  if (sa && !sb) return -1;
  if (!sa && sb) return 1;
  if (sa && sb) {
    if (sa.start !== sb.start) return sa.start - sb.start;
    if (sa.end !== sb.end) return sa.end - sb.end;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Move a key by whole years; a 29 February lands on 28 February. */
function shiftYears(p: Parsed, years: number): string {
  const y = p.year + years;
  switch (p.grain) {
    case 'year':
      return String(y);
    case 'month':
      return `${y}-${pad2(p.month)}`;
    case 'day':
      return `${y}-${pad2(p.month)}-${pad2(Math.min(p.day, daysIn(y, p.month)))}`;
    case 'quarter':
      return `${y}-Q${p.part}`;
    case 'half':
      return `${y}-H${p.part}`;
    case 'season':
    case 'range':
      return `${y}/${p.endYear + years}`;
  }
}

/**
 * The same period one year earlier, for 同比 (year-over-year) comparisons.
 * @example samePeriodLastYear('2023/2024') // '2022/2023'
 */
export function samePeriodLastYear(key: string): string | undefined {
  const p = parse(key);
  return p ? shiftYears(p, -1) : undefined;
}

/**
 * The period just before, of the same grain (环比). A range moves back by its own length.
 * @example previousPeriod('2024-Q1') // '2023-Q4'
 */
export function previousPeriod(key: string): string | undefined {
  return step(key, -1);
}

/**
 * The period just after, of the same grain. A range moves forward by its own length.
 * @example nextPeriod('2023-12') // '2024-01'
 */
export function nextPeriod(key: string): string | undefined {
  return step(key, 1);
}

function step(key: string, by: 1 | -1): string | undefined {
  const p = parse(key);
  if (!p) return undefined;
  const wrap = (per: number): [number, number] => {
    // Index within the whole calendar, so that stepping back from the first part wraps a year.
    const idx = p.year * per + (p.part - 1) + by;
    return [Math.floor(idx / per), (idx % per) + 1];
  };
  switch (p.grain) {
    case 'year':
    case 'season':
      return shiftYears(p, by);
    case 'range':
      return shiftYears(p, by * (p.endYear - p.year + 1));
    case 'month': {
      const [y, m] = wrap(12);
      return `${y}-${pad2(m)}`;
    }
    case 'quarter': {
      const [y, q] = wrap(4);
      return `${y}-Q${q}`;
    }
    case 'half': {
      const [y, h] = wrap(2);
      return `${y}-H${h}`;
    }
    case 'day': {
      let [y, m, d] = [p.year, p.month, p.day + by];
      if (d < 1) {
        m -= 1;
        if (m < 1) [y, m] = [y - 1, 12];
        d = daysIn(y, m);
      } else if (d > daysIn(y, m)) {
        m += 1;
        if (m > 12) [y, m] = [y + 1, 1];
        d = 1;
      }
      return `${y}-${pad2(m)}-${pad2(d)}`;
    }
  }
}

/**
 * Every period of the same grain from `from` to `to` inclusive, so that a period missing from the
 * data still gets its place on an axis (a gap, not a jump). Empty when the keys differ in grain,
 * are in the wrong order, or would give more than `limit` periods.
 * @example periodsBetween('2023-Q3', '2024-Q1') // ['2023-Q3', '2023-Q4', '2024-Q1']
 */
export function periodsBetween(from: string, to: string, limit = 1000): string[] {
  const g = grainOfKey(from);
  if (!g || g !== grainOfKey(to) || comparePeriods(from, to) > 0) return [];
  const out: string[] = [from];
  let k = from;
  while (k !== to) {
    const n = nextPeriod(k);
    if (!n || out.length >= limit) return [];
    out.push(n);
    k = n;
  }
  return out;
}

const ZH_QUARTERS = ['一', '二', '三', '四'];
const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A period key as a reader writes it. Keys we cannot read come back unchanged.
 * @example formatPeriod('2024-Q1', 'zh') // '2024年一季度'
 */
export function formatPeriod(key: string, locale: 'zh' | 'en'): string {
  const p = parse(key);
  if (!p) return key;
  const zh = locale === 'zh';
  switch (p.grain) {
    case 'year':
      return zh ? `${p.year}年` : String(p.year);
    case 'month':
      return zh ? `${p.year}年${p.month}月` : `${EN_MONTHS[p.month - 1]} ${p.year}`;
    case 'day':
      return zh ? `${p.year}年${p.month}月${p.day}日` : `${p.day} ${EN_MONTHS[p.month - 1]} ${p.year}`;
    case 'quarter':
      return zh ? `${p.year}年${ZH_QUARTERS[p.part - 1]}季度` : `${p.year} Q${p.part}`;
    case 'half':
      return zh ? `${p.year}年${p.part === 1 ? '上' : '下'}半年` : `${p.year} H${p.part}`;
    case 'season':
      return zh ? `${p.year}—${p.endYear}年度` : `${p.year}–${p.endYear} season`;
    case 'range':
      return zh ? `${p.year}—${p.endYear}年` : `${p.year}–${p.endYear}`;
  }
}
