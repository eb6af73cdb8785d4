import { describe, expect, it } from 'vitest';
import { defaultRegions } from '../../../src/analysis/default-regions';
import { obs, snapshotOf } from './make-observation';

describe('defaultRegions', () => {
  const data = [
    obs('全市', '2024', 100, { isTotal: true }),
    obs('A', '2024', 10),
    obs('B', '2024', 30),
    obs('C', '2024', 20),
    obs('D', '2023', 99),
    obs('E', '2024-Q1', 500),
  ];

  it.each([
    [6, ['全市', 'B', 'C', 'A', 'D']],
    [2, ['全市', 'B', 'C']],
  ])('at most %d besides the total', (max, expected) => {
    expect(defaultRegions(data, max)).toEqual(expected);
  });

  it('takes each region\'s own latest value of the grain, whatever the order of the values', () => {
    const values = [
      obs('A', '2024', 5),
      obs('B', '2022', 90),
      obs('B', '2023', 40),
      obs('C', '2023', 60),
      obs('B', '2021', 99),
      obs('C', '2024-Q4', 1000),
      obs('D', '2024', 7, { grain: 'season' }),
    ];
    expect(defaultRegions(values)).toEqual(['A', 'C', 'B']);
  });

  it('is empty without observations', () => {
    expect(defaultRegions([])).toEqual([]);
  });

  it('does not mutate its input', () => {
    const before = snapshotOf(data);
    defaultRegions(data);
    expect(data).toEqual(before);
  });
});
