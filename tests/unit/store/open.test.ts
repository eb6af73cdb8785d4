import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  closeStore,
  DEFAULT_DB_NAME,
  getDatasets,
  onStoreChange,
  onVersionChange,
  openStore,
  putSetting,
  type StoreChange,
} from '../../../src/store';
// The store's inner write of observation objects: the app writes encoded columns (putEncodedDataset).
import { putDataset } from '../../../src/store/dataset-write';
import { freshName, many, meta } from './fixtures';

afterEach(() => closeStore());

describe('openStore', () => {
  it('opens IndexedDB persistently when it is available', async () => {
    expect(await openStore({ name: freshName() })).toEqual({ persistent: true });
  });

  it('tells this tab to reload when another tab opens a newer version, and refuses further calls', async () => {
    const name = freshName();
    await openStore({ name });
    await putDataset(meta('写入'), many(5));
    const listener = vi.fn();
    const stop = onVersionChange(listener);
    // Another tab running a newer build: same database, a higher version.
    const newer = new Dexie(name);
    newer.version(1).stores({ datasets: 'id, status' });
    newer.version(4).stores({ datasets: 'id, status', extra: 'id' });
    await newer.open();
    expect(listener).toHaveBeenCalledTimes(1);
    await expect(getDatasets()).rejects.toMatchObject({ code: 'newer-version' });
    // The other tab's upgrade ran and this tab's write survived it.
    expect(await newer.table('datasets').count()).toBe(1);
    newer.close();
    stop();
  });

  it('refuses, rather than falls back, when the database on disk is newer than this build', async () => {
    const name = freshName();
    const newer = new Dexie(name);
    newer.version(5).stores({ datasets: 'id, status' });
    await newer.open();
    newer.close();
    await expect(openStore({ name })).rejects.toMatchObject({ code: 'newer-version' });
  });
});

describe('other tabs', () => {
  it('announces every committed write on a BroadcastChannel and hears other tabs', async () => {
    const name = freshName();
    await openStore({ name });
    const otherTab = new BroadcastChannel(`${DEFAULT_DB_NAME}:${name}`);
    const heard: StoreChange[] = [];
    otherTab.onmessage = (e: MessageEvent<StoreChange>) => heard.push(e.data);
    const ds = await putDataset(meta(), many(3));
    await putSetting('theme', 'dark');
    await vi.waitFor(() => expect(heard).toEqual([{ scope: 'datasets', id: ds.id }, { scope: 'settings', id: 'theme' }]));

    const received: StoreChange[] = [];
    const stop = onStoreChange((c) => received.push(c));
    otherTab.postMessage({ scope: 'datasets', id: 'from-other-tab' });
    await vi.waitFor(() => expect(received).toEqual([{ scope: 'datasets', id: 'from-other-tab' }]));
    stop();
    otherTab.close();
  });
});
