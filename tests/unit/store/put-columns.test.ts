import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { closeStore, getDatasets, getIndicators, getObservations, getSeries, openStore } from '../../../src/store';
// The store's inner write of observation objects: the app writes encoded columns (putEncodedDataset).
import { putDataset } from '../../../src/store/dataset-write';
import { emptyDictionary, encodeBlocks } from '../../../src/store/columns';
import { decodeEncoded, putEncodedDataset, type EncodedColumns } from '../../../src/store/put-columns';
import type { Observation } from '../../../src/domain/types';
import { getDb } from '../../../src/store/open';
import { freshName, many, meta } from './fixtures';

afterEach(() => closeStore());

/** What the import worker does: encode for no dataset yet. */
function encode(observations: readonly Observation[]): EncodedColumns {
  const dictionary = emptyDictionary('');
  const blocks = encodeBlocks('', observations, dictionary, 0);
  return { blocks, dictionary, count: observations.length };
}

const strip = (rows: readonly object[]) => rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => k !== 'datasetId')));

describe('putEncodedDataset', () => {
  it.each([
    ['one transaction', 5000, undefined],
    ['chunked writes', 120_000, 100_000],
  ])('stores the same observations as putDataset (%s)', async (_, n, limit) => {
    await openStore({ name: freshName() });
    const rows = many(n);
    const ds = await putEncodedDataset(meta('编码'), encode(rows), { singleTransactionLimit: limit });
    expect(ds.rowCount).toBe(n);
    expect(ds.status).toBe('complete');
    expect(strip(await getObservations(ds.id, { offset: 0, limit: n }))).toEqual(rows);
    expect((await getIndicators()).map((i) => i.name).sort()).toEqual(['指标0', '指标1', '指标2']);
  }, 30_000);

  it('a new version supersedes the old one in the same write', async () => {
    await openStore({ name: freshName() });
    const v1 = await putDataset(meta('版本'), many(30));
    const v2 = await putEncodedDataset(meta('版本'), encode(many(12, '新指标')), { replaces: v1.id });
    expect([v2.version, v2.replaces]).toEqual([2, v1.id]);
    expect((await getDatasets()).map((d) => d.id)).toEqual([v2.id]);
    expect(await getSeries({ indicator: '指标0' })).toEqual([]);
    expect((await getSeries({ indicator: '新指标0' })).length).toBe(4);
  });

  // The adds run several at a time (dataset-write.ts, ADDS_IN_FLIGHT): a cancel part-way, with
  // adds still in flight, must still leave nothing, and the version it would replace untouched.
  it.each([
    ['one transaction, after the first block', 60_000, undefined, 1],
    ['one transaction, before the last block', 60_000, undefined, 4],
    ['chunked writes, part-way', 120_000, 50_000, 7],
  ])('cancelled while writing stores nothing (%s)', async (_, n, limit, afterBlocks) => {
    await openStore({ name: freshName() });
    const v1 = await putDataset(meta('取消'), many(30));
    const abort = new AbortController();
    let blocks = 0;
    const onProgress = (): void => {
      if (++blocks === afterBlocks) abort.abort();
    };
    const write = putEncodedDataset(meta('取消'), encode(many(n)), { replaces: v1.id, onProgress, signal: abort.signal, singleTransactionLimit: limit });
    await expect(write).rejects.toThrow();
    expect(abort.signal.aborted).toBe(true);
    expect((await getDatasets()).map((d) => [d.id, d.status])).toEqual([[v1.id, 'complete']]);
    expect(await getDb().blocks.where('datasetId').notEqual(v1.id).count()).toBe(0);
    // Nor are the cancelled write's blocks kept in memory (block-cache.ts) for later reads.
    const series = await getSeries({ indicator: '指标0' });
    expect(series.length).toBeGreaterThan(0);
    expect(new Set(series.map((o) => o.datasetId))).toEqual(new Set([v1.id]));
  }, 30_000);

  // The last step (dictionary, metadata, the dataset made complete) takes a while on a slow
  // machine, with the cancel button still shown: a cancel then must still leave nothing.
  it.each([
    ['one transaction', 5000, undefined],
    ['chunked writes', 120_000, 50_000],
  ])('cancelled while the dictionary is written stores nothing (%s)', async (_, n, limit) => {
    await openStore({ name: freshName() });
    const v1 = await putDataset(meta('取消'), many(30));
    const abort = new AbortController();
    const dictionaries = getDb().dictionaries;
    const onDictionary = (): void => abort.abort();
    dictionaries.hook('creating', onDictionary);
    try {
      const write = putEncodedDataset(meta('取消'), encode(many(n)), { replaces: v1.id, signal: abort.signal, singleTransactionLimit: limit });
      await expect(write).rejects.toThrow();
    } finally {
      dictionaries.hook('creating').unsubscribe(onDictionary);
    }
    expect(abort.signal.aborted).toBe(true);
    expect((await getDatasets()).map((d) => [d.id, d.status])).toEqual([[v1.id, 'complete']]);
    expect(await getDb().dictionaries.count()).toBe(1);
    expect(await getDb().blocks.where('datasetId').notEqual(v1.id).count()).toBe(0);
  }, 30_000);

  it('stores every block once, in order, with several adds in flight', async () => {
    await openStore({ name: freshName() });
    const encoded = encode(many(60_000));
    const ds = await putEncodedDataset(meta('顺序'), encoded);
    const stored = await getDb().blocks.where('datasetId').equals(ds.id).toArray();
    expect(stored.map((b) => b.seq)).toEqual(encoded.blocks.map((b) => b.seq));
    expect(stored.reduce((sum, b) => sum + b.count, 0)).toBe(60_000);
  }, 30_000);

  it('reports progress up to the total', async () => {
    await openStore({ name: freshName() });
    const seen: number[] = [];
    await putEncodedDataset(meta('进度'), encode(many(60_000)), { onProgress: (p) => seen.push(p.written) });
    expect(seen.at(-1)).toBe(60_000);
  });
});

describe('decodeEncoded', () => {
  it.each([[1], [7], [2000]])('gives back %i observations in their original order', (n) => {
    const rows = many(n);
    expect(decodeEncoded(encode(rows))).toEqual(rows);
  });

  it('does not mutate the encoded blocks', () => {
    const encoded = encode(many(50));
    const before = structuredClone(encoded);
    decodeEncoded(encoded);
    expect(encoded).toEqual(before);
  });
});
