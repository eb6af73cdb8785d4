/**
 * Datasets as the user manages them: list, rename, soft delete with undo, purge, and going back
 * to (or discarding) the version a replacement superseded.
 */
import type { Dataset } from '../domain/types';
import { removeDatasetRecords } from './cleanup';
import { removeWithPredecessors, requireDataset, updateDataset } from './dataset-records';
import { StoreError } from './errors';
import { announce, getDb } from './open';
import type { DeleteToken } from './types';
import { datasetListOrder } from './orders';

/**
 * Datasets visible to the user (status `complete`), oldest import first. With `includeHidden`,
 * also deleted and superseded ones (for undo and version history); never pending ones.
 * @example const list = await getDatasets()
 */
export async function getDatasets(options: { includeHidden?: boolean } = {}): Promise<Dataset[]> {
  const db = getDb();
  const all = options.includeHidden
    ? await db.datasets.where('status').noneOf(['pending']).toArray()
    : await db.datasets.where('status').equals('complete').toArray();
  return all.sort(datasetListOrder);
}

/**
 * One dataset by id, whatever its status, or undefined.
 * @example const ds = await getDataset('ds-1')
 */
export async function getDataset(id: string): Promise<Dataset | undefined> {
  return getDb().datasets.get(id);
}

/**
 * Rename a dataset.
 * @example await renameDataset(ds.id, '2024年（修订）')
 */
export async function renameDataset(id: string, name: string): Promise<Dataset> {
  return updateDataset(id, (ds) => ({ ...ds, name }));
}

/**
 * Hide a dataset (status `deleted`); its data stays until `purgeDeleted`, so `undoDelete`
 * brings it back exactly.
 * @example const token = await deleteDataset(ds.id)
 */
export async function deleteDataset(id: string): Promise<DeleteToken> {
  const deletedAt = new Date().toISOString();
  await updateDataset(id, (ds) => {
    if (ds.status !== 'complete') throw new StoreError('invalid-state', { id, status: ds.status });
    return { ...ds, status: 'deleted', deletedAt };
  });
  return { id, deletedAt };
}

/**
 * Bring back a dataset hidden by `deleteDataset`.
 * @example await undoDelete(token.id)
 */
export async function undoDelete(id: string): Promise<Dataset> {
  return updateDataset(id, (ds) => {
    if (ds.status !== 'deleted') throw new StoreError('invalid-state', { id, status: ds.status });
    const restored: Dataset = { ...ds, status: 'complete' };
    delete restored.deletedAt;
    return restored;
  });
}

/**
 * Remove for good the datasets deleted at least `olderThanMs` ago, with any earlier versions
 * they had superseded. Returns the ids removed.
 * @example await purgeDeleted(7 * 24 * 3600 * 1000)
 */
export async function purgeDeleted(olderThanMs = 0): Promise<string[]> {
  const db = getDb();
  const cutoff = Date.now() - olderThanMs;
  const removed: string[] = [];
  await db.transaction('rw', [db.datasets, db.dictionaries, db.blocks], async () => {
    const deleted = await db.datasets.where('status').equals('deleted').toArray();
    for (const ds of deleted) {
      if (ds.deletedAt !== undefined && Date.parse(ds.deletedAt) > cutoff) continue;
      removed.push(...(await removeWithPredecessors(db, ds)));
    }
  });
  if (removed.length) announce({ scope: 'datasets' });
  return removed;
}

/**
 * Undo a replace: the previous version becomes visible again and the newer one is removed.
 * Returns the restored dataset.
 * @example const v1 = await restorePreviousVersion(v2.id)
 */
export async function restorePreviousVersion(newId: string): Promise<Dataset> {
  const db = getDb();
  let restored: Dataset | undefined;
  await db.transaction('rw', [db.datasets, db.dictionaries, db.blocks], async () => {
    const current = await requireDataset(db, newId, 'complete');
    const previous = current.replaces === undefined ? undefined : await db.datasets.get(current.replaces);
    if (!previous || previous.status !== 'superseded') {
      throw new StoreError('invalid-state', { id: newId, status: current.status });
    }
    restored = { ...previous, status: 'complete' };
    await db.datasets.put(restored);
    await removeDatasetRecords(db, newId);
  });
  announce({ scope: 'datasets', id: restored!.id });
  return restored!;
}

/**
 * Remove the version a dataset replaced, for good; it can no longer be restored.
 * @example await discardPreviousVersion(v2.id)
 */
export async function discardPreviousVersion(newId: string): Promise<Dataset> {
  const db = getDb();
  let updated: Dataset | undefined;
  await db.transaction('rw', [db.datasets, db.dictionaries, db.blocks], async () => {
    const current = await db.datasets.get(newId);
    if (!current) throw new StoreError('not-found', { id: newId });
    const previous = current.replaces === undefined ? undefined : await db.datasets.get(current.replaces);
    if (previous?.status === 'superseded') await removeWithPredecessors(db, previous);
    updated = { ...current };
    delete updated.replaces;
    await db.datasets.put(updated);
  });
  announce({ scope: 'datasets', id: newId });
  return updated!;
}
