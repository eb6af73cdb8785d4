import { describe, expect, it } from 'vitest';
import { isTotalName, parseRegion } from '../../../src/ingest/parse-region';

describe('parseRegion', () => {
  it.each([
    ['黑龙江省', { name: '黑龙江省', isTotal: false }],
    ['哈尔滨市道里区', { name: '哈尔滨市道里区', isTotal: false }],
    ['通辽经济技术开发区', { name: '通辽经济技术开发区', isTotal: false }],
    ['230102 道里区', { name: '道里区', code: '230102', isTotal: false }],
    ['道里区（230102）', { name: '道里区', code: '230102', isTotal: false }],
    ['010101示例区', { name: '示例区', code: '010101', isTotal: false }],
    ['合计', { name: '合计', isTotal: true }],
    ['全省', { name: '全省', isTotal: true }],
    ['全市', { name: '全市', isTotal: true }],
    ['总计', { name: '总计', isTotal: true }],
    ['全区合计', { name: '全区合计', isTotal: true }],
    [' 乌海市 ', { name: '乌海市', isTotal: false }],
  ] as const)('%j', (text, expected) => {
    expect(parseRegion(text)).toEqual(expected);
  });

  it('does not take a region that merely starts with 全 for a total', () => {
    expect(isTotalName('全椒县')).toBe(false);
  });

  it('input is not mutated', () => {
    const text = '230102 道里区';
    parseRegion(text);
    expect(text).toBe('230102 道里区');
  });
});
