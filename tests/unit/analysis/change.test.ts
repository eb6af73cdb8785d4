import { describe, expect, it } from 'vitest';
import { changeMeasure, computeChange, isGood, isRateUnit, yearOverYearSeries } from '../../../src/analysis/change';

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

describe('changeMeasure', () => {
  it.each([
    ['a rate: points', computeChange(64, 62.4), '%', undefined, 'points'],
    ['a rate asked to be relative', computeChange(64, 62.4), '%', 'relative', 'relative'],
    ['a rate from zero: still points', computeChange(3, 0), '%', undefined, 'points'],
    ['per mille: points', computeChange(3, 2), '‰', 'points', 'points'],
    ['a count: relative', computeChange(110, 100), '亩', undefined, 'relative'],
    ['a count from zero: absolute', computeChange(5, 0), '亩', undefined, 'absolute'],
    ['no unit: relative', computeChange(110, 100), '', undefined, 'relative'],
  ] as const)('%s', (_name, change, unit, rateChange, expected) => {
    expect(changeMeasure(change, unit, rateChange)).toBe(expected);
  });

  it.each([
    ['%', true],
    ['％', true],
    ['‰', true],
    [' % ', true],
    ['个百分点', false],
    ['万亩', false],
  ])('isRateUnit(%j) is %s', (unit, expected) => {
    expect(isRateUnit(unit)).toBe(expected);
  });
});
