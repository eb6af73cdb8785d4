import { describe, expect, it } from 'vitest';
import { codeLevel, levelOfView, oneLevel } from '../../../src/analysis/region-levels';

describe('codeLevel', () => {
  it.each([
    ['230000', 0],
    ['230100', 1],
    ['230102', 2],
    ['150571', 2],
    ['23010', undefined],
    ['230102000000', undefined],
    [undefined, undefined],
  ])('%s → %s', (code, level) => {
    expect(codeLevel(code)).toBe(level);
  });
});

describe('oneLevel', () => {
  const codes = new Map<string, string | undefined>([
    ['哈尔滨市', '230100'],
    ['齐齐哈尔市', '230200'],
    ['道里区', '230102'],
    ['南岗区', '230103'],
    ['黑龙江省', '230000'],
    ['开发区甲', undefined],
  ]);
  it.each([
    [['哈尔滨市', '道里区', '齐齐哈尔市', '南岗区'], ['哈尔滨市', '齐齐哈尔市']],
    [['道里区', '哈尔滨市', '南岗区'], ['道里区', '南岗区']],
    [['黑龙江省', '哈尔滨市', '道里区'], ['黑龙江省']],
    [['开发区甲', '道里区', '哈尔滨市'], ['开发区甲', '道里区']],
    [['甲', '乙'], ['甲', '乙']],
  ])('%j → %j', (ranked, expected) => {
    expect(oneLevel(ranked, codes)).toEqual(expected);
  });

  it('does not change its input', () => {
    const ranked = ['哈尔滨市', '道里区'];
    oneLevel(ranked, codes);
    expect(ranked).toEqual(['哈尔滨市', '道里区']);
  });
});

describe('levelOfView', () => {
  const r = (name: string, code?: string) => (code ? { name, code } : { name });
  it.each([
    ['cities before their counties', [r('道里区', '230102'), r('哈尔滨市', '230100'), r('南岗区', '230103'), r('齐齐哈尔市', '230200'), r('全省')], ['哈尔滨市', '齐齐哈尔市', '全省']],
    ['one province among its cities: the cities', [r('黑龙江省', '230000'), r('哈尔滨市', '230100'), r('齐齐哈尔市', '230200')], ['哈尔滨市', '齐齐哈尔市']],
    ['one level: every region, as before', [r('道里区', '230102'), r('南岗区', '230103'), r('开发区')], undefined],
    ['no codes', [r('甲'), r('乙')], undefined],
  ])('%s', (_, regions, expected) => {
    expect(levelOfView(regions)).toEqual(expected);
  });

  it('does not change its input', () => {
    const regions = [r('道里区', '230102'), r('哈尔滨市', '230100')];
    const before = JSON.stringify(regions);
    levelOfView(regions);
    expect(JSON.stringify(regions)).toBe(before);
  });
});
