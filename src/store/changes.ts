/**
 * What changes in the store, told to this tab's listeners and to other tabs (one BroadcastChannel
 * per database), and what a change makes out of date. Free of Dexie: the first page's early
 * reads (early-read.ts) hear other tabs before the whole store has loaded (issue 20).
 */
import { forgetCompleteDatasets } from './block-cache';
import { countWrite, storeVersion } from './data-version';
import { forgetSharedReads } from './shared-reads';

/** What changed, as announced to other tabs. */
export interface StoreChange {
  /** The table family that changed: `datasets`, `indicators`, `views`, `decks`, `settings`, `maps` or `workspace`. */
  scope: string;
  /** The record concerned, when there is one. */
  id?: string;
}

/** The default database name. */
export const DEFAULT_DB_NAME = 'indicator-dashboard';

let channel: { name: string; port: BroadcastChannel } | null = null;
const versionChangeListeners = new Set<() => void>();
const changeListeners = new Set<(change: StoreChange) => void>();
const writeListeners = new Set<() => void>();

/**
 * Hear the other tabs' writes to database `name` (once per database: the early connection and
 * the whole store's share it).
 * @internal For open.ts and index.ts.
 */
export function listenToOtherTabs(name: string): void {
  if (channel?.name === name) return;
  stopListening();
  if (typeof BroadcastChannel === 'undefined') return;
  const port = new BroadcastChannel(`${DEFAULT_DB_NAME}:${name}`);
  port.onmessage = (event: MessageEvent<StoreChange>) => {
    written(event.data?.scope);
    for (const listener of writeListeners) listener();
    for (const listener of changeListeners) listener(event.data);
  };
  channel = { name, port };
}

/** Stop hearing other tabs (the store is closed). @internal */
export function stopListening(): void {
  channel?.port.close();
  channel = null;
}

/**
 * Call `listener` when another tab opens a newer version of the database; this tab's connection
 * is then closed and every store call throws `newer-version` until the page reloads.
 * @example onVersionChange(() => showBanner('store.banner.reload'))
 */
export function onVersionChange(listener: () => void): () => void {
  versionChangeListeners.add(listener);
  return () => versionChangeListeners.delete(listener);
}

/**
 * Tell the listeners that a newer version was opened elsewhere. @internal For the connections
 * (open.ts, index.ts), each of which hears it once.
 */
export function versionChanged(): void {
  for (const listener of versionChangeListeners) listener();
}

/**
 * Call `listener` when another tab commits a write, so this tab can refresh what it shows.
 * @example onStoreChange((c) => { if (c.scope === 'datasets') reloadDatasets() })
 */
export function onStoreChange(listener: (change: StoreChange) => void): () => void {
  changeListeners.add(listener);
  return () => changeListeners.delete(listener);
}

/**
 * Call `listener` after every committed write, in this tab or another one (what was derived from
 * the stored data, such as a cache of values, is then out of date).
 * @example onWrite(() => sessionCache.clear())
 */
export function onWrite(listener: () => void): () => void {
  writeListeners.add(listener);
  return () => writeListeners.delete(listener);
}

/** Announce a committed write to the other tabs. Called by the store's writers after commit. */
export function announce(change: StoreChange): void {
  written(change.scope);
  for (const listener of writeListeners) listener();
  channel?.port.postMessage(change);
}

/** What a committed write makes out of date: the data version, and values read before it. */
function written(scope: string | undefined): void {
  const before = storeVersion().values;
  countWrite(scope);
  forgetCompleteDatasets();
  // Reads of values are keyed by the version; the latest one's answer need not be held any more.
  if (storeVersion().values !== before) forgetSharedReads();
}
