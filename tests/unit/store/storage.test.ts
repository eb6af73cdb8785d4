import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { closeStore, getStorageInfo, openStore, requestPersistence } from '../../../src/store';
import { freshName } from './fixtures';

afterEach(() => {
  closeStore();
  vi.unstubAllGlobals();
});

describe('storage info and persistence', () => {
  it('reports the estimate, the persisted flag and that the database is on disk', async () => {
    vi.stubGlobal('navigator', {
      storage: { estimate: async () => ({ usage: 1234, quota: 99999 }), persisted: async () => true },
    });
    await openStore({ name: freshName() });
    expect(await getStorageInfo()).toEqual({ usage: 1234, quota: 99999, persisted: true, persistent: true });
  });

  it('reports unknowns as null when the browser has no storage API', async () => {
    vi.stubGlobal('navigator', {});
    await openStore({ name: freshName() });
    expect(await getStorageInfo()).toEqual({ usage: null, quota: null, persisted: null, persistent: true });
    expect(await requestPersistence()).toBeNull();
  });

  it.each([true, false])('passes on the browser’s answer to persist(): %s', async (answer) => {
    const persist = vi.fn(async () => answer);
    vi.stubGlobal('navigator', { storage: { persist } });
    expect(await requestPersistence()).toBe(answer);
    expect(persist).toHaveBeenCalledTimes(1);
  });
});
