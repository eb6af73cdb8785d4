import { describe, expect, it } from 'vitest';
import { fieldsOf, isFiniteNumber, isRecord, isText, optionalText, own } from '../../../src/domain/checked-fields';

describe('checked fields of outside input', () => {
  it.each<[string, unknown, boolean]>([
    ['an object', { a: 1 }, true],
    ['an empty object', {}, true],
    ['an array', [1], false],
    ['null', null, false],
    ['a string', '{}', false],
    ['undefined', undefined, false],
  ])('isRecord: %s → %s', (_, v, expected) => {
    expect(isRecord(v)).toBe(expected);
  });

  it.each<[string, unknown, number, boolean, boolean]>([
    ['text within the limit', '汇报', 2, true, true],
    ['text over the limit', '汇报材料', 2, false, false],
    ['a number', 1, 10, false, false],
    ['absent', undefined, 10, false, true],
    ['null', null, 10, false, false],
  ])('isText / optionalText: %s', (_, v, max, text, optional) => {
    expect([isText(v, max), optionalText(v, max)]).toEqual([text, optional]);
  });

  it.each<[unknown, boolean]>([
    [0, true],
    [-1.5, true],
    [NaN, false],
    [Infinity, false],
    ['1', false],
  ])('isFiniteNumber(%s) → %s', (v, expected) => {
    expect(isFiniteNumber(v)).toBe(expected);
  });

  it('reads own keys only, never inherited ones', () => {
    const hostile = JSON.parse('{"__proto__": {"title": "注入"}, "subtitle": "区农业农村局"}') as Record<string, unknown>;
    expect(own(hostile, 'toString')).toBeUndefined();
    expect(fieldsOf(hostile, ['title', 'subtitle', 'toString'] as const)).toEqual({ title: undefined, subtitle: '区农业农村局', toString: undefined });
    expect(Object.getPrototypeOf(fieldsOf(hostile, ['title'] as const))).toBe(Object.prototype);
  });

  it.each<[string, unknown]>([
    ['an array', ['title']],
    ['null', null],
    ['a number', 3],
  ])('fieldsOf refuses %s', (_, raw) => {
    expect(fieldsOf(raw, ['title'] as const)).toBeUndefined();
  });

  it('does not change its input', () => {
    const raw = { title: '汇报', extra: { deep: [1, 2] } };
    const before = JSON.stringify(raw);
    fieldsOf(raw, ['title', 'missing'] as const);
    expect(JSON.stringify(raw)).toBe(before);
    expect(Object.keys(raw)).toEqual(['title', 'extra']);
  });
});
