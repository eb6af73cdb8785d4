/**
 * Bytes (or pasted text) → a grid of cell text, whatever the format, plus what was learnt on the
 * way: the encoding, the sheets, and problems such as an unbalanced quote.
 */
import { decodeBytes } from './decode';
import { detectDelimiter } from './detect-delimiter';
import { readCsv, type ReadProblem } from './read-csv';
import { readJsonTable, type JsonTable } from './read-json';
import { readWithSheetJS, readWorkbook, type WorkbookRead } from './xlsx/read-xlsx';
import type { SheetChoice } from './holds-table';
import type { Grid, IngestFormat } from './types';

/** A file read into cells. @example { grid: [['地区']], encoding: 'utf-8', sheets: [], problems: [] } */
export interface SourceRead {
  grid: Grid;
  encoding: string;
  sheets: string[];
  sheet?: string;
  /** Why `sheet` was read. */
  sheetChoice?: SheetChoice;
  /** For JSON: where the records were and which tables there were. */
  json?: { path: string; tables: JsonTable[] };
  problems: ReadProblem[];
  /** File-level problems, as issue codes with params. */
  fileProblems: { code: string; severity: 'error' | 'warning'; params: Record<string, string | number> }[];
  /** True when the rows came from delimited text, where ragged rows mean something. */
  delimited: boolean;
}

/**
 * Read delimited text (a decoded CSV/TSV, or text pasted from a spreadsheet).
 * @example readDelimited('地区\t2024年\n道里区\t6.04', true).grid[1] // ['道里区', '6.04']
 */
export function readDelimited(text: string, preferTab: boolean): Pick<SourceRead, 'grid' | 'problems'> {
  // Excel's `sep=;` first line names the delimiter and is not shown as a row.
  const sep = /^sep=(.)\r?\n/.exec(text);
  const body = sep ? text.slice(sep[0].length) : text;
  const delimiter = sep ? sep[1] : detectDelimiter(body, preferTab);
  const { rows, problems } = readCsv(body, delimiter);
  return { grid: rows, problems };
}

/**
 * Read a file of any supported format into a grid. Throws only when the file as a whole cannot be
 * read; the caller turns that into a file-level issue.
 * @example await readSource({ name: 'a.csv', bytes }, 'csv', {})
 */
export async function readSource(
  input: { name: string; bytes: Uint8Array },
  format: IngestFormat,
  options: { encoding?: string; sheet?: string; jsonPath?: string; onProgress?: (done: number, total: number) => void },
): Promise<SourceRead> {
  const base: SourceRead = { grid: [], encoding: '', sheets: [], problems: [], fileProblems: [], delimited: false };
  if (format === 'xlsx' || format === 'xls' || format === 'ods') {
    const parseStart = performance.now();
    // OpenDocument goes straight to SheetJS: our own reader reads OOXML only.
    const wb = format === 'ods' ? await readWithSheetJS({ bytes: input.bytes }, options.sheet) : await readWorkbook({ bytes: input.bytes }, options.sheet, options.onProgress);
    performance.measure('import:parse', { start: parseStart });
    return withSheet(base, wb, 'binary', options.sheet);
  }
  const decodeStart = performance.now();
  const decoded = decodeBytes(input.bytes, options.encoding);
  // Cheap, permanent: the import worker passes these measures on to the page for the benchmark.
  performance.measure('import:decode', { start: decodeStart });
  if (decoded.text.includes('\uFFFD')) base.fileProblems.push({ code: 'replacement_chars', severity: 'warning', params: { encoding: decoded.encoding } });
  base.encoding = decoded.encoding;
  if (format === 'html') {
    const wb = await readWorkbook({ html: decoded.text }, options.sheet);
    return withSheet(base, wb, decoded.encoding, options.sheet);
  }
  if (format === 'json') {
    const read = readJsonTable(decoded.text, options.jsonPath);
    if (read === null) {
      base.fileProblems.push({ code: 'bad_json', severity: 'error', params: { name: input.name } });
      return base;
    }
    if (read.missingPath !== undefined) base.fileProblems.push({ code: 'json_path_not_found', severity: 'warning', params: { path: read.missingPath, used: read.path } });
    for (const c of read.numberCodes) base.fileProblems.push({ code: 'json_number_code', severity: 'warning', params: { ...c } });
    return { ...base, grid: read.grid, json: { path: read.path, tables: read.tables } };
  }
  const parseStart = performance.now();
  const { grid, problems } = readDelimited(decoded.text, format === 'tsv' || format === 'txt' || format === 'text');
  performance.measure('import:parse', { start: parseStart });
  return { ...base, grid, problems, delimited: true };
}

function withSheet(base: SourceRead, wb: WorkbookRead, encoding: string, asked?: string): SourceRead {
  const out: SourceRead = { ...base, grid: wb.rows, encoding, sheets: wb.sheets, sheet: wb.sheet };
  if (wb.choice !== undefined) out.sheetChoice = wb.choice;
  if (wb.missingSheet !== undefined) out.fileProblems.push({ code: 'sheet_not_found', severity: 'warning', params: { sheet: asked ?? '', used: wb.sheet } });
  return out;
}
