/**
 * The whole store: every query and writer, over Dexie. Loaded by the store's index (index.ts)
 * when first needed, never imported elsewhere: import the store from its index.
 */
export { openStore, closeStore, onVersionChange, onStoreChange, onWrite, DEFAULT_DB_NAME, type StoreChange } from './open';
export { cleanupIncomplete } from './cleanup';
export { storeVersion, type StoreVersion } from './data-version';
export {
  getDataset,
  renameDataset,
  deleteDataset,
  undoDelete,
  purgeDeleted,
  restorePreviousVersion,
  discardPreviousVersion,
} from './datasets';
export { appendToDataset } from './dataset-write';
export { newId } from './ids';
// The one write of a new dataset or version: encoded columns (from the import worker, or encodeObservations).
export { putEncodedDataset, encodeObservations, decodeEncoded, type EncodedColumns } from './put-columns';
export { getObservations, countObservations, warmBlockCache, readSeries } from './observations';
export { putIndicator } from './indicators';
// Remote (read-in-place) datasets join these reads: see remote-read.ts (issue 26).
export { getDatasets, getRegions, setRemoteProvider, type RemoteProvider } from './remote-read';
// Calculated indicators (issue 25) join these reads, over the remote ones: see derived-definitions.ts.
export {
  getSeries,
  getSnapshot,
  getPeriods,
  getIndicators,
  getDatasetIndicators,
  getDerivedDefinitions,
  putDerivedDefinition,
  deleteDerivedDefinition,
  setDerivedEngine,
  DERIVED_SETTING_KEY,
  type DerivedEngine,
  type DerivedSaveResult,
} from './derived-definitions';
export { getRemotes, putRemote, deleteRemote } from './remotes';
export type { RemoteSourceRecord } from './remote-records';
export { inferPolarity } from './polarity';
export { getViews, getView, putView, deleteView } from './views';
export { getDecks, getDeck, putDeck, deleteDeck } from './decks';
export { getSetting, getSettings, putSetting, deleteSetting } from './settings';
export { getMaps, getMap, putMap, deleteMap } from './maps';
export { getRegionAliases, putRegionAliases, deleteRegionAlias } from './aliases';
export { exportWorkspace, importWorkspace } from './backup';
export {
  putLedger,
  getLedgers,
  getLedger,
  getLedgerTasks,
  getLedgerEvents,
  getTaskEvents,
  editTask,
  undoLastEdit,
  recolourLedger,
  setLedgerRules,
  setStatusWords,
  deleteLedger,
  type LedgerInput,
  type TaskEdit,
} from './ledgers';
export { statusWordsOf, type LedgerRecord, type LedgerTaskRecord, type LedgerEventRecord, type TaskEditField } from './ledger-records';
export { getStorageInfo, requestPersistence } from './storage';
export { StoreError, STORE_ERROR_CODES, isQuotaError, formatBytes, type StoreErrorCode } from './errors';
export type * from './types';
