/**
 * A region cell split into a name and a division code: `230102 道里区`, `道里区（230102）`,
 * `230102道里区`, `230102`, `230102000000`. Before that: NFKC (full-width digits and brackets
 * become ASCII), no spaces, no separators between parts (黑龙江省/哈尔滨市/道里区), and no marks
 * tables put on a row (`其中：`, `#`, `*`, footnote numbers like ①).
 */

export interface RegionCell {
  /** The name as the table would write it, parts run together; empty for a bare code. */
  name: string;
  /** The 6-digit code the cell carries, if any. */
  code?: string;
  /** A code the table cannot hold: a township or village code (12 digits not ending 000000). */
  finerCode?: string;
}

const CODE = '(\\d{12}|\\d{9}|\\d{6})';
const CODE_FIRST = new RegExp(`^[\\[(【]?${CODE}[\\])】]?(\\D.*)?$`);
const CODE_LAST = new RegExp(`^(.*\\D)[\\[(【]${CODE}[\\])】]$|^(.*\\D)${CODE}$`);

/** Marks between the parts of a name: 黑龙江省/哈尔滨市/道里区, 黑龙江省-哈尔滨市, 哈尔滨市·道里区. */
const SEPARATORS = /[/\\|>·・,、;:_\-—–]+/g;

/** Footnote numbers (①, ⑴, ❶): NFKC would turn them into digits that look like part of a code. */
const FOOTNOTE_NUMBERS = /[\u2460-\u24ff\u2776-\u2793]/g;

/** 其中：道里区 lists a part of the row above; #道里区 and 道里区* mark rows the same way or a note. */
const ROW_MARKS = /^(其中:?|[#*※])+|[#*※†‡]+$/g;

/** Quotes round a name pasted from a document ("道里区", “道里区”, 「道里区」) and a sentence's full stop after it. */
const QUOTES = /^["'“”‘’「」『』]+|["'“”‘’「」『』。.]+$/g;

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

/**
 * Split a cell.
 * @example readRegionCell('道里区(230102)') // { name: '道里区', code: '230102' }
 */
export function readRegionCell(text: string): RegionCell {
  const t = normalizeName(String(text).replace(FOOTNOTE_NUMBERS, '')).replace(QUOTES, '').replace(SEPARATORS, '').replace(ROW_MARKS, '');
  let m = CODE_FIRST.exec(t);
  if (m) return { name: m[2] ?? '', ...toSixDigits(m[1]) };
  m = CODE_LAST.exec(t);
  if (m) return m[1] !== undefined ? { name: m[1], ...toSixDigits(m[2]) } : { name: m[3], ...toSixDigits(m[4]) };
  return { name: t };
}
