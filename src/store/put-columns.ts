/**
 * Writing a dataset whose values arrive already encoded as column blocks (built in the import
 * worker and transferred, never a million objects on the page). Same guarantees as
 * `putDataset`/`replaceDataset` in dataset-write.ts: all or nothing, a large write guarded by the
 * dataset's `pending` status and a Web Lock, the old version superseded in the final commit.
 */
import type { Dataset, Observation } from '../domain/types';
import type { BlockRecord, DictionaryRecord } from './db';
import { decodeObservation, emptyDictionary, encodeBlocks } from './columns';
import { requireDataset } from './dataset-records';
import { datasetFromMeta, writeEncoded, type WriteOptions } from './dataset-write';
import { getDb } from './open';
import type { DatasetMeta } from './types';

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

/**
 * Store encoded columns as a new dataset, or (with `replaces`) as the new version of a complete one.
 * `signal` cancels the write, leaving nothing stored.
 * @example const ds = await putEncodedDataset(meta, encoded, { onProgress })
 */
export async function putEncodedDataset(
  meta: DatasetMeta,
  encoded: EncodedColumns,
  opts: WriteOptions & { replaces?: string } = {},
): Promise<Dataset> {
  const old = opts.replaces === undefined ? undefined : await requireDataset(getDb(), opts.replaces, 'complete');
  const dataset = datasetFromMeta(meta, old ? old.version + 1 : 1, encoded.count);
  if (old) dataset.replaces = old.id;
  const dictionary = { ...encoded.dictionary, datasetId: dataset.id };
  for (const block of encoded.blocks) block.datasetId = dataset.id;
  await writeEncoded(dataset, dictionary, encoded.blocks, encoded.count, opts, old?.id);
  return dataset;
}

/**
 * Observations held as objects (a report's reviewed figures, a small paste) encoded for
 * `putEncodedDataset`, the app's one way of storing a dataset.
 * @example await putEncodedDataset(meta, encodeObservations(observations))
 */
export function encodeObservations(observations: readonly Observation[]): EncodedColumns {
  const dictionary = emptyDictionary('');
  return { blocks: encodeBlocks('', observations, dictionary, 0), dictionary, count: observations.length };
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
