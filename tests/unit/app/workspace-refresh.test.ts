import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { Workspace } from '../../../src/app/workspace.svelte';
import { closeStore, DEFAULT_DB_NAME, onStoreChange, openStore, putSetting } from '../../../src/store';
// The store's inner write of observation objects: the app writes encoded columns (putEncodedDataset).
import { putDataset } from '../../../src/store/dataset-write';
import { freshName, meta, obs } from '../store/fixtures';

afterEach(() => closeStore());

/** Another tab's write of `scope`, heard by this tab's store; resolves when the workspace has read again. */
async function otherTabWrites(name: string, ws: Workspace, scope: string): Promise<void> {
  const before = ws.revision;
  // As Workspace.init subscribes (init itself opens the app's own database).
  const stop = onStoreChange((change) => void ws.refresh(change.scope));
  const otherTab = new BroadcastChannel(`${DEFAULT_DB_NAME}:${name}`);
  otherTab.postMessage({ scope });
  await expect.poll(() => ws.revision).toBe(before + 1);
  otherTab.close();
  stop();
}

describe('workspace versions follow the store', () => {
  it.each([
    { scope: 'datasets', data: 1, maps: 0 },
    { scope: 'workspace', data: 1, maps: 1 },
    { scope: 'settings', data: 0, maps: 0 },
    { scope: 'views', data: 0, maps: 0 },
    { scope: 'decks', data: 0, maps: 0 },
    { scope: 'indicators', data: 0, maps: 0 },
    { scope: 'maps', data: 0, maps: 1 },
  ])('after another tab writes $scope, values move $data time(s), boundary maps $maps time(s)', async ({ scope, data, maps }) => {
    const name = freshName();
    await openStore({ name });
    await putDataset(meta('甲'), [obs('道里区', 'A', '2024', 1)]);
    const ws = new Workspace();
    await ws.refresh();
    const [values, boundaries] = [ws.dataVersion, ws.mapsRevision];
    await otherTabWrites(name, ws, scope);
    expect(ws.dataVersion).toBe(values + data);
    expect(ws.mapsRevision).toBe(boundaries + maps);
  });

  it('takes this tab’s own write of values on refresh, and reads the lists again', async () => {
    await openStore({ name: freshName() });
    const ws = new Workspace();
    await ws.refresh();
    const values = ws.dataVersion;
    await putDataset(meta('甲'), [obs('道里区', 'A', '2024', 1)]);
    expect(ws.dataVersion).toBe(values);
    await ws.refresh();
    expect(ws.dataVersion).toBe(values + 1);
    expect(ws.indicators.map((i) => i.name)).toEqual(['A']);
  });

  it.each(['views', 'decks', 'settings', 'maps', 'indicators'])('after a change of %s, the dataset and region lists stay the same arrays', async (scope) => {
    await openStore({ name: freshName() });
    const ws = new Workspace();
    await ws.refresh();
    const { datasets, regions, indicators } = ws;
    await putSetting('theme', 'dark');
    await ws.refresh(scope);
    expect(ws.datasets).toBe(datasets);
    expect(ws.regions).toBe(regions);
    // Only an indicator's own change reads the indicators again.
    if (scope === 'indicators') expect(ws.indicators).not.toBe(indicators);
    else expect(ws.indicators).toBe(indicators);
  });
});
