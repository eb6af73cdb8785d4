import { describe, expect, it } from 'vitest';
import { rankingRows } from '../../../src/analysis/ranking-table';
import type { Indicator } from '../../../src/domain/types';
import { obs, snapshotOf } from './make-observation';

const indicator: Indicator = { name: '压采量', baseUnit: '立方米', polarity: 'higher', targets: [{ period: '2024', value: 100 }] };
const data = [
  obs('A', '2023', 50),
  obs('B', '2023', 80),
  obs('A', '2024', 90),
  obs('B', '2024', 90),
  obs('C', '2024', 120),
  obs('全市', '2024', 300, { isTotal: true }),
  obs('A', '2024', 1, { indicator: '别的' }),
];

describe('rankingRows', () => {
  it('ranks with ties, compares with the previous period and the target', () => {
    const rows = rankingRows(data, indicator, '2024');
    expect(rows.map((r) => [r.region, r.rank, r.tied, r.previousRank, r.rankChange, r.change?.absolute, r.target?.status])).toEqual([
      ['C', 1, false, undefined, undefined, undefined, 'green'],
      ['A', 2, true, 2, 0, 40, 'missed'],
      ['B', 2, true, 1, -1, 10, 'missed'],
    ]);
  });

  it('gives no change for change-kind values', () => {
    const rows = rankingRows([obs('A', '2023', 5, { kind: 'change' }), obs('A', '2024', 7, { kind: 'change' })], indicator, '2024');
    expect(rows[0].change).toBeUndefined();
    expect(rows[0].previous?.value).toBe(5);
  });

  it('is empty for a period without data', () => {
    expect(rankingRows(data, indicator, '2030')).toEqual([]);
  });

  it('does not mutate its input', () => {
    const before = snapshotOf([data, indicator]);
    rankingRows(data, indicator, '2024');
    expect([data, indicator]).toEqual(before);
  });
});
