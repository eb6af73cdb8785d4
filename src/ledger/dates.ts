/**
 * Calendar dates as `YYYY-MM-DD` strings, with arithmetic done on UTC day numbers: a deadline is
 * a day on the calendar, not an instant, so no local time zone may move it.
 */

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD` from numbers, or undefined when the day does not exist. @example isoDate(2024, 2, 29) // '2024-02-29' */
export function isoDate(year: number, month: number, day: number): string | undefined {
  if (!Number.isInteger(year) || year < 1900 || year > 2199) return undefined;
  if (!Number.isInteger(month) || month < 1 || month > 12) return undefined;
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Days in a month, leap years included. @example daysInMonth(2024, 2) // 29 */
export function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The last day of a month as `YYYY-MM-DD`. @example monthEnd(2024, 6) // '2024-06-30' */
export function monthEnd(year: number, month: number): string | undefined {
  return isoDate(year, month, month >= 1 && month <= 12 ? daysInMonth(year, month) : 1);
}

/** True for a real calendar day written `YYYY-MM-DD`. @example isIsoDate('2023-02-29') // false */
export function isIsoDate(text: string): boolean {
  const m = ISO_DAY.exec(text);
  return m !== null && isoDate(Number(m[1]), Number(m[2]), Number(m[3])) === text;
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). @example daysBetween('2024-06-30', '2024-07-12') // 12 */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayNumber(to) - dayNumber(from)) / DAY_MS);
}

function dayNumber(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
