import { describe, expect, it } from 'vitest';
import { dominantGrain, groupSeries, latestPeriod, periodsByGrain, periodsOfDominantGrain } from '../../../src/analysis/series';
import { obs, snapshotOf } from './make-observation';

describe('dominantGrain', () => {
  it.each([
    [['2024', '2023', '2024-Q1'], 'year'],
    [['2024-Q1', '2024-Q2', '2024'], 'quarter'],
    [['2024', '2024-03'], 'year'],
    [['2024-03', '2024'], 'year'],
    [['bad'], undefined],
    [[], undefined],
  ])('%j → %s', (periods, grain) => {
    expect(dominantGrain(periods.map((p) => obs('A', p, 1)))).toBe(grain);
  });

  it('trusts a stored grain over the key', () => {
    expect(dominantGrain([obs('A', '2024', 1, { grain: 'season' })])).toBe('season');
  });

  it('counts values, not distinct periods', () => {
    const values = [obs('A', '2024', 1), obs('B', '2024', 1), obs('C', '2024', 1), obs('A', '2024-01', 1), obs('A', '2024-02', 1)];
    expect(dominantGrain(values)).toBe('year');
  });
});

describe('periodsByGrain', () => {
  it('keeps a stated grain apart from the grain of the same key unstated', () => {
    const values = [
      obs('A', '2024', 1, { grain: 'season' }),
      obs('B', '2024', 1),
      obs('C', '2024', 1),
      obs('A', '2023', 1, { grain: 'year' }),
      obs('A', 'bad', 1),
    ];
    const byGrain = periodsByGrain(values);
    expect([...byGrain].map(([g, m]) => [g, [...m]])).toEqual([
      ['season', [['2024', 1]]],
      ['year', [['2023', 1], ['2024', 2]]],
      ['unknown', [['bad', 1]]],
    ]);
  });

  it('sorts the dominant grain\'s periods in time', () => {
    const values = ['2024', '2022', '2023-Q1', '2023', '2022'].map((p) => obs('A', p, 1));
    expect(periodsOfDominantGrain(values)).toEqual({ grain: 'year', periods: ['2022', '2023', '2024'] });
  });
});

describe('groupSeries', () => {
  const data = [
    obs('道里区', '2021', 10),
    obs('道里区', '2023', 30),
    obs('南岗区', '2021', 5),
    obs('南岗区', '2022', 6),
    obs('南岗区', '2023', 7),
    obs('全市', '2023', 100, { isTotal: true }),
    obs('道里区', '2023-Q1', 8),
    obs('道里区', '2023', 99),
  ];

  it('aligns values on the periods, with null gaps and no zeros', () => {
    const s = groupSeries(data);
    expect(s.grain).toBe('year');
    expect(s.periods).toEqual(['2021', '2022', '2023']);
    expect(s.series.map((r) => [r.region, r.values, r.isTotal])).toEqual([
      ['道里区', [10, null, 30], false],
      ['南岗区', [5, 6, 7], false],
      ['全市', [null, null, 100], true],
    ]);
  });

  it('reports other grains and duplicates instead of mixing them in', () => {
    const s = groupSeries(data);
    expect(s.otherGrains).toEqual([{ grain: 'quarter', count: 1 }]);
    expect(s.duplicates).toBe(1);
  });

  it('inserts periods nobody reported, as gaps', () => {
    const s = groupSeries([obs('A', '2020', 1), obs('A', '2023', 2)]);
    expect(s.periods).toEqual(['2020', '2021', '2022', '2023']);
    expect(s.series[0].values).toEqual([1, null, null, 2]);
  });

  it('keeps the chosen regions in the chosen order and filters periods', () => {
    const s = groupSeries(data, { regions: ['南岗区', '无此区', '道里区'], periodFrom: '2022', periodTo: '2023' });
    expect(s.series.map((r) => r.region)).toEqual(['南岗区', '道里区']);
    expect(s.periods).toEqual(['2022', '2023']);
  });

  it('handles region names like __proto__ as plain data', () => {
    const s = groupSeries([obs('__proto__', '2024', 1), obs('constructor', '2024', 2)]);
    expect(s.series.map((r) => r.region)).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('does not mutate its input', () => {
    const before = snapshotOf(data);
    groupSeries(data, { regions: ['道里区'] });
    expect(data).toEqual(before);
  });
});

describe('latestPeriod', () => {
  it.each([
    [['2022', '2024', '2023'], '2024'],
    [['2024-Q4', '2025', '2025-Q1', '2025-Q2'], '2025-Q2'],
    [['2023-01', '2022', '2023-02', '2024-Q1', '2022-12'], '2023-02'],
    [[], undefined],
  ])('%j → %s', (periods, latest) => {
    expect(latestPeriod(periods.map((p) => obs('A', p, 1)))).toBe(latest);
  });
});
