import { describe, expect, it } from 'vitest';
import { normalizeName, readRegionCell } from '../../../src/regions';

describe('readRegionCell', () => {
  it.each([
    ['道里区', { name: '道里区' }],
    ['230102 道里区', { name: '道里区', code: '230102' }],
    ['230102道里区', { name: '道里区', code: '230102' }],
    ['道里区（230102）', { name: '道里区', code: '230102' }],
    ['道里区(230102)', { name: '道里区', code: '230102' }],
    ['道里区 230102', { name: '道里区', code: '230102' }],
    ['230102', { name: '', code: '230102' }],
    ['２３０１０２', { name: '', code: '230102' }],
    ['230102000000', { name: '', code: '230102' }],
    ['230102000', { name: '', code: '230102' }],
    ['230102001000', { name: '', finerCode: '230102001000' }],
    ['230102001', { name: '', finerCode: '230102001' }],
    ['010101', { name: '', code: '010101' }],
    ['12345', { name: '12345' }],
    ['2301021', { name: '2301021' }],
    ['黑龙江省 / 哈尔滨市 / 道里区', { name: '黑龙江省哈尔滨市道里区' }],
    ['其中：道里区', { name: '道里区' }],
    ['#道里区', { name: '道里区' }],
    ['道里区①', { name: '道里区' }],
    ['鼓楼区（福州）', { name: '鼓楼区(福州)' }],
    ['', { name: '' }],
  ])('%j → %j', (text, expected) => {
    expect(readRegionCell(text)).toEqual(expected);
  });

  it('keeps a code as text: 010101 never becomes 10101', () => {
    expect(readRegionCell('010101 某地').code).toBe('010101');
  });
});

describe('normalizeName', () => {
  it.each([
    [' 道里区（２３０１０２） ', '道里区(230102)'],
    ['道　里　区', '道里区'],
    ['哈尔滨市\t道里区\n', '哈尔滨市道里区'],
    ['ＡＢＣ', 'ABC'],
  ])('%j → %j', (text, expected) => {
    expect(normalizeName(text)).toBe(expected);
  });
});
