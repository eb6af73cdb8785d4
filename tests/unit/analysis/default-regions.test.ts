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

  it("takes each region's own latest value of the grain, whatever the order of the values", () => {
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

  it('keeps the code of a region that comes back later, and its latest value, not its last', () => {
    // The city's latest value carries no code: the code of its earlier value keeps it a city, so
    // the county is left out (one level); a value of an earlier period seen later changes nothing.
    const city = [
      obs('X', '2023', 1, { regionCode: '230100' }),
      obs('A', '2024', 50, { regionCode: '230102' }),
      obs('X', '2024', 100),
      obs('X', '2022', 999),
    ];
    expect(defaultRegions(city)).toEqual(['X']);
    const codeLater = [
      obs('X', '2023', 1),
      obs('A', '2024', 50, { regionCode: '230102' }),
      obs('X', '2024', 100, { regionCode: '230100' }),
    ];
    expect(defaultRegions(codeLater)).toEqual(['X']);
    const noCode = [obs('X', '2023', 1), obs('A', '2024', 50, { regionCode: '230102' }), obs('X', '2024', 100)];
    expect(defaultRegions(noCode)).toEqual(['X', 'A']);
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
