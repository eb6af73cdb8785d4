import { describe, expect, it } from 'vitest';
import {
  comparePeriods,
  formatPeriod,
  grainOfKey,
  nextPeriod,
  periodSpan,
  periodsBetween,
  previousPeriod,
  samePeriodLastYear,
} from '../../../src/domain/period';

describe('grainOfKey', () => {
  it.each([
    ['2024', 'year'],
    ['2024-03', 'month'],
    ['2024-03-15', 'day'],
    ['2024-Q1', 'quarter'],
    ['2024-H2', 'half'],
    ['2023/2024', 'season'],
    ['2021/2025', 'range'],
    ['2024-13', undefined],
    ['2023-02-29', undefined],
    ['2024-02-29', 'day'],
    ['2024/2023', undefined],
    ['24', undefined],
    ['__proto__', undefined],
  ])('%s → %s', (key, grain) => {
    expect(grainOfKey(key)).toBe(grain);
  });
});

describe('comparePeriods', () => {
  it.each([
    [['2024', '2023-Q4', '2023'], ['2023', '2023-Q4', '2024']],
    [['2024-10', '2024-02', '2024-01'], ['2024-01', '2024-02', '2024-10']],
    [['2024-H2', '2024-Q1', '2024-H1'], ['2024-Q1', '2024-H1', '2024-H2']],
    [['2022/2023', '2021/2025', '2021/2022'], ['2021/2022', '2021/2025', '2022/2023']],
    [['bad', '2020'], ['2020', 'bad']],
  ])('sorts %j', (input, sorted) => {
    expect([...input].sort(comparePeriods)).toEqual(sorted);
  });

  it('does not mutate its input', () => {
    const keys = ['2024', '2023'];
    [...keys].sort(comparePeriods);
    expect(keys).toEqual(['2024', '2023']);
  });
});

describe('samePeriodLastYear', () => {
  it.each([
    ['2024', '2023'],
    ['2024-03', '2023-03'],
    ['2024-Q1', '2023-Q1'],
    ['2024-H2', '2023-H2'],
    ['2023/2024', '2022/2023'],
    ['2021/2025', '2020/2024'],
    ['2024-02-29', '2023-02-28'],
    ['nonsense', undefined],
  ])('%s → %s', (key, expected) => {
    expect(samePeriodLastYear(key)).toBe(expected);
  });
});

describe('previousPeriod and nextPeriod', () => {
  it.each([
    ['2024', '2023'],
    ['2024-01', '2023-12'],
    ['2024-07', '2024-06'],
    ['2024-Q1', '2023-Q4'],
    ['2024-Q3', '2024-Q2'],
    ['2024-H1', '2023-H2'],
    ['2024-03-01', '2024-02-29'],
    ['2024-01-01', '2023-12-31'],
    ['2023/2024', '2022/2023'],
    ['2021/2025', '2016/2020'],
  ])('previous of %s is %s, and back again', (key, prev) => {
    expect(previousPeriod(key)).toBe(prev);
    expect(nextPeriod(prev)).toBe(key);
  });

  it('returns undefined for keys it cannot read', () => {
    expect(previousPeriod('2024年')).toBeUndefined();
    expect(nextPeriod('')).toBeUndefined();
  });
});

describe('periodsBetween', () => {
  it.each([
    ['2023-Q3', '2024-Q1', ['2023-Q3', '2023-Q4', '2024-Q1']],
    ['2020', '2022', ['2020', '2021', '2022']],
    ['2024-11', '2025-01', ['2024-11', '2024-12', '2025-01']],
    ['2024', '2024-03', []],
    ['2024', '2020', []],
  ])('%s..%s', (from, to, expected) => {
    expect(periodsBetween(from, to)).toEqual(expected);
  });

  it('gives up beyond its limit', () => {
    expect(periodsBetween('2000-01', '2024-01', 10)).toEqual([]);
  });
});

describe('periodSpan', () => {
  it('measures in months, independent of the time zone', () => {
    expect(periodSpan('2024-Q2')).toEqual({ start: 2024 * 12 + 3, end: 2024 * 12 + 6 });
    expect(periodSpan('2021/2025')).toEqual({ start: 2021 * 12, end: 2026 * 12 });
  });

  // Parsed keys are remembered (charts parse the same few keys for every observation); the memory
  // is bounded and must never change an answer, whatever came before.
  it('answers the same before and after many other keys were read', () => {
    const keys = ['2024', '2024-02', '2024-02-29', '2023-02-29', 'bad', '2024-H2', '2023/2024'];
    const first = keys.map((k) => [periodSpan(k), grainOfKey(k)]);
    for (let y = 1000; y < 9999; y++) periodSpan(`${y}-Q1`);
    expect(keys.map((k) => [periodSpan(k), grainOfKey(k)])).toEqual(first);
    expect(periodSpan('2023-02-29')).toBeUndefined();
    expect(periodSpan('5000-Q1')).toEqual({ start: 5000 * 12, end: 5000 * 12 + 3 });
  });
});

describe('formatPeriod', () => {
  it.each([
    ['2024', '2024年', '2024'],
    ['2024-03', '2024年3月', 'Mar 2024'],
    ['2024-03-15', '2024年3月15日', '15 Mar 2024'],
    ['2024-Q1', '2024年一季度', '2024 Q1'],
    ['2024-Q4', '2024年四季度', '2024 Q4'],
    ['2024-H1', '2024年上半年', '2024 H1'],
    ['2023/2024', '2023—2024年度', '2023–2024 season'],
    ['2021/2025', '2021—2025年', '2021–2025'],
    ['“十四五”', '“十四五”', '“十四五”'],
  ])('%s → %s / %s', (key, zh, en) => {
    expect(formatPeriod(key, 'zh')).toBe(zh);
    expect(formatPeriod(key, 'en')).toBe(en);
  });
});
