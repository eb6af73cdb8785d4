/**
 * The module Web Worker that runs the whole import off the page's thread. It receives
 * `{ type: 'ingest', name, bytes, options }` (bytes transferred), posts `{ type: 'progress', done,
 * total }` as it goes, then `{ type: 'result', result }` or `{ type: 'error', message }`.
 */
import { ingest } from './index';
import type { IngestOptions, IngestResult } from './types';

/** A request to the worker. @example { type: 'ingest', name: 'a.csv', bytes, options: {} } */
export interface IngestRequest {
  type: 'ingest';
  name: string;
  bytes: ArrayBuffer;
  options?: Omit<IngestOptions, 'onProgress'>;
}

/** What the worker posts back. @example { type: 'progress', done: 5000, total: 200000 } */
export type IngestReply =
  | { type: 'progress'; done: number; total: number }
  | { type: 'result'; result: IngestResult }
  | { type: 'error'; message: string };

const scope = self as unknown as {
  addEventListener(type: 'message', listener: (e: MessageEvent<IngestRequest>) => void): void;
  postMessage(message: IngestReply): void;
};

scope.addEventListener('message', (e) => {
  const msg = e.data;
  if (!msg || msg.type !== 'ingest') return;
  const onProgress = (done: number, total: number): void => scope.postMessage({ type: 'progress', done, total });
  ingest({ name: msg.name, bytes: new Uint8Array(msg.bytes) }, { ...msg.options, onProgress })
    .then((result) => scope.postMessage({ type: 'result', result }))
    .catch((err: unknown) => scope.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) }));
});
