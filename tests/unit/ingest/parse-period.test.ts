import { describe, expect, it } from 'vitest';
import { isPeriodPart, parsePeriod, titleYear, withYear } from '../../../src/ingest/parse-period';

// domain.md's period table, row by row, plus neighbours of each form.
const TABLE: [string, string, string][] = [
  ['2024', '2024', 'year'],
  // Dates with a midnight time, as JSON APIs and databases write them (issue 21).
  ['2024-03-01 00:00:00', '2024-03-01', 'day'],
  ['2024-03-01T00:00:00.000+08:00', '2024-03-01', 'day'],
  ['2024-03-01T00:00:00Z', '2024-03-01', 'day'],
  ['2024年', '2024', 'year'],
  ['二〇二四年', '2024', 'year'],
  ['２０２４年', '2024', 'year'],
  ['2024年3月', '2024-03', 'month'],
  ['2024年03月', '2024-03', 'month'],
  ['2024.03', '2024-03', 'month'],
  ['2024-03', '2024-03', 'month'],
  ['2024年12月份', '2024-12', 'month'],
  ['2024Q1', '2024-Q1', 'quarter'],
  ['2024-Q1', '2024-Q1', 'quarter'],
  ['2024年第一季度', '2024-Q1', 'quarter'],
  ['2024年一季度', '2024-Q1', 'quarter'],
  ['2024年第4季度', '2024-Q4', 'quarter'],
  ['2024年上半年', '2024-H1', 'half'],
  ['2024年下半年', '2024-H2', 'half'],
  ['2023—2024年度', '2023/2024', 'season'],
  ['2023-24年度', '2023/2024', 'season'],
  ['2023/2024', '2023/2024', 'season'],
  ['2021—2025年', '2021/2025', 'range'],
  ['2021-2025', '2021/2025', 'range'],
  ['“十四五”期间', '2021/2025', 'range'],
  ['十三五', '2016/2020', 'range'],
  ['截至2024年8月', '2024-08', 'month'],
  ['截止2024年8月底', '2024-08', 'month'],
  ['2024年底', '2024-12', 'month'],
  ['2024年末', '2024-12', 'month'],
  ['2024-08-01', '2024-08-01', 'day'],
  ['2024年8月1日', '2024-08-01', 'day'],
  // Year to date is a point in time, like 截至; an exact quarter's months are the quarter.
  ['2024年1-8月', '2024-08', 'month'],
  ['2024年1—6月', '2024-06', 'month'],
  ['2024年4-6月', '2024-Q2', 'quarter'],
];

describe('parsePeriod', () => {
  it.each(TABLE)('%s → %s (%s), label kept', (text, key, grain) => {
    expect(parsePeriod(text)).toEqual({ key, grain, label: text });
  });

  it.each(['abc', '道里区', '6.04', '2024年13月', '2024-00', '2025—2021年', '', '保护性耕作面积', '2024年3-5月', '2024-03-01 08:30:00'])('%j is not a period', (text) => {
    expect(parsePeriod(text)).toBeNull();
  });

  it.each([
    ['3月', '2024', '2024年3月', '2024-03'],
    ['一季度', '2024', '2024年一季度', '2024-Q1'],
    ['Q2', '2024', '2024Q2', '2024-Q2'],
    ['上半年', '2024', '2024年上半年', '2024-H1'],
  ])('%s is a period part; with %s it reads as %s', (part, year, text, key) => {
    expect(isPeriodPart(part)).toBe(true);
    expect(withYear(year, part)).toBe(text);
    expect(parsePeriod(text)?.key).toBe(key);
  });

  it.each([
    ['道里区2024年主要指标', '2024'],
    ['二〇二四年报表', '2024'],
    ['2021—2024年主要指标', undefined],
    ['主要指标', undefined],
  ])('titleYear(%j) = %s', (title, year) => {
    expect(titleYear(title)).toBe(year);
  });

  it('input is not mutated', () => {
    const text = ' 2024年3月 ';
    parsePeriod(text);
    expect(text).toBe(' 2024年3月 ');
  });
});
