import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { Workspace } from '../../../src/app/workspace.svelte';
import { closeStore, openStore } from '../../../src/store';

afterEach(() => closeStore());

describe('workspace refresh', () => {
  it.each([
    { scope: undefined, maps: 0 },
    { scope: 'datasets', maps: 0 },
    { scope: 'settings', maps: 0 },
    { scope: 'maps', maps: 1 },
    { scope: 'workspace', maps: 1 },
  ])('after a change of $scope, views reload and boundary maps reload $maps time(s)', async ({ scope, maps }) => {
    await openStore();
    const ws = new Workspace();
    await ws.refresh(scope);
    expect(ws.revision).toBe(1);
    expect(ws.mapsRevision).toBe(maps);
  });
});
