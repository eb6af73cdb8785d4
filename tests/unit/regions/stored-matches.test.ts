import { describe, expect, it } from 'vitest';
import { matchStoredRegions, type StoredRegion } from '../../../src/regions/stored-matches';

describe('matchStoredRegions: names stored without codes, matched at view time', () => {
  it.each<[string, StoredRegion[], Record<string, string>]>([
    ['a unique county name', [{ name: '道里区' }, { name: '南岗区' }], { 道里区: '230102', 南岗区: '230103' }],
    ['a name with its parents in front', [{ name: '黑龙江省哈尔滨市道里区' }], { 黑龙江省哈尔滨市道里区: '230102' }],
    ['an ambiguous name settled by uncoded neighbours', [{ name: '鼓楼区' }, { name: '台江区' }, { name: '仓山区' }], { 鼓楼区: '350102', 台江区: '350103', 仓山区: '350104' }],
    ['an ambiguous name settled by coded neighbours', [{ name: '鼓楼区' }, { name: '云龙区', code: '320303' }], { 鼓楼区: '320302' }],
    ['an ambiguous name with nothing to settle it: left alone', [{ name: '鼓楼区' }], {}],
    ['a default preference is not unambiguous: left alone', [{ name: '吉林' }], {}],
    ['a default preference settled by neighbours', [{ name: '吉林' }, { name: '长春市' }, { name: '四平市' }], { 吉林: '220200', 长春市: '220100', 四平市: '220300' }],
    ['coded regions are not matched again', [{ name: '道里区', code: '230102' }, { name: '南岗区', code: '999999' }], {}],
    ['totals and unknown names are left alone', [{ name: '合计', isTotal: true }, { name: '全省' }, { name: '某某示范区' }], {}],
    ['a name listed twice', [{ name: '道里区' }, { name: '道里区' }], { 道里区: '230102' }],
  ])('%s', (_, regions, expected) => {
    expect(Object.fromEntries(matchStoredRegions(regions))).toEqual(expected);
  });

  it('does not change its input', () => {
    const regions: StoredRegion[] = [{ name: '鼓楼区' }, { name: '台江区' }];
    const before = JSON.parse(JSON.stringify(regions));
    matchStoredRegions(regions);
    expect(regions).toEqual(before);
  });
});

describe('matchStoredRegions with the user\'s aliases', () => {
  it.each<[string, Record<string, string> | undefined, Record<string, string>]>([
    ['a renamed place the table does not know, by the user\'s alias', { 阿城市: '230112' }, { 阿城市: '230112', 道里区: '230102' }],
    ['without aliases it stays as written', undefined, { 道里区: '230102' }],
    ['a name the user kept as written (an alias with no code) is not matched', { 道里区: '' }, {}],
    ['kept as written, as a Map too', new Map([['道里区', '']]) as unknown as Record<string, string>, {}],
  ])('%s', (_, aliases, expected) => {
    expect(Object.fromEntries(matchStoredRegions([{ name: '阿城市' }, { name: '道里区' }], aliases))).toEqual(expected);
  });
});
