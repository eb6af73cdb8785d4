import { describe, expect, it } from 'vitest';
import { interpretKey, nextIndex, type KeyAction } from '../../../src/app/briefing/keys';

describe('interpretKey', () => {
  it.each<[string, string, KeyAction, string]>([
    ['PageDown', '', { type: 'next' }, ''],
    ['ArrowRight', '', { type: 'next' }, ''],
    [' ', '', { type: 'next' }, ''],
    ['PageUp', '', { type: 'prev' }, ''],
    ['ArrowLeft', '', { type: 'prev' }, ''],
    ['Home', '', { type: 'first' }, ''],
    ['End', '', { type: 'last' }, ''],
    ['b', '', { type: 'blank' }, ''],
    ['B', '', { type: 'blank' }, ''],
    ['Escape', '12', { type: 'exit' }, ''],
    ['3', '', { type: 'none' }, '3'],
    ['4', '1', { type: 'none' }, '14'],
    ['Enter', '14', { type: 'jump', slide: 14 }, ''],
    ['Enter', '', { type: 'next' }, ''],
    ['Enter', '0', { type: 'next' }, ''],
    ['Backspace', '14', { type: 'none' }, '1'],
    ['5', '1234', { type: 'none' }, '2345'],
    ['x', '7', { type: 'none' }, '7'],
    ['PageDown', '7', { type: 'next' }, ''],
  ])('%j after %j', (key, pending, action, rest) => {
    expect(interpretKey(key, pending)).toEqual({ action, pending: rest });
  });

  it('does not mutate its input', () => {
    const pending = '12';
    interpretKey('3', pending);
    expect(pending).toBe('12');
  });
});

describe('nextIndex', () => {
  it.each<[number, number, KeyAction, number]>([
    [0, 5, { type: 'next' }, 1],
    [4, 5, { type: 'next' }, 4],
    [0, 5, { type: 'prev' }, 0],
    [3, 5, { type: 'prev' }, 2],
    [3, 5, { type: 'first' }, 0],
    [0, 5, { type: 'last' }, 4],
    [0, 5, { type: 'jump', slide: 3 }, 2],
    [0, 5, { type: 'jump', slide: 99 }, 4],
    [9, 5, { type: 'none' }, 4],
    [2, 0, { type: 'next' }, 0],
  ])('from %i of %i by %j', (index, count, action, expected) => {
    expect(nextIndex(index, count, action)).toBe(expected);
  });

  it('does not mutate the action', () => {
    const action: KeyAction = { type: 'jump', slide: 2 };
    nextIndex(0, 3, action);
    expect(action).toEqual({ type: 'jump', slide: 2 });
  });
});
