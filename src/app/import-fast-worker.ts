/**
 * The import worker of the app: the whole pipeline off the page's thread. Decode, parse and
 * normalize (`ingest`), then encode the observations into the store's column blocks here too, and
 * transfer their typed arrays to the page: a million observations cross as ~40 blocks of typed
 * arrays instead of a million structured-cloned objects (one freeze of seconds on the page).
 */
import { ingest } from '../ingest';
import type { IngestOptions, IngestResult } from '../ingest/types';
import { emptyDictionary, encodeBlocks } from '../store/columns';
import type { EncodedColumns } from '../store/put-columns';

/** How many records the wizard gets as objects, to preview. */
export const PREVIEW_RECORDS = 200;

/** A request to the worker: the file as a Blob (read here) or as bytes. @example { type: 'import', name: 'a.csv', blob: file, options: {} } */
export type FastImportRequest = {
  type: 'import';
  name: string;
  options?: Omit<IngestOptions, 'onProgress'>;
} & ({ blob: Blob } | { bytes: ArrayBuffer });

/** A phase the worker measured, with its start on the shared clock (`timeOrigin + startTime`). */
export interface Timing {
  name: string;
  start: number;
  duration: number;
}

/** What the worker posts back; `result.records` holds only the first `PREVIEW_RECORDS`. */
export type FastImportReply =
  | { type: 'progress'; done: number; total: number }
  | { type: 'result'; result: IngestResult; encoded: EncodedColumns; timings: Timing[] }
  | { type: 'error'; message: string };

const scope = self as unknown as {
  addEventListener(type: 'message', listener: (e: MessageEvent<FastImportRequest>) => void): void;
  postMessage(message: FastImportReply, transfer?: Transferable[]): void;
};

/** Every typed array's buffer in the blocks, once each. */
function buffersOf(encoded: EncodedColumns): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const block of encoded.blocks) {
    for (const value of Object.values(block)) {
      if (ArrayBuffer.isView(value) && value.buffer instanceof ArrayBuffer) buffers.add(value.buffer);
    }
  }
  return [...buffers];
}

/** The request's file as bytes; reading a Blob is timed as `import:read` for the benchmark. */
async function readBytes(msg: FastImportRequest): Promise<Uint8Array> {
  if (!('blob' in msg)) return new Uint8Array(msg.bytes);
  const readStart = performance.now();
  const bytes = new Uint8Array(await msg.blob.arrayBuffer());
  performance.measure('import:read', { start: readStart });
  return bytes;
}

scope.addEventListener('message', (e) => {
  const msg = e.data;
  if (!msg || msg.type !== 'import') return;
  const onProgress = (done: number, total: number): void => scope.postMessage({ type: 'progress', done, total });
  readBytes(msg)
    .then((bytes) => ingest({ name: msg.name, bytes }, { ...msg.options, onProgress }))
    .then((result) => {
      const encodeStart = performance.now();
      const dictionary = emptyDictionary('');
      const blocks = encodeBlocks('', result.records, dictionary, 0);
      const encoded: EncodedColumns = { blocks, dictionary, count: result.records.length };
      performance.measure('import:encode', { start: encodeStart });
      const timings = performance
        .getEntriesByType('measure')
        .filter((m) => m.name.startsWith('import:'))
        .map((m) => ({ name: m.name, start: performance.timeOrigin + m.startTime, duration: m.duration }));
      performance.clearMeasures();
      const preview: IngestResult = { ...result, records: result.records.slice(0, PREVIEW_RECORDS) };
      scope.postMessage({ type: 'result', result: preview, encoded, timings }, buffersOf(encoded));
    })
    .catch((err: unknown) => scope.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) }));
});
