import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  appendToDataset,
  closeStore,
  deleteDataset,
  getSeries,
  getSnapshot,
  openStore,
  undoDelete,
  warmBlockCache,
} from '../../../src/store';
// The store's inner write of observation objects: the app writes encoded columns (putEncodedDataset).
import { putDataset, replaceDataset } from '../../../src/store/dataset-write';
import { clearBlockCache } from '../../../src/store/block-cache';
import { getDb } from '../../../src/store/open';
import { freshName, meta, obs } from './fixtures';

beforeEach(async () => {
  await openStore({ name: freshName() });
});
afterEach(() => {
  vi.restoreAllMocks();
  closeStore();
});

const values = (rows: { region: string; period: string; value: number }[]) => rows.map((o) => `${o.region}${o.period}=${o.value}`).sort();

/** Spy on block reads: how many times the blocks table was queried. */
function countBlockReads(): () => number {
  const spy = vi.spyOn(getDb().blocks, 'where');
  return () => spy.mock.calls.length;
}

describe('values kept in memory', () => {
  it('serves a second read of an indicator, and every indicator after warming, without reading blocks', async () => {
    await putDataset(meta('甲'), [obs('道里区', 'A', '2023', 1), obs('道里区', 'A', '2024', 2), obs('南岗区', 'B', '2024', 3)]);
    await putDataset(meta('乙'), [obs('道里区', 'A', '2022', 9)]);
    // As after a reload: a write keeps its blocks (below), a new page has none in memory.
    clearBlockCache();
    const reads = countBlockReads();
    expect(values(await getSeries({ indicator: 'A' }))).toEqual(['道里区2022=9', '道里区2023=1', '道里区2024=2']);
    expect(reads()).toBe(1);
    expect(values(await getSeries({ indicator: 'A' }))).toEqual(['道里区2022=9', '道里区2023=1', '道里区2024=2']);
    expect(reads()).toBe(1);
    await warmBlockCache();
    const afterWarm = reads();
    expect(values(await getSeries({ indicator: 'B' }))).toEqual(['南岗区2024=3']);
    expect(values(await getSnapshot({ indicator: 'A', period: '2024' }))).toEqual(['道里区2024=2']);
    // An indicator no dataset has is known to be empty once everything was read.
    expect(await getSeries({ indicator: '无此指标' })).toEqual([]);
    expect(reads()).toBe(afterWarm);
  });

  it('waits for the page before each block it warms', async () => {
    await putDataset(meta('甲'), [obs('道里区', 'A', '2024', 2), obs('道里区', 'B', '2024', 3), obs('道里区', 'C', '2024', 4)]);
    clearBlockCache();
    const gets = vi.spyOn(getDb().blocks, 'get');
    const order: string[] = [];
    await warmBlockCache(async () => {
      order.push(`pause after ${gets.mock.calls.length} reads`);
    });
    expect(gets.mock.calls.length).toBe(3);
    expect(order).toEqual(['pause after 0 reads', 'pause after 1 reads', 'pause after 2 reads']);
    const reads = countBlockReads();
    expect(values(await getSeries({ indicator: 'C' }))).toEqual(['道里区2024=4']);
    expect(reads()).toBe(0);
  });

  it('reads each dataset version once when warmed again and again', async () => {
    await putDataset(meta('甲'), [obs('道里区', 'A', '2024', 2), obs('道里区', 'B', '2024', 3)]);
    await warmBlockCache();
    const reads = countBlockReads();
    await warmBlockCache();
    await warmBlockCache();
    expect(reads()).toBe(0);
  });

  it.each([
    {
      change: 'rows appended',
      act: async (id: string) => void (await appendToDataset(id, [obs('道里区', 'A', '2025', 5)])),
      expected: ['道里区2024=2', '道里区2025=5'],
    },
    { change: 'dataset deleted', act: async (id: string) => void (await deleteDataset(id)), expected: [] },
    {
      change: 'dataset replaced',
      act: async (id: string) => void (await replaceDataset(id, meta('甲'), [obs('道里区', 'A', '2024', 7)])),
      expected: ['道里区2024=7'],
    },
  ])('never serves stale values: $change', async ({ act, expected }) => {
    const ds = await putDataset(meta('甲'), [obs('道里区', 'A', '2024', 2)]);
    await warmBlockCache();
    expect(values(await getSeries({ indicator: 'A' }))).toEqual(['道里区2024=2']);
    await act(ds.id);
    expect(values(await getSeries({ indicator: 'A' }))).toEqual(expected);
  });

  it('shows a restored dataset again after an undo', async () => {
    const ds = await putDataset(meta('甲'), [obs('道里区', 'A', '2024', 2)]);
    await getSeries({ indicator: 'A' });
    await deleteDataset(ds.id);
    expect(await getSeries({ indicator: 'A' })).toEqual([]);
    await undoDelete(ds.id);
    expect(values(await getSeries({ indicator: 'A' }))).toEqual(['道里区2024=2']);
  });

  it('sees a new import at once', async () => {
    await putDataset(meta('甲'), [obs('道里区', 'A', '2024', 2)]);
    await warmBlockCache();
    await putDataset(meta('乙'), [obs('南岗区', 'A', '2024', 4)]);
    expect(values(await getSeries({ indicator: 'A' }))).toEqual(['南岗区2024=4', '道里区2024=2']);
  });

  it('serves the values a write has just stored without reading them, and warms nothing of them again', async () => {
    const reads = countBlockReads();
    const gets = vi.spyOn(getDb().blocks, 'get');
    await putDataset(meta('甲'), [obs('道里区', 'A', '2023', 1), obs('道里区', 'A', '2024', 2), obs('南岗区', 'B', '2024', 3)]);
    expect(values(await getSeries({ indicator: 'A' }))).toEqual(['道里区2023=1', '道里区2024=2']);
    expect(values(await getSnapshot({ indicator: 'B', period: '2024' }))).toEqual(['南岗区2024=3']);
    expect(await getSeries({ indicator: '无此指标' })).toEqual([]);
    await warmBlockCache();
    expect(reads()).toBe(0);
    expect(gets).not.toHaveBeenCalled();
  });

  it('keeps nothing across databases', async () => {
    await putDataset(meta('甲'), [obs('道里区', 'A', '2024', 2)]);
    await warmBlockCache();
    closeStore();
    await openStore({ name: freshName() });
    expect(await getSeries({ indicator: 'A' })).toEqual([]);
  });
});

describe('a read asked for by a click', () => {
  it('asks the database for the blocks in the caller’s task once the datasets are known, and answers the same', async () => {
    await putDataset(meta('甲'), [obs('道里区', 'A', '2024', 1), obs('南岗区', 'B', '2024', 2)]);
    clearBlockCache();
    // The first read learns the complete datasets; it waits a turn for them.
    expect(values(await getSeries({ indicator: 'A' }))).toEqual(['道里区2024=1']);
    const asked = vi.spyOn(getDb().blocks, 'where');
    const answer = getSeries({ indicator: 'B' });
    // Not after a promise's turn: before this task ends.
    expect(asked).toHaveBeenCalledTimes(1);
    expect(values(await answer)).toEqual(['南岗区2024=2']);
  });

  it('waits for the datasets again after a write, which may have changed them', async () => {
    await putDataset(meta('甲'), [obs('道里区', 'A', '2024', 1)]);
    await getSeries({ indicator: 'A' });
    await putDataset(meta('乙'), [obs('香坊区', 'A', '2023', 5)]);
    const asked = vi.spyOn(getDb().blocks, 'where');
    const answer = getSeries({ indicator: 'A' });
    expect(asked).toHaveBeenCalledTimes(0);
    expect(values(await answer)).toEqual(['道里区2024=1', '香坊区2023=5']);
  });
});
