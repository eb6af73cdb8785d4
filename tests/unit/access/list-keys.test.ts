import { describe, expect, it } from 'vitest';
import { nextIndex } from '../../../src/ui/dashboard/list-keys';

describe('nextIndex', () => {
  it.each<[string, number, number, number | undefined]>([
    ['ArrowDown', 2, 5, 3],
    ['ArrowDown', 4, 5, 4],
    ['ArrowUp', 2, 5, 1],
    ['ArrowUp', 0, 5, 0],
    ['Home', 3, 5, 0],
    ['End', 0, 5, 4],
    ['PageDown', 0, 25, 10],
    ['PageDown', 20, 25, 24],
    ['PageUp', 5, 25, 0],
    ['Tab', 2, 5, undefined],
    ['a', 2, 5, undefined],
    ['ArrowDown', 0, 0, undefined],
  ])('%s from %i of %i → %s', (key, index, length, expected) => {
    expect(nextIndex(key, index, length)).toBe(expected);
  });
});
