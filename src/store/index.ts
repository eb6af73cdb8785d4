/**
 * The store's public API: named queries and writes over IndexedDB. The storage layout (column
 * blocks, dictionaries) is private; import from here, never from the store's inner modules.
 *
 * The whole store (Dexie, every query and writer: api.ts) loads when a call first needs it, not
 * with the first page (issue 20, initial JS). main.ts opens the database early
 * (`openStore({ early: true })`): until the whole store has loaded, the first page's reads (the
 * lists, settings, the first view's values) are answered by plain IndexedDB (early-read.ts),
 * the values through the same shared answer the whole store's own read gets (shared-reads.ts).
 * Once it has loaded and opened, every call goes straight to it.
 */
import type { Dataset, Indicator, Region } from '../domain/types';
import type { RemoteSourceRecord } from './remote-records';
import type { StoredMap, StoredObservation } from './types';
import { DEFAULT_DB_NAME, listenToOtherTabs, stopListening, versionChanged } from './changes';
import { storeVersion } from './data-version';
import { forgetSharedReads, shared } from './shared-reads';
import { clearBlockCache } from './block-cache';
import { seriesKey, type SeriesQuery } from './series-scan';
export { seriesFacts, type SeriesFacts } from './series-scan';
import {
  earlyDatasetIndicators,
  earlyDatasets,
  earlyIndicators,
  earlyMaps,
  earlyRegionAliases,
  earlyRegions,
  earlyRemotes,
  earlySeries,
  earlySetting,
  earlySettings,
  openEarly,
} from './early-read';

type Api = typeof import('./api');

interface Opened {
  name: string;
  done: Promise<{ persistent: boolean }>;
  /** The plain connection of an early opening (undefined inside: the whole store opened instead). */
  early?: Promise<IDBDatabase | undefined>;
  /** The store's count of writes when it opened: after any write the early reads answer nothing. */
  changes: number;
}

/** The database the page opened (or is opening). */
let opened: Opened | undefined;
/** The whole store once loaded, open or not (closeStore reaches it synchronously). */
let loaded: Api | undefined;
/** The whole store, loaded and open on `opened`: calls go straight to it. */
let whole: Api | undefined;
let loading: Promise<Api> | undefined;

/**
 * Open the store. Falls back to an in-memory database when IndexedDB is missing or refuses to
 * open (private mode, blocked storage) and says so with `persistent: false`. Deletes writes left
 * unfinished by a closed tab. Asked again for the same database while it is open or opening, it
 * gives the same promise; a failed open, a closed store or another name opens anew. `early`
 * (main.ts, before the app's code has arrived): read through plain IndexedDB until the whole
 * store is needed.
 * @example const { persistent } = await openStore(); if (!persistent) showBanner('store.banner.memory')
 */
export function openStore(options: { name?: string; early?: boolean } = {}): Promise<{ persistent: boolean }> {
  const name = options.name ?? DEFAULT_DB_NAME;
  if (opened?.name === name) return opened.done;
  closeStore();
  const mine: Opened = { name, done: Promise.resolve({ persistent: true }), changes: storeVersion().changes };
  opened = mine;
  if (options.early) {
    const early = openEarly(name);
    mine.early = early;
    mine.done = early.then((db) => {
      if (!db) return loadWhole().then((m) => m.openStore({ name }));
      db.onversionchange = () => {
        // A newer version in another tab: let its upgrade run; the whole store, if open, says so itself.
        db.close();
        if (opened === mine && !whole) versionChanged();
      };
      listenToOtherTabs(name);
      return { persistent: true };
    });
  } else mine.done = loadWhole().then((m) => m.openStore({ name }));
  mine.done.catch(() => {
    if (opened === mine) opened = undefined;
  });
  return mine.done;
}

/**
 * Close the store and its channel (tests, or before deleting the database).
 * @example closeStore()
 */
export function closeStore(): void {
  const at = opened;
  opened = undefined;
  whole = undefined;
  void at?.early?.then((db) => db?.close());
  loaded?.closeStore();
  stopListening();
  forgetSharedReads();
  clearBlockCache();
}

/** The whole store, loaded and opened on the database the page opened (if it opened one). */
function loadWhole(): Promise<Api> {
  if (whole) return Promise.resolve(whole);
  loading ??= import('./api').then((m) => (loaded = m));
  return loading.then((m) => {
    const at = opened;
    // Nothing opened (or closed meanwhile): the store's own calls say it is closed.
    if (!at) return m;
    return m.openStore({ name: at.name }).then(() => {
      if (opened === at && !whole) {
        whole = m;
        // Reads already under way on the early connection finish first; later ones come here.
        void at.early?.then((db) => db?.close());
      }
      return m;
    });
  });
}

/** A call of the whole store, loaded first if need be. */
function later<K extends keyof Api>(name: K): Api[K] {
  const call = (m: Api, args: unknown[]) => (m[name] as (...a: unknown[]) => unknown)(...args);
  return ((...args: unknown[]) => (whole ? call(whole, args) : loadWhole().then((m) => call(m, args)))) as unknown as Api[K];
}

/** The early connection while it may answer: opened early, no write since, the whole store not open. */
function earlyConnection(): Promise<IDBDatabase | undefined> | undefined {
  const at = opened;
  return !whole && at?.early && storeVersion().changes === at.changes ? at.early : undefined;
}

/** Ask the early connection, else (or when it fails) the whole store. */
function early<T>(read: (db: IDBDatabase) => Promise<T>, fromWhole: (m: Api) => Promise<T>): Promise<T> {
  if (whole) return fromWhole(whole);
  const connection = earlyConnection();
  if (!connection) return loadWhole().then(fromWhole);
  return connection
    .then((db) => (db ? read(db) : Promise.reject(new Error('no early connection'))))
    .catch(() => loadWhole().then(fromWhole));
}

/**
 * Every observation of one indicator, optionally limited to some datasets and regions, in
 * dataset then source order. The same question asked again of the same data gets the same
 * answer, read once (shared-reads.ts): do not change the array.
 * @example const rows = await getSeries({ indicator: '压采量', regions: ['道里区'] })
 */
export function getSeries(query: SeriesQuery): Promise<StoredObservation[]> {
  if (whole) return whole.getSeries(query);
  const connection = earlyConnection();
  if (!connection) return loadWhole().then((m) => m.getSeries(query));
  // The whole store's own read of this question (observations.ts) gets this answer; a failed
  // early read is read anew there, not shared (it is this very answer).
  return shared(seriesKey(query), () =>
    connection
      .then((db) => (db ? earlySeries(db, query) : Promise.reject(new Error('no early connection'))))
      .catch(() => loadWhole().then((m) => m.readSeries(query))),
  );
}

/** Datasets visible to the user, oldest import first (see datasets.ts). @example await getDatasets() */
export function getDatasets(options: { includeHidden?: boolean } = {}): Promise<Dataset[]> {
  return early(
    (db) => earlyDatasets(db, options),
    (m) => m.getDatasets(options),
  );
}

/** All indicators, by name, with the calculated ones. @example await getIndicators() */
export function getIndicators(): Promise<Indicator[]> {
  return early(earlyIndicators, (m) => m.getIndicators());
}

/** All regions seen in imports, by name. @example await getRegions() */
export function getRegions(): Promise<Region[]> {
  return early(earlyRegions, (m) => m.getRegions());
}

/** Dataset id → the indicators it holds. @example (await getDatasetIndicators()).get('ds-1') */
export function getDatasetIndicators(): Promise<Map<string, string[]>> {
  return early(earlyDatasetIndicators, (m) => m.getDatasetIndicators());
}

/** Every remote dataset address kept, oldest first. @example await getRemotes() */
export function getRemotes(): Promise<RemoteSourceRecord[]> {
  return early(earlyRemotes, (m) => m.getRemotes());
}

/** One setting's value, or undefined when unset. @example await getSetting<string>('theme') */
export function getSetting<T = unknown>(key: string): Promise<T | undefined> {
  return early(
    (db) => earlySetting<T>(db, key),
    (m) => m.getSetting<T>(key),
  );
}

/** All settings as a Map. @example await getSettings() */
export function getSettings(): Promise<Map<string, unknown>> {
  return early(earlySettings, (m) => m.getSettings());
}

/** Every region alias, name → code, with no prototype. @example await getRegionAliases() */
export function getRegionAliases(): Promise<Record<string, string>> {
  return early(earlyRegionAliases, (m) => m.getRegionAliases());
}

/** All boundary maps, by name. @example await getMaps() */
export function getMaps(): Promise<StoredMap[]> {
  return early(earlyMaps, (m) => m.getMaps());
}

// Synchronous, and free of Dexie: from the modules themselves.
export { DEFAULT_DB_NAME, onVersionChange, onStoreChange, onWrite, type StoreChange } from './changes';
export { storeVersion, type StoreVersion } from './data-version';
export { newId } from './ids';
export { setRemoteProvider, type RemoteProvider } from './remote-provider';
export { DERIVED_SETTING_KEY, setDerivedEngine, type DerivedEngine } from './derived-engine';
export { inferPolarity } from './polarity';
export { StoreError, STORE_ERROR_CODES, isQuotaError, formatBytes, type StoreErrorCode } from './errors';
export { encodeObservations, decodeEncoded, type EncodedColumns } from './encoded-columns';
export { statusWordsOf } from './ledger-records';

export const cleanupIncomplete = later('cleanupIncomplete');
export const getDataset = later('getDataset');
export const renameDataset = later('renameDataset');
export const deleteDataset = later('deleteDataset');
export const undoDelete = later('undoDelete');
export const purgeDeleted = later('purgeDeleted');
export const restorePreviousVersion = later('restorePreviousVersion');
export const discardPreviousVersion = later('discardPreviousVersion');
export const appendToDataset = later('appendToDataset');
// The one write of a new dataset or version: encoded columns (from the import worker, or encodeObservations).
export const putEncodedDataset = later('putEncodedDataset');
export const getObservations = later('getObservations');
export const countObservations = later('countObservations');
export const warmBlockCache = later('warmBlockCache');
export const putIndicator = later('putIndicator');
export const getSnapshot = later('getSnapshot');
export const getPeriods = later('getPeriods');
export const getDerivedDefinitions = later('getDerivedDefinitions');
export const putDerivedDefinition = later('putDerivedDefinition');
export const deleteDerivedDefinition = later('deleteDerivedDefinition');
export type { DerivedSaveResult } from './derived-definitions';
export const putRemote = later('putRemote');
export const deleteRemote = later('deleteRemote');
export type { RemoteSourceRecord } from './remote-records';
export const getViews = later('getViews');
export const getView = later('getView');
export const putView = later('putView');
export const deleteView = later('deleteView');
export const getDecks = later('getDecks');
export const getDeck = later('getDeck');
export const putDeck = later('putDeck');
export const deleteDeck = later('deleteDeck');
export const putSetting = later('putSetting');
export const deleteSetting = later('deleteSetting');
export const getMap = later('getMap');
export const putMap = later('putMap');
export const deleteMap = later('deleteMap');
export const putRegionAliases = later('putRegionAliases');
export const deleteRegionAlias = later('deleteRegionAlias');
export const exportWorkspace = later('exportWorkspace');
export const importWorkspace = later('importWorkspace');
export const putLedger = later('putLedger');
export const getLedgers = later('getLedgers');
export const getLedger = later('getLedger');
export const getLedgerTasks = later('getLedgerTasks');
export const getLedgerEvents = later('getLedgerEvents');
export const getTaskEvents = later('getTaskEvents');
export const editTask = later('editTask');
export const undoLastEdit = later('undoLastEdit');
export const recolourLedger = later('recolourLedger');
export const setLedgerRules = later('setLedgerRules');
export const setStatusWords = later('setStatusWords');
export const deleteLedger = later('deleteLedger');
export type { LedgerInput, TaskEdit } from './ledgers';
export type { LedgerRecord, LedgerTaskRecord, LedgerEventRecord, TaskEditField } from './ledger-records';
export const getStorageInfo = later('getStorageInfo');
export const requestPersistence = later('requestPersistence');
export type * from './types';
