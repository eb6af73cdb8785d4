/**
 * Opening the database with Dexie, falling back to memory when IndexedDB is unavailable, and
 * keeping tabs in step: `versionchange` closes this tab's connection, and every committed write
 * is announced on a BroadcastChannel (changes.ts).
 */
import { StoreDb } from './db';
import { StoreError } from './errors';
import { cleanupIncomplete } from './cleanup';
import { clearBlockCache } from './block-cache';
import { forgetSharedReads } from './shared-reads';
import { DEFAULT_DB_NAME, listenToOtherTabs, stopListening, versionChanged } from './changes';

export { DEFAULT_DB_NAME, announce, onStoreChange, onVersionChange, onWrite, type StoreChange } from './changes';

let db: StoreDb | null = null;
/** The opening under way or done, so that opening early (main.ts) and the app's own open are one. */
let opening: { name: string; done: Promise<{ persistent: boolean }> } | null = null;
let persistentStore = false;
let stale = false;

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
    versionChanged();
  });
  listenToOtherTabs(name);
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
  stopListening();
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

function isVersionError(error: unknown): boolean {
  const e = error as { name?: string; inner?: { name?: string } } | null;
  return e?.name === 'VersionError' || e?.inner?.name === 'VersionError';
}
