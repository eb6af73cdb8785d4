/**
 * Where the table starts: title rows and a `单位：` line above the header, a header over 1–3 rows
 * (merged cells flattened to a path `秸秆还田/面积（万亩）`), and note rows (注：, 数据来源：,
 * 填表人) that are kept as notes, not read as data.
 */
import { parsePeriod } from './parse-period';
import { parseQuantity } from './parse-quantity';
import { unitLine } from './header-unit';
import type { Grid } from './types';

/** Where the header is and what sits above it. @example { headerRow: 2, headerRows: 1, title: ['…主要指标'], titleRow: 1, unit: '万元', notes: ['单位：万元'] } */
export interface HeaderFound {
  /** 0-based index of the first header row. */
  headerRow: number;
  headerRows: number;
  title: string[];
  /** 1-based row of the first title cell (0 when there is no title). */
  titleRow: number;
  /** The unit from a `单位：` line, if any. */
  unit?: string;
  /** The `单位：` line itself and any note rows above the header. */
  notes: string[];
}

const NOTE = /^(注|備注|备注|说明|附注|数据来源|资料来源|来源|填表人|填报人|审核人|制表人|制表|联系人|联系电话|填报日期|填表日期|负责人|单位负责人|统计负责人)\s*[:：0-9１-９、.．]|^注\s*$/;

/** `填报单位：道里区`, `填报日期：2024年`: a label and a value, above a table. */
const LABELLED = /^[\p{Script=Han}]{2,8}\s*[:：]/u;

/**
 * Rows of labelled cells (填报单位：…  填报日期：…) describe the table; they are not its header.
 * @example isMetadata(['填报单位：道里区', '填报日期：2024年']) // true
 */
export function isMetadata(row: string[]): boolean {
  const cells = distinctCells(row);
  return cells.length > 0 && cells.filter((c) => LABELLED.test(c) || unitLine(c) !== undefined).length * 2 >= cells.length;
}

/** How many rows, from `start`, the header spans (1–3). */
function headerDepth(rows: Grid, start: number): number {
  let count = 1;
  while (count < 3 && start + count < rows.length && continuesHeader(rows.slice(start, start + count), rows[start + count])) count++;
  return count;
}

/** The distinct non-empty cells of a row, trimmed. @example distinctCells(['标题', '标题', '']) // ['标题'] */
export function distinctCells(row: string[]): string[] {
  return [...new Set(row.map((c) => c.trim()).filter((c) => c !== ''))];
}

/**
 * A row that is a note (注：…, 数据来源：…, 填表人：…) rather than data: returns its text.
 * @example noteText(['注：2024年为快报数', '']) // '注：2024年为快报数'
 */
export function noteText(row: string[]): string | undefined {
  // Most rows are data: their first non-empty cell is no note label, and no set needs building.
  const first = firstFilled(row);
  if (first === undefined || startsWithDigit(first) || (!NOTE.test(first) && unitLine(first) === undefined)) return undefined;
  const cells = distinctCells(row);
  if (cells.length === 0 || cells.length > 3) return undefined;
  if (!NOTE.test(cells[0]) && unitLine(cells[0]) === undefined) return undefined;
  return cells.join(' ');
}

/** The first cell that is not blank, trimmed. */
function firstFilled(row: string[]): string | undefined {
  for (let i = 0; i < row.length; i++) {
    const cell = row[i].trim();
    if (cell !== '') return cell;
  }
  return undefined;
}

/**
 * A cell starting with a digit (a code, a year, a value: the first cell of most data rows) is
 * neither a note label nor a `单位：` line, which all start with a letter or a bracket: the two
 * patterns need not be tried on it.
 */
function startsWithDigit(cell: string): boolean {
  const c = cell.charCodeAt(0);
  return c >= 48 && c <= 57;
}

function looksNumeric(cell: string): boolean {
  return parsePeriod(cell) === null && parseQuantity(cell).status === 'ok';
}

/** Is column `i` one label merged down through every header row so far (blank or repeated below it)? */
function mergedDown(above: string[][], i: number): boolean {
  const top = above[0][i];
  return above.slice(1).every((r) => (r[i] ?? '').trim() === '' || r[i] === top);
}

/** Does `row` continue the header rows `above` (as a second or third merged header row)? */
function continuesHeader(above: string[][], row: string[]): boolean {
  const prev = above[above.length - 1];
  if (distinctCells(row).length === 0 || noteText(row) !== undefined) return false;
  if (row.some((c) => c.trim() !== '' && looksNumeric(c))) return false;
  const spans = prev.some((c, i) => {
    if (i === 0) return false;
    const here = c.trim();
    const left = prev[i - 1].trim();
    return (here === '' && prev.slice(0, i).some((p) => p.trim() !== '')) || (here !== '' && here === left);
  });
  // Some column merged down from above: blank here (CSV) or repeated (XLSX), e.g. 地区.
  const under = above.some((upper) => upper.some((p, i) => p.trim() !== '' && ((row[i] ?? '').trim() === '' || row[i] === p)));
  // A column merged down through two header rows (地区 over a blank, or repeated) stays merged in a
  // third: new text there (道里区) starts the body, whatever the row's numbers look like — counts
  // such as 巡河次数 1520 read as years and would not stop it otherwise.
  if (above.length >= 2 && above[0].some((p, i) => p.trim() !== '' && mergedDown(above, i) && (row[i] ?? '').trim() !== '' && row[i] !== p)) return false;
  const adds = row.some((c, i) => c.trim() !== '' && c !== prev[i]);
  return spans && under && adds;
}

/**
 * Find the header. `headerRow` (1-based) and `headerRows` override the guess.
 * @example findHeader([['表1 主要指标'], ['地区', '2024年'], ['道里区', '6.04']]).headerRow // 1
 */
export function findHeader(rows: Grid, headerRow?: number, headerRows?: number): HeaderFound {
  const limit = Math.min(rows.length, 30);
  let typical = 0;
  for (let r = 0; r < Math.min(rows.length, 60); r++) {
    if (noteText(rows[r]) === undefined) typical = Math.max(typical, distinctCells(rows[r]).length);
  }
  let start = headerRow !== undefined ? Math.max(0, headerRow - 1) : -1;
  let count = headerRows !== undefined ? Math.min(3, Math.max(1, headerRows)) : 1;
  if (start < 0) {
    const need = Math.min(Math.max(2, Math.ceil(typical * 0.5)), typical);
    start = 0;
    for (let r = 0; r < limit; r++) {
      if (noteText(rows[r]) !== undefined || isMetadata(rows[r]) || distinctCells(rows[r]).length < Math.min(2, typical)) continue;
      // A header merged over several rows counts its parts together: `地区 | 2023年 | | 2024年 |`.
      const depth = headerRows ?? headerDepth(rows, r);
      if (distinctCells(rows.slice(r, r + depth).flat()).length >= need) {
        start = r;
        break;
      }
    }
  }
  if (headerRows === undefined) count = headerDepth(rows, start);
  const title: string[] = [];
  const notes: string[] = [];
  let unit: string | undefined;
  let titleRow = 0;
  for (let r = 0; r < start; r++) {
    for (const cell of distinctCells(rows[r])) {
      const u = unitLine(cell);
      if (u !== undefined) {
        unit = u;
        notes.push(cell);
      } else if (NOTE.test(cell) || LABELLED.test(cell)) notes.push(cell);
      else {
        title.push(cell);
        if (titleRow === 0) titleRow = r + 1;
        // 主要指标（单位：万元）: a unit given inside the title.
        const inTitle = /[（(]\s*(?:计量)?单位[:：]\s*([^（）()]{1,12})[）)]/.exec(cell);
        if (inTitle && unit === undefined) unit = inTitle[1].trim();
      }
    }
  }
  return { headerRow: start, headerRows: count, title, titleRow, unit, notes };
}

/**
 * Flatten 1–3 header rows into one header per column: cells merged across columns (blank in CSV,
 * repeated in XLSX) fill rightwards in the upper rows, repeated parts are dropped, the rest are
 * joined with `/`. Blank headers become `列N`; repeated headers get ` (2)`, ` (3)`.
 * @example flattenHeader([['地区', '秸秆还田', ''], ['', '面积（万亩）', '量（吨）']]) // ['地区', '秸秆还田/面积（万亩）', '秸秆还田/量（吨）']
 */
export function flattenHeader(headerRows: Grid, width: number): string[] {
  const filled = headerRows.map((row, level) => {
    const out: string[] = [];
    for (let c = 0; c < width; c++) {
      // Alt+Enter line breaks inside a header cell (`保护性耕作\n面积（万亩）`) are layout, not text.
      const v = (row[c] ?? '').replace(/\s*[\r\n]+\s*/g, '').replace(/\s+/g, ' ').trim();
      const upper = level < headerRows.length - 1;
      // Only fill rightwards under a cell that spans: the row below must have its own text here.
      const below = headerRows[level + 1]?.[c]?.trim() ?? '';
      out.push(v === '' && upper && c > 0 && below !== '' ? out[c - 1] : v);
    }
    return out;
  });
  const seen = new Map<string, number>();
  const headers: string[] = [];
  for (let c = 0; c < width; c++) {
    const parts: string[] = [];
    for (const row of filled) if (row[c] !== '' && parts[parts.length - 1] !== row[c]) parts.push(row[c]);
    let h = parts.join('/') || `列${c + 1}`;
    const n = (seen.get(h) ?? 0) + 1;
    seen.set(h, n);
    if (n > 1) h = `${h} (${n})`;
    headers.push(h);
  }
  return headers;
}
