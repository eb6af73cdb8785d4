/**
 * The import worker of the app: the whole pipeline off the page's thread. Decode, parse and
 * normalize (`ingest`), then encode the observations into the store's column blocks here too. The
 * worker keeps the blocks and, when the user confirms, writes them into the database through its
 * own connection (`writeFromWorker`): the page never copies a block, neither when it arrives nor
 * when IndexedDB clones it to store it. Only when the store lives in the page's memory (no
 * IndexedDB) are the blocks transferred to the page, as typed arrays, never as objects.
 */
import { ingest } from '../ingest';
import type { IngestOptions, IngestResult } from '../ingest/types';
import { emptyDictionary, encodeBlocks } from '../store/columns';
import type { EncodedColumns } from '../store/put-columns';
import { writeFromWorker, type WorkerWriteRequest, type WorkerWriteResult } from '../store/worker-write';

/** How many records the wizard gets as objects, to preview. */
export const PREVIEW_RECORDS = 200;

/**
 * A request to the worker: import the file (a Blob read here, or bytes); then, once, write the
 * import into the database or hand its blocks over.
 * @example { type: 'import', name: 'a.csv', blob: file, options: {} }
 */
export type FastImportRequest =
  | ({
      type: 'import';
      name: string;
      options?: Omit<IngestOptions, 'onProgress'>;
    } & ({ blob: Blob } | { bytes: ArrayBuffer }))
  | { type: 'write'; request: WorkerWriteRequest }
  | { type: 'blocks' };

/** A phase the worker measured, with its start on the shared clock (`timeOrigin + startTime`). */
export interface Timing {
  name: string;
  start: number;
  duration: number;
}

/**
 * What the worker posts back; `result.records` holds only the first `PREVIEW_RECORDS`, `count` is
 * how many there are. Progress counts bytes or rows while importing, values while writing.
 */
export type FastImportReply =
  | { type: 'progress'; done: number; total: number }
  | { type: 'result'; result: IngestResult; count: number; timings: Timing[] }
  | { type: 'error'; message: string }
  | { type: 'written'; outcome: WorkerWriteResult }
  | { type: 'blocks'; encoded: EncodedColumns };

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
async function readBytes(msg: Extract<FastImportRequest, { type: 'import' }>): Promise<Uint8Array> {
  if (!('blob' in msg)) return new Uint8Array(msg.bytes);
  const readStart = performance.now();
  const bytes = new Uint8Array(await msg.blob.arrayBuffer());
  performance.measure('import:read', { start: readStart });
  return bytes;
}

/** The import's blocks, kept here until they are written or handed over (then dropped). */
let kept: EncodedColumns | undefined;

scope.addEventListener('message', (e) => {
  const msg = e.data;
  if (!msg) return;
  if (msg.type === 'import') startImport(msg);
  else if (msg.type === 'write') void write(msg.request);
  else if (msg.type === 'blocks') handOver();
});

function startImport(msg: Extract<FastImportRequest, { type: 'import' }>): void {
  const onProgress = (done: number, total: number): void => scope.postMessage({ type: 'progress', done, total });
  readBytes(msg)
    .then((bytes) => ingest({ name: msg.name, bytes }, { ...msg.options, onProgress }))
    .then((result) => {
      const encodeStart = performance.now();
      const dictionary = emptyDictionary('');
      const blocks = encodeBlocks('', result.records, dictionary, 0);
      kept = { blocks, dictionary, count: result.records.length };
      performance.measure('import:encode', { start: encodeStart });
      const timings = performance
        .getEntriesByType('measure')
        .filter((m) => m.name.startsWith('import:'))
        .map((m) => ({ name: m.name, start: performance.timeOrigin + m.startTime, duration: m.duration }));
      performance.clearMeasures();
      const preview: IngestResult = { ...result, records: result.records.slice(0, PREVIEW_RECORDS) };
      scope.postMessage({ type: 'result', result: preview, count: kept.count, timings });
    })
    .catch((err: unknown) => scope.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) }));
}

/** Whether a write is under way: a second one at the same time would store the import twice. */
let writing = false;

async function write(request: WorkerWriteRequest): Promise<void> {
  const encoded = kept;
  if (!encoded || writing) {
    scope.postMessage({ type: 'written', outcome: { ok: false, message: 'nothing to write' } });
    return;
  }
  writing = true;
  const outcome = await writeFromWorker(request, encoded, (p) => scope.postMessage({ type: 'progress', done: p.written, total: p.total }));
  writing = false;
  // Written blocks are dropped (written once); after a failure, which left the store as it was,
  // they stay for the user's next try.
  if (outcome.ok) kept = undefined;
  scope.postMessage({ type: 'written', outcome });
}

function handOver(): void {
  const encoded = writing ? undefined : kept;
  kept = undefined;
  if (encoded) scope.postMessage({ type: 'blocks', encoded }, buffersOf(encoded));
  else scope.postMessage({ type: 'error', message: 'nothing to hand over' });
}
