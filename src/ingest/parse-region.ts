/**
 * Region cells: the name as written, a division code when the cell carries one
 * (`230102 道里区`, `道里区（230102）`), and whether the row is a total (合计, 全省, 全市…).
 */

/** A region read from a cell. @example { name: '道里区', code: '230102', isTotal: false } */
export interface ParsedRegion {
  name: string;
  code?: string;
  isTotal: boolean;
}

const TOTAL = /^(合计|总计|小计|汇总|总体|全省|全市|全区|全县|全国|全盟|全州|全旗|全域|全省合计|全市合计)$|合计$|总计$/;
const CODE_FIRST = /^(\d{6}|\d{9}|\d{12})\s*([\p{Script=Han}].*)$/u;
const CODE_LAST = /^(.*[\p{Script=Han}])\s*[（(](\d{6}|\d{9}|\d{12})[）)]$/u;

/**
 * True for rows that sum the others: kept, marked, left out of rankings.
 * @example isTotalName('全省') // true
 */
export function isTotalName(name: string): boolean {
  return TOTAL.test(name.replace(/\s+/g, ''));
}

/**
 * Read a region cell. The code stays text (`010101` never becomes `10101`).
 * @example parseRegion('230102 道里区') // { name: '道里区', code: '230102', isTotal: false }
 */
export function parseRegion(text: string): ParsedRegion {
  // 其中：道里区 lists a part of the total above; the prefix is not part of the name.
  const t = text.trim().replace(/^其中[:：]?\s*/, '');
  let m = CODE_FIRST.exec(t);
  if (m) return { name: m[2].trim(), code: m[1], isTotal: isTotalName(m[2]) };
  m = CODE_LAST.exec(t);
  if (m) return { name: m[1].trim(), code: m[2], isTotal: isTotalName(m[1]) };
  return { name: t, isTotal: isTotalName(t) };
}
