/**
 * The import worker of the app: the whole pipeline off the page's thread. Decode, parse and
 * normalize (`ingest`), then encode the observations into the store's column blocks here too. The
 * worker keeps the blocks while the user looks at the preview, and hands them over when the user
 * confirms: one message per block, its typed arrays transferred. A million observations cross as
 * ~80 small messages instead of a million structured-cloned objects (a freeze of seconds), or one
 * message of 40 MB (an 80 ms task on the page, most of it a major GC for the adopted memory).
 */
import { ingest } from '../../ingest';
import { ingestStream, streamedFormat, type ByteSource, type PartJob } from '../../ingest/ingest-stream';
import { startInflateWorker } from '../../ingest/xlsx/read-sheet';
import type { IngestOptions, IngestResult } from '../../ingest/types';
import type { ObservationFields } from '../../ingest/normalize';
import { emptyDictionary } from '../../store/columns';
import type { EncodedColumns } from '../../store/put-columns';
import type { BlockRecord, DictionaryRecord } from '../../store/db';
import type { Observation } from '../../domain/types';
import { assignRegionCodes, type RegionImportContext, type RegionMatchRow } from '../../regions/import-matches';
import { RegionTally, assignBlockCodes } from './stream-import-regions';
import { BlockBuilder } from './stream-import-blocks';
import { SecondPart, joinBlocks, readPartBlocks, type PartRead } from './stream-import-split';

/**
 * How many records the wizard gets as objects, to preview: the records it shows (RecordPreview's
 * `SHOWN`). Each one more is cloned into the page's task that draws the preview.
 */
export const PREVIEW_RECORDS = 12;

/** An import request: the file as a Blob (read here) or as bytes. */
type ImportRequest = {
  type: 'import';
  name: string;
  options?: Omit<IngestOptions, 'onProgress'>;
  /** The province chosen, the stored aliases and the preview's choices, for matching regions to the division table. */
  regions?: RegionImportContext;
  /** A channel to a second worker, which may read the file's second part (import/stream-import-split.ts). */
  part?: MessagePort;
} & ({ blob: Blob } | { bytes: ArrayBuffer });

/**
 * A request to the worker: import a file, then (once) hand its blocks over; or (a second
 * worker) read second parts of a file asked for on `port`.
 * @example { type: 'import', name: 'a.csv', blob: file, options: {} }
 */
export type FastImportRequest = ImportRequest | { type: 'blocks' } | { type: 'part'; port: MessagePort } | { type: 'part-lost' };

/** From the import worker to the second: read this part of `blob` (`id` numbers the reads), or stop reading. */
type PartAsk = { type: 'read'; id: number; job: PartJob; blob: Blob } | { type: 'stop' };
/** From the second worker: bytes read of the part, then the part (its blocks' buffers transferred). */
type PartAnswer =
  | { id: number; type: 'progress'; done: number }
  | { id: number; type: 'read'; read: PartRead; timings: Timing[] }
  | { id: number; type: 'error'; message: string };

/** A phase the worker measured, with its start on the shared clock (`timeOrigin + startTime`). */
export interface Timing {
  name: string;
  start: number;
  duration: number;
}

/**
 * What the worker posts back: progress, then the result (`result.records` holds only the first
 * `PREVIEW_RECORDS`, `count` says how many there are); asked for the blocks, each `block` in turn
 * and then `blocks` with their dictionary.
 */
export type FastImportReply =
  | { type: 'progress'; done: number; total: number }
  | { type: 'part' }
  | { type: 'result'; result: IngestResult; count: number; timings: Timing[]; regions: RegionMatchRow[] }
  | { type: 'error'; message: string }
  | { type: 'block'; block: BlockRecord }
  | { type: 'blocks'; dictionary: DictionaryRecord; count: number };

const scope = self as unknown as {
  addEventListener(type: 'message', listener: (e: MessageEvent<FastImportRequest>) => void): void;
  postMessage(message: FastImportReply, transfer?: Transferable[]): void;
};

/** Every typed array's buffer in a block, once each. */
function buffersOf(block: BlockRecord): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const value of Object.values(block)) {
    if (ArrayBuffer.isView(value) && value.buffer instanceof ArrayBuffer) buffers.add(value.buffer);
  }
  return [...buffers];
}

/** The request's file as bytes; reading a Blob is timed as `import:read` for the benchmark. */
async function readBytes(msg: ImportRequest): Promise<Uint8Array> {
  if (!('blob' in msg)) return new Uint8Array(msg.bytes);
  const readStart = performance.now();
  const bytes = new Uint8Array(await msg.blob.arrayBuffer());
  performance.measure('import:read', { start: readStart });
  return bytes;
}

/** The import's blocks, kept here until the page asks for them. */
let kept: EncodedColumns | undefined;

scope.addEventListener('message', (e) => {
  const msg = e.data;
  if (msg?.type === 'import') startImport(msg);
  else if (msg?.type === 'blocks') handOver();
  else if (msg?.type === 'part') servePart(msg.port);
  else if (msg?.type === 'part-lost') partLost?.();
});

/** Ends the wait for a second part whose worker failed. */
let partLost: (() => void) | undefined;

/** The import's measures on the shared clock, cleared. */
function takeTimings(): Timing[] {
  const timings = performance
    .getEntriesByType('measure')
    .filter((m) => m.name.startsWith('import:'))
    .map((m) => ({ name: m.name, start: performance.timeOrigin + m.startTime, duration: m.duration }));
  performance.clearMeasures();
  return timings;
}

function startImport(msg: ImportRequest): void {
  const onProgress = (done: number, total: number): void => scope.postMessage({ type: 'progress', done, total });
  // Something on the bar at once: the first piece's progress comes only once it is parsed.
  onProgress(0, 'blob' in msg ? msg.blob.size : msg.bytes.byteLength);
  run(msg, onProgress, 'blob' in msg && msg.part ? askPart(msg.part, msg.blob) : undefined)
    .then(({ result, encoded, regions }) => {
      kept = encoded;
      const timings = [...takeTimings(), ...partTimings];
      partTimings = [];
      const preview: IngestResult = { ...result, records: result.records.slice(0, PREVIEW_RECORDS) };
      scope.postMessage({ type: 'result', result: preview, count: encoded.count, timings, regions });
    })
    .catch((err: unknown) => scope.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) }));
}

/**
 * Delimited text is read in pieces and encoded as its records arrive (no size limit but the
 * disk's: the worker never holds the file, its text or its rows); anything else is read whole by
 * `ingest`, which refuses what is too large to hold. Regions are counted on the way, matched at
 * the end, and their codes written into the blocks (import/stream-import-regions.ts).
 */
async function run(
  msg: ImportRequest,
  progress: (done: number, total: number) => void,
  part: { reader: SecondPart; done(): number } | undefined,
): Promise<{ result: IngestResult; encoded: EncodedColumns; regions: RegionMatchRow[] }> {
  // The bar shows the bytes both parts have read.
  const onProgress = (done: number, total: number): void => progress(done + (part?.done() ?? 0), total);
  const source = byteSource(msg);
  const head = await source.read(0, Math.min(source.size, 4096));
  const format = streamedFormat(msg.name, head);
  let builder = new BlockBuilder(emptyDictionary(''));
  let tally = new RegionTally();
  let encodeTime = 0;
  const encode = (records: readonly Observation[]): void => {
    const encodeStart = performance.now();
    tally.add(records);
    builder.addAll(records);
    encodeTime += performance.now() - encodeStart;
  };
  const encodeFirst = performance.now();
  let result: IngestResult;
  if (format) {
    const restart = (): void => {
      builder = new BlockBuilder(emptyDictionary(''));
      tally = new RegionTally();
      partTimings = [];
    };
    // Each value is coded into the blocks as the walk makes it (no object per value): its time is
    // part of the walk's (`import:normalize`), not of `import:encode`.
    const fields = (f: Readonly<ObservationFields>): void => {
      tally.addOne(f);
      builder.add(f);
    };
    result = (await ingestStream(msg.name, format, source, { ...msg.options, onProgress }, { fields, restart }, undefined, part?.reader))
      .result;
  } else {
    // A ZIP (an XLSX): its sheet's inflate worker starts loading now, while the file is read.
    const release = head[0] === 0x50 && head[1] === 0x4b ? startInflateWorker() : undefined;
    try {
      const bytes = await readBytes(msg);
      result = await ingest({ name: msg.name, bytes }, { ...msg.options, onProgress });
    } finally {
      release?.();
    }
    encode(result.records);
  }
  const finishStart = performance.now();
  const encoded = builder.finish();
  const second = part?.reader.taken();
  if (second) {
    const joinStart = performance.now();
    joinBlocks(encoded, second.read.encoded, second.rowsBefore);
    tally.merge(second.read.regions);
    performance.measure('import:part-join', { start: joinStart });
  }
  encodeTime += performance.now() - finishStart;
  const matchStart = performance.now();
  const matches = tally.match(msg.regions);
  assignBlockCodes(encoded.blocks, encoded.dictionary, matches.codes);
  // The preview's records show the matched codes as the stored values will.
  assignRegionCodes(result.records, matches.codes);
  performance.measure('import:regions', { start: matchStart });
  performance.measure('import:encode', { start: encodeFirst, duration: encodeTime });
  return { result, encoded, regions: matches.rows };
}

/** The request's file as a source read in pieces (a Blob is read slice by slice, never whole). */
function byteSource(msg: ImportRequest): ByteSource {
  if ('blob' in msg) {
    const blob = msg.blob;
    return { size: blob.size, read: async (start, end) => new Uint8Array(await blob.slice(start, end).arrayBuffer()) };
  }
  const bytes = new Uint8Array(msg.bytes);
  return { size: bytes.length, read: async (start, end) => bytes.subarray(start, end) };
}

/** The second worker's measures of the last part joined, renamed to tell them from the first's. */
let partTimings: Timing[] = [];

/**
 * The import worker's side of the second worker: each part asked for is read there from the same
 * Blob (a handle: nothing is copied); its progress is counted for the bar.
 */
function askPart(port: MessagePort, blob: Blob): { reader: SecondPart; done(): number } {
  let id = 0;
  let done = 0;
  let waiting: { id: number; resolve(read: PartRead): void; reject(reason: Error): void } | undefined;
  let lost = false;
  partLost = () => {
    lost = true;
    waiting?.reject(new Error('the second import worker failed'));
    waiting = undefined;
  };
  port.onmessage = (e: MessageEvent<PartAnswer>) => {
    const answer = e.data;
    if (!waiting || answer.id !== waiting.id) return;
    if (answer.type === 'progress') done = answer.done;
    else if (answer.type === 'read') {
      partTimings = answer.timings;
      waiting.resolve(answer.read);
    } else waiting.reject(new Error(answer.message));
  };
  const ask = (job: PartJob): Promise<PartRead> =>
    new Promise((resolve, reject) => {
      if (lost) return reject(new Error('the second import worker failed'));
      // The page starts the second worker now: a file read in one part never loads it.
      if (id === 0) scope.postMessage({ type: 'part' });
      waiting = { id: ++id, resolve, reject };
      done = 0;
      port.postMessage({ type: 'read', id, job, blob } satisfies PartAsk);
    });
  const stop = (): void => {
    waiting = undefined;
    done = 0;
    port.postMessage({ type: 'stop' } satisfies PartAsk);
  };
  return { reader: new SecondPart(ask, stop), done: () => done };
}

/** The second worker: read each part asked for; a newer ask or a stop ends the read before it. */
function servePart(port: MessagePort): void {
  let current = 0;
  port.onmessage = (e: MessageEvent<PartAsk>) => {
    const ask = e.data;
    if (ask.type === 'stop') {
      current = 0;
      return;
    }
    const id = (current = ask.id);
    const source = byteSource({ type: 'import', name: '', blob: ask.blob });
    const answer = (a: PartAnswer, transfer: Transferable[] = []): void => port.postMessage(a, transfer);
    readPartBlocks(
      ask.job,
      source,
      (done) => answer({ id, type: 'progress', done }),
      () => current !== id,
    )
      .then((read) => {
        const timings = takeTimings();
        if (current !== id) return;
        answer({ id, type: 'read', read, timings }, read.encoded.blocks.flatMap(buffersOf));
      })
      .catch((err: unknown) => answer({ id, type: 'error', message: err instanceof Error ? err.message : String(err) }));
  };
}

/** Post the blocks one message each (each a short task on the page), then their dictionary. */
function handOver(): void {
  const encoded = kept;
  kept = undefined;
  if (!encoded) {
    scope.postMessage({ type: 'error', message: 'import worker: no blocks to hand over' });
    return;
  }
  for (const block of encoded.blocks) scope.postMessage({ type: 'block', block }, buffersOf(block));
  scope.postMessage({ type: 'blocks', dictionary: encoded.dictionary, count: encoded.count });
}
