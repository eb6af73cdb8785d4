import { describe, expect, it } from 'vitest';
import { groupRegions } from '../../../src/app/dashboard/region-groups';
import { parentCodeOf } from '../../../src/domain/region-code';

describe('parentCodeOf', () => {
  it.each([
    ['230102', '230100'],
    ['230100', '230000'],
    ['230000', undefined],
    ['150571', '150500'],
    ['10101', undefined],
    [undefined, undefined],
  ])('%s → %s', (code, parent) => {
    expect(parentCodeOf(code)).toBe(parent);
  });
});

describe('groupRegions', () => {
  it('puts districts under their city, the city first, and code-less regions apart', () => {
    const groups = groupRegions([
      { name: '道里区', code: '230102' },
      { name: '全市' },
      { name: '哈尔滨市', code: '230100' },
      { name: '南岗区', code: '230103' },
      { name: '乌海市', code: '150300' },
    ]);
    expect(groups).toEqual([
      { parentCode: '230100', parentName: '哈尔滨市', regions: ['哈尔滨市', '道里区', '南岗区'] },
      { parentCode: undefined, parentName: undefined, regions: ['全市'] },
      { parentCode: '150000', parentName: undefined, regions: ['乌海市'] },
    ]);
  });

  it('never merges two same-named regions with different codes', () => {
    const groups = groupRegions([
      { name: '鼓楼区', code: '320106' },
      { name: '鼓楼区', code: '350102' },
    ]);
    expect(groups.map((g) => g.parentCode)).toEqual(['320100', '350100']);
  });

  it('does not mutate its input', () => {
    const input = [{ name: '道里区', code: '230102' }];
    const copy = structuredClone(input);
    groupRegions(input);
    expect(input).toEqual(copy);
  });
});
