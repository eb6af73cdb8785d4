/**
 * The orders the store's lists come in, shared by its reads through Dexie and the first page's
 * early reads (early-read.ts), which must answer alike.
 */
import type { Dataset } from '../domain/types';
import type { RemoteSourceRecord } from './remote-records';
import type { StoredMap } from './types';

/** The dataset list: oldest import first, then by id. */
export function datasetListOrder(a: Dataset, b: Dataset): number {
  return a.importedAt.localeCompare(b.importedAt) || a.id.localeCompare(b.id);
}

/**
 * Complete datasets in import order, so a series reads the same however its ids were generated.
 * Sorts `list` itself (a fresh array from a read).
 */
export function inImportOrder(list: Dataset[]): Dataset[] {
  return list.sort((a, b) => a.importedAt.localeCompare(b.importedAt));
}

/** Remote datasets' addresses, oldest first. */
export function remoteOrder(a: RemoteSourceRecord, b: RemoteSourceRecord): number {
  return a.addedAt.localeCompare(b.addedAt);
}

/** Boundary maps, by name as Chinese sorts it. */
export function mapOrder(a: StoredMap, b: StoredMap): number {
  return a.name.localeCompare(b.name, 'zh');
}
