/**
 * One sheet part read as it inflates: the whole rows each inflated chunk completes are read into
 * cells (sheet-cells.ts) straight from its UTF-8 bytes, so the sheet's XML is never held whole
 * nor decoded to text (decoding it was ~40% of the read: docs/performance.md, session 13). A
 * 1M-row sheet is ~150–250 MB of XML. Progress is bytes inflated of the bytes the archive
 * declares. Where workers can be made, the inflate runs in one of its own
 * (xlsx/inflate-worker.ts), beside the reading of the cells.
 */
import { inflateRawStream } from '../../domain/deflate';
import { entryBody, ZipEntryTooLarge, type ZipEntry } from '../zip-entries';
import { findBytes, mergesIn, SheetCells, type Shared } from './sheet-cells';
import type { InflateReply, InflateRequest } from './inflate-messages';
import type { Grid } from '../types';

/** Inflated bytes between two progress reports. */
const PROGRESS_BYTES = 1024 * 1024;
const EMPTY = new Uint8Array(0);

/** `a` and `b` as one array. */
function joined(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Where the first `</row>` in `bytes` ends, or -1. */
function firstRowEnd(bytes: Uint8Array): number {
  const at = findBytes(bytes, '</row>', 0);
  return at < 0 ? -1 : at + 6;
}

/** Where the last `</row>` in `bytes` ends, or -1. */
function lastRowEnd(bytes: Uint8Array): number {
  for (let gt = bytes.lastIndexOf(62 /* > */); gt >= 5; gt = bytes.lastIndexOf(62, gt - 1)) {
    if (bytes[gt - 5] === 60 && bytes[gt - 4] === 47 && bytes[gt - 3] === 114 && bytes[gt - 2] === 111 && bytes[gt - 1] === 119) return gt + 1;
  }
  return -1;
}

/** Where `<sheetData` starts as a whole tag name in `bytes`, or -1. */
function sheetDataAt(bytes: Uint8Array): number {
  for (let at = findBytes(bytes, '<sheetData', 0); at >= 0; at = findBytes(bytes, '<sheetData', at + 10)) {
    const c = bytes[at + 10];
    if (c === 62 || c === 47 || c <= 32) return at;
  }
  return -1;
}

/**
 * Reads the bytes of a sheet part in order, in chunks cut anywhere (inside a tag, a character):
 * what comes before `<sheetData>`, its rows in pieces that end at a row's end, and what follows
 * (kept for its merged ranges). `readSheet` feeds it.
 * @example const sheet = new SheetBytes(new SheetCells(shared)); sheet.add(chunk); sheet.finish()
 */
export class SheetBytes {
  private stage: 'before' | 'cells' | 'after' = 'before';
  /** Bytes before `<sheetData>` not read yet, or the start of a row the last chunk cut. */
  private pending: Uint8Array = EMPTY;
  private readonly tail: Uint8Array[] = [];
  /** Set when the sheet's elements carry a namespace prefix (`<x:sheetData>`): not ours to read. */
  prefixed = false;

  constructor(private readonly cells: SheetCells) {}

  add(chunk: Uint8Array): void {
    if (this.stage === 'before') {
      const head = joined(this.pending, chunk);
      const at = sheetDataAt(head);
      const gt = at < 0 ? -1 : head.indexOf(62, at);
      if (gt < 0) {
        if (at < 0 && findBytes(head, ':sheetData', 0) >= 0) this.prefixed = true;
        // The part before the cells (dimension, views, columns) is short.
        this.pending = this.prefixed ? EMPTY : head === chunk ? chunk.slice() : head;
        return;
      }
      this.pending = EMPTY;
      this.stage = head[gt - 1] === 47 ? 'after' : 'cells';
      chunk = head.subarray(gt + 1);
    }
    if (this.stage === 'cells' && this.pending.length > 0) {
      // A row cut by the last chunk: read it with the rest of it, alone, then go on in the chunk
      // itself (joining the whole chunk to it would copy a megabyte per chunk).
      const end = firstRowEnd(chunk);
      if (end < 0) {
        const all = joined(this.pending, chunk);
        this.pending = EMPTY;
        this.readCells(all, false);
        return;
      }
      const first = joined(this.pending, chunk.subarray(0, end));
      this.pending = EMPTY;
      this.readCells(first, false);
      chunk = chunk.subarray(end);
    }
    if (this.stage === 'cells') this.readCells(chunk, false);
    else if (this.stage === 'after') this.tail.push(chunk);
  }

  /** The sheet's grid, once all of its bytes were added; `undefined` for a prefixed sheet. */
  finish(): Grid | undefined {
    if (this.prefixed) return undefined;
    if (this.stage === 'cells') this.readCells(this.pending, true);
    // After the cells: merged ranges, hyperlinks, page setup.
    let after = '';
    const decoder = new TextDecoder('utf-8');
    for (const part of this.tail) after += decoder.decode(part, { stream: true });
    after += decoder.decode();
    return this.cells.grid(mergesIn(after));
  }

  /** Read the whole rows in `bytes` (all of them `atEnd`), keeping a row it cuts for the next chunk. */
  private readCells(bytes: Uint8Array, atEnd: boolean): void {
    // A cell's text never holds `</row>` (XML escapes its `<`). The cells end after the last
    // row's end, so only the bytes after it are searched for their end.
    const last = lastRowEnd(bytes);
    const close = findBytes(bytes, '</sheetData>', last < 0 ? 0 : last);
    if (close >= 0 || atEnd) {
      const end = close >= 0 ? close : bytes.length;
      this.cells.read(bytes, 0, end);
      this.tail.push(bytes.subarray(end));
      this.stage = 'after';
      this.pending = EMPTY;
    } else if (last < 0) this.pending = bytes.slice();
    else {
      this.cells.read(bytes, 0, last);
      this.pending = bytes.slice(last);
    }
  }
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
  const sheet = new SheetBytes(new SheetCells(shared));
  const body = entryBody(bytes, entry);
  if (entry.method === 0) {
    if (body.length > maxBytes) throw new ZipEntryTooLarge(entry.name, maxBytes);
    sheet.add(body);
    return sheet.finish();
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
      sheet.add(value);
      if (sheet.prefixed) return undefined;
      if (onProgress && length - reported >= PROGRESS_BYTES) {
        reported = length;
        onProgress(Math.min(length, entry.size), entry.size);
      }
    }
  } finally {
    // Stops the inflate when the reading stops early (too large, prefixed, damaged).
    await chunks.return(undefined);
  }
  performance.measure('import:inflate', { start: inflateStart, duration: inflating });
  return sheet.finish();
}

/** `body` inflated, chunk by chunk: in an inflate worker where one can be made, else on this thread. */
async function* inflated(body: Uint8Array, entry: ZipEntry): AsyncGenerator<Uint8Array, void, undefined> {
  const made = spare ?? inflateWorker();
  spare = undefined;
  if (!made || made.failed) {
    made?.worker.terminate();
    yield* inflatedHere(body, entry);
    return;
  }
  const worker = made.worker;
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
  const asked = performance.now();
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
      // Cheap, permanent: the benchmark shows how long the inflate took to start (the worker's load) apart.
      if (!received) performance.measure('import:inflate-first', { start: asked });
      received = true;
      const taken: InflateRequest = { type: 'taken' };
      worker.postMessage(taken);
      yield msg.bytes.subarray(0, msg.length);
    }
  } finally {
    worker.terminate();
  }
}

/** An inflate worker, and whether it failed to start before a sheet took it. */
interface MadeWorker {
  worker: Worker;
  failed: boolean;
}

/** An inflate worker made ahead of its sheet (`startInflateWorker`), for the next sheet read to take. */
let spare: MadeWorker | undefined;

/**
 * Make the inflate worker now, so that it loads while the workbook's small parts (relationships,
 * styles, shared strings) are read, not after them; the next sheet read takes it. Answers what
 * ends it when no sheet took it (a stored sheet, a declined workbook).
 * @example const release = startInflateWorker(); try { await readSheet(…) } finally { release() }
 */
export function startInflateWorker(): () => void {
  const made = spare ?? inflateWorker();
  spare = made;
  return () => {
    if (made && spare === made) {
      made.worker.terminate();
      spare = undefined;
    }
  };
}

/** A worker to inflate in, or `undefined` where none can be made (Node, as in the unit tests). */
function inflateWorker(): MadeWorker | undefined {
  if (typeof Worker !== 'function') return undefined;
  try {
    const made: MadeWorker = { worker: new Worker(new URL('./inflate-worker.ts', import.meta.url), { type: 'module' }), failed: false };
    // Failing to start before a sheet takes it (no module workers inside workers): noted, the sheet inflates here.
    made.worker.onerror = (e) => {
      e.preventDefault();
      made.failed = true;
    };
    return made;
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
