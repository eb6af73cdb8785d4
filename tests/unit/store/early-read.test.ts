import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as store from '../../../src/store';
// The store's inner writes: a dataset from observation objects, and records the app never writes itself.
import { putDataset } from '../../../src/store/dataset-write';
import { getDb } from '../../../src/store/open';
import { openEarly, STORED_VERSION } from '../../../src/store/early-read';
import { freshName, many, meta, obs } from './fixtures';

/** The early reads' measures of values since the test began (`store:read` with `early`). */
function earlyReads(): number {
  return performance.getEntriesByName('store:read').filter((e) => (e as PerformanceMeasure).detail?.early === true).length;
}

let name = '';

/** A workspace with two datasets (one deleted), settings, a remote address, an alias and two maps. */
async function fill(): Promise<void> {
  await store.openStore({ name });
  await putDataset(meta('甲'), [
    { ...obs('道里区', 'A', '2023', 1), regionCode: '230102', target: 3, source: { row: 2, column: '值' } },
    obs('南岗区', 'A', '2024', 2),
    obs('道里区', 'B', '2024', 3),
  ]);
  await putDataset(meta('乙'), many(120));
  const gone = await putDataset(meta('丙'), [obs('香坊区', 'A', '2024', 9)]);
  await store.deleteDataset(gone.id);
  await store.putSetting('theme', 'projector');
  await store.putRemote({ id: 'r1', url: 'http://intranet/m.json', name: '远程', addedAt: '2024-01-01T00:00:00Z' });
  await store.putRegionAliases([{ alias: '阿城市', code: '230112' }]);
  await store.putMap({ id: 'm2', name: '松北区', caption: '', geojson: '{}' });
  await store.putMap({ id: 'm1', name: '阿城区', caption: '审图号', geojson: '{"type":"FeatureCollection"}' });
}

beforeEach(() => {
  name = freshName();
  performance.clearMeasures('store:read');
});
afterEach(() => store.closeStore());

describe('the first page’s reads without Dexie answer as the whole store does', () => {
  const cases: { name: string; ask: () => Promise<unknown> }[] = [
    { name: 'datasets', ask: () => store.getDatasets() },
    { name: 'datasets with hidden ones', ask: () => store.getDatasets({ includeHidden: true }) },
    { name: 'indicators', ask: () => store.getIndicators() },
    { name: 'regions', ask: () => store.getRegions() },
    { name: 'indicators per dataset', ask: () => store.getDatasetIndicators() },
    { name: 'remote addresses', ask: () => store.getRemotes() },
    { name: 'one setting', ask: () => store.getSetting('theme') },
    { name: 'a setting never set', ask: () => store.getSetting('nothing') },
    { name: 'all settings', ask: () => store.getSettings() },
    { name: 'region aliases', ask: () => store.getRegionAliases() },
    { name: 'boundary maps', ask: () => store.getMaps() },
    { name: 'a series', ask: () => store.getSeries({ indicator: 'A' }) },
    { name: 'a series of some regions', ask: () => store.getSeries({ indicator: '指标1', regions: ['地区2', '地区5'] }) },
    { name: 'a series of no value', ask: () => store.getSeries({ indicator: '没有' }) },
  ];

  it.each(cases)('$name', async ({ ask }) => {
    await fill();
    const fromWhole = await ask();
    store.closeStore();
    await store.openStore({ name, early: true });
    expect(await ask()).toEqual(fromWhole);
    // Answered without the whole store: its database stays closed.
    expect(() => getDb()).toThrow(expect.objectContaining({ code: 'closed' }));
  });

  it('reads a series of chosen datasets, and does not change the query', async () => {
    await fill();
    const [first] = await store.getDatasets();
    const query = Object.freeze({ indicator: 'A', datasets: Object.freeze([first!.id]) });
    const fromWhole = await store.getSeries({ indicator: 'A', datasets: [first!.id] });
    store.closeStore();
    await store.openStore({ name, early: true });
    expect(await store.getSeries(query)).toEqual(fromWhole);
    expect(query).toEqual({ indicator: 'A', datasets: [first!.id] });
    expect(earlyReads()).toBe(1);
  });
});

describe('one answer for the values', () => {
  beforeEach(async () => {
    await fill();
    store.closeStore();
    performance.clearMeasures('store:read');
    await store.openStore({ name, early: true });
  });

  it('gives the app’s load the early read’s answer: one promise, one read', async () => {
    const a = store.getSeries({ indicator: 'A' });
    const b = store.getSeries({ indicator: 'A' });
    expect(b).toBe(a);
    expect(await b).toHaveLength(2);
    expect(earlyReads()).toBe(1);
    expect(performance.getEntriesByName('store:read')).toHaveLength(1);
  });

  it('reads through the whole store after a write', async () => {
    await store.getSeries({ indicator: 'A' });
    await store.putSetting('theme', 'plain');
    expect(await store.getSetting('theme')).toBe('plain');
    expect(await store.getSeries({ indicator: 'A' })).toHaveLength(2);
    expect(earlyReads()).toBe(1);
    expect(performance.getEntriesByName('store:read')).toHaveLength(2);
  });

  it('reads again through the whole store when the early read fails, and loses nothing', async () => {
    const transaction = vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementationOnce(() => {
      throw new DOMException('closed', 'InvalidStateError');
    });
    expect(await store.getSeries({ indicator: 'A' })).toHaveLength(2);
    expect(earlyReads()).toBe(0);
    expect(performance.getEntriesByName('store:read')).toHaveLength(1);
    transaction.mockRestore();
  });

  it('closes for a newer version in another tab, says so once, and refuses further reads', async () => {
    const told = vi.fn();
    const stop = store.onVersionChange(told);
    const newer = new Dexie(name);
    newer.version(4).stores({ datasets: 'id, status', extra: 'id' });
    await newer.open();
    expect(told).toHaveBeenCalledTimes(1);
    await expect(store.getSeries({ indicator: 'B' })).rejects.toMatchObject({ code: 'newer-version' });
    newer.close();
    stop();
  });
});

describe('what the early connection leaves to the whole store', () => {
  it('is this build’s schema version, as Dexie stores it', async () => {
    await store.openStore({ name });
    expect(getDb().backendDB().version).toBe(STORED_VERSION);
  });

  it('no database yet: nothing is created, and the early opening opens through the whole store', async () => {
    expect(await openEarly(name)).toBeUndefined();
    expect((await indexedDB.databases()).some((d) => d.name === name)).toBe(false);
    expect(await store.openStore({ name, early: true })).toEqual({ persistent: true });
    expect(getDb().backendDB().version).toBe(STORED_VERSION);
  });

  const leftAlone: { name: string; make: () => Promise<void> }[] = [
    {
      name: 'an older schema version (the whole store upgrades it)',
      make: async () => {
        const old = new Dexie(name);
        old.version(1).stores({ datasets: 'id, status' });
        await old.open();
        old.close();
      },
    },
    {
      name: 'a write left pending by a closed tab (the whole store removes it)',
      make: async () => {
        await fill();
        const [d] = await store.getDatasets();
        await getDb().datasets.put({ ...d!, id: 'ds-pending', status: 'pending' });
        store.closeStore();
      },
    },
    {
      name: 'calculated indicators (their reads compute)',
      make: async () => {
        await fill();
        await store.putSetting(store.DERIVED_SETTING_KEY, [{ name: '人均', operation: 'per-capita', input: 'A', other: 'B' }]);
        store.closeStore();
      },
    },
  ];

  it.each(leftAlone)('$name', async ({ make }) => {
    await make();
    expect(await openEarly(name)).toBeUndefined();
  });
});
