/** Removing what an interrupted write left behind. */
import type { StoreDb } from './db';
import { getDb } from './open';

/** Web Lock name held while a chunked write of dataset `id` is in progress. */
export function writeLockName(id: string): string {
  return `indicator-dashboard-write:${id}`;
}

/**
 * Delete datasets left `pending` by a write that never finished (tab closed, crash). A pending
 * dataset whose writer still holds its Web Lock (another open tab mid-import) is left alone.
 * Returns the ids removed.
 * @example await cleanupIncomplete() // ['ds-7']
 */
export async function cleanupIncomplete(): Promise<string[]> {
  const db = getDb();
  const pending = await db.datasets.where('status').equals('pending').primaryKeys();
  if (!pending.length) return [];
  const busy = await heldWriteLocks();
  const orphans = pending.filter((id) => !busy.has(writeLockName(id)));
  if (!orphans.length) return [];
  await db.transaction('rw', [db.datasets, db.dictionaries, db.blocks], async () => {
    for (const id of orphans) await removeDatasetRecords(db, id);
  });
  return orphans;
}

/** Delete a dataset's record, dictionary and blocks; call inside a transaction over those tables. */
export async function removeDatasetRecords(db: StoreDb, id: string): Promise<void> {
  await db.blocks.where('datasetId').equals(id).delete();
  await db.dictionaries.delete(id);
  await db.datasets.delete(id);
}

async function heldWriteLocks(): Promise<Set<string>> {
  const locks = globalThis.navigator?.locks;
  if (!locks) return new Set();
  const snapshot = await locks.query();
  return new Set((snapshot.held ?? []).map((l) => l.name ?? ''));
}
