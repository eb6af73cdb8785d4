/**
 * Workbook → grid. An `.xlsx` goes through our own reader (xlsx/read-xlsx-fast.ts, several times faster
 * on large sheets); `.xls`, HTML tables saved as `.xls`, and any `.xlsx` our reader declines go
 * through SheetJS, loaded lazily so that the app's first bundle stays small.
 * Number formats are read: a percent-formatted 0.6573 becomes `65.73%`, a date cell becomes a
 * period (`2024-03` for `yyyy"年"m"月"`), converted from the serial number without any time zone.
 * Merged cells are filled with their top-left value so that merged headers and region cells read
 * like what the user sees.
 */
import { fillMerges } from './fill-merges';
import { pickSheet, type SheetChoice } from '../holds-table';
import { readXlsxFast } from './read-xlsx-fast';
import type { Grid } from '../types';
import { numberCellText } from './number-format';
import { ZipEntryTooLarge } from '../zip-entries';

/** A workbook's sheet names and the chosen sheet's cells. @example { sheets: ['表1'], sheet: '表1', rows: [['地区']] } */
export interface WorkbookRead {
  sheets: string[];
  sheet: string;
  rows: Grid;
  /** Set when the sheet asked for does not exist. */
  missingSheet?: string;
  /** Why this sheet: asked for, the first holding a table (and which came before), or the first with cells. */
  choice?: SheetChoice;
}

type XLSXModule = typeof import('@e965/xlsx');
type Cell = import('@e965/xlsx').CellObject;

function cellText(cell: Cell | undefined, date1904: boolean): string {
  if (!cell) return '';
  if (cell.t === 'n' && typeof cell.v === 'number') return numberCellText(cell.v, typeof cell.z === 'string' ? cell.z : '', date1904);
  if (cell.t === 'd' && cell.v instanceof Date) return cell.v.toISOString().slice(0, 10);
  if (cell.t === 'b') return cell.v ? 'TRUE' : 'FALSE';
  if (cell.t === 'e') return cell.w ?? '#ERROR';
  return cell.v === undefined || cell.v === null ? '' : String(cell.v);
}

/**
 * Read a workbook (`bytes`) or an HTML table saved as `.xls` (`html`, already decoded).
 * @example const wb = await readWorkbook({ bytes }); wb.rows[0]
 */
export async function readWorkbook(
  input: { bytes?: Uint8Array; html?: string },
  sheetName?: string,
  onProgress?: (done: number, total: number) => void,
): Promise<WorkbookRead> {
  // A ZIP (PK\x03\x04) may be an .xlsx our reader handles; a damaged one still gets SheetJS's try.
  const bytes = input.bytes;
  if (input.html === undefined && bytes && bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const fast = await readXlsxFast(bytes, sheetName, undefined, onProgress).catch((error: unknown) => {
      // A part too large to hold is refused outright: SheetJS would try to inflate all of it.
      if (error instanceof ZipEntryTooLarge) throw error;
      return undefined;
    });
    if (fast) return fast;
  }
  return readWithSheetJS(input, sheetName);
}

/**
 * Any workbook SheetJS reads (`.xls`, `.xlsb`, `.ods`, HTML tables), read densely: the fallback of
 * `readWorkbook`, and what tests compare our own reader with.
 * @example const wb = await readWithSheetJS({ bytes }); wb.sheets
 */
export async function readWithSheetJS(input: { bytes?: Uint8Array; html?: string }, sheetName?: string): Promise<WorkbookRead> {
  const X: XLSXModule = await import('@e965/xlsx');
  const wb = input.html !== undefined
    ? X.read(input.html, { type: 'string', raw: true, cellNF: true, cellDates: false, dense: true })
    : // A fresh view: SheetJS sets properties on the array it is given, and the caller's stays clean.
      // dense: rows of cells instead of one object keyed `A1`…; a 100k-row sheet reads several times faster.
      // nodim: the sheet's size from its cells, not its `<dimension>`, which WPS sometimes writes
      // wrong (A1:B2 over five columns): Excel ignores it, and SheetJS would cut the sheet to it.
      X.read((input.bytes ?? new Uint8Array()).subarray(0), { type: 'array', cellNF: true, cellDates: false, dense: true, cellFormula: false, cellHTML: false, nodim: true });
  const sheets = wb.SheetNames.slice();
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const hidden = sheets.map((_s, i) => Boolean(wb.Workbook?.Sheets?.[i]?.Hidden));
  const picked = await pickSheet(sheets, sheetName, (index) => Promise.resolve(sheetRows(X, wb.Sheets[sheets[index]], date1904)), hidden);
  const index = picked?.index ?? 0;
  return { sheets, sheet: sheets[index] ?? '', rows: picked?.rows ?? [], missingSheet: picked?.missingSheet, choice: picked?.choice };
}

/** One SheetJS sheet as a grid of cell text from sheet row 1, merges filled. */
function sheetRows(X: XLSXModule, ws: import('@e965/xlsx').WorkSheet | undefined, date1904: boolean): Grid {
  const rows: Grid = [];
  if (ws && ws['!ref']) {
    const range = X.utils.decode_range(ws['!ref']);
    const data = ws['!data'] ?? [];
    // Rows before the used range are still rows of the sheet: keep numbering as Excel does.
    for (let r = 0; r <= range.e.r; r++) {
      const row: string[] = [];
      const cells = data[r];
      for (let c = 0; c <= range.e.c; c++) row.push(r < range.s.r ? '' : cellText(cells?.[c], date1904));
      rows.push(row);
    }
    fillMerges(rows, ws['!merges'] ?? []);
  }
  return rows;
}
