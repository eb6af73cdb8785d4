/**
 * Text → grid of cells, with PapaParse on text we decoded ourselves (`dynamicTyping` off, so
 * `010101` stays text). An unbalanced quote would swallow the rest of the file into one cell; we
 * report it and read that line as plain fields instead, then carry on.
 */
import Papa from 'papaparse';
import type { Grid } from './types';

/** A problem the reader saw, before it becomes an issue. @example { code: 'unbalanced_quote', row: 5, raw: '"道里区,6.04' } */
export interface ReadProblem {
  code: 'unbalanced_quote';
  /** 1-based row. */
  row: number;
  raw: string;
}

/** Rows and what went wrong reading them. @example readCsv('a,b\n1,2', ',').rows.length // 2 */
export interface CsvRead {
  rows: Grid;
  problems: ReadProblem[];
}

/** The line ending rows are split at. */
export type LineEnding = '\r\n' | '\n' | '\r';

/**
 * One line ending for the whole file, so that chunks split after a broken line agree.
 * @example lineEndingOf('a\r\nb') // '\r\n'
 */
export function lineEndingOf(text: string): LineEnding {
  return text.includes('\r\n') ? '\r\n' : text.includes('\n') ? '\n' : '\r';
}

function parseChunk(text: string, delimiter: string, newline: LineEnding): { data: string[][]; quoteError?: number } {
  const out = Papa.parse<string[]>(text, { delimiter, newline, dynamicTyping: false, header: false, skipEmptyLines: false });
  const quote = out.errors.find((e) => e.code === 'MissingQuotes');
  return { data: out.data, quoteError: quote?.index };
}

/**
 * Parse delimited text. Row numbers in problems are 1-based, as a spreadsheet numbers rows.
 * `newline` is the file's line ending when `text` is one piece of it (see ingest-stream.ts).
 * @example readCsv('地区,值\n道里区,6.04', ',').rows // [['地区', '值'], ['道里区', '6.04']]
 */
export function readCsv(text: string, delimiter: string, newline: LineEnding = lineEndingOf(text)): CsvRead {
  const rows: Grid = [];
  const problems: ReadProblem[] = [];
  let rest = text;
  while (rest.length > 0) {
    const { data, quoteError } = parseChunk(rest, delimiter, newline);
    if (quoteError === undefined) {
      appendAll(rows, unwrapTextFormulas(trimFinalEmpty(data)));
      break;
    }
    // Keep what came before the broken line, read the broken line literally, parse what follows.
    const lineStart = rest.lastIndexOf('\n', quoteError - 1) + 1;
    const nl = rest.indexOf('\n', quoteError);
    const lineEnd = nl < 0 ? rest.length : nl;
    const before = lineStart > 0 ? parseChunk(rest.slice(0, lineStart - 1).replace(/\r$/, ''), delimiter, newline).data : [];
    appendAll(rows, before);
    const line = rest.slice(lineStart, lineEnd).replace(/\r$/, '');
    problems.push({ code: 'unbalanced_quote', row: rows.length + 1, raw: line.slice(0, 120) });
    rows.push(line.split(delimiter).map((cell) => cell.replace(/^"|"$/g, '')));
    rest = nl < 0 ? '' : rest.slice(nl + 1);
  }
  return { rows, problems };
}

/**
 * `="010101"` is how spreadsheets are told to keep a code as text: a literal, not a formula.
 * Anything else starting with `=` stays as written (and is never a number).
 */
function unwrapTextFormulas(data: string[][]): string[][] {
  for (const row of data) {
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (cell.charCodeAt(0) === 61 && /^="[^"]*"$/.test(cell)) row[c] = cell.slice(2, -1);
    }
  }
  return data;
}

/**
 * Text with no quote in it, read as PapaParse reads it (its own fast path splits lines, then
 * fields), without PapaParse's per-row bookkeeping: a piece of a large file is most often such.
 * A cell equal to the one above it is that cell's string, not a copy: a long table repeats its
 * region, code, indicator and unit cells row after row, and each copy was a string made and
 * collected (and hashed or compared in full again by every lookup after it).
 * @example splitPlain('a,b\n1,2\n', ',', '\n') // [['a', 'b'], ['1', '2']]
 */
export function splitPlain(text: string, delimiter: string, newline: LineEnding): Grid {
  if (text === '') return [];
  const rows: Grid = [];
  const n = text.length;
  const step = delimiter.length;
  let above: string[] = [];
  const cells: string[] = [];
  // The next delimiter at or after the cell's start: kept between lines so that a line without
  // one does not search to the end of the text again.
  let delim = -1;
  let at = 0;
  for (;;) {
    let end = text.indexOf(newline, at);
    if (end < 0) end = n;
    let start = at;
    let c = 0;
    for (;;) {
      if (delim < start) {
        delim = text.indexOf(delimiter, start);
        if (delim < 0) delim = n + 1;
      }
      const stop = delim < end ? delim : end;
      const prev = above[c];
      cells[c++] = prev !== undefined && prev.length === stop - start && text.startsWith(prev, start) ? prev : text.slice(start, stop);
      if (stop === end) break;
      start = stop + step;
    }
    // Gathered in one list and copied out at their count: a row grown by push holds room for more.
    const row = cells.slice(0, c);
    rows.push(row);
    above = row;
    if (end === n) break;
    at = end + newline.length;
  }
  return trimFinalEmpty(rows);
}

/** A final newline makes PapaParse add one empty row; it is not a row of the file. */
function trimFinalEmpty(data: string[][]): string[][] {
  const last = data[data.length - 1];
  if (last && last.length === 1 && last[0] === '') data.pop();
  return data;
}

/** Append without spreading: spreading 200 000 rows into push() overflows the call stack. */
function appendAll<T>(into: T[], items: T[]): void {
  for (const item of items) into.push(item);
}
