import { describe, expect, it } from 'vitest';
import { featureCodes } from '../../../src/regions/boundary-codes';

describe('featureCodes', () => {
  it.each([
    ['names in NAME', [{ NAME: '道里区', id: 1 }, { NAME: '南岗区', id: 2 }], { property: 'NAME', codes: ['230102', '230103'] }],
    // the property that names divisions best, not the first
    ['the best of several properties', [{ label: 'A', 名称: '哈尔滨市道里区' }, { label: 'B', 名称: '不存在的地方' }], { property: '名称', codes: ['230102', undefined] }],
    // 鼓楼区 settled by its neighbours, as in an import
    ['a name in several places, settled by the others', [{ name: '鼓楼区' }, { name: '台江区' }, { name: '仓山区' }], { property: 'name', codes: ['350102', '350103', '350104'] }],
    ['codes already there: nothing to add', [{ name: '道里区', adcode: 230102 }], undefined],
    ['no property names a division', [{ name: '甲' }, { name: 1 }], undefined],
    ['no features', [], undefined],
  ])('%s', (_, features, expected) => {
    expect(featureCodes(features)).toEqual(expected);
  });

  it('does not change its input', () => {
    const features = [{ NAME: '道里区' }];
    featureCodes(features);
    expect(features).toEqual([{ NAME: '道里区' }]);
  });
});
