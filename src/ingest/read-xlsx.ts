/**
 * Workbook → grid, through SheetJS loaded lazily so that the app's first bundle stays small.
 * Number formats are read: a percent-formatted 0.6573 becomes `65.73%`, a date cell becomes a
 * period (`2024-03` for `yyyy"年"m"月"`), converted from the serial number without any time zone.
 * Merged cells are filled with their top-left value so that merged headers and region cells read
 * like what the user sees.
 */
import { numberToText } from './text';
import type { Grid } from './types';

/** A workbook's sheet names and the chosen sheet's cells. @example { sheets: ['表1'], sheet: '表1', rows: [['地区']] } */
export interface WorkbookRead {
  sheets: string[];
  sheet: string;
  rows: Grid;
  /** Set when the sheet asked for does not exist. */
  missingSheet?: string;
}

type XLSXModule = typeof import('@e965/xlsx');
type Cell = import('@e965/xlsx').CellObject;

/** A format string with its quoted literals and bracketed colours removed, lower-cased. */
function formatTokens(z: string): string {
  return z.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/\\./g, '').toLowerCase();
}

/** Render a date serial at the precision its format shows: year, month or day. */
function dateText(X: XLSXModule, serial: number, z: string): string {
  const d = X.SSF.parse_date_code(serial);
  const t = formatTokens(z);
  const pad = (n: number): string => String(n).padStart(2, '0');
  // Keep the label as the user saw it when the format writes 年/月/日, else ISO.
  const chinese = z.includes('年');
  if (/d/.test(t)) return chinese ? `${d.y}年${d.m}月${d.d}日` : `${d.y}-${pad(d.m)}-${pad(d.d)}`;
  if (/m/.test(t)) return chinese ? `${d.y}年${d.m}月` : `${d.y}-${pad(d.m)}`;
  return chinese ? `${d.y}年` : String(d.y);
}

function cellText(X: XLSXModule, cell: Cell | undefined): string {
  if (!cell) return '';
  if (cell.t === 'n' && typeof cell.v === 'number') {
    const z = typeof cell.z === 'string' ? cell.z : '';
    if (z && z !== 'General' && X.SSF.is_date(z)) return dateText(X, cell.v, z);
    if (formatTokens(z).includes('%')) return `${numberToText(cell.v * 100)}%`;
    // A code stored as a number with format 000000 shows its leading zeros: keep them (010101).
    if (/^0+$/.test(z) && Number.isInteger(cell.v)) return String(cell.v).padStart(z.length, '0');
    return numberToText(cell.v);
  }
  if (cell.t === 'd' && cell.v instanceof Date) return cell.v.toISOString().slice(0, 10);
  if (cell.t === 'b') return cell.v ? 'TRUE' : 'FALSE';
  if (cell.t === 'e') return cell.w ?? '#ERROR';
  return cell.v === undefined || cell.v === null ? '' : String(cell.v);
}

/**
 * Read a workbook (`bytes`) or an HTML table saved as `.xls` (`html`, already decoded).
 * @example const wb = await readWorkbook({ bytes }); wb.rows[0]
 */
export async function readWorkbook(input: { bytes?: Uint8Array; html?: string }, sheetName?: string): Promise<WorkbookRead> {
  const X: XLSXModule = await import('@e965/xlsx');
  const wb = input.html !== undefined
    ? X.read(input.html, { type: 'string', raw: true, cellNF: true, cellDates: false, dense: true })
    : // A fresh view: SheetJS sets properties on the array it is given, and the caller's stays clean.
      // dense: rows of cells instead of one object keyed `A1`…; a 100k-row sheet reads several times faster.
      X.read((input.bytes ?? new Uint8Array()).subarray(0), { type: 'array', cellNF: true, cellDates: false, dense: true });
  const sheets = wb.SheetNames.slice();
  const missingSheet = sheetName !== undefined && !sheets.includes(sheetName) ? sheetName : undefined;
  const name = sheetName !== undefined && !missingSheet ? sheetName : firstNonEmpty(wb, sheets);
  const ws = wb.Sheets[name];
  const rows: Grid = [];
  if (ws && ws['!ref']) {
    const range = X.utils.decode_range(ws['!ref']);
    const data = ws['!data'] ?? [];
    // Rows before the used range are still rows of the sheet: keep numbering as Excel does.
    for (let r = 0; r <= range.e.r; r++) {
      const row: string[] = [];
      const cells = data[r];
      for (let c = 0; c <= range.e.c; c++) row.push(r < range.s.r ? '' : cellText(X, cells?.[c]));
      rows.push(row);
    }
    for (const m of ws['!merges'] ?? []) {
      const top = rows[m.s.r]?.[m.s.c] ?? '';
      for (let r = m.s.r; r <= m.e.r && r < rows.length; r++) {
        for (let c = m.s.c; c <= m.e.c && c < rows[r].length; c++) rows[r][c] = top;
      }
    }
  }
  return { sheets, sheet: name ?? '', rows, missingSheet };
}

function firstNonEmpty(wb: import('@e965/xlsx').WorkBook, sheets: string[]): string {
  return sheets.find((s) => wb.Sheets[s]?.['!ref'] !== undefined) ?? sheets[0] ?? '';
}
