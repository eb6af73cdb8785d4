import { describe, expect, it } from 'vitest';
import { keyLabel, nameForCode, nameParts } from '../../../src/app/dashboard/region-names';

const known = [
  { name: '哈尔滨市道里区', code: '230102' },
  { name: '南岗区', code: '230103' },
  { name: '哈尔滨市道外区', code: '230104' },
  { name: '乌海市', code: '150300' },
  { name: '黑龙江', code: '230000' },
  { name: '黑龙江省', code: '230000' },
  { name: '合计' },
];
const table = new Map([
  ['150000', '内蒙古自治区'],
  ['230100', '哈尔滨市（表）'],
]);
const division = (code: string) => table.get(code);

describe('nameParts', () => {
  it.each([
    ['黑龙江省哈尔滨市道里区', ['黑龙江省', '哈尔滨市', '道里区']],
    ['内蒙古自治区乌海市', ['内蒙古自治区', '乌海市']],
    ['大兴安岭地区', ['大兴安岭地区']],
    ['通辽经济技术开发区', ['通辽经济技术开发区']],
    ['合计', []],
  ])('%s', (name, expected) => {
    expect(nameParts(name)).toEqual(expected);
  });
});

describe('nameForCode', () => {
  it.each([
    ['a dataset names the code itself: its shortest name that says its kind', '230000', undefined, '黑龙江省'],
    ['no dataset names it: the division table', '150000', division, '内蒙古自治区'],
    ['no table yet: the parent its children are written under', '230100', undefined, '哈尔滨市'],
    ['the table before the children', '230100', division, '哈尔滨市（表）'],
    ['nothing knows it', '130000', undefined, undefined],
  ])('%s', (_, code, lookup, expected) => {
    const before = JSON.parse(JSON.stringify(known));
    expect(nameForCode(code, known, lookup)).toBe(expected);
    expect(known).toEqual(before);
  });
});

describe('keyLabel', () => {
  it.each([
    ['a code with its name', '230104', 'code', undefined, '哈尔滨市道外区（230104）'],
    ['a code only the table knows', '150000', 'code', division, '内蒙古自治区（150000）'],
    ['a code nothing knows stays as it is', '230199', 'code', undefined, '230199'],
    ['a name join lists names as they are', '五常市', 'name', undefined, '五常市'],
  ] as const)('%s', (_, key, joinOn, lookup, expected) => {
    expect(keyLabel(key, joinOn, known, lookup)).toBe(expected);
  });
});
