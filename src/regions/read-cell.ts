/**
 * A region cell split into a name and a division code, after NFKC (full-width digits and
 * brackets become ASCII) and with every space and separator between parts removed: `230102 道里区`, `道里区（230102）`,
 * `230102道里区`, `230102`, `230102000000`.
 */

export interface RegionCell {
  /** The name with spaces removed; empty for a bare code. */
  name: string;
  /** The 6-digit code the cell carries, if any. */
  code?: string;
  /** A code the table cannot hold: a township or village code (12 digits not ending 000000). */
  finerCode?: string;
}

const CODE = '(\\d{12}|\\d{9}|\\d{6})';
const CODE_FIRST = new RegExp(`^[\\[(【]?${CODE}[\\])】]?[-_:：、,，.]?(\\D.*)?$`);
const CODE_LAST = new RegExp(`^(.*\\D)[\\[(【]${CODE}[\\])】]$|^(.*[^\\d\\s])${CODE}$`);

/**
 * NFKC, then no spaces anywhere (the ideographic space included): `黑龙江省 哈尔滨市` is one name.
 * @example normalizeName(' 道里区（２３０１０２） ') // '道里区(230102)'
 */
export function normalizeName(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/**
 * A county-level or coarser 6-digit code from 6, 9 or 12 digits: 230102000000 → 230102. A code
 * that names a township or village (230102001000) is not one: the table stops at counties.
 */
function toSixDigits(digits: string): { code?: string; finerCode?: string } {
  if (digits.length === 6 || /^\d{6}0+$/.test(digits)) return { code: digits.slice(0, 6) };
  return { finerCode: digits };
}

/** Marks between the parts of a name: 黑龙江省/哈尔滨市/道里区, 黑龙江省-哈尔滨市, 哈尔滨市·道里区. */
const SEPARATORS = /[/\\|>·・,、;:_\-—–]+/g;

/**
 * Split a cell.
 * @example readRegionCell('道里区(230102)') // { name: '道里区', code: '230102' }
 */
export function readRegionCell(text: string): RegionCell {
  const t = normalizeName(String(text));
  const bare = (name: string) => name.replace(SEPARATORS, '');
  let m = CODE_FIRST.exec(t);
  if (m) return { name: bare(m[2] ?? ''), ...toSixDigits(m[1]) };
  m = CODE_LAST.exec(t);
  if (m) return m[1] !== undefined ? { name: bare(m[1]), ...toSixDigits(m[2]) } : { name: bare(m[3]), ...toSixDigits(m[4]) };
  return { name: bare(t) };
}
