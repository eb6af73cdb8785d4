/**
 * One sheet part read as it inflates: each inflated chunk is decoded (one streaming decoder) and
 * the whole rows it completes are read into cells (sheet-cells.ts) at once, so the sheet's XML is
 * never held whole. A 1M-row sheet is ~150–250 MB of XML, twice that as a JavaScript string;
 * held, it doubled the worker's memory and its decoding was one long step at the end of the
 * inflate, with the bar still. Progress is bytes inflated of the bytes the archive declares.
 * Where workers can be made, the inflate runs in one of its own (xlsx/inflate-worker.ts), beside
 * the reading of the cells.
 */
import { inflateRawStream } from '../../domain/deflate';
import { entryBody, ZipEntryTooLarge, type ZipEntry } from '../zip-entries';
import { mergesIn, SheetCells, type Shared } from './sheet-cells';
import type { InflateReply, InflateRequest } from './inflate-messages';
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
  const chunks = inflated(body, entry);
  let length = 0;
  let reported = 0;
  // Cheap, permanent: the benchmark shows the time spent waiting for inflated bytes apart.
  const inflateStart = performance.now();
  let inflating = 0;
  try {
    for (;;) {
      const waitStart = performance.now();
      const { done, value } = await chunks.next();
      inflating += performance.now() - waitStart;
      if (done) break;
      length += value.length;
      if (length > maxBytes) throw new ZipEntryTooLarge(entry.name, maxBytes);
      text.add(decoder.decode(value, { stream: true }));
      if (text.prefixed) return undefined;
      if (onProgress && length - reported >= PROGRESS_BYTES) {
        reported = length;
        onProgress(Math.min(length, entry.size), entry.size);
      }
    }
  } finally {
    // Stops the inflate when the reading stops early (too large, prefixed, damaged).
    await chunks.return(undefined);
  }
  text.add(decoder.decode());
  performance.measure('import:inflate', { start: inflateStart, duration: inflating });
  return text.finish();
}

/** `body` inflated, chunk by chunk: in an inflate worker where one can be made, else on this thread. */
async function* inflated(body: Uint8Array, entry: ZipEntry): AsyncGenerator<Uint8Array, void, undefined> {
  const worker = inflateWorker();
  if (!worker) {
    yield* inflatedHere(body, entry);
    return;
  }
  const queue: (InflateReply | { type: 'failed' })[] = [];
  let notify: (() => void) | undefined;
  worker.onmessage = (e: MessageEvent<InflateReply>) => {
    queue.push(e.data);
    notify?.();
  };
  worker.onerror = (e) => {
    e.preventDefault();
    queue.push({ type: 'failed' });
    notify?.();
  };
  // A copy goes: the archive stays whole here, where its other parts are read.
  const copy = body.slice();
  const request: InflateRequest = { type: 'inflate', body: copy.buffer, crc32: entry.crc32, size: entry.size };
  worker.postMessage(request, [copy.buffer]);
  let received = false;
  try {
    for (;;) {
      while (queue.length === 0) await new Promise<void>((resolve) => (notify = resolve));
      const msg = queue.shift()!;
      if (msg.type === 'end') return;
      if (msg.type === 'error') throw new Error(msg.message);
      if (msg.type === 'failed') {
        // The worker did not start (a browser without module workers inside workers): inflate here.
        if (!received) yield* inflatedHere(body, entry);
        else throw new Error('xlsx: the inflate worker stopped');
        return;
      }
      received = true;
      const taken: InflateRequest = { type: 'taken' };
      worker.postMessage(taken);
      yield msg.bytes.subarray(0, msg.length);
    }
  } finally {
    worker.terminate();
  }
}

/** A worker to inflate in, or `undefined` where none can be made (Node, as in the unit tests). */
function inflateWorker(): Worker | undefined {
  if (typeof Worker !== 'function') return undefined;
  try {
    return new Worker(new URL('./inflate-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return undefined;
  }
}

/** `body` inflated on this thread. */
async function* inflatedHere(body: Uint8Array, entry: ZipEntry): AsyncGenerator<Uint8Array, void, undefined> {
  const reader = inflateRawStream(body, entry).getReader();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      yield value;
    }
    finished = true;
  } finally {
    if (!finished) await reader.cancel();
  }
}
