import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Observation } from '../../../src/domain/types';
import {
  closeStore,
  countObservations,
  getObservations,
  getPeriods,
  getSeries,
  getSnapshot,
  openStore,
} from '../../../src/store';
// The store's inner write of observation objects: the app writes encoded columns (putEncodedDataset).
import { putDataset } from '../../../src/store/dataset-write';
import { getDb } from '../../../src/store/open';
import { freshName, many, meta, obs } from './fixtures';

beforeEach(async () => {
  await openStore({ name: freshName() });
});
afterEach(() => closeStore());

/** Every optional field of Observation, and the same fields absent or false. */
const full: Observation[] = [
  {
    region: '哈尔滨市道里区',
    indicator: '保护性耕作面积',
    period: '2024',
    value: 60400,
    unit: '亩',
    regionCode: '010101',
    periodLabel: '2024年',
    grain: 'year',
    displayUnit: '万亩',
    kind: 'level',
    approximate: true,
    isTotal: false,
    target: 50000,
    source: { row: 7, column: '面积（万亩）' },
    sourceText: '据《报告》第三段',
  },
  {
    region: '全市',
    indicator: '保护性耕作面积',
    period: '2023/2024',
    value: -30.1,
    unit: '%',
    grain: 'season',
    kind: 'change',
    changeType: 'relative',
    approximate: false,
    isTotal: true,
    target: 0,
    source: { row: 8 },
  },
  obs('乌海市', 'PM10平均浓度', '2024-Q1', 0, ''),
  { ...obs('乌海市', 'PM10平均浓度', '2024-03', Number.MAX_VALUE, '微克/立方米'), changeType: 'multiple', grain: 'month' },
  { ...obs('通辽经济技术开发区', '保护性耕作面积', '2021/2025', 1e-300), grain: 'range', changeType: 'points', kind: 'change' },
];

describe('observations round trip', () => {
  it('gives back every field exactly, absent fields staying absent', async () => {
    const ds = await putDataset(meta(), full);
    const page = await getObservations(ds.id, { offset: 0, limit: 100 });
    expect(page).toStrictEqual(full.map((o) => ({ ...o, datasetId: ds.id })));
  });

  it('does not mutate the observations it is given', async () => {
    const input = structuredClone(full);
    await putDataset(meta(), input);
    expect(input).toStrictEqual(full);
  });

  it('splits 120,000 values into blocks of at most 12,500 and reads them back exactly', async () => {
    const input: Observation[] = [];
    for (let i = 0; i < 120_000; i++) input.push({ ...obs(`地区${i % 50}`, '压采量', String(1900 + (i % 120)), i / 3 - 1000, '立方米'), source: { row: i + 1 } });
    const ds = await putDataset(meta(), input);
    const blocks = await getDb().blocks.where('datasetId').equals(ds.id).toArray();
    expect(blocks.length).toBe(10);
    expect(Math.max(...blocks.map((b) => b.count))).toBe(12_500);
    expect(await countObservations(ds.id)).toBe(120_000);
    const back = await getSeries({ indicator: '压采量' });
    expect(back.length).toBe(120_000);
    expect(back.map(({ datasetId: _d, ...o }) => o)).toStrictEqual(input);
    const page = await getObservations(ds.id, { offset: 99_990, limit: 20 });
    expect(page.map((o) => o.source?.row)).toEqual(Array.from({ length: 20 }, (_, i) => 99_991 + i));
  }, 30_000);
});

describe('queries', () => {
  it.each([
    { name: 'all regions', regions: undefined, expected: 7 * 4 },
    { name: 'one region', regions: ['地区3'], expected: 4 },
    { name: 'two regions', regions: ['地区3', '地区5'], expected: 8 },
    { name: 'an unknown region', regions: ['无此地区'], expected: 0 },
  ])('getSeries filters by region: $name', async ({ regions, expected }) => {
    // 84 observations: indicator i%3, region i%7, period i%4 → each indicator has 28 distinct cells.
    await putDataset(meta(), many(84));
    const rows = await getSeries({ indicator: '指标0', regions });
    expect(rows.length).toBe(expected);
    expect(rows.every((r) => r.indicator === '指标0')).toBe(true);
    if (regions) expect(rows.every((r) => regions.includes(r.region))).toBe(true);
  });

  it('getSeries and getSnapshot read only the chosen datasets, each value tagged with its dataset', async () => {
    const a = await putDataset(meta('A'), [obs('甲', 'I', '2023', 1), obs('甲', 'I', '2024', 2)]);
    const b = await putDataset(meta('B'), [obs('乙', 'I', '2024', 3)]);
    expect((await getSeries({ indicator: 'I' })).map((o) => [o.datasetId, o.value])).toEqual([
      [a.id, 1],
      [a.id, 2],
      [b.id, 3],
    ]);
    expect((await getSeries({ indicator: 'I', datasets: [b.id] })).map((o) => o.value)).toEqual([3]);
    expect((await getSnapshot({ indicator: 'I', period: '2024' })).map((o) => o.value)).toEqual([2, 3]);
    expect(await getSnapshot({ indicator: 'I', period: '1999' })).toEqual([]);
  });

  it('getPeriods lists the distinct periods of one indicator, sorted', async () => {
    await putDataset(meta(), [obs('甲', 'I', '2024', 1), obs('甲', 'I', '2022', 2), obs('乙', 'I', '2024', 3), obs('甲', 'J', '2010', 4)]);
    expect(await getPeriods('I')).toEqual(['2022', '2024']);
    expect(await getPeriods('J')).toEqual(['2010']);
  });

  it('countObservations counts one dataset or all complete ones', async () => {
    const a = await putDataset(meta('A'), many(10));
    await putDataset(meta('B'), many(5));
    expect(await countObservations(a.id)).toBe(10);
    expect(await countObservations()).toBe(15);
  });

  it.each([
    { offset: 0, limit: 3, rows: [2, 3, 4] },
    { offset: 8, limit: 5, rows: [10, 11] },
    { offset: 10, limit: 5, rows: [] },
    { offset: 2, limit: 0, rows: [] },
  ])('getObservations pages in source order: offset $offset limit $limit', async ({ offset, limit, rows }) => {
    const ds = await putDataset(meta(), many(10));
    const page = await getObservations(ds.id, { offset, limit });
    expect(page.map((o) => o.source?.row)).toEqual(rows);
  });
});
