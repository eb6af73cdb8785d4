/**
 * Values encoded as column blocks before they are stored (putEncodedDataset, put-columns.ts):
 * free of Dexie, so pages that encode need not load the store's writers to do it.
 */
import type { Observation } from '../domain/types';
import type { BlockRecord, DictionaryRecord } from './db';
import { decodeObservation, emptyDictionary, encodeBlocks } from './columns';

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
