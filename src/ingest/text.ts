/** Small text helpers shared by the parsers. */

/**
 * Normalize a cell for parsing: NFKC (full-width digits and signs to ASCII), no spaces at all.
 * The original text is kept by the caller for display.
 * @example normalizeCell(' １２．５％ ') // '12.5%'
 */
export function normalizeCell(text: string): string {
  // NFKC leaves the minus sign U+2212 alone; Word and WPS write it for negative numbers.
  return text.normalize('NFKC').replace(/[\s\u00a0\u3000]+/g, '').replace(/\u2212/g, '-');
}

/** Superscript digits and the micro sign: how a unit is spelled (m², μg/m³, µS/cm), not noise. */
const SPELLING = /[\u00b2\u00b3\u00b9\u2070-\u2079\u00b5]/;

/**
 * A unit as the file spelled it: NFKC would write μg/m³ as μg/m3, and a unit is shown as
 * written (domain.md: normalize, but show the original). Superscripts and µ keep their form;
 * everything else is as `normalizeCell` writes it (full-width letters are an input method's,
 * not a spelling), so units still compare equal after NFKC.
 * @example unitAsWritten(' μg/m³ ') // 'μg/m³'
 */
export function unitAsWritten(text: string): string {
  if (!SPELLING.test(text)) return normalizeCell(text);
  let out = '';
  for (const ch of text.replace(/[\s\u00a0\u3000]+/g, '')) out += SPELLING.test(ch) ? ch : normalizeCell(ch);
  return out;
}

/**
 * The unit `normalized` (NFKC, ending `cell`) as `cell` spelled it, where NFKC changed only its
 * spelling; else `normalized`.
 * @example unitInCell('μg/m3', '35μg/m³') // 'μg/m³'
 */
export function unitInCell(normalized: string, cell: string): string {
  if (normalized === '' || !SPELLING.test(cell)) return normalized;
  const compact = cell.replace(/[\s\u00a0\u3000]+/g, '');
  const tail = compact.slice(compact.length - normalized.length);
  return normalizeCell(tail) === normalized ? unitAsWritten(tail) : normalized;
}

// Dashes and slashes that mean "no data" in Chinese statistical tables; NFKC has already turned
// the full-width ones (－, ／) into ASCII.
const NO_DATA = new Set(['', '-', '--', '—', '——', '–', '―', '─', '/', '…', '……', '...', '..', '×', 'x', 'X', '*', 'N/A', 'n/a', 'NA', '#N/A']);

/**
 * True when a cell means "no data" (not zero, not an error).
 * @example isNoData('—') // true
 */
export function isNoData(text: string): boolean {
  return NO_DATA.has(normalizeCell(text));
}

/**
 * Print a number without binary noise (`0.6573 * 100` → `65.73`), never with exponent for
 * ordinary magnitudes.
 * @example numberToText(65.72999999999999) // '65.73'
 */
export function numberToText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return String(Number(n.toPrecision(15)));
}

/**
 * Round away binary noise after multiplying by a unit factor.
 * @example cleanNumber(1.14 * 1e8) // 114000000
 */
export function cleanNumber(n: number): number {
  return Number.isInteger(n) ? n : Number(n.toPrecision(15));
}
