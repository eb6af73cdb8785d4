/**
 * Named queries over stored observations. Only complete datasets are read; the column layout
 * stays behind these functions.
 */
import { comparePeriods } from '../domain/period';
import type { StoreDb } from './db';
import { decodeObservation } from './columns';
import { completeDatasets, indicatorBlocks, knownCompleteDatasets, readAllBlocks, readAllBlocksInWorker } from './block-cache';
import { StoreError } from './errors';
import { getDb, isPersistent } from './open';
import type { StoredObservation } from './types';
import { shared } from './shared-reads';
import { datasetsOf, decodeSeries, seriesFilter, seriesKey, withDataset, type RowFilter, type SeriesQuery } from './series-scan';

/**
 * Every observation of one indicator, optionally limited to some datasets and regions, in
 * dataset then source order. The same question asked again of the same data gets the same
 * answer, read once (shared-reads.ts): do not change the array.
 * @example const rows = await getSeries({ indicator: '压采量', regions: ['道里区'] })
 */
export function getSeries(query: SeriesQuery): Promise<StoredObservation[]> {
  return shared(seriesKey(query), () => readSeries(query));
}

/**
 * `getSeries` read anew, not shared: for the early read's fallback (index.ts), which is itself
 * the shared answer to that question.
 * @internal
 */
export function readSeries(query: SeriesQuery): Promise<StoredObservation[]> {
  return timedScan('series', query.indicator, query.datasets, seriesFilter(query));
}

/**
 * Every observation of one indicator in one period (all regions), for comparisons and rankings.
 * Shared like `getSeries`: do not change the array.
 * @example const rows = await getSnapshot({ indicator: '压采量', period: '2024' })
 */
export function getSnapshot(query: {
  indicator: string;
  period: string;
  datasets?: readonly string[];
}): Promise<StoredObservation[]> {
  const key = JSON.stringify(['snapshot', query.indicator, query.period, query.datasets ?? []]);
  return shared(key, () =>
    timedScan('snapshot', query.indicator, query.datasets, (strings) => {
      const code = strings.indexOf(query.period);
      return (block, k) => block.period[k] === code;
    }),
  );
}

/**
 * A page of a dataset's observations in source order, for the data table.
 * @example const page = await getObservations(ds.id, { offset: 0, limit: 100 })
 */
export async function getObservations(
  datasetId: string,
  page: { offset: number; limit: number },
): Promise<StoredObservation[]> {
  const db = getDb();
  const dict = await db.dictionaries.get(datasetId);
  if (!dict) throw new StoreError('not-found', { id: datasetId });
  const start = Math.max(0, page.offset);
  const end = Math.min(dict.count, start + Math.max(0, page.limit));
  if (end <= start) return [];
  const out = new Array<StoredObservation>(end - start);
  await db.blocks.where('datasetId').equals(datasetId).each((block) => {
    for (let k = 0; k < block.count; k++) {
      const pos = block.pos[k];
      if (pos >= start && pos < end) out[pos - start] = withDataset(decodeObservation(block, k, dict.strings), datasetId);
    }
  });
  return out;
}

/**
 * Number of observations stored in one dataset, or in all complete datasets.
 * @example const n = await countObservations()
 */
export async function countObservations(datasetId?: string): Promise<number> {
  const db = getDb();
  if (datasetId !== undefined) return (await db.dictionaries.get(datasetId))?.count ?? 0;
  const ids = await db.datasets.where('status').equals('complete').primaryKeys();
  const dicts = await db.dictionaries.bulkGet(ids);
  return dicts.reduce((sum, d) => sum + (d?.count ?? 0), 0);
}

/**
 * The distinct periods of an indicator across complete datasets, sorted as text (period keys
 * of one grain sort chronologically).
 * @example await getPeriods('压采量') // ['2021', '2022', '2023', '2024']
 */
export async function getPeriods(indicator: string): Promise<string[]> {
  const db = getDb();
  const ids = await db.datasets.where('status').equals('complete').primaryKeys();
  const periods = new Set<string>();
  for (const dict of await db.dictionaries.bulkGet(ids)) {
    if (!dict) continue;
    for (const [name, codes] of dict.indicatorPeriods) {
      if (name === indicator) for (const c of codes) periods.add(dict.strings[c]);
    }
  }
  return [...periods].sort(comparePeriods);
}

/**
 * Read the stored values of every complete dataset into memory, so that later switches of
 * indicator or period need no database read: in a worker where there is one, else on the page
 * with `pause` awaited before each block (the page passes an idle callback, so its own work goes
 * first). Bounded; safe to call again.
 * @example await warmBlockCache(() => new Promise((r) => requestIdleCallback(() => r())))
 */
export async function warmBlockCache(pause: () => Promise<void> = () => Promise.resolve()): Promise<void> {
  const db = getDb();
  const datasets = await completeDatasets(db);
  // A worker reads the database on disk through a connection of its own; an in-memory one
  // (IndexedDB blocked) lives in this page only.
  const start = performance.now();
  if (isPersistent() && typeof Worker !== 'undefined') await readAllBlocksInWorker(db.name, datasets);
  else await readAllBlocks(db, datasets, pause);
  // On the page's timeline for the benchmark.
  performance.measure('store:warm', { start });
}

/**
 * `scanIndicator` on the page's timeline (`store:read`, with the query's kind and indicator):
 * tests and the benchmark tell a read from an answer shared with an earlier call by it.
 */
async function timedScan(
  kind: string,
  indicator: string,
  datasets: readonly string[] | undefined,
  makeFilter: (strings: readonly string[]) => RowFilter | undefined,
): Promise<StoredObservation[]> {
  const start = performance.now();
  const rows = await scanIndicator(getDb(), indicator, datasets, makeFilter);
  performance.measure('store:read', { start, detail: { kind, indicator } });
  return rows;
}

/** Decode the blocks of one indicator in complete (and, if given, chosen) datasets. */
async function scanIndicator(
  db: StoreDb,
  indicator: string,
  datasets: readonly string[] | undefined,
  makeFilter: (strings: readonly string[]) => RowFilter | undefined,
): Promise<StoredObservation[]> {
  // Known since the last write (the usual case after the first read): the blocks are asked for
  // at once, in the caller's task, not after a promise's turn behind the page's own update.
  const complete = knownCompleteDatasets() ?? (await completeDatasets(db));
  const wanted = datasetsOf(complete, datasets);
  const { blocks, strings } = await indicatorBlocks(db, indicator, wanted, complete);
  return decodeSeries(wanted, blocks, strings, makeFilter);
}
