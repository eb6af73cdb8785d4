/**
 * One clock for every date the app shows or writes (export footnotes, backup file names, 导入时间):
 * the calendar in the user's own time zone, the browser's. Before, footnotes and backup names used
 * Beijing time while the datasets page used the browser's zone, so one export could be dated a day
 * apart from the import time shown beside it. Instants are stored as ISO strings in UTC; only
 * their display goes through here.
 */

const days = new Map<string, Intl.DateTimeFormat>();

/** A day formatter per zone (`''` is the browser's), made once: building one costs ~0.1 ms. */
function dayFormat(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let f = days.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    days.set(key, f);
  }
  return f;
}

/**
 * The calendar day of an ISO instant as `YYYY-MM-DD`, in the user's time zone (or `timeZone`,
 * which tests pass). Throws a RangeError on text that is not a date: a programming error here,
 * since instants come from `new Date().toISOString()`.
 * @example localDay('2026-11-24T17:00:00Z', 'Asia/Shanghai') // '2026-11-25'
 */
export function localDay(iso: string, timeZone?: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) throw new RangeError(`not an ISO date: ${iso.slice(0, 40)}`);
  const parts = dayFormat(timeZone).formatToParts(time);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
