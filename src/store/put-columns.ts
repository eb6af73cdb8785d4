/**
 * Writing a dataset whose values arrive already encoded as column blocks (built in the import
 * worker and transferred, never a million objects on the page). Same guarantees as
 * `putDataset`/`replaceDataset` in dataset-write.ts: all or nothing, a large write guarded by the
 * dataset's `pending` status and a Web Lock, the old version superseded in the final commit.
 */
import type { Dataset, Observation } from '../domain/types';
import type { BlockRecord, DictionaryRecord, StoreDb } from './db';
import { decodeObservation } from './columns';
import { cleanupIncomplete, removeDatasetRecords, writeLockName } from './cleanup';
import { dataTables, requireDataset } from './dataset-records';
import { toStoreError } from './errors';
import { newId } from './ids';
import { upsertMetadata } from './metadata';
import { announce, getDb } from './open';
import type { DatasetMeta, PutOptions } from './types';

/**
 * Blocks and their dictionary, encoded for no dataset yet (`datasetId` is set when stored).
 * @example const encoded: EncodedColumns = { blocks, dictionary, count: 1_000_000 }
 */
export interface EncodedColumns {
  blocks: BlockRecord[];
  dictionary: DictionaryRecord;
  /** Number of observations in all blocks. */
  count: number;
}

const SINGLE_TRANSACTION_LIMIT = 2_000_000;
const BLOCKS_PER_CHUNK = 20;

/**
 * Store encoded columns as a new dataset, or (with `replaces`) as the new version of a complete one.
 * @example const ds = await putEncodedDataset(meta, encoded, { onProgress })
 */
export async function putEncodedDataset(
  meta: DatasetMeta,
  encoded: EncodedColumns,
  opts: PutOptions & { replaces?: string } = {},
): Promise<Dataset> {
  const db = getDb();
  const old = opts.replaces === undefined ? undefined : await requireDataset(db, opts.replaces, 'complete');
  const dataset = datasetFromMeta(meta, old ? old.version + 1 : 1, encoded.count);
  if (old) dataset.replaces = old.id;
  const dictionary = { ...encoded.dictionary, datasetId: dataset.id };
  for (const block of encoded.blocks) block.datasetId = dataset.id;
  const limit = opts.singleTransactionLimit ?? SINGLE_TRANSACTION_LIMIT;
  let written = 0;
  const progress = (chunk: readonly BlockRecord[]): void => {
    for (const b of chunk) written += b.count;
    opts.onProgress?.({ written, total: encoded.count });
  };
  const finish = async (): Promise<void> => {
    await db.dictionaries.put(dictionary);
    await upsertMetadata(db, encoded.blocks, dictionary.strings);
    if (old) await db.datasets.put({ ...(await requireDataset(db, old.id, 'complete')), status: 'superseded' });
    await db.datasets.put(dataset);
  };
  try {
    if (encoded.count <= limit) {
      await db.transaction('rw', dataTables(db), async () => {
        await db.datasets.add({ ...dataset, status: 'pending' });
        for (const chunk of chunks(encoded.blocks)) {
          await db.blocks.bulkAdd(chunk);
          progress(chunk);
        }
        await finish();
      });
    } else {
      await withWriteLock(dataset.id, async () => {
        await db.datasets.add({ ...dataset, status: 'pending' });
        for (const chunk of chunks(encoded.blocks)) {
          await db.transaction('rw', [db.blocks, db.datasets], async () => {
            await requireDataset(db, dataset.id, 'pending');
            await db.blocks.bulkAdd(chunk);
          });
          progress(chunk);
        }
        await db.transaction('rw', dataTables(db), async () => {
          await requireDataset(db, dataset.id, 'pending');
          await finish();
        });
      });
    }
  } catch (error) {
    if (encoded.count > limit) await discardPending(db, dataset.id);
    throw await toStoreError(error);
  }
  announce({ scope: 'datasets', id: dataset.id });
  return dataset;
}

/**
 * The observations of encoded columns, in their original order (for appending to a dataset,
 * whose dictionary the blocks must be re-encoded against).
 * @example await appendToDataset(id, decodeEncoded(encoded))
 */
export function decodeEncoded(encoded: EncodedColumns): Observation[] {
  const out = new Array<Observation>(encoded.count);
  for (const block of encoded.blocks) {
    for (let k = 0; k < block.count; k++) out[block.pos[k]] = decodeObservation(block, k, encoded.dictionary.strings);
  }
  return out;
}

function* chunks(blocks: readonly BlockRecord[]): Generator<BlockRecord[]> {
  for (let i = 0; i < blocks.length; i += BLOCKS_PER_CHUNK) yield blocks.slice(i, i + BLOCKS_PER_CHUNK);
}

function datasetFromMeta(meta: DatasetMeta, version: number, rowCount: number): Dataset {
  // Keys set to undefined would not survive a JSON backup (as in dataset-write.ts).
  const defined = Object.entries(meta).filter(([, v]) => v !== undefined);
  return {
    ...(Object.fromEntries(defined) as DatasetMeta),
    id: meta.id ?? newId('ds'),
    importedAt: meta.importedAt ?? new Date().toISOString(),
    rowCount,
    status: 'complete',
    version,
  };
}

async function discardPending(db: StoreDb, id: string): Promise<void> {
  try {
    await db.transaction('rw', [db.datasets, db.dictionaries, db.blocks], () => removeDatasetRecords(db, id));
  } catch {
    await cleanupIncomplete().catch(() => undefined);
  }
}

async function withWriteLock(id: string, write: () => Promise<void>): Promise<void> {
  const locks = globalThis.navigator?.locks;
  if (!locks) return write();
  await locks.request(writeLockName(id), write);
}
