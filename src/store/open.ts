/**
 * Opening the database, falling back to memory when IndexedDB is unavailable, and keeping tabs
 * in step: `versionchange` closes this tab's connection, and every committed write is announced
 * on a BroadcastChannel.
 */
import { StoreDb } from './db';
import { StoreError } from './errors';
import { cleanupIncomplete } from './cleanup';
import { clearBlockCache, forgetCompleteDatasets } from './block-cache';
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

let db: StoreDb | null = null;
/** The opening under way or done, so that opening early (main.ts) and the app's own open are one. */
let opening: { name: string; done: Promise<{ persistent: boolean }> } | null = null;
let channel: BroadcastChannel | null = null;
let persistentStore = false;
let stale = false;
const versionChangeListeners = new Set<() => void>();
const changeListeners = new Set<(change: StoreChange) => void>();
const writeListeners = new Set<() => void>();

/**
 * Open the store. Falls back to an in-memory database when IndexedDB is missing or refuses to
 * open (private mode, blocked storage) and says so with `persistent: false`. Deletes writes left
 * unfinished by a closed tab. Asked again for the same database while it is open or opening, it
 * gives the same promise (the page starts opening before the app's code has arrived); a failed
 * open, a closed store or another name opens anew.
 * @example const { persistent } = await openStore(); if (!persistent) showBanner('store.banner.memory')
 */
export function openStore(options: { name?: string } = {}): Promise<{ persistent: boolean }> {
  const name = options.name ?? DEFAULT_DB_NAME;
  if (opening?.name === name) return opening.done;
  closeStore();
  const mine = { name, done: openNamed(name) };
  opening = mine;
  mine.done.catch(() => {
    if (opening === mine) opening = null;
  });
  return mine.done;
}

async function openNamed(name: string): Promise<{ persistent: boolean }> {
  let opened = new StoreDb(name);
  try {
    await opened.open();
    persistentStore = true;
  } catch (error) {
    opened.close();
    if (isVersionError(error)) throw new StoreError('newer-version', {}, error);
    // Private mode or blocked storage: keep the app working for this session, in memory.
    const fake = await import('fake-indexeddb');
    opened = new StoreDb(name, { indexedDB: fake.indexedDB, IDBKeyRange: fake.IDBKeyRange });
    await opened.open();
    persistentStore = false;
  }
  // Dexie 4 opens a database upgraded by a newer build instead of failing; this build must not
  // write into a layout it does not know, so it stops and asks for a reload.
  if (opened.backendDB().version > Math.round(opened.verno * 10)) {
    opened.close();
    throw new StoreError('newer-version');
  }
  db = opened;
  stale = false;
  opened.on('versionchange', () => {
    // A newer version in another tab: close so its upgrade can run, and tell the user to reload.
    if (db !== opened) return;
    stale = true;
    opened.close();
    for (const listener of versionChangeListeners) listener();
  });
  if (typeof BroadcastChannel !== 'undefined') {
    channel = new BroadcastChannel(`${DEFAULT_DB_NAME}:${name}`);
    channel.onmessage = (event: MessageEvent<StoreChange>) => {
      written(event.data?.scope);
      for (const listener of writeListeners) listener();
      for (const listener of changeListeners) listener(event.data);
    };
  }
  await cleanupIncomplete();
  return { persistent: persistentStore };
}

/**
 * Close the store and its channel (tests, or before deleting the database).
 * @example closeStore()
 */
export function closeStore(): void {
  opening = null;
  // Cached blocks belong to this connection's database (tests open several under other names).
  clearBlockCache();
  forgetSharedReads();
  channel?.close();
  channel = null;
  db?.close();
  db = null;
}

/**
 * The open database. For the store's own modules and its tests only: nothing outside `src/store`
 * may depend on the layout.
 * @internal
 * @example const n = await getDb().blocks.count()
 */
export function getDb(): StoreDb {
  if (stale) throw new StoreError('newer-version');
  if (!db) throw new StoreError('closed');
  return db;
}

/** Whether the open database is kept on disk (false: memory fallback). */
export function isPersistent(): boolean {
  return persistentStore;
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
  channel?.postMessage(change);
}

/** What a committed write makes out of date: the data version, and values read before it. */
function written(scope: string | undefined): void {
  const before = storeVersion().values;
  countWrite(scope);
  forgetCompleteDatasets();
  // Reads of values are keyed by the version; the latest one's answer need not be held any more.
  if (storeVersion().values !== before) forgetSharedReads();
}

function isVersionError(error: unknown): boolean {
  const e = error as { name?: string; inner?: { name?: string } } | null;
  return e?.name === 'VersionError' || e?.inner?.name === 'VersionError';
}
