// RFC 4180 CSV text for the data generators: CRLF line ends, fields quoted only when they hold a
// comma, quote or line break, and a UTF-8 BOM so that Chinese Excel opens the file as UTF-8.

const NEEDS_QUOTES = /[",\r\n]/;

/**
 * Renders rows of string fields as CSV text starting with a BOM.
 * @example toCsv([['地区', '数值'], ['乌海市', '1,2']]) // '\uFEFF地区,数值\r\n乌海市,"1,2"\r\n'
 */
export function toCsv(rows) {
  const lines = rows.map((row) =>
    row.map((field) => (NEEDS_QUOTES.test(field) ? `"${field.replaceAll('"', '""')}"` : field)).join(','),
  );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
