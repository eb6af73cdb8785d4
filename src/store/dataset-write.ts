/**
 * Writing datasets: atomic puts, replacements and appends. Every write either commits whole or
 * leaves the store as it was; a write too large for one transaction is guarded by the dataset's
 * `pending` status and removed at start-up if it never finished.
 */
import type { Dataset, Observation } from '../domain/types';
import type { BlockRecord, DictionaryRecord, StoreDb } from './db';
import { WRITE_BLOCK_SIZE, emptyDictionary, encodeBlocks } from './columns';
import { keepWrittenBlocks } from './block-cache';
import { cleanupIncomplete, removeDatasetRecords, writeLockName } from './cleanup';
import { dataTables, requireDataset } from './dataset-records';
import { toStoreError } from './errors';
import { newId } from './ids';
import { upsertMetadata } from './metadata';
import { announce, getDb } from './open';
import type { DatasetMeta, PutOptions, WriteProgress } from './types';

/**
 * A write's options: progress, the single-transaction limit, and a signal that cancels it with
 * nothing stored (checked before each block and before the dataset is made complete).
 */
export type WriteOptions = PutOptions & { signal?: AbortSignal };

/** Above this many values a write is split over several transactions. */
const DEFAULT_SINGLE_TRANSACTION_LIMIT = 2_000_000;
/** Blocks per transaction in a chunked write: one million values (80 × 12,500). */
const BLOCKS_PER_CHUNK = Math.ceil(1_000_000 / WRITE_BLOCK_SIZE);

/**
 * Store a dataset and its observations atomically, and add their indicators and regions to the
 * metadata. A quota failure throws `StoreError('quota')` with the sizes; nothing partial is kept.
 * @example const ds = await putDataset({ name: '2024年', fileName: 'a.csv', format: 'csv', encoding: 'utf-8', issueCount: 0, notes: [] }, observations)
 */
export async function putDataset(meta: DatasetMeta, observations: readonly Observation[], opts: PutOptions = {}): Promise<Dataset> {
  const dataset = datasetFromMeta(meta, 1, observations.length);
  await writeDataset(dataset, observations, opts, undefined);
  return dataset;
}

/**
 * Store a new version of dataset `oldId` (same file, new contents). The old one becomes
 * `superseded` in the same commit and stays restorable with `restorePreviousVersion`.
 * @example const v2 = await replaceDataset(v1.id, meta, observations)
 */
export async function replaceDataset(
  oldId: string,
  meta: DatasetMeta,
  observations: readonly Observation[],
  opts: PutOptions = {},
): Promise<Dataset> {
  const old = await requireDataset(getDb(), oldId, 'complete');
  const dataset = datasetFromMeta(meta, old.version + 1, observations.length);
  dataset.replaces = oldId;
  await writeDataset(dataset, observations, opts, oldId);
  return dataset;
}

/**
 * Add observations to a complete dataset in one transaction; the dataset's row count grows.
 * @example await appendToDataset(ds.id, moreObservations)
 */
export async function appendToDataset(id: string, observations: readonly Observation[]): Promise<Dataset> {
  const db = getDb();
  let updated: Dataset | undefined;
  try {
    await db.transaction('rw', dataTables(db), async () => {
      const dataset = await requireDataset(db, id, 'complete');
      const dict = (await db.dictionaries.get(id)) ?? emptyDictionary(id);
      const blocks = encodeBlocks(id, observations, dict, dict.count);
      await addOneByOne(db, blocks);
      await db.dictionaries.put(dict);
      await upsertMetadata(db, blocks, dict.strings);
      updated = { ...dataset, rowCount: dict.count };
      await db.datasets.put(updated);
    });
  } catch (error) {
    throw await toStoreError(error);
  }
  announce({ scope: 'datasets', id });
  return updated!;
}

/** Build the stored record from an importer's meta; the row count is the number of observations. */
export function datasetFromMeta(meta: DatasetMeta, version: number, rowCount: number): Dataset {
  // Keys set to undefined would not survive a JSON backup, so a round trip would differ.
  const defined = Object.entries(meta).filter(([, v]) => v !== undefined);
  const dataset: Dataset = {
    ...(Object.fromEntries(defined) as DatasetMeta),
    id: meta.id ?? newId('ds'),
    importedAt: meta.importedAt ?? new Date().toISOString(),
    rowCount,
    status: 'complete',
    version,
  };
  return dataset;
}

/** Encode the observations as column blocks and write them (see `writeEncoded`). */
async function writeDataset(
  dataset: Dataset,
  observations: readonly Observation[],
  opts: PutOptions,
  supersedes: string | undefined,
): Promise<void> {
  const dict = emptyDictionary(dataset.id);
  const blocks = encodeBlocks(dataset.id, observations, dict, 0);
  await writeEncoded(dataset, dict, blocks, observations.length, opts, supersedes);
}

/**
 * Write blocks, dictionary and metadata, flipping the dataset from pending to complete last: in
 * one transaction up to the limit, else chunked under a Web Lock. Blocks may come encoded from
 * the import worker (put-columns.ts) or from `writeDataset`.
 */
export async function writeEncoded(
  dataset: Dataset,
  dict: DictionaryRecord,
  blocks: BlockRecord[],
  count: number,
  opts: WriteOptions,
  supersedes: string | undefined,
): Promise<void> {
  const db = getDb();
  const progress = progressReporter(count, opts.onProgress, opts.signal);
  const limit = opts.singleTransactionLimit ?? DEFAULT_SINGLE_TRANSACTION_LIMIT;
  try {
    if (count <= limit) {
      await db.transaction('rw', dataTables(db), async () => {
        await db.datasets.add({ ...dataset, status: 'pending' });
        await addOneByOne(db, blocks, progress);
        progress.check();
        await finishDataset(db, dataset, dict, blocks, supersedes);
        // Cancelled up to the last moment (the dictionary and metadata take a while on a slow
        // machine): throwing here, before the commit, rolls the whole transaction back.
        progress.check();
      });
    } else {
      await withWriteLock(dataset.id, () => writeChunked(db, dataset, dict, blocks, supersedes, progress));
    }
  } catch (error) {
    if (count > limit) await discardPending(db, dataset.id);
    throw await toStoreError(error);
  }
  keepWrittenBlocks(dataset, dict.strings, blocks);
  announce({ scope: 'datasets', id: dataset.id });
}

/**
 * A write too large for one transaction: the dataset is `pending` while its blocks go in, chunk
 * by chunk, and becomes `complete` in the last transaction. If the tab closes half-way, the
 * pending dataset is removed by `cleanupIncomplete` at the next start.
 */
async function writeChunked(
  db: StoreDb,
  dataset: Dataset,
  dict: DictionaryRecord,
  blocks: BlockRecord[],
  supersedes: string | undefined,
  progress: Progress,
): Promise<void> {
  await db.datasets.add({ ...dataset, status: 'pending' });
  for (let i = 0; i < blocks.length; i += BLOCKS_PER_CHUNK) {
    const chunk = blocks.slice(i, i + BLOCKS_PER_CHUNK);
    await db.transaction('rw', [db.blocks, db.datasets], async () => {
      // A write whose pending record vanished (removed by cleanup) must not leave orphan blocks.
      await requireDataset(db, dataset.id, 'pending');
      await addOneByOne(db, chunk, progress);
    });
  }
  await db.transaction('rw', dataTables(db), async () => {
    await requireDataset(db, dataset.id, 'pending');
    progress.check();
    await finishDataset(db, dataset, dict, blocks, supersedes);
    progress.check();
  });
}

/**
 * Requests kept in flight by `addOneByOne`. One at a time, the database sat idle between a
 * request's success reaching the page and the next request reaching it (a round trip between
 * processes per block: a hundred for a million values); with a few queued it always has the next.
 */
const ADDS_IN_FLIGHT = 3;

/**
 * Add blocks one request each. IndexedDB copies a value on the page's thread when it is added, so
 * `bulkAdd` of a chunk was one 200 ms task for a million values (the page froze while storing);
 * one block per request spreads the copying over as many short tasks, in the same transaction.
 * `ADDS_IN_FLIGHT` lanes each issue their next add when their last one succeeds, so each task
 * still copies one block.
 */
async function addOneByOne(db: StoreDb, blocks: readonly BlockRecord[], progress?: Progress): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < blocks.length) {
      progress?.check();
      const block = blocks[next++];
      await db.blocks.add(block);
      progress?.block(block);
    }
  };
  const lanes: Promise<void>[] = [];
  for (let i = 0; i < Math.min(ADDS_IN_FLIGHT, blocks.length); i++) lanes.push(lane());
  await Promise.all(lanes);
}

async function finishDataset(
  db: StoreDb,
  dataset: Dataset,
  dict: DictionaryRecord,
  blocks: readonly BlockRecord[],
  supersedes: string | undefined,
): Promise<void> {
  await db.dictionaries.put(dict);
  await upsertMetadata(db, blocks, dict.strings);
  if (supersedes !== undefined) {
    const old = await requireDataset(db, supersedes, 'complete');
    await db.datasets.put({ ...old, status: 'superseded' });
  }
  await db.datasets.put(dataset);
}

/** Best effort after a failed chunked write; whatever remains is removed at the next start. */
async function discardPending(db: StoreDb, id: string): Promise<void> {
  try {
    await db.transaction('rw', [db.datasets, db.dictionaries, db.blocks], () => removeDatasetRecords(db, id));
  } catch {
    await cleanupIncomplete().catch(() => undefined);
  }
}

/** Hold a Web Lock while writing, so another tab's start-up cleanup leaves this write alone. */
async function withWriteLock(id: string, write: () => Promise<void>): Promise<void> {
  const locks = globalThis.navigator?.locks;
  if (!locks) return write();
  await locks.request(writeLockName(id), write);
}

/** A write's progress, block by block, and its cancelling. */
interface Progress {
  block(written: BlockRecord): void;
  /** Throws `AbortError` once the write's signal is aborted. */
  check(): void;
}

function progressReporter(total: number, onProgress: ((p: WriteProgress) => void) | undefined, signal: AbortSignal | undefined): Progress {
  let written = 0;
  return {
    block(b) {
      written += b.count;
      onProgress?.({ written, total });
    },
    check() {
      if (signal?.aborted) throw new DOMException('The write was cancelled', 'AbortError');
    },
  };
}
