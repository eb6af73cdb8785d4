import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import {
  closeStore,
  countObservations,
  getDatasets,
  getIndicators,
  getObservations,
  getPeriods,
  getSeries,
  openStore,
  putSetting,
  getSetting,
} from '../../../src/store';
import { getDb } from '../../../src/store/open';
import { freshName } from './fixtures';

afterEach(() => closeStore());

/**
 * Write a database exactly as schema version 1 left it: its stores only (no settings, no maps)
 * and dictionaries without per-indicator period lists.
 */
async function writeVersion1(name: string): Promise<void> {
  const old = new Dexie(name);
  old.version(1).stores({
    datasets: 'id, status',
    dictionaries: 'datasetId',
    blocks: '[datasetId+seq], datasetId, indicator',
    indicators: 'name',
    regions: 'name',
    views: 'id',
    decks: 'id',
  });
  await old.open();
  await old.table('datasets').bulkAdd([
    { id: 'ds-a', name: '旧库', fileName: 'a.csv', format: 'csv', encoding: 'utf-8', importedAt: '2025-01-01T00:00:00.000Z', rowCount: 3, issueCount: 0, notes: [], status: 'complete', version: 1 },
  ]);
  // strings: 0 甲, 1 2023, 2 亩, 3 2024, 4 乙, 5 万亩
  await old.table('dictionaries').add({ datasetId: 'ds-a', strings: ['甲', '2023', '亩', '2024', '乙', '万亩'], count: 3, nextSeq: 2 });
  await old.table('blocks').bulkAdd([
    {
      datasetId: 'ds-a', seq: 0, indicator: '面积', count: 2,
      pos: Uint32Array.of(0, 2), region: Uint32Array.of(0, 4), period: Uint32Array.of(1, 3), unit: Uint32Array.of(2, 2),
      value: Float64Array.of(60400, 0.5), flags: Uint8Array.of(0, 0), codes: Uint8Array.of(1, 1), displayUnit: Uint32Array.of(6, 0),
    },
    {
      datasetId: 'ds-a', seq: 1, indicator: 'PM10浓度', count: 1,
      pos: Uint32Array.of(1), region: Uint32Array.of(0), period: Uint32Array.of(3), unit: Uint32Array.of(2),
      value: Float64Array.of(42), flags: Uint8Array.of(0), codes: Uint8Array.of(0),
    },
  ]);
  await old.table('indicators').bulkAdd([
    { name: '面积', baseUnit: '亩', displayUnit: '万亩', polarity: 'higher', targets: [] },
    { name: 'PM10浓度', baseUnit: '亩', polarity: 'lower', targets: [] },
  ]);
  await old.table('views').add({ id: 'v1', name: '旧视图', spec: { version: 1, kind: 'trend', indicator: '面积' } });
  old.close();
}

describe('schema upgrade 1 → 3 (through 2)', () => {
  it('opens a version 1 database with counts and values unchanged, and fills the new parts', async () => {
    const name = freshName();
    await writeVersion1(name);
    await openStore({ name });
    expect(getDb().verno).toBe(3);
    expect((await getDatasets()).map((d) => d.id)).toEqual(['ds-a']);
    expect(await countObservations()).toBe(3);
    expect(await getDb().blocks.count()).toBe(2);
    expect((await getIndicators()).map((i) => i.name)).toEqual(['PM10浓度', '面积']);
    expect(await getObservations('ds-a', { offset: 0, limit: 10 })).toStrictEqual([
      { datasetId: 'ds-a', region: '甲', indicator: '面积', period: '2023', value: 60400, unit: '亩', grain: 'year', displayUnit: '万亩' },
      { datasetId: 'ds-a', region: '甲', indicator: 'PM10浓度', period: '2024', value: 42, unit: '亩' },
      { datasetId: 'ds-a', region: '乙', indicator: '面积', period: '2024', value: 0.5, unit: '亩', grain: 'year' },
    ]);
    expect((await getSeries({ indicator: '面积' })).map((o) => o.value)).toEqual([60400, 0.5]);
    // Filled by the upgrade function from the blocks.
    expect(await getPeriods('面积')).toEqual(['2023', '2024']);
    expect(await getPeriods('PM10浓度')).toEqual(['2024']);
    // The tables added in version 2 work.
    await putSetting('locale', 'en');
    expect(await getSetting('locale')).toBe('en');
    expect(await getDb().views.count()).toBe(1);
  });
});
