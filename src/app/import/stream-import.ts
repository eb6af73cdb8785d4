/**
 * The page's side of the app's import worker (import/stream-import-worker.ts): start an import, follow its
 * progress, cancel it by terminating the worker. The answer is the wizard's `IngestResult` (with a
 * preview of the records) and how many records there are; the records stay in the worker, encoded
 * as column blocks, until `takeBlocks` brings them over to be stored.
 */
import type { IngestOptions, IngestResult } from '../../ingest/types';
import type { BlockRecord } from '../../store/db';
import type { EncodedColumns } from '../../store/put-columns';
import type { FastImportReply, FastImportRequest } from './stream-import-worker';
import type { RegionImportContext, RegionMatchRow } from '../../regions/import-matches';

/**
 * Files from this size on are read in two parts by two workers (import/stream-import-split.ts);
 * a smaller one is read before a second worker would have started.
 */
const SPLIT_BYTES = 8 << 20;

function importWorker(): Worker {
  return new Worker(new URL('./stream-import-worker.ts', import.meta.url), { type: 'module' });
}

/** An import's outcome. @example const { result, count } = await job.promise */
export interface FastImport {
  /** `records` holds the first records only; `count` is how many there are. */
  result: IngestResult;
  count: number;
  /** Each distinct region and the division it was matched to (or not). */
  regions: RegionMatchRow[];
}

/**
 * A running, then parsed, import. Its worker lives until `cancel` (which also ends it after use).
 * @example const job = runFastImport({ name, blob: file }); const { count } = await job.promise; const encoded = await job.takeBlocks(); job.cancel();
 */
export interface FastImportJob {
  promise: Promise<FastImport>;
  /** The parsed records as column blocks, moved (not copied) from the worker; once, after `promise`. */
  takeBlocks(): Promise<EncodedColumns>;
  /** End the worker and whatever it is doing. */
  cancel(): void;
}

/**
 * Run the import in a module worker. A file (`blob`, a `File` from the picker) is read by the
 * worker itself: the page never holds or copies its bytes, which for a 60 MB file was one
 * main-thread task of several hundred milliseconds. Bytes (`bytes`) are copied and transferred;
 * the caller's stay usable.
 * @example const job = runFastImport({ name, blob: file }, {}, (d, t) => bar.set(d / t)); const { result, count } = await job.promise;
 */
export function runFastImport(
  file: { name: string; bytes: Uint8Array } | { name: string; blob: Blob },
  options: Omit<IngestOptions, 'onProgress'> = {},
  onProgress?: (done: number, total: number) => void,
  regions?: RegionImportContext,
): FastImportJob {
  const worker = importWorker();
  // A large file's second part is read by a second worker at once (import/stream-import-split.ts):
  // the two talk over a channel of their own (what the first says before the second has started
  // waits in the channel); this side only starts and ends it.
  const channel = 'blob' in file && file.blob.size >= SPLIT_BYTES ? new MessageChannel() : undefined;
  let second: Worker | undefined;
  let ended = false;
  // Started when the first worker asks for it, once it has planned the table from its first
  // piece: loading two workers at once delayed the bar's first move, and a file read in one part
  // (a workbook, a quoted CSV) needs no second.
  const startSecond = (): void => {
    if (!channel || second || ended) return;
    second = importWorker();
    // A second worker that fails leaves the first to read the whole file.
    second.onerror = () => worker.postMessage({ type: 'part-lost' } satisfies FastImportRequest);
    second.postMessage({ type: 'part', port: channel.port2 } satisfies FastImportRequest, [channel.port2]);
  };
  const endSecond = (): void => {
    ended = true;
    second?.terminate();
    second = undefined;
  };
  // The request waiting for its answer: the import, then the blocks; the worker does one at a time.
  let waiting: { resolve(reply: FastImportReply): void; reject(reason: Error): void } | undefined;
  const arrived: BlockRecord[] = [];
  const ask = (request: FastImportRequest, transfer: Transferable[] = []): Promise<FastImportReply> =>
    new Promise((resolve, reject) => {
      if (waiting) return reject(new Error('import worker busy'));
      waiting = { resolve, reject };
      worker.postMessage(request, transfer);
    });
  const settle = (fn: (w: NonNullable<typeof waiting>) => void): void => {
    const w = waiting;
    waiting = undefined;
    if (w) fn(w);
  };
  worker.onmessage = (e: MessageEvent<FastImportReply>) => {
    const msg = e.data;
    if (msg.type === 'progress') onProgress?.(msg.done, msg.total);
    else if (msg.type === 'part') startSecond();
    else if (msg.type === 'block') arrived.push(msg.block);
    else if (msg.type === 'error') {
      endSecond();
      settle((w) => w.reject(new Error(msg.message)));
    } else settle((w) => w.resolve(msg));
  };
  worker.onerror = (e) => {
    worker.terminate();
    endSecond();
    settle((w) => w.reject(new Error(e.message || 'import worker failed')));
  };

  let request: FastImportRequest;
  let transfer: Transferable[] = [];
  if ('blob' in file) {
    // A Blob crosses as a handle to the same data: nothing is read or copied here.
    request = { type: 'import', name: file.name, blob: file.blob, options, regions };
    if (channel) {
      request.part = channel.port1;
      transfer = [channel.port1];
    }
  } else {
    // Copy into a buffer of our own so that transferring it never detaches a view the caller shares.
    const buffer = file.bytes.slice().buffer;
    request = { type: 'import', name: file.name, bytes: buffer, options, regions };
    transfer = [buffer];
  }
  const promise = ask(request, transfer).then((msg): FastImport => {
    endSecond();
    if (msg.type !== 'result') throw new Error(`import worker answered ${msg.type}`);
    // The worker's phases (decode, parse, normalize, encode) on the page's timeline.
    for (const t of msg.timings) performance.measure(t.name, { start: t.start - performance.timeOrigin, duration: t.duration });
    return { result: msg.result, count: msg.count, regions: msg.regions };
  });
  return {
    promise,
    async takeBlocks() {
      const msg = await ask({ type: 'blocks' });
      if (msg.type !== 'blocks') throw new Error(`import worker answered ${msg.type}`);
      const blocks = arrived.splice(0);
      return { blocks, dictionary: msg.dictionary, count: msg.count };
    },
    cancel() {
      worker.terminate();
      endSecond();
      settle((w) => w.reject(new Error('cancelled')));
    },
  };
}
