/** Helpers shared by the dataset modules: lookups with status checks and record removal. */
import type { Dataset } from '../domain/types';
import type { StoreDb } from './db';
import { removeDatasetRecords } from './cleanup';
import { StoreError } from './errors';
import { announce, getDb } from './open';

/** The tables a dataset write touches. */
export function dataTables(db: StoreDb) {
  return [db.datasets, db.dictionaries, db.blocks, db.indicators, db.regions];
}

/** The dataset `id`, which must exist and have `status`. */
export async function requireDataset(db: StoreDb, id: string, status: Dataset['status']): Promise<Dataset> {
  const ds = await db.datasets.get(id);
  if (!ds) throw new StoreError('not-found', { id });
  if (ds.status !== status) throw new StoreError('invalid-state', { id, status: ds.status });
  return ds;
}

/** Change one dataset record in a transaction and announce it. */
export async function updateDataset(id: string, change: (ds: Dataset) => Dataset): Promise<Dataset> {
  const db = getDb();
  let updated: Dataset | undefined;
  await db.transaction('rw', db.datasets, async () => {
    const ds = await db.datasets.get(id);
    if (!ds) throw new StoreError('not-found', { id });
    updated = change(ds);
    await db.datasets.put(updated);
  });
  announce({ scope: 'datasets', id });
  return updated!;
}

/** Remove a dataset and the chain of superseded versions behind it; returns the ids removed. */
export async function removeWithPredecessors(db: StoreDb, dataset: Dataset): Promise<string[]> {
  const removed: string[] = [];
  let current: Dataset | undefined = dataset;
  while (current) {
    await removeDatasetRecords(db, current.id);
    removed.push(current.id);
    const previous: Dataset | undefined =
      current.replaces === undefined ? undefined : await db.datasets.get(current.replaces);
    current = previous?.status === 'superseded' ? previous : undefined;
  }
  return removed;
}
