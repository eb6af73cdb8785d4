/**
 * A published folder, opened: the page reads its `manifest.json`, lists the published datasets
 * as remote ones (values read from the folder's Parquet files on demand) and holds the
 * published views and decks in the store's in-memory database. It never opens IndexedDB: the
 * store is told there is none, and takes its in-memory path. Every minute (and when the tab is
 * shown again) it reads the manifest again and says when a newer version was published.
 */
import { Dexie } from 'dexie';
import * as store from '../store';
import type { Deck, SavedView, StoredMap } from '../store';
import { SAMPLE_REMOVED_KEY } from '../app/import/sample-data';
import type { ParquetManifest } from '../remote/manifest';
import { openManifest, RemoteDatasets } from '../remote/remote-datasets';
import { fetchText } from '../remote/range-buffer';
import { parseManifest } from '../remote/manifest';

/** The meta tag 发布到内网 writes into the folder's index.html; its content is the manifest's path. */
export const PUBLISHED_META = 'dashboard-published';
const CHECK_EVERY_MS = 60_000;

/** What the page shows about the published version. */
export interface PublishedState {
  publishedAt: string;
  publisher: string;
  dataAsOf: string;
  title: string;
  /** A newer version was published since this page opened. */
  newer: boolean;
}

/**
 * The manifest's path when this page is a published folder's, else undefined.
 * @example publishedManifestPath(document) // 'manifest.json'
 */
export function publishedManifestPath(doc: Document): string | undefined {
  const meta = doc.querySelector(`meta[name="${PUBLISHED_META}"]`);
  const path = meta?.getAttribute('content') ?? '';
  return path === '' ? undefined : path;
}

/**
 * Open the published folder before the app starts: in-memory store, remote datasets, views and
 * decks. Rejects with the manifest's problem when it cannot be used.
 * @example const state = await openPublished('manifest.json', (s) => banner.set(s))
 */
export async function openPublished(path: string, onChange: (state: PublishedState) => void): Promise<PublishedState> {
  // No IndexedDB for this page: the store opens its in-memory database, as in private mode.
  Dexie.dependencies.indexedDB = undefined as unknown as IDBFactory;
  const address = new URL(path, location.href).href;
  const { manifest, datasets } = await openManifest(address, { keepIds: true });
  await store.openStore();
  await store.putSetting(SAMPLE_REMOVED_KEY, true);
  for (const view of (manifest.views ?? []) as SavedView[]) await store.putView(view);
  for (const deck of (manifest.decks ?? []) as Deck[]) await store.putDeck(deck);
  // The boundary files of the published maps: read as a user's upload is (parsed and checked when drawn).
  for (const map of (manifest.maps ?? []).filter(isStoredMap)) await store.putMap(map);
  for (const indicator of manifest.indicators ?? []) await store.putIndicator(indicator);
  const remote = new RemoteDatasets();
  remote.add(datasets);
  store.setRemoteProvider(remote);
  const state = stateOf(manifest);
  watchForNewer(address, manifest.publishedAt ?? '', () => onChange({ ...state, newer: true }));
  return state;
}

function isStoredMap(m: unknown): m is StoredMap {
  const r = m as Partial<Record<keyof StoredMap, unknown>>;
  return typeof r.id === 'string' && typeof r.name === 'string' && typeof r.caption === 'string' && typeof r.geojson === 'string';
}

function stateOf(m: ParquetManifest): PublishedState {
  return { publishedAt: m.publishedAt ?? '', publisher: m.publisher ?? '', dataAsOf: m.dataAsOf ?? '', title: m.title ?? '', newer: false };
}

/** Read the manifest again now and then; call `newer` once when its publishing time changed. */
function watchForNewer(address: string, seen: string, newer: () => void): void {
  let told = false;
  const check = async (): Promise<void> => {
    if (told) return;
    try {
      const read = parseManifest(await fetchText(address));
      if ('manifest' in read && (read.manifest.publishedAt ?? '') !== seen) {
        told = true;
        newer();
      }
    } catch {
      // The server is away for a moment: ask again at the next turn.
    }
  };
  setInterval(() => void check(), CHECK_EVERY_MS);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void check();
  });
  // Tests and a user who wants to know now: the page's own event asks at once.
  addEventListener('dashboard:check-published', () => void check());
}
