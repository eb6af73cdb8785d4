/**
 * Chinese numerals as offices write them in dates: 六月, 十二月, 三十日, 二〇二四年, 第一季度.
 * Only what dates need (0–99 and digit-by-digit years).
 */

const DIGITS: Record<string, number> = { 〇: 0, 零: 0, O: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/**
 * A number from 0 to 99 written in Chinese numerals, or undefined.
 * @example cnNumber('十二') // 12
 */
export function cnNumber(text: string): number | undefined {
  const m = /^([一二两三四五六七八九])?(十)?([〇零一二三四五六七八九])?$/.exec(text);
  if (!m || text === '') return undefined;
  if (m[2] === undefined) return m[1] !== undefined && m[3] === undefined ? DIGITS[m[1]] : undefined;
  return (m[1] !== undefined ? DIGITS[m[1]] : 1) * 10 + (m[3] !== undefined ? DIGITS[m[3]] : 0);
}

/**
 * Replace Chinese numerals in date text by digits: a year written digit by digit (二〇二四年),
 * months, days and quarters (六月, 三十日, 第一季度).
 * @example digitsInDate('二〇二四年六月底') // '2024年6月底'
 */
export function digitsInDate(text: string): string {
  return text
    .replace(/([〇零O一二三四五六七八九]{4})(?=年)/g, (y) => [...y].map((c) => String(DIGITS[c])).join(''))
    .replace(/([一二两三四五六七八九十〇零]{1,3})(?=月|日|号|季度|季)/g, (n) => {
      const v = cnNumber(n);
      return v === undefined ? n : String(v);
    });
}
