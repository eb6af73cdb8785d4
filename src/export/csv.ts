/**
 * CSV export of the data behind a chart: UTF-8 with a BOM (so Chinese Excel opens it without
 * garbling), CRLF line ends and RFC 4180 quoting, with formula-looking text neutralized.
 */
import { neutralizeFormula, type Cell } from './cell';

/** Quote a field when it holds a quote, comma or line break (RFC 4180); quotes are doubled. */
function quoteField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function formatCell(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') {
    // NaN and ±Infinity are not values a spreadsheet can hold; an empty cell says "no data".
    return Number.isFinite(cell) ? String(cell) : '';
  }
  return quoteField(neutralizeFormula(cell));
}

/**
 * Rows → CSV text starting with U+FEFF, every row ended by CRLF. Numbers stay bare numbers (`-3.5`);
 * text that starts with `= + - @`, tab, CR or LF gets a leading `'`.
 * @example toCsv([['地区', '数值'], ['道里区', -3.5]]) // '\uFEFF地区,数值\r\n道里区,-3.5\r\n'
 */
export function toCsv(rows: readonly (readonly Cell[])[]): string {
  let out = '\uFEFF';
  for (const row of rows) out += row.map(formatCell).join(',') + '\r\n';
  return out;
}

/**
 * Rows → UTF-8 bytes of `toCsv`, beginning with the BOM bytes EF BB BF.
 * @example toCsvBytes([['a']]) // Uint8Array [0xef, 0xbb, 0xbf, 0x61, 0x0d, 0x0a]
 */
export function toCsvBytes(rows: readonly (readonly Cell[])[]): Uint8Array {
  return new TextEncoder().encode(toCsv(rows));
}
