/**
 * Writing a dataset whose values arrive already encoded as column blocks (built in the import
 * worker and transferred, never a million objects on the page). Same guarantees as
 * `putDataset`/`replaceDataset` in dataset-write.ts: all or nothing, a large write guarded by the
 * dataset's `pending` status and a Web Lock, the old version superseded in the final commit.
 */
import type { Dataset } from '../domain/types';
import type { EncodedColumns } from './encoded-columns';
import { requireDataset } from './dataset-records';
import { datasetFromMeta, writeEncoded, type WriteOptions } from './dataset-write';
import { getDb } from './open';
import type { DatasetMeta } from './types';

export { encodeObservations, decodeEncoded, type EncodedColumns } from './encoded-columns';

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
