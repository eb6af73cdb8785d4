/**
 * XLSX export of the data behind a chart. SheetJS is loaded lazily (it is large and only needed
 * when the user exports). Every cell is written with an explicit type and never as a formula, so
 * text is kept exactly as written: a cell typed as a string (`t: 's'`) cannot run as a formula,
 * and the `'` that CSV needs would become part of the name here (`'=1+2`).
 */
import type { CellObject, WorkBook, WorkSheet } from '@e965/xlsx';
import type { Cell } from './cell';
import { uniqueSheetNames } from './sheet-name';

/** One sheet of an export: its name (sanitized on write) and its rows, header row first. */
export interface SheetData {
  name: string;
  rows: readonly (readonly Cell[])[];
}

/** Excel refuses text cells longer than this. */
const MAX_CELL_TEXT = 32767;

function toCellObject(cell: Cell): CellObject | null {
  if (cell === null) return null;
  if (typeof cell === 'number') return Number.isFinite(cell) ? { t: 'n', v: cell } : null;
  const text = Array.from(cell).slice(0, MAX_CELL_TEXT).join('');
  return { t: 's', v: text };
}

/**
 * Sheets → the bytes of an .xlsx file. Text cells are `t: 's'` with the text as written, numbers
 * `t: 'n'`; `f` is never set.
 * Sheet names are made valid and unique; an empty list gives one empty sheet.
 * @example await toXlsx([{ name: '面积', rows: [['地区', '数值'], ['道里区', 6.04]] }])
 */
export async function toXlsx(sheets: readonly SheetData[]): Promise<Uint8Array> {
  const XLSX = await import('@e965/xlsx');
  const list = sheets.length > 0 ? sheets : [{ name: 'Sheet1', rows: [] }];
  const names = uniqueSheetNames(list.map((s) => s.name));
  // Sheet names come from user titles: a null-prototype map keeps `__proto__` an ordinary name.
  const book: WorkBook = { SheetNames: names, Sheets: Object.create(null) as WorkBook['Sheets'] };
  list.forEach((sheet, index) => {
    const ws = Object.create(null) as WorkSheet;
    let lastRow = 0;
    let lastCol = 0;
    sheet.rows.forEach((row, r) => {
      row.forEach((cell, c) => {
        const obj = toCellObject(cell);
        if (obj === null) return;
        ws[XLSX.utils.encode_cell({ r, c })] = obj;
        lastRow = Math.max(lastRow, r);
        lastCol = Math.max(lastCol, c);
      });
    });
    ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: lastRow, c: lastCol } });
    book.Sheets[names[index]] = ws;
  });
  const out: ArrayBuffer = XLSX.write(book, { type: 'array', bookType: 'xlsx', compression: true });
  return new Uint8Array(out);
}
