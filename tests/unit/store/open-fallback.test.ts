// No fake-indexeddb/auto here: this file checks what happens without a usable IndexedDB.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { freshName, many, meta } from './fixtures';

afterEach(async () => {
  (await import('../../../src/store')).closeStore();
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('openStore without IndexedDB', () => {
  it.each([
    {
      name: 'indexedDB.open throws (private mode)',
      stub: () =>
        vi.stubGlobal('indexedDB', {
          open() {
            throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
          },
        }),
    },
    { name: 'indexedDB is missing', stub: () => vi.stubGlobal('indexedDB', undefined) },
  ])('falls back to memory when $name, and still stores and reads data', async ({ stub }) => {
    stub();
    vi.resetModules();
    const store = await import('../../../src/store');
    const { persistent } = await store.openStore({ name: freshName() });
    expect(persistent).toBe(false);
    const ds = await store.putEncodedDataset(meta(), store.encodeObservations(many(30)));
    expect(await store.countObservations(ds.id)).toBe(30);
    expect((await store.getStorageInfo()).persistent).toBe(false);
  });
});
