/**
 * The page's side of the app's import worker (import-fast-worker.ts): start an import, follow its
 * progress, cancel it by terminating the worker. The answer is the wizard's `IngestResult` (with a
 * preview of the records) and the observations as encoded column blocks, ready to store.
 */
import type { IngestOptions, IngestResult } from '../ingest/types';
import type { EncodedColumns } from '../store/put-columns';
import type { FastImportReply, FastImportRequest } from './import-fast-worker';

/** An import's outcome. @example const { result, encoded } = await job.promise */
export interface FastImport {
  /** `records` holds the first records only; `encoded.count` is how many there are. */
  result: IngestResult;
  encoded: EncodedColumns;
}

/**
 * Run the import in a module worker. A file (`blob`, a `File` from the picker) is read by the
 * worker itself: the page never holds or copies its bytes, which for a 60 MB file was one
 * main-thread task of several hundred milliseconds. Bytes (`bytes`) are copied and transferred;
 * the caller's stay usable.
 * @example const job = runFastImport({ name, blob: file }, {}, (d, t) => bar.set(d / t)); const { result, encoded } = await job.promise;
 */
export function runFastImport(
  file: { name: string; bytes: Uint8Array } | { name: string; blob: Blob },
  options: Omit<IngestOptions, 'onProgress'> = {},
  onProgress?: (done: number, total: number) => void,
): { promise: Promise<FastImport>; cancel(): void } {
  const worker = new Worker(new URL('./import-fast-worker.ts', import.meta.url), { type: 'module' });
  let reject: (reason: Error) => void = () => undefined;
  const promise = new Promise<FastImport>((resolve, rej) => {
    reject = rej;
    worker.onmessage = (e: MessageEvent<FastImportReply>) => {
      const msg = e.data;
      if (msg.type === 'progress') onProgress?.(msg.done, msg.total);
      else {
        worker.terminate();
        if (msg.type === 'result') {
          // The worker's phases (decode, parse, normalize, encode) on the page's timeline.
          for (const t of msg.timings) performance.measure(t.name, { start: t.start - performance.timeOrigin, duration: t.duration });
          resolve({ result: msg.result, encoded: msg.encoded });
        }
        else rej(new Error(msg.message));
      }
    };
    worker.onerror = (e) => {
      worker.terminate();
      rej(new Error(e.message || 'import worker failed'));
    };
  });
  if ('blob' in file) {
    // A Blob crosses as a handle to the same data: nothing is read or copied here.
    const request: FastImportRequest = { type: 'import', name: file.name, blob: file.blob, options };
    worker.postMessage(request);
  } else {
    // Copy into a buffer of our own so that transferring it never detaches a view the caller shares.
    const buffer = file.bytes.slice().buffer;
    const request: FastImportRequest = { type: 'import', name: file.name, bytes: buffer, options };
    worker.postMessage(request, [buffer]);
  }
  return {
    promise,
    cancel() {
      worker.terminate();
      reject(new Error('cancelled'));
    },
  };
}
