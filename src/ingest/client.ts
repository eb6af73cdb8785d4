/**
 * The page's side of the import worker (the only browser-only file of the importer): start an
 * import, follow its progress, cancel it by terminating the worker.
 */
import type { IngestOptions, IngestResult } from './types';
import type { IngestReply, IngestRequest } from './worker';

/**
 * Run `ingest` in a module worker. A copy of the bytes is transferred; `file.bytes` stays usable.
 * `cancel()` terminates the worker and rejects the promise.
 * @example const job = runIngestInWorker({ name, bytes }, {}, (d, t) => bar.set(d / t)); await job.promise;
 */
export function runIngestInWorker(
  file: { name: string; bytes: Uint8Array },
  options: Omit<IngestOptions, 'onProgress'> = {},
  onProgress?: (done: number, total: number) => void,
): { promise: Promise<IngestResult>; cancel(): void } {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  let reject: (reason: Error) => void = () => undefined;
  const promise = new Promise<IngestResult>((resolve, rej) => {
    reject = rej;
    worker.onmessage = (e: MessageEvent<IngestReply>) => {
      const msg = e.data;
      if (msg.type === 'progress') onProgress?.(msg.done, msg.total);
      else {
        worker.terminate();
        if (msg.type === 'result') resolve(msg.result);
        else rej(new Error(msg.message));
      }
    };
    worker.onerror = (e) => {
      worker.terminate();
      rej(new Error(e.message || 'import worker failed'));
    };
  });
  // Copy into a buffer of our own so that transferring it never detaches a view the caller shares.
  const buffer = file.bytes.slice().buffer;
  const request: IngestRequest = { type: 'ingest', name: file.name, bytes: buffer, options };
  worker.postMessage(request, [buffer]);
  return {
    promise,
    cancel() {
      worker.terminate();
      reject(new Error('cancelled'));
    },
  };
}
