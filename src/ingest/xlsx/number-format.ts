/**
 * A numeric spreadsheet cell as the text the user sees, from its value and number format: dates at
 * the precision the format shows (from the serial number, never through local time), percents,
 * zero-padded codes. Shared by the own XLSX reader and the SheetJS path so both read alike.
 */
import { numberToText } from '../text';

/**
 * Excel's built-in number formats by id, for styles that name an id without a format code. The
 * ids 27–36 and 50–58 depend on the locale; these are their zh-CN meanings (SheetJS reads them as
 * `m/d/yy`, which would turn 2024年3月 into a day).
 * @example BUILTIN_FORMATS.get(14) // 'm/d/yy'
 */
export const BUILTIN_FORMATS: ReadonlyMap<number, string> = new Map([
  [0, 'General'], [1, '0'], [2, '0.00'], [3, '#,##0'], [4, '#,##0.00'],
  [9, '0%'], [10, '0.00%'], [11, '0.00E+00'], [12, '# ?/?'], [13, '# ??/??'],
  [14, 'm/d/yy'], [15, 'd-mmm-yy'], [16, 'd-mmm'], [17, 'mmm-yy'],
  [18, 'h:mm AM/PM'], [19, 'h:mm:ss AM/PM'], [20, 'h:mm'], [21, 'h:mm:ss'], [22, 'm/d/yy h:mm'],
  [27, 'yyyy"年"m"月"'], [28, 'm"月"d"日"'], [29, 'm"月"d"日"'], [30, 'm-d-yy'], [31, 'yyyy"年"m"月"d"日"'],
  [32, 'h"时"mm"分"'], [33, 'h"时"mm"分"ss"秒"'], [34, '上午/下午h"时"mm"分"'], [35, '上午/下午h"时"mm"分"ss"秒"'],
  [36, 'yyyy"年"m"月"'],
  [37, '#,##0 ;(#,##0)'], [38, '#,##0 ;[Red](#,##0)'], [39, '#,##0.00;(#,##0.00)'], [40, '#,##0.00;[Red](#,##0.00)'],
  [45, 'mm:ss'], [46, '[h]:mm:ss'], [47, 'mmss.0'], [48, '##0.0E+0'], [49, '@'],
  [50, 'yyyy"年"m"月"'], [51, 'm"月"d"日"'], [52, 'yyyy"年"m"月"'], [53, 'm"月"d"日"'], [54, 'm"月"d"日"'],
  [55, '上午/下午h"时"mm"分"'], [56, '上午/下午h"时"mm"分"ss"秒"'], [57, 'yyyy"年"m"月"'], [58, 'm"月"d"日"'],
]);

const ABSOLUTE_TIME = /\[[HhMmSs\u0E0A\u0E19\u0E17]*\]/;
const NUMBER_PART = '0#?.,E+-%';

/**
 * True when a number format shows a date or time. Follows SheetJS's `SSF.is_date` token walk:
 * quoted literals, escapes and `General` are skipped; any y/m/d/h/s/e/g/b, AM/PM, 上午/下午 or
 * `[h]` counts.
 * @example isDateFormat('yyyy"年"m"月"') // true
 */
export function isDateFormat(fmt: string): boolean {
  let i = 0;
  while (i < fmt.length) {
    const c = fmt.charAt(i);
    switch (c) {
      case 'G':
      case 'g':
        if (fmt.slice(i, i + 7).toLowerCase() === 'general') i += 7;
        else if (c === 'g') return true;
        else i++;
        break;
      case '"':
        i++;
        while (i < fmt.length && fmt.charCodeAt(i) !== 34) i++;
        i++;
        break;
      case '\\':
      case '_':
        i += 2;
        break;
      case 'A':
      case 'a':
      case '上':
        if (fmt.slice(i, i + 3).toUpperCase() === 'A/P' || fmt.slice(i, i + 5).toUpperCase() === 'AM/PM' || fmt.slice(i, i + 5) === '上午/下午') return true;
        i++;
        break;
      case '[': {
        const end = fmt.indexOf(']', i);
        const bracket = end < 0 ? fmt.slice(i) : fmt.slice(i, end + 1);
        if (ABSOLUTE_TIME.test(bracket)) return true;
        i = end < 0 ? fmt.length : end + 1;
        break;
      }
      case '.':
      case '0':
      case '#':
        i++;
        while (i < fmt.length && (NUMBER_PART.includes(fmt.charAt(i)) || (fmt.charAt(i) === '\\' && fmt.charAt(i + 1) === '-' && '0#'.includes(fmt.charAt(i + 2))))) i++;
        break;
      case '?':
        while (fmt.charAt(++i) === '?');
        break;
      case '*':
        i++;
        if (fmt.charAt(i) === ' ' || fmt.charAt(i) === '*') i++;
        break;
      default:
        if ('BMDYHSEbmdyhse'.includes(c)) return true;
        i++;
    }
  }
  return false;
}

/** A format string with its quoted literals, bracketed colours and escapes removed, lower-cased. */
function formatTokens(z: string): string {
  return z.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/\\./g, '').toLowerCase();
}

/**
 * Year, month and day of an Excel date serial, by calendar arithmetic in UTC (no time zone can
 * move it). Keeps Excel's fictitious 1900-02-29 (serial 60), and rounds 23:59:59.9999 up to the
 * next day as Excel and SheetJS do.
 * @example serialToDate(45505, false) // { y: 2024, m: 8, d: 1 }
 */
export function serialToDate(serial: number, date1904: boolean): { y: number; m: number; d: number } {
  let day = Math.floor(serial);
  if (86400 * (serial - day) > 86399.9999) day++;
  if (date1904) day += 1462;
  if (day === 60) return { y: 1900, m: 2, d: 29 };
  if (day === 0) return { y: 1900, m: 1, d: 0 };
  // Serials after the fictitious leap day count from 1899-12-30, those before it from 1899-12-31.
  const t = Date.UTC(1899, 11, day > 60 ? 30 : 31) + day * 86_400_000;
  const date = new Date(t);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

/** Render a date serial at the precision its format shows: year, month or day. */
function dateText(serial: number, z: string, date1904: boolean): string {
  const d = serialToDate(serial, date1904);
  const t = formatTokens(z);
  const pad = (n: number): string => String(n).padStart(2, '0');
  // Keep the label as the user saw it when the format writes 年/月/日, else ISO.
  const chinese = z.includes('年');
  if (/d/.test(t)) return chinese ? `${d.y}年${d.m}月${d.d}日` : `${d.y}-${pad(d.m)}-${pad(d.d)}`;
  if (/m/.test(t)) return chinese ? `${d.y}年${d.m}月` : `${d.y}-${pad(d.m)}`;
  return chinese ? `${d.y}年` : String(d.y);
}

/**
 * The text of a numeric cell with format `z` ('' or `General` for none).
 * @example numberCellText(0.6573, '0.00%', false) // '65.73%'
 */
export function numberCellText(v: number, z: string, date1904: boolean): string {
  if (z === '' || z.toLowerCase() === 'general') return numberToText(v);
  // Serials outside Excel's calendar (negative, after 9999-12-31) are not dates.
  if (v >= 0 && v <= 2958465 && isDateFormat(z)) return dateText(v, z, date1904);
  if (formatTokens(z).includes('%')) return `${numberToText(v * 100)}%`;
  // A code stored as a number with format 000000 shows its leading zeros: keep them (010101).
  if (/^0+$/.test(z) && Number.isInteger(v)) return String(v).padStart(z.length, '0');
  return numberToText(v);
}
