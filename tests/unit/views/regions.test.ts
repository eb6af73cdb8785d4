import { describe, expect, it } from 'vitest';
import { comparedRegions, shownRegions } from '../../../src/views/regions';
import type { Observation } from '../../../src/domain/types';

const o = (region: string, regionCode: string | undefined, value: number, extra: Partial<Observation> = {}): Observation => ({
  region,
  regionCode,
  indicator: '面积',
  period: '2024',
  value,
  unit: '万亩',
  ...extra,
});

/** Two cities and two of one city's districts: two levels of the hierarchy. */
const twoLevels = [o('哈尔滨市', '230100', 10), o('齐齐哈尔市', '230200', 8), o('道里区', '230102', 3), o('南岗区', '230103', 2)];
const oneLevel = [o('道里区', '230102', 3), o('南岗区', '230103', 2)];

describe('comparedRegions', () => {
  const cases: [string, string[] | undefined, Observation[], string[] | undefined][] = [
    ['none chosen, two levels: the cities', undefined, twoLevels, ['哈尔滨市', '齐齐哈尔市']],
    ['none chosen, one level: every region', undefined, oneLevel, undefined],
    ['the view’s choice, whatever its levels', ['道里区', '哈尔滨市'], twoLevels, ['道里区', '哈尔滨市']],
    ['an empty choice is no choice', [], twoLevels, ['哈尔滨市', '齐齐哈尔市']],
  ];
  it.each(cases)('%s', (_, chosen, rows, expected) => {
    expect(comparedRegions(chosen, rows)).toEqual(expected);
  });
});

describe('shownRegions', () => {
  const cases: [string, string[] | undefined, string[]][] = [
    ['the view’s regions that have data', ['南岗区', '无此地'], ['南岗区']],
    ['none of them has data: the default few', ['无此地'], ['道里区', '南岗区']],
    ['none chosen: the default few, largest first', undefined, ['道里区', '南岗区']],
  ];
  it.each(cases)('%s', (_, chosen, expected) => {
    expect(shownRegions(chosen, oneLevel)).toEqual(expected);
  });

  it('does not mutate its input', () => {
    const rows = oneLevel.map((r) => ({ ...r }));
    const chosen = ['南岗区'];
    shownRegions(chosen, rows);
    comparedRegions(chosen, rows);
    expect(rows).toEqual(oneLevel);
    expect(chosen).toEqual(['南岗区']);
  });
});
