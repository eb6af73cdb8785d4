/**
 * The whole workspace as one versioned, JSON-writable object, and restoring from it (replace or
 * merge) in one transaction: a restore that fails leaves the database as it was.
 */
import type { Dataset, Observation } from '../domain/types';
import type { StoreDb } from './db';
import { fromBackupColumns, toBackupColumns } from './backup-columns';
import { BACKUP_FORMAT, BACKUP_VERSION, readBackup } from './backup-readers';
import { exportTables, restoreTables } from './backup-tables';
import { decodeObservation, emptyDictionary, encodeBlocks } from './columns';
import { toStoreError } from './errors';
import { announce, getDb } from './open';
import type { ImportSummary, WorkspaceBackup } from './types';

/**
 * Everything in the workspace except unfinished writes: datasets (also deleted and superseded
 * ones, so undo and restore survive a round trip), observations, metadata, views, decks,
 * settings and maps, and every other table as it is (ledgers with their trails, region aliases,
 * remote datasets: `tables`).
 * @example const text = JSON.stringify(await exportWorkspace())
 */
export async function exportWorkspace(): Promise<WorkspaceBackup> {
  const db = getDb();
  return db.transaction('r', db.tables, async () => {
    const datasets = await db.datasets.where('status').noneOf(['pending']).toArray();
    datasets.sort((a, b) => a.importedAt.localeCompare(b.importedAt) || a.id.localeCompare(b.id));
    const observations = [];
    for (const ds of datasets) observations.push(toBackupColumns(ds.id, await readAll(db, ds.id)));
    return {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: new Date().toISOString(),
      datasets,
      observations,
      indicators: await db.indicators.toArray(),
      regions: await db.regions.toArray(),
      views: await db.views.toArray(),
      decks: await db.decks.toArray(),
      settings: await db.settings.toArray(),
      maps: await db.maps.toArray(),
      tables: await exportTables(db),
    } satisfies WorkspaceBackup;
  });
}

/**
 * Restore a backup (any version with a reader; pass the parsed JSON). `replace` empties the
 * workspace first; `merge` keeps everything here and adds only records whose id (or name, or
 * key) is new (a ledger's tasks and trail come only with their ledger: see backup-tables.ts). Throws `StoreError('backup-format' | 'backup-version' | 'quota')`; on any error
 * nothing changes.
 * @example await importWorkspace(JSON.parse(text), { mode: 'merge' })
 */
export async function importWorkspace(raw: unknown, options: { mode: 'replace' | 'merge' }): Promise<ImportSummary> {
  const backup = readBackup(raw);
  const db = getDb();
  const summary: ImportSummary = { datasets: 0, observations: 0, skipped: 0 };
  const columnsByDataset = new Map(backup.observations.map((c) => [c.datasetId, c]));
  try {
    await db.transaction('rw', db.tables, async () => {
      if (options.mode === 'replace') await Promise.all(db.tables.map((t) => t.clear()));
      const existing = new Set(await db.datasets.toCollection().primaryKeys());
      for (const dataset of backup.datasets) {
        if (existing.has(dataset.id)) {
          summary.skipped++;
          continue;
        }
        const columns = columnsByDataset.get(dataset.id);
        const observations = columns ? fromBackupColumns(columns) : [];
        await writeRestored(db, dataset, observations);
        summary.datasets++;
        summary.observations += observations.length;
      }
      summary.skipped += await addMissing(db.indicators, backup.indicators, (r) => r.name);
      summary.skipped += await addMissing(db.regions, backup.regions, (r) => r.name);
      summary.skipped += await addMissing(db.views, backup.views, (r) => r.id);
      summary.skipped += await addMissing(db.decks, backup.decks, (r) => r.id);
      summary.skipped += await addMissing(db.settings, backup.settings, (r) => r.key);
      summary.skipped += await addMissing(db.maps, backup.maps, (r) => r.id);
      summary.skipped += await restoreTables(db, backup.tables, options.mode);
    });
  } catch (error) {
    throw await toStoreError(error);
  }
  announce({ scope: 'workspace' });
  return summary;
}

/** A dataset's observations in source order. */
async function readAll(db: StoreDb, datasetId: string): Promise<Observation[]> {
  const dict = await db.dictionaries.get(datasetId);
  if (!dict) return [];
  const out = new Array<Observation>(dict.count);
  await db.blocks.where('datasetId').equals(datasetId).each((block) => {
    for (let k = 0; k < block.count; k++) out[block.pos[k]] = decodeObservation(block, k, dict.strings);
  });
  return out;
}

async function writeRestored(db: StoreDb, dataset: Dataset, observations: Observation[]): Promise<void> {
  const dict = emptyDictionary(dataset.id);
  await db.blocks.bulkAdd(encodeBlocks(dataset.id, observations, dict, 0));
  await db.dictionaries.put(dict);
  await db.datasets.add(dataset);
}

/** Add the records whose key is not in the table yet; returns how many were already there. */
async function addMissing<T, K extends string>(
  table: { bulkGet(keys: K[]): Promise<(T | undefined)[]>; bulkAdd(items: readonly T[]): Promise<unknown> },
  items: readonly T[],
  key: (item: T) => K,
): Promise<number> {
  if (!items.length) return 0;
  const stored = await table.bulkGet(items.map(key));
  const fresh = items.filter((_, i) => stored[i] === undefined);
  if (fresh.length) await table.bulkAdd(fresh);
  return items.length - fresh.length;
}
