/**
 * Storing an import from the worker that parsed it. The worker keeps the encoded blocks and writes
 * them through a connection of its own, so the page's thread never structured-clones a block (each
 * add copies ~1 MB of typed arrays on the thread that issues it). The page makes the dataset
 * record, waits for the worker's answer and announces the change to other tabs. Same guarantees as
 * `putEncodedDataset`/`appendToDataset`: all or nothing, a large write guarded by `pending` status
 * and a Web Lock (held by the worker), the old version superseded in the final commit.
 */
import type { Dataset } from '../domain/types';
import { StoreDb } from './db';
import { datasetFromMeta, appendTo, writeEncodedTo } from './dataset-write';
import { requireDataset } from './dataset-records';
import { STORE_ERROR_CODES, StoreError, toStoreError, type StoreErrorCode } from './errors';
import { announce, getDb, isPersistent } from './open';
import { decodeEncoded, type EncodedColumns } from './put-columns';
import type { DatasetMeta, WriteProgress } from './types';

/**
 * What the page asks the worker to write: `dataset` as a new dataset (superseding `supersedes`),
 * or the blocks appended to dataset `appendTo`.
 * @example { dbName: 'indicator-dashboard', dataset, supersedes: 'ds-1' }
 */
export type WorkerWriteRequest =
  | { dbName: string; dataset: Dataset; supersedes?: string; singleTransactionLimit?: number }
  | { dbName: string; appendTo: string };

/**
 * The worker's answer: the stored dataset, or why it failed (a `StoreError` code and its
 * parameters, or another error's message).
 * @example { ok: false, code: 'quota', params: {}, usage: 1e9, quota: 1e9 }
 */
export type WorkerWriteResult =
  | { ok: true; dataset: Dataset }
  | { ok: false; code: StoreErrorCode; params: Record<string, string | number>; usage: number | null; quota: number | null }
  | { ok: false; code?: undefined; message: string };

/** Posts a request to the worker holding the blocks and resolves with its answer. */
export type WorkerWriter = (request: WorkerWriteRequest) => Promise<WorkerWriteResult>;

/**
 * The database a worker may write into: the open store's name, or `undefined` when the store
 * lives in this page's memory (private mode fallback), which no worker can reach.
 * @example const dbName = workerWritableDb(); if (!dbName) await putEncodedDataset(meta, await job.takeBlocks())
 */
export function workerWritableDb(): string | undefined {
  const db = getDb();
  return isPersistent() ? db.name : undefined;
}

/**
 * Store a dataset whose `count` observations the worker behind `write` holds: as a new dataset,
 * or (with `replaces`) as the new version of a complete one. The page announces it when stored.
 * @example const ds = await putDatasetFromWorker(meta, 1_000_000, (r) => job.write(r))
 */
export async function putDatasetFromWorker(
  meta: DatasetMeta,
  count: number,
  write: WorkerWriter,
  opts: { replaces?: string; singleTransactionLimit?: number } = {},
): Promise<Dataset> {
  const dbName = requireWritableDb();
  const old = opts.replaces === undefined ? undefined : await requireDataset(getDb(), opts.replaces, 'complete');
  const dataset = datasetFromMeta(meta, old ? old.version + 1 : 1, count);
  if (old) dataset.replaces = old.id;
  const request: WorkerWriteRequest = { dbName, dataset };
  if (old) request.supersedes = old.id;
  if (opts.singleTransactionLimit !== undefined) request.singleTransactionLimit = opts.singleTransactionLimit;
  return settle(await write(request));
}

/**
 * Append the observations the worker behind `write` holds to complete dataset `id`.
 * @example const ds = await appendFromWorker(existing.id, (r) => job.write(r))
 */
export async function appendFromWorker(id: string, write: WorkerWriter): Promise<Dataset> {
  return settle(await write({ dbName: requireWritableDb(), appendTo: id }));
}

/**
 * The worker's side: carry out `request` with the blocks it holds, through its own connection,
 * and answer with the result or the error (never throws).
 * @example scope.postMessage({ type: 'written', outcome: await writeFromWorker(request, encoded, onProgress) })
 */
export async function writeFromWorker(
  request: WorkerWriteRequest,
  encoded: EncodedColumns,
  onProgress?: (progress: WriteProgress) => void,
): Promise<WorkerWriteResult> {
  let db: StoreDb | undefined;
  try {
    db = await openWriterDb(request.dbName);
    if ('appendTo' in request) return { ok: true, dataset: await appendTo(db, request.appendTo, decodeEncoded(encoded)) };
    const { dataset, supersedes, singleTransactionLimit } = request;
    const dictionary = { ...encoded.dictionary, datasetId: dataset.id };
    for (const block of encoded.blocks) block.datasetId = dataset.id;
    await writeEncodedTo(db, dataset, dictionary, encoded.blocks, encoded.count, { onProgress, singleTransactionLimit }, supersedes);
    return { ok: true, dataset };
  } catch (error) {
    const e = await toStoreError(error);
    if (e instanceof StoreError) return { ok: false, code: e.code, params: e.params, usage: e.usage, quota: e.quota };
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  } finally {
    db?.close();
  }
}

/**
 * Open the page's database from a worker. Like `openStore`, it refuses a database a newer build
 * has upgraded (Dexie 4 would open it and write into a layout this build does not know).
 */
async function openWriterDb(name: string): Promise<StoreDb> {
  const db = new StoreDb(name);
  await db.open();
  if (db.backendDB().version > Math.round(db.verno * 10)) {
    db.close();
    throw new StoreError('newer-version');
  }
  return db;
}

function requireWritableDb(): string {
  const dbName = workerWritableDb();
  // Callers check first; writing into another database than the page's would lose the import.
  if (dbName === undefined) throw new StoreError('closed');
  return dbName;
}

/** The dataset of a successful answer, announced to other tabs; else the error it reports. */
function settle(outcome: WorkerWriteResult): Dataset {
  if (!outcome.ok) {
    if (outcome.code === undefined || !STORE_ERROR_CODES.includes(outcome.code)) {
      throw new Error(outcome.code === undefined ? outcome.message : `store.error.${String(outcome.code)}`);
    }
    const error = new StoreError(outcome.code, outcome.params);
    error.usage = outcome.usage;
    error.quota = outcome.quota;
    throw error;
  }
  announce({ scope: 'datasets', id: outcome.dataset.id });
  return outcome.dataset;
}
