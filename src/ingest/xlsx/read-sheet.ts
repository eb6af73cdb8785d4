/**
 * One sheet part read as it inflates: each inflated chunk is decoded (one streaming decoder) and
 * the whole rows it completes are read into cells (sheet-cells.ts) at once, so the sheet's XML is
 * never held whole. A 1M-row sheet is ~150–250 MB of XML, twice that as a JavaScript string;
 * held, it doubled the worker's memory and its decoding was one long step at the end of the
 * inflate, with the bar still. Progress is bytes inflated of the bytes the archive declares.
 */
import { inflateRawStream } from '../../domain/deflate';
import { entryBody, ZipEntryTooLarge, type ZipEntry } from '../zip-entries';
import { mergesIn, SheetCells, type Shared } from './sheet-cells';
import type { Grid } from '../types';

/** Text gathered before its rows are read: fewer, larger pieces cost less per chunk. */
const PIECE_CHARS = 256 * 1024;
/** Inflated bytes between two progress reports. */
const PROGRESS_BYTES = 1024 * 1024;

/**
 * Reads the text of a sheet part in order: what comes before `<sheetData>`, its rows in pieces
 * that end at a row's end, and what follows (kept for its merged ranges).
 */
class SheetText {
  private pending = '';
  private stage: 'before' | 'cells' | 'after' = 'before';
  private tail = '';
  /** Set when the sheet's elements carry a namespace prefix (`<x:sheetData>`): not ours to read. */
  prefixed = false;

  constructor(private readonly cells: SheetCells) {}

  add(text: string): void {
    this.pending += text;
    if (this.pending.length >= PIECE_CHARS) this.consume(false);
  }

  /** The sheet's grid, once all of its text was added; `undefined` for a prefixed sheet. */
  finish(): Grid | undefined {
    this.consume(true);
    return this.prefixed ? undefined : this.cells.grid(mergesIn(this.tail));
  }

  private consume(atEnd: boolean): void {
    if (this.stage === 'before') {
      const at = sheetDataAt(this.pending);
      if (at < 0) {
        if (this.pending.includes(':sheetData')) this.prefixed = true;
        // The part before the cells (dimension, views, columns) is short; a part without cells ends here.
        if (atEnd || this.prefixed) this.pending = '';
        return;
      }
      const gt = this.pending.indexOf('>', at);
      if (gt < 0) return;
      const empty = this.pending.charCodeAt(gt - 1) === 47;
      this.pending = this.pending.slice(gt + 1);
      this.stage = empty ? 'after' : 'cells';
    }
    if (this.stage === 'cells') {
      // Whole rows only: a cell's text never holds `</row>` (XML escapes its `<`). The cells end
      // after the last row's end, so only the text after it is searched for their end (a search
      // of the whole piece was a quarter of the reading).
      const lastRowEnd = this.pending.lastIndexOf('</row>');
      const close = this.pending.indexOf('</sheetData>', lastRowEnd < 0 ? 0 : lastRowEnd);
      if (close >= 0 || atEnd) {
        const end = close >= 0 ? close : this.pending.length;
        this.cells.read(this.pending, 0, end);
        this.pending = this.pending.slice(end);
        this.stage = 'after';
      } else {
        if (lastRowEnd < 0) return;
        this.cells.read(this.pending, 0, lastRowEnd + 6);
        this.pending = this.pending.slice(lastRowEnd + 6);
        return;
      }
    }
    // After the cells: merged ranges, hyperlinks, page setup; kept to read the merges at the end.
    this.tail += this.pending;
    this.pending = '';
  }
}

/** Where `<sheetData` starts as a whole tag name, or -1. */
function sheetDataAt(text: string): number {
  for (let at = text.indexOf('<sheetData'); at >= 0; at = text.indexOf('<sheetData', at + 10)) {
    const c = text.charCodeAt(at + 10);
    if (c === 62 || c === 47 || c <= 32) return at;
  }
  return -1;
}

/**
 * The grid of the sheet in `entry` of the archive `bytes`, or `undefined` when its elements carry
 * a namespace prefix (the caller falls back to SheetJS). Throws `ZipEntryTooLarge` once more than
 * `maxBytes` have come out (the declared size may lie), and when the archive is damaged.
 * @example const grid = await readSheet(bytes, entries.get('xl/worksheets/sheet1.xml')!, shared, 2 ** 29)
 */
export async function readSheet(
  bytes: Uint8Array,
  entry: ZipEntry,
  shared: Shared,
  maxBytes: number,
  onProgress?: (done: number, total: number) => void,
): Promise<Grid | undefined> {
  const text = new SheetText(new SheetCells(shared));
  const decoder = new TextDecoder('utf-8');
  const body = entryBody(bytes, entry);
  if (entry.method === 0) {
    if (body.length > maxBytes) throw new ZipEntryTooLarge(entry.name, maxBytes);
    text.add(decoder.decode(body));
    return text.finish();
  }
  const reader = inflateRawStream(body, entry).getReader();
  let length = 0;
  let reported = 0;
  // Cheap, permanent: the benchmark shows the time spent waiting for inflated bytes apart.
  const inflateStart = performance.now();
  let inflating = 0;
  for (;;) {
    const waitStart = performance.now();
    const { done, value } = await reader.read();
    inflating += performance.now() - waitStart;
    if (done) break;
    length += value.length;
    if (length > maxBytes) {
      await reader.cancel();
      throw new ZipEntryTooLarge(entry.name, maxBytes);
    }
    text.add(decoder.decode(value, { stream: true }));
    if (text.prefixed) {
      await reader.cancel();
      return undefined;
    }
    if (onProgress && length - reported >= PROGRESS_BYTES) {
      reported = length;
      onProgress(Math.min(length, entry.size), entry.size);
    }
  }
  text.add(decoder.decode());
  performance.measure('import:inflate', { start: inflateStart, duration: inflating });
  return text.finish();
}
