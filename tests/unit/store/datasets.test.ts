import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  appendToDataset,
  cleanupIncomplete,
  closeStore,
  countObservations,
  deleteDataset,
  discardPreviousVersion,
  getDataset,
  getDatasets,
  getIndicators,
  getObservations,
  getRegions,
  getSeries,
  openStore,
  purgeDeleted,
  renameDataset,
  restorePreviousVersion,
  StoreError,
  undoDelete,
} from '../../../src/store';
// The store's inner write of observation objects: the app writes encoded columns (putEncodedDataset).
import { putDataset, replaceDataset } from '../../../src/store/dataset-write';
import { getDb } from '../../../src/store/open';
import { freshName, many, meta, obs } from './fixtures';

beforeEach(async () => {
  await openStore({ name: freshName() });
});
afterEach(() => {
  closeStore();
  vi.unstubAllGlobals();
});

/** Every record count of the data tables, to compare before and after a failure. */
async function counts() {
  const db = getDb();
  return {
    datasets: await db.datasets.count(),
    dictionaries: await db.dictionaries.count(),
    blocks: await db.blocks.count(),
    indicators: await db.indicators.count(),
    regions: await db.regions.count(),
    observations: await countObservations(),
  };
}

/** Make the n-th record created in `table` fail with `error`. */
function failOnCreate(table: 'blocks' | 'indicators', nth: number, error: () => Error) {
  let seen = 0;
  getDb()[table].hook('creating', () => {
    seen += 1;
    if (seen === nth) throw error();
  });
}

describe('putDataset', () => {
  it('stores a complete dataset with provenance and a row count', async () => {
    const ds = await putDataset(meta('环境指标', { source: '市生态环境局', layout: 'wide' }), many(12));
    expect(ds.status).toBe('complete');
    expect(ds.version).toBe(1);
    expect(ds.rowCount).toBe(12);
    expect(await getDataset(ds.id)).toStrictEqual(ds);
    expect((await getDatasets()).map((d) => d.name)).toEqual(['环境指标']);
  });

  it('adds indicators with inferred polarity and regions with codes, keeping user edits', async () => {
    await putDataset(meta(), [
      { ...obs('道里区', 'PM10平均浓度', '2024', 50, '微克/立方米'), regionCode: '230102', target: 45 },
      obs('全市', '秸秆还田面积', '2024', 60400),
    ]);
    const indicators = await getIndicators();
    expect(indicators.map((i) => [i.name, i.polarity])).toEqual([
      ['PM10平均浓度', 'lower'],
      ['秸秆还田面积', 'higher'],
    ]);
    expect(indicators[0].targets).toEqual([{ region: '道里区', period: '2024', value: 45 }]);
    expect((await getRegions()).find((r) => r.name === '道里区')?.code).toBe('230102');

    await getDb().indicators.update('秸秆还田面积', { polarity: 'lower' });
    await putDataset(meta('再次'), [obs('全市', '秸秆还田面积', '2025', 1)]);
    expect((await getIndicators()).find((i) => i.name === '秸秆还田面积')?.polarity).toBe('lower');
  });

  it.each([
    { name: 'a block write fails half-way', table: 'blocks' as const, nth: 2 },
    { name: 'the metadata write fails after the blocks', table: 'indicators' as const, nth: 1 },
  ])('is atomic: when $name, every count stays exactly as before', async ({ table, nth }) => {
    await putDataset(meta('已有'), many(30));
    const before = await counts();
    failOnCreate(table, nth, () => new Error('injected'));
    await expect(putDataset(meta('失败'), many(120_000, '新指标'))).rejects.toThrow('injected');
    expect(await counts()).toEqual(before);
  });

  it.each([
    { name: 'a block chunk fails', table: 'blocks' as const, nth: 2 },
    { name: 'the last transaction fails after the blocks committed', table: 'indicators' as const, nth: 1 },
  ])('is atomic on the chunked path too when $name: the pending dataset and its blocks are removed', async ({ table, nth }) => {
    await putDataset(meta('已有'), many(30));
    const before = await counts();
    failOnCreate(table, nth, () => new Error('injected'));
    await expect(putDataset(meta('大'), many(120_000, '新指标'), { singleTransactionLimit: 1000 })).rejects.toThrow('injected');
    expect(await counts()).toEqual(before);
  });

  it('writes a chunked dataset whole and reports progress', async () => {
    const progress: number[] = [];
    const ds = await putDataset(meta('大'), many(120_000), {
      singleTransactionLimit: 1000,
      onProgress: (p) => progress.push(p.written / p.total),
    });
    expect((await getDataset(ds.id))?.status).toBe('complete');
    expect(await countObservations(ds.id)).toBe(120_000);
    expect(progress.at(-1)).toBe(1);
  });

  it('maps a quota error (AbortError with inner QuotaExceededError) to StoreError with the sizes, keeping nothing', async () => {
    vi.stubGlobal('navigator', { storage: { estimate: async () => ({ usage: 500 * 1024 * 1024, quota: 512 * 1024 * 1024 }) } });
    const before = await counts();
    failOnCreate('blocks', 1, () => Object.assign(new Error('aborted'), { name: 'AbortError', inner: new DOMException('full', 'QuotaExceededError') }));
    const error = await putDataset(meta(), many(100)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({ code: 'quota', usage: 500 * 1024 * 1024, quota: 512 * 1024 * 1024, params: { usage: '500.0 MB', quota: '512.0 MB' } });
    expect(await counts()).toEqual(before);
  });

  it('maps a bare QuotaExceededError too', async () => {
    failOnCreate('blocks', 1, () => new DOMException('full', 'QuotaExceededError'));
    await expect(putDataset(meta(), many(10))).rejects.toMatchObject({ code: 'quota', usage: null });
  });

  it('stores __proto__ as a region, indicator, unit and mapping key without polluting objects', async () => {
    const hostile = { ...obs('__proto__', '__proto__', '2024', 1, '__proto__'), regionCode: 'constructor' };
    const mapping = Object.create(null) as Record<string, string>;
    mapping['__proto__'] = 'region';
    const ds = await putDataset(meta('<img src=x onerror="window.__pwned=1">', { mapping }), [hostile, obs('constructor', '__proto__', '2025', 2)]);
    expect(await getObservations(ds.id, { offset: 0, limit: 10 })).toStrictEqual([
      { ...hostile, datasetId: ds.id },
      { ...obs('constructor', '__proto__', '2025', 2), datasetId: ds.id },
    ]);
    expect((await getSeries({ indicator: '__proto__', regions: ['__proto__'] })).map((o) => o.value)).toEqual([1]);
    expect((await getIndicators()).map((i) => i.name)).toEqual(['__proto__']);
    expect((await getRegions()).map((r) => r.name).sort()).toEqual(['__proto__', 'constructor']);
    const stored = await getDataset(ds.id);
    expect(stored?.name).toBe('<img src=x onerror="window.__pwned=1">');
    expect(Object.getOwnPropertyDescriptor(stored?.mapping, '__proto__')?.value).toBe('region');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('region');
  });
});

describe('cleanupIncomplete', () => {
  it('removes a dataset left pending by an interrupted write, with its blocks', async () => {
    const kept = await putDataset(meta('完整'), many(10));
    const db = getDb();
    const interrupted = await putDataset(meta('中断'), many(10));
    await db.datasets.update(interrupted.id, { status: 'pending' });
    expect(await cleanupIncomplete()).toEqual([interrupted.id]);
    expect(await db.datasets.get(interrupted.id)).toBeUndefined();
    expect(await db.blocks.where('datasetId').equals(interrupted.id).count()).toBe(0);
    expect(await db.dictionaries.get(interrupted.id)).toBeUndefined();
    expect(await countObservations(kept.id)).toBe(10);
  });

  it('leaves alone a pending dataset whose writer in another tab still holds its Web Lock', async () => {
    const db = getDb();
    const busy = await putDataset(meta('另一标签页正在写'), many(5));
    const orphan = await putDataset(meta('中断'), many(5));
    await db.datasets.update(busy.id, { status: 'pending' });
    await db.datasets.update(orphan.id, { status: 'pending' });
    vi.stubGlobal('navigator', {
      locks: { query: async () => ({ held: [{ name: `indicator-dashboard-write:${busy.id}` }], pending: [] }) },
    });
    expect(await cleanupIncomplete()).toEqual([orphan.id]);
    expect((await db.datasets.get(busy.id))?.status).toBe('pending');
  });

  it('runs when the store opens', async () => {
    const name = freshName();
    await openStore({ name });
    const ds = await putDataset(meta(), many(5));
    await getDb().datasets.update(ds.id, { status: 'pending' });
    closeStore();
    await openStore({ name });
    expect(await getDb().datasets.count()).toBe(0);
    expect(await getDb().blocks.count()).toBe(0);
  });
});

describe('rename, delete and undo', () => {
  it('renames', async () => {
    const ds = await putDataset(meta('旧名'), many(3));
    await renameDataset(ds.id, '新名');
    expect((await getDataset(ds.id))?.name).toBe('新名');
  });

  it('hides a deleted dataset and brings it back exactly on undo', async () => {
    const ds = await putDataset(meta(), many(200));
    const before = await getObservations(ds.id, { offset: 0, limit: 1000 });
    const token = await deleteDataset(ds.id);
    expect(token.id).toBe(ds.id);
    expect(await getDatasets()).toEqual([]);
    expect(await getSeries({ indicator: '指标0' })).toEqual([]);
    expect(await countObservations()).toBe(0);
    expect((await getDatasets({ includeHidden: true }))[0].status).toBe('deleted');
    const restored = await undoDelete(token.id);
    expect(restored).toStrictEqual(ds);
    expect(await getObservations(ds.id, { offset: 0, limit: 1000 })).toStrictEqual(before);
  });

  it('refuses to undo what was not deleted', async () => {
    const ds = await putDataset(meta(), many(3));
    await expect(undoDelete(ds.id)).rejects.toMatchObject({ code: 'invalid-state' });
    await expect(undoDelete('missing')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('purges only datasets deleted long enough ago', async () => {
    const old = await putDataset(meta('旧'), many(3));
    const recent = await putDataset(meta('新'), many(3));
    await deleteDataset(old.id);
    await deleteDataset(recent.id);
    await getDb().datasets.update(old.id, { deletedAt: new Date(Date.now() - 10_000).toISOString() });
    expect(await purgeDeleted(5_000)).toEqual([old.id]);
    expect(await getDataset(old.id)).toBeUndefined();
    expect(await getDb().blocks.where('datasetId').equals(old.id).count()).toBe(0);
    expect((await getDataset(recent.id))?.status).toBe('deleted');
  });
});

describe('replace, restore and discard', () => {
  it('replaces with a new version and restores the previous one exactly', async () => {
    const v1 = await putDataset(meta('月报'), [obs('甲', 'I', '2024', 1), obs('乙', 'I', '2024', 2)]);
    const v2 = await replaceDataset(v1.id, meta('月报'), [obs('甲', 'I', '2024', 10)]);
    expect(v2).toMatchObject({ version: 2, replaces: v1.id, status: 'complete', rowCount: 1 });
    expect((await getDataset(v1.id))?.status).toBe('superseded');
    expect((await getSeries({ indicator: 'I' })).map((o) => o.value)).toEqual([10]);

    const restored = await restorePreviousVersion(v2.id);
    expect(restored).toStrictEqual(v1);
    expect(await getDataset(v2.id)).toBeUndefined();
    expect((await getSeries({ indicator: 'I' })).map((o) => o.value)).toEqual([1, 2]);
  });

  it('discards the previous version for good', async () => {
    const v1 = await putDataset(meta(), many(5));
    const v2 = await replaceDataset(v1.id, meta(), many(4));
    const kept = await discardPreviousVersion(v2.id);
    expect(kept.replaces).toBeUndefined();
    expect(await getDataset(v1.id)).toBeUndefined();
    expect(await getDb().blocks.where('datasetId').equals(v1.id).count()).toBe(0);
    await expect(restorePreviousVersion(v2.id)).rejects.toMatchObject({ code: 'invalid-state' });
    expect(await countObservations()).toBe(4);
  });

  it('leaves the old version untouched when the replacement fails', async () => {
    const v1 = await putDataset(meta(), many(5));
    failOnCreate('blocks', 1, () => new Error('injected'));
    await expect(replaceDataset(v1.id, meta(), many(4))).rejects.toThrow('injected');
    expect(await getDataset(v1.id)).toStrictEqual(v1);
    expect(await getDatasets()).toStrictEqual([v1]);
  });
});

describe('purging a replaced dataset', () => {
  it('removes the superseded versions behind a purged dataset too', async () => {
    const v1 = await putDataset(meta(), many(5));
    const v2 = await replaceDataset(v1.id, meta(), many(6));
    const v3 = await replaceDataset(v2.id, meta(), many(7));
    const other = await putDataset(meta('其他'), many(3));
    await deleteDataset(v3.id);
    expect((await purgeDeleted(0)).sort()).toEqual([v1.id, v2.id, v3.id].sort());
    expect((await getDatasets({ includeHidden: true })).map((d) => d.id)).toEqual([other.id]);
    expect(await getDb().blocks.count()).toBe(await getDb().blocks.where('datasetId').equals(other.id).count());
  });
});

describe('appendToDataset', () => {
  it('adds observations after the existing ones and keeps them traceable', async () => {
    const ds = await putDataset(meta(), [obs('甲', 'I', '2023', 1)]);
    const updated = await appendToDataset(ds.id, [obs('甲', 'I', '2024', 2), { ...obs('新区', 'J', '2024', 3), source: { row: 9 } }]);
    expect(updated.rowCount).toBe(3);
    expect((await getObservations(ds.id, { offset: 0, limit: 10 })).map((o) => [o.region, o.indicator, o.value])).toEqual([
      ['甲', 'I', 1],
      ['甲', 'I', 2],
      ['新区', 'J', 3],
    ]);
    expect((await getRegions()).map((r) => r.name)).toContain('新区');
  });

  it('keeps the dataset as it was when the append fails', async () => {
    const ds = await putDataset(meta(), many(10));
    const before = await counts();
    failOnCreate('blocks', 1, () => new Error('injected'));
    await expect(appendToDataset(ds.id, many(10))).rejects.toThrow('injected');
    expect(await counts()).toEqual(before);
    expect((await getDataset(ds.id))?.rowCount).toBe(10);
  });
});
