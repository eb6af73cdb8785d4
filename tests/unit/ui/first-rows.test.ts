import { describe, expect, it } from 'vitest';
import { firstRows } from '../../../src/ui/dashboard/first-rows';

describe('firstRows', () => {
  const groups = [
    { parentName: '哈尔滨市', regions: ['道里区', '南岗区', '道外区'] },
    { parentName: '齐齐哈尔市', regions: ['龙沙区', '建华区'] },
    { parentName: '牡丹江市', regions: ['东安区'] },
  ];
  it.each([
    [0, []],
    [2, [['哈尔滨市', ['道里区', '南岗区']]]],
    [3, [['哈尔滨市', ['道里区', '南岗区', '道外区']]]],
    [4, [['哈尔滨市', ['道里区', '南岗区', '道外区']], ['齐齐哈尔市', ['龙沙区']]]],
    [40, [['哈尔滨市', ['道里区', '南岗区', '道外区']], ['齐齐哈尔市', ['龙沙区', '建华区']], ['牡丹江市', ['东安区']]]],
  ])('keeps the first %i regions in their groups', (max, expected) => {
    expect(firstRows(groups, max).map((g) => [g.parentName, g.regions])).toEqual(expected);
  });

  it('does not change its input', () => {
    const before = structuredClone(groups);
    firstRows(groups, 2);
    expect(groups).toEqual(before);
  });
});
