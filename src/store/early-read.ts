/**
 * The first page's reads without Dexie (issue 20). main.ts opens the database early; until the
 * whole store (Dexie, every query and writer: ~33 KB gzip) has loaded, the lists, the settings
 * and the first view's values are read here with plain IndexedDB, one readonly transaction per
 * question, and answered exactly as the whole store answers them (the same orders, the same
 * decoding: orders.ts, series-scan.ts).
 *
 * What this does not answer is left to the whole store (index.ts routes): a database that does
 * not exist yet or has another schema version, a write left pending by a closed tab (the whole
 * store's opening removes it), calculated indicators (their reads compute), remote datasets,
 * and anything after a write. A read that fails here is read again there: it never hides data.
 */
import type { Dataset, Indicator, Region } from '../domain/types';
import type { BlockRecord, DictionaryRecord } from './db';
import type { RegionAliasRecord } from './alias-records';
import type { RemoteSourceRecord } from './remote-records';
import type { Setting, StoredMap, StoredObservation } from './types';
import { DERIVED_SETTING_KEY } from './derived-engine';
import { datasetListOrder, inImportOrder, mapOrder, remoteOrder } from './orders';
import { datasetsOf, decodeSeries, seriesFilter, type SeriesQuery } from './series-scan';
import { keepIndicatorBlocks } from './block-cache';
import { takeStarted, type StartedRead } from './early-start';

/**
 * The IndexedDB version of this build's schema: Dexie stores its version n (db.ts: 3) as n × 10.
 * A unit test checks it against Dexie's.
 */
export const STORED_VERSION = 30;
/** The tables the early reads use; a database without any of them is not this build's. */
const TABLES = ['datasets', 'dictionaries', 'blocks', 'indicators', 'regions', 'settings', 'remotes', 'regionAliases', 'maps'];

/**
 * A plain connection to database `name` when the early reads can answer from it, else
 * undefined (never rejects): no IndexedDB, no such database (it is not created here), another
 * version, a pending write, or calculated indicators defined. The opening public/early-open.js
 * started while the HTML was parsed is taken over when there is one (early-start.ts).
 * @example const db = await openEarly('indicator-dashboard')
 */
export function openEarly(name: string): Promise<IDBDatabase | undefined> {
  const started = takeStarted(name);
  const opening = started ? started.catch(() => undefined) : openPlain(name).then((db) => db && { db, read: undefined });
  return opening.then((answer) => {
    if (!answer) return undefined;
    const { db, read } = answer;
    const ours = db.version === STORED_VERSION && TABLES.every((t) => db.objectStoreNames.contains(t));
    const usable = !ours ? Promise.resolve(false) : read ? Promise.resolve(alike(read.pending, read.derived)) : answersAlike(db).catch(() => false);
    return usable.then((yes) => {
      if (!yes) db.close();
      else if (read) startedReads.set(db, read);
      return yes ? db : undefined;
    });
  });
}

/** The connection itself: undefined when there is no IndexedDB or no such database. */
function openPlain(name: string): Promise<IDBDatabase | undefined> {
  return new Promise<IDBDatabase | undefined>((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      if (typeof indexedDB === 'undefined') return resolve(undefined);
      // No version: the database as it is, whatever its version.
      request = indexedDB.open(name);
    } catch {
      return resolve(undefined);
    }
    // Asked to upgrade only when there is no such database: the whole store creates it.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = (event) => {
      event.preventDefault();
      resolve(undefined);
    };
    request.onsuccess = () => resolve(request.result);
  });
}

/** Whether nothing stored needs the whole store to be read right: no pending write, no calculated indicator. */
function answersAlike(db: IDBDatabase): Promise<boolean> {
  return inTransaction(db, ['datasets', 'settings'], (tx) => {
    const pending = tx.objectStore('datasets').index('status').count('pending');
    const derived = tx.objectStore('settings').get(DERIVED_SETTING_KEY);
    return () => alike(pending.result, derived.result as Setting | undefined);
  });
}

function alike(pending: number, derived: Setting | undefined): boolean {
  return pending === 0 && !(derived?.value as unknown[] | undefined)?.length;
}

/** The first series' records early-open.js read, by connection, until the series is asked for. */
const startedReads = new WeakMap<IDBDatabase, StartedRead>();

/**
 * One readonly transaction over `tables`: `ask` makes its requests and gives back how to read
 * the answer, which is read once the transaction has completed.
 */
function inTransaction<T>(db: IDBDatabase, tables: string[], ask: (tx: IDBTransaction) => () => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const tx = db.transaction(tables, 'readonly');
    const answer = ask(tx);
    tx.oncomplete = () => resolve(answer());
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('aborted'));
  });
}

/** Every record of one table, in key order. */
function all<T>(db: IDBDatabase, table: string): Promise<T[]> {
  return inTransaction(db, [table], (tx) => {
    const request = tx.objectStore(table).getAll();
    return () => request.result as T[];
  });
}

/** `getDatasets` (datasets.ts): complete ones, or every one but pending ones with `includeHidden`. */
export function earlyDatasets(db: IDBDatabase, options: { includeHidden?: boolean } = {}): Promise<Dataset[]> {
  return all<Dataset>(db, 'datasets').then((list) =>
    list.filter((d) => (options.includeHidden ? d.status !== 'pending' : d.status === 'complete')).sort(datasetListOrder),
  );
}

/** `getIndicators` (indicators.ts): by name, the table's key. */
export function earlyIndicators(db: IDBDatabase): Promise<Indicator[]> {
  return all<Indicator>(db, 'indicators');
}

/** `getRegions` (indicators.ts): by name, the table's key. */
export function earlyRegions(db: IDBDatabase): Promise<Region[]> {
  return all<Region>(db, 'regions');
}

/** `getDatasetIndicators` (dataset-indicators.ts). */
export function earlyDatasetIndicators(db: IDBDatabase): Promise<Map<string, string[]>> {
  return all<DictionaryRecord>(db, 'dictionaries').then(
    (dicts) => new Map(dicts.map((dict) => [dict.datasetId, dict.indicatorPeriods.map(([name]) => name)])),
  );
}

/** `getRemotes` (remotes.ts). */
export function earlyRemotes(db: IDBDatabase): Promise<RemoteSourceRecord[]> {
  return all<RemoteSourceRecord>(db, 'remotes').then((list) => list.sort(remoteOrder));
}

/** `getSetting` (settings.ts). */
export function earlySetting<T>(db: IDBDatabase, key: string): Promise<T | undefined> {
  return inTransaction(db, ['settings'], (tx) => {
    const request = tx.objectStore('settings').get(key);
    return () => (request.result as Setting | undefined)?.value as T | undefined;
  });
}

/** `getSettings` (settings.ts). */
export function earlySettings(db: IDBDatabase): Promise<Map<string, unknown>> {
  return all<Setting>(db, 'settings').then((rows) => new Map(rows.map((r) => [r.key, r.value])));
}

/** `getRegionAliases` (aliases.ts): a name → code object with no prototype. */
export function earlyRegionAliases(db: IDBDatabase): Promise<Record<string, string>> {
  return all<RegionAliasRecord>(db, 'regionAliases').then((records) => {
    const out = Object.create(null) as Record<string, string>;
    for (const r of records) out[r.alias] = r.code;
    return out;
  });
}

/** `getMaps` (maps.ts): the map tab's list, which the dashboard asks for as it mounts. */
export function earlyMaps(db: IDBDatabase): Promise<StoredMap[]> {
  return all<StoredMap>(db, 'maps').then((maps) => maps.sort(mapOrder));
}

/**
 * `getSeries`'s read (observations.ts): the complete datasets, the indicator's blocks and the
 * datasets' strings in one transaction, decoded as the store decodes them; the blocks are kept
 * in the store's block cache as its own read keeps them. On the page's timeline as `store:read`.
 * @example const rows = await earlySeries(db, { indicator: '压采量' })
 */
export function earlySeries(db: IDBDatabase, query: SeriesQuery): Promise<StoredObservation[]> {
  const start = performance.now();
  const started = startedReads.get(db);
  // Read by early-open.js before the app's code arrived: decoded here, once.
  if (started && started.indicator === query.indicator) {
    startedReads.delete(db);
    const strings = new Map(Object.keys(started.dictionaries).map((id) => [id, started.dictionaries[id]?.strings ?? []]));
    const rows = seriesOf(query, started.complete, strings, started.blocks);
    performance.measure('store:read', { start, detail: { kind: 'series', indicator: query.indicator, early: true, started: true } });
    return Promise.resolve(rows);
  }
  return inTransaction(db, ['datasets', 'blocks', 'dictionaries'], (tx) => {
    let complete: Dataset[] = [];
    const strings = new Map<string, readonly string[]>();
    const datasets = tx.objectStore('datasets').index('status').getAll('complete');
    datasets.onsuccess = () => {
      complete = datasets.result as Dataset[];
      for (const d of datasetsOf(inImportOrder(complete), query.datasets)) {
        const dict = tx.objectStore('dictionaries').get(d.id);
        dict.onsuccess = () => strings.set(d.id, (dict.result as DictionaryRecord | undefined)?.strings ?? []);
      }
    };
    const blocks = tx.objectStore('blocks').index('indicator').getAll(query.indicator);
    return () => seriesOf(query, complete, strings, blocks.result as BlockRecord[]);
  }).then((rows) => {
    performance.measure('store:read', { start, detail: { kind: 'series', indicator: query.indicator, early: true } });
    return rows;
  });
}

/**
 * A series from its records as read (the complete datasets, their strings, the indicator's
 * blocks), decoded as the store decodes them; the blocks are kept in the store's block cache as
 * its own read keeps them.
 */
function seriesOf(
  query: SeriesQuery,
  completeRecords: Dataset[],
  strings: ReadonlyMap<string, readonly string[]>,
  blockRecords: readonly BlockRecord[],
): StoredObservation[] {
  const complete = inImportOrder(completeRecords);
  const wanted = datasetsOf(complete, query.datasets);
  const byDataset = new Map<string, BlockRecord[]>(wanted.map((d) => [d.id, []]));
  for (const block of blockRecords) byDataset.get(block.datasetId)?.push(block);
  for (const list of byDataset.values()) list.sort((a, b) => a.seq - b.seq);
  keepIndicatorBlocks(query.indicator, wanted, complete, byDataset, strings);
  return decodeSeries(wanted, byDataset, strings, seriesFilter(query));
}
