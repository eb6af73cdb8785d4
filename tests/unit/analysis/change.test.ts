import { describe, expect, it } from 'vitest';
import { computeChange, isGood, yearOverYearSeries } from '../../../src/analysis/change';

describe('computeChange', () => {
  it.each([
    [110, 100, 10, 10, 'up'],
    [70, 100, -30, -30, 'down'],
    [5, 5, 0, 0, 'flat'],
    [5, 0, 5, undefined, 'up'],
    [-5, -10, 5, 50, 'up'],
  ])('%d vs %d', (cur, prev, abs, rel, dir) => {
    const c = computeChange(cur, prev);
    expect(c.absolute).toBe(abs);
    expect(c.relative).toBe(rel);
    expect(c.direction).toBe(dir);
  });
});

describe('isGood', () => {
  it.each([
    ['up', 'higher', true],
    ['down', 'higher', false],
    ['down', 'lower', true],
    ['up', 'lower', false],
    ['flat', 'higher', undefined],
  ] as const)('%s for %s is %s', (dir, pol, good) => {
    expect(isGood(dir, pol)).toBe(good);
  });
});

describe('yearOverYearSeries', () => {
  it('compares with the same period last year, across gaps', () => {
    const periods = ['2023-Q1', '2023-Q2', '2023-Q3', '2023-Q4', '2024-Q1', '2024-Q2'];
    const values = [100, 50, null, 40, 120, null];
    const yoy = yearOverYearSeries(periods, values);
    expect(yoy.map((c) => c?.relative)).toEqual([undefined, undefined, undefined, undefined, 20, undefined]);
  });

  it('does not mutate its input', () => {
    const periods = ['2024', '2023'];
    const values = [2, 1];
    yearOverYearSeries(periods, values);
    expect(periods).toEqual(['2024', '2023']);
    expect(values).toEqual([2, 1]);
  });

  it('works with unsorted periods', () => {
    expect(yearOverYearSeries(['2024', '2023'], [2, 1])[0]?.absolute).toBe(1);
  });
});
