import { describe, expect, it } from 'vitest';
import { rankMoves, rankRegions } from '../../../src/analysis/ranking';
import { obs, snapshotOf } from './make-observation';

describe('rankRegions', () => {
  const data = [
    obs('A', '2024', 10),
    obs('B', '2024', 30),
    obs('C', '2024', 20),
    obs('D', '2024', 20),
    obs('全市', '2024', 80, { isTotal: true }),
  ];

  it.each([
    ['higher', [['B', 1, false], ['C', 2, true], ['D', 2, true], ['A', 4, false]]],
    ['lower', [['A', 1, false], ['C', 2, true], ['D', 2, true], ['B', 4, false]]],
  ] as const)('%s is better: competition ranking with ties, totals out', (polarity, expected) => {
    expect(rankRegions(data, polarity).map((r) => [r.region, r.rank, r.tied])).toEqual(expected);
  });

  it('treats values equal after unit conversion as ties', () => {
    const r = rankRegions([obs('X', '2024', 6.04 * 1e4), obs('Y', '2024', 60400)], 'higher');
    expect(r.map((x) => x.rank)).toEqual([1, 1]);
  });

  it('ranks a region seen twice once', () => {
    expect(rankRegions([obs('A', '2024', 1), obs('A', '2024', 5)], 'higher')).toHaveLength(1);
  });

  it('does not mutate its input', () => {
    const before = snapshotOf(data);
    rankRegions(data, 'higher');
    expect(data).toEqual(before);
  });
});

describe('rankMoves', () => {
  it('counts places gained and lost', () => {
    const now = rankRegions([obs('A', '2024', 3), obs('B', '2024', 2), obs('C', '2024', 1)], 'higher');
    const before = rankRegions([obs('A', '2023', 1), obs('B', '2023', 2)], 'higher');
    expect(rankMoves(now, before).map((m) => [m.region, m.rank, m.previousRank, m.change])).toEqual([
      ['A', 1, 2, 1],
      ['B', 2, 1, -1],
      ['C', 3, undefined, undefined],
    ]);
  });

  it('does not mutate its input', () => {
    const now = rankRegions([obs('A', '2024', 3)], 'higher');
    const before = snapshotOf(now);
    rankMoves(now, []);
    expect(now).toEqual(before);
  });
});
