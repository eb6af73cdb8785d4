import { describe, expect, it } from 'vitest';
import { sameData, stable } from '../../../src/app/stable';

describe('sameData', () => {
  it.each([
    { a: ['道里区', '南岗区'], b: ['道里区', '南岗区'], same: true },
    { a: ['道里区', '南岗区'], b: ['南岗区', '道里区'], same: false },
    { a: { regions: ['a'], period: '2024' }, b: { period: '2024', regions: ['a'] }, same: true },
    { a: { regions: ['a'], period: undefined }, b: { regions: ['a'] }, same: false },
    { a: { x: 1 }, b: [1], same: false },
    { a: NaN, b: NaN, same: true },
    { a: null, b: {}, same: false },
    { a: JSON.parse('{"__proto__": 1}'), b: {}, same: false },
  ])('$a vs $b → $same', ({ a, b, same }) => {
    expect(sameData(a, b)).toBe(same);
  });
});

describe('stable', () => {
  it('keeps the first result while the content is the same, and changes when it changes', () => {
    let input = ['a', 'b'];
    const get = stable(() => [...input]);
    const first = get();
    expect(get()).toBe(first);
    input = ['a', 'c'];
    const second = get();
    expect(second).not.toBe(first);
    expect(second).toEqual(['a', 'c']);
    expect(get()).toBe(second);
  });
});
