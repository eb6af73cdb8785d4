import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeStore, getSeries, getSnapshot, openStore, putSetting, storeVersion } from '../../../src/store';
// The store's inner write of observation objects: the app writes encoded columns (putEncodedDataset).
import { putDataset } from '../../../src/store/dataset-write';
import { nextVersion } from '../../../src/store/data-version';
import { forgetSharedReads, shared } from '../../../src/store/shared-reads';
import { freshName, meta, obs } from './fixtures';

/** How many times the store has read values (its `store:read` measures) since the test began. */
function reads(): number {
  return performance.getEntriesByName('store:read').length;
}

beforeEach(async () => {
  performance.clearMeasures('store:read');
  await openStore({ name: freshName() });
  await putDataset(meta('甲'), [obs('道里区', 'A', '2023', 1), obs('南岗区', 'A', '2024', 2), obs('道里区', 'B', '2024', 3)]);
});
afterEach(() => closeStore());

describe('one read per question', () => {
  it.each([
    { name: 'a series asked twice at once', first: () => getSeries({ indicator: 'A' }), second: () => getSeries({ indicator: 'A' }) },
    { name: 'a snapshot asked twice at once', first: () => getSnapshot({ indicator: 'A', period: '2024' }), second: () => getSnapshot({ indicator: 'A', period: '2024' }) },
  ])('$name: one promise, one read', async ({ first, second }) => {
    const a = first();
    const b = second();
    expect(b).toBe(a);
    await a;
    expect(reads()).toBe(1);
  });

  it('answers the latest question again after its read has finished, without reading', async () => {
    const rows = await getSeries({ indicator: 'A' });
    expect(await getSeries({ indicator: 'A' })).toBe(rows);
    expect(reads()).toBe(1);
  });

  it.each([
    { name: 'another indicator', other: () => getSeries({ indicator: 'B' }) },
    { name: 'the same indicator in some regions', other: () => getSeries({ indicator: 'A', regions: ['道里区'] }) },
    { name: 'the same indicator in some datasets', other: () => getSeries({ indicator: 'A', datasets: ['x'] }) },
    { name: 'a snapshot of it', other: () => getSnapshot({ indicator: 'A', period: '2024' }) },
  ])('reads $name anew', async ({ other }) => {
    const a = getSeries({ indicator: 'A' });
    const b = other();
    expect(b).not.toBe(a);
    await Promise.all([a, b]);
    expect(reads()).toBe(2);
  });

  it('reads again after a write of values, and gives the new values', async () => {
    const before = await getSeries({ indicator: 'A' });
    const version = storeVersion().values;
    await putDataset(meta('乙'), [obs('松北区', 'A', '2024', 5)]);
    expect(storeVersion().values).toBe(version + 1);
    const after = await getSeries({ indicator: 'A' });
    expect(after).not.toBe(before);
    expect(after.map((o) => o.region).sort()).toEqual(['南岗区', '松北区', '道里区']);
    expect(before).toHaveLength(2);
  });

  it('keeps the answer across a write that changes no values (a setting)', async () => {
    const before = await getSeries({ indicator: 'A' });
    await putSetting('theme', 'dark');
    expect(await getSeries({ indicator: 'A' })).toBe(before);
  });

  it('does not keep a failed read: the next call reads again', async () => {
    closeStore();
    await expect(getSeries({ indicator: 'A' })).rejects.toMatchObject({ code: 'closed' });
    await openStore({ name: freshName() });
    expect(await getSeries({ indicator: 'A' })).toEqual([]);
  });

  it('does not change the query it is given', async () => {
    const query = { indicator: 'A', regions: ['道里区'], datasets: [] as string[] };
    await getSeries(query);
    expect(query).toEqual({ indicator: 'A', regions: ['道里区'], datasets: [] });
  });
});

describe('data version', () => {
  it.each([
    { scope: 'datasets', changes: 1, values: 1, maps: 0 },
    { scope: 'workspace', changes: 1, values: 1, maps: 1 },
    { scope: undefined, changes: 1, values: 1, maps: 1 },
    { scope: 'maps', changes: 1, values: 0, maps: 1 },
    { scope: 'settings', changes: 1, values: 0, maps: 0 },
    { scope: 'views', changes: 1, values: 0, maps: 0 },
    { scope: 'indicators', changes: 1, values: 0, maps: 0 },
    { scope: 'ledgers', changes: 1, values: 0, maps: 0 },
  ])('a write of $scope counts changes $changes, values $values, maps $maps', ({ scope, changes, values, maps }) => {
    const start = { changes: 0, values: 0, maps: 0 };
    expect(nextVersion(start, scope)).toEqual({ changes, values, maps });
    expect(start).toEqual({ changes: 0, values: 0, maps: 0 });
  });

  it('counts another tab’s write of values', async () => {
    const name = freshName();
    await openStore({ name });
    const before = storeVersion();
    const otherTab = new BroadcastChannel(`indicator-dashboard:${name}`);
    otherTab.postMessage({ scope: 'datasets', id: 'x' });
    await expect.poll(() => storeVersion().values).toBe(before.values + 1);
    expect(storeVersion().maps).toBe(before.maps);
    otherTab.close();
  });
});

describe('opening', () => {
  it('gives the same opening to a second call for the same database, and a new one after closing', async () => {
    closeStore();
    const name = freshName();
    const first = openStore({ name });
    expect(openStore({ name })).toBe(first);
    await first;
    expect(openStore({ name })).toBe(first);
    closeStore();
    const again = openStore({ name });
    expect(again).not.toBe(first);
    await again;
  });
});

describe('forgetting', () => {
  it('does not keep an answer that arrives after everything was forgotten (the store closed meanwhile)', async () => {
    let finish!: (rows: string[]) => void;
    const late = shared('q', () => new Promise<string[]>((resolve) => (finish = resolve)));
    forgetSharedReads();
    finish(['closed database']);
    await late;
    expect(await shared('q', () => Promise.resolve(['open database']))).toEqual(['open database']);
  });
});
