/**
 * 整改时限 as offices write it → the last day allowed. `2024年底`, `2024年6月底前`, `2024年上半年`,
 * `2024年第一季度`, `2024/6/30`, an Excel date serial; `长期坚持` has no end; `立行立改` is a
 * deadline with no date. The label is always the text as written.
 */
import { serialToDate } from '../ingest/xlsx/number-format';
import { digitsInDate } from './cn-number';
import { isoDate, monthEnd } from './dates';

/** A deadline read from text. @example { date: '2024-12-31', label: '2024年底' } */
export interface Deadline {
  /** `YYYY-MM-DD`, the last day on which the task is still on time. */
  date?: string;
  /** True for tasks with no end (长期坚持). */
  ongoing?: boolean;
  /** The text as written. */
  label: string;
}

const ONGOING = /长期|持续推进|持续整改|持续开展|常态化|久久为功|持之以恒/;
const IMMEDIATE = /立行立改|立知立改|即知即改|立即整改|马上改|立改立行|即查即改/;
// Words around a date that do not change it: 2024年6月底前完成, 力争于2024年底, 截至2024年6月.
const BEFORE = /^(?:力争|确保|预计|计划|争取|要求)?(?:于|在|到)?(?:截至|截止到?|到)?/;
const AFTER = /(?:前|之前|以前)?(?:全面|全部|基本)?(?:完成|办结|整改到位|整改完毕|结束)?(?:整改)?(?:任务)?(?:前|之前|以前|止|为止|截止)?$/;
const QUARTER_END = ['03-31', '06-30', '09-30', '12-31'];

/**
 * Read a deadline. Text it cannot place gives only the label, never an error.
 * @example parseDeadline('2024年6月30日前') // { date: '2024-06-30', label: '2024年6月30日前' }
 * @example parseDeadline('长期坚持') // { ongoing: true, label: '长期坚持' }
 */
export function parseDeadline(text: string): Deadline {
  const label = typeof text === 'string' ? text : String(text ?? '');
  const s = normalize(label);
  if (s === '') return { label };
  const whole = dateOf(s);
  if (whole !== undefined) return { date: whole, label };
  if (ONGOING.test(s) && !/\d{4}/.test(s)) return { ongoing: true, label };
  // 2024年3月至6月, 2024年6月底前完成，长期坚持: the last date written is the deadline.
  const pieces = s.split(/[—–~～至到,，;；、]|(?<=[年月日])-|并|和/).filter((p) => p !== '');
  let year: string | undefined;
  let last: string | undefined;
  for (const piece of pieces) {
    const own = /^(\d{4})/.exec(piece)?.[1];
    if (own !== undefined) year = own;
    const d = dateOf(piece) ?? (own === undefined && year !== undefined && /^\d{1,2}月/.test(piece) ? dateOf(`${year}年${piece}`) : undefined);
    if (d !== undefined) last = d;
  }
  if (last !== undefined) return { date: last, label };
  if (ONGOING.test(s)) return { ongoing: true, label };
  return { label };
}

/**
 * True for 立行立改 and its kin: fix at once, no date written.
 * @example isImmediate('立行立改') // true
 */
export function isImmediate(text: string): boolean {
  return IMMEDIATE.test(normalize(text));
}

/**
 * A day-precise date (交办日期, 销号日期): `2024-03-06`, `2024年3月6日`, `2024/3/6`, a serial.
 * Month or year alone gives undefined: a date something happened on is a day.
 * @example exactDate('2024年3月6日') // '2024-03-06'
 */
export function exactDate(text: string): string | undefined {
  const s = normalize(text);
  const serial = serialDate(s);
  if (serial !== undefined) return serial;
  const m = /^(\d{4})(?:[-/.年])(\d{1,2})(?:[-/.月])(\d{1,2})[日号]?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  return m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

function normalize(text: string): string {
  const s = String(text ?? '')
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000]+/g, '')
    // A time of day after the date (exports write 2024-06-30 00:00:00) says nothing more.
    .replace(/^(\d{4}-\d{1,2}-\d{1,2})T?\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?$/, '$1');
  // A remark in brackets says nothing about the day: 2024年9月30日（第三季度）; unless it is all there is.
  const outside = s.replace(/\([^()]*\)/g, '');
  return digitsInDate(outside !== '' ? outside : s.replace(/[()]/g, ''));
}

/** One date form, whole; undefined when `s` is not one. */
function dateOf(raw: string): string | undefined {
  const serial = serialDate(raw);
  if (serial !== undefined) return serial;
  const s = raw.replace(BEFORE, '').replace(AFTER, '');
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})[日号]?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})[-/.](\d{1,2})(?:月)?(?:底|末|份)?$/.exec(s);
  if (m) return monthEnd(Number(m[1]), Number(m[2]));
  m = /^(\d{4})[-年]?(?:第)?Q([1-4])$/i.exec(s) ?? /^(\d{4})年(?:第)?([1-4])(?:季度|季)(?:末|底)?$/.exec(s);
  if (m) return yearPart(m[1], QUARTER_END[Number(m[2]) - 1]);
  // A bare year (a number cell holding 2024): the year's end. Four digits are never a serial here (1900–1927).
  if (/^\d{4}$/.test(s)) return yearPart(s, '12-31');
  m = /^(\d{4})年(?:度)?(.*)$/.exec(s);
  if (!m) return undefined;
  const [, y, rest] = m;
  if (rest === '' || /^(?:年?底|年?末|年终|全年)$/.test(rest)) return yearPart(y, '12-31');
  if (/^上半年(?:末|底)?$/.test(rest)) return yearPart(y, '06-30');
  if (/^下半年(?:末|底)?$/.test(rest)) return yearPart(y, '12-31');
  const md = /^(\d{1,2})月(?:份)?(?:(\d{1,2})[日号]|(底|末|份|下旬)|(上旬)|(中旬))?$/.exec(rest);
  if (!md) return undefined;
  const month = Number(md[1]);
  if (md[2] !== undefined) return isoDate(Number(y), month, Number(md[2]));
  if (md[4] !== undefined) return isoDate(Number(y), month, 10);
  if (md[5] !== undefined) return isoDate(Number(y), month, 20);
  return monthEnd(Number(y), month);
}

function yearPart(year: string, monthDay: string): string | undefined {
  return isoDate(Number(year), Number(monthDay.slice(0, 2)), Number(monthDay.slice(3)));
}

/** An Excel date serial (a number where a date belongs): 45473 → 2024-06-30, read in UTC. */
function serialDate(s: string): string | undefined {
  // Five digits: 1927–2173. Four digits are a year (2024), read above.
  const m = /^(\d{5})(?:\.\d+)?$/.exec(s);
  if (!m) return undefined;
  const d = serialToDate(Number(m[1]), false);
  return isoDate(d.y, d.m, d.d);
}
