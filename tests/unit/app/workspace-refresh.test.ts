import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { Workspace } from '../../../src/app/workspace.svelte';
import { closeStore, openStore } from '../../../src/store';

afterEach(() => closeStore());

describe('workspace refresh', () => {
  it.each([
    { scope: undefined, data: 1, maps: 0 },
    { scope: 'datasets', data: 1, maps: 0 },
    { scope: 'workspace', data: 1, maps: 1 },
    { scope: 'settings', data: 0, maps: 0 },
    { scope: 'views', data: 0, maps: 0 },
    { scope: 'decks', data: 0, maps: 0 },
    { scope: 'indicators', data: 0, maps: 0 },
    { scope: 'maps', data: 0, maps: 1 },
  ])('after a change of $scope, lists reload, values $data time(s), boundary maps $maps time(s)', async ({ scope, data, maps }) => {
    await openStore();
    const ws = new Workspace();
    await ws.refresh(scope);
    expect(ws.revision).toBe(1);
    expect(ws.dataRevision).toBe(data);
    expect(ws.mapsRevision).toBe(maps);
  });

  it.each(['views', 'decks', 'settings', 'maps', 'indicators'])('after a change of %s, the dataset and region lists stay the same arrays', async (scope) => {
    await openStore();
    const ws = new Workspace();
    await ws.refresh();
    const { datasets, regions, indicators } = ws;
    await ws.refresh(scope);
    expect(ws.datasets).toBe(datasets);
    expect(ws.regions).toBe(regions);
    // Only an indicator's own change reads the indicators again.
    if (scope === 'indicators') expect(ws.indicators).not.toBe(indicators);
    else expect(ws.indicators).toBe(indicators);
  });
});
