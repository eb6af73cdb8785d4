/**
 * The cell type shared by the CSV and XLSX exporters, and the formula neutralization CSV applies.
 * Spreadsheet programs run a CSV text cell that starts with `=`, `+`, `-` or `@` as a formula
 * (`=HYPERLINK(...)` can leak data or run commands), so such text gets a leading `'`. XLSX cells
 * are typed as strings instead and keep their text as written (see `xlsx.ts`).
 */

/** One exported cell: text, a number (kept a number, also when negative), or empty. */
export type Cell = string | number | null;

/** Characters that make a spreadsheet program read text as a formula, plus tab, CR and LF. */
const FORMULA_START = /^[=+\-@\t\r\n]/;

/**
 * Prefix `'` to text that a spreadsheet would read as a formula; other text is returned as is.
 * @example neutralizeFormula('=SUM(A1)') // "'=SUM(A1)"
 */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
