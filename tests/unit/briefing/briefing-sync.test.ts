import { describe, expect, it } from 'vitest';
import { parseSyncMessage } from '../../../src/app/briefing/sync';

const good = { type: 'position', deck: 'd1', index: 2, blank: false, sender: 'w-1' };

describe('parseSyncMessage', () => {
  it.each<[string, unknown, boolean]>([
    ['a position', good, true],
    ['null', null, false],
    ['a string', 'position', false],
    ['another type', { ...good, type: 'hello' }, false],
    ['a negative index', { ...good, index: -1 }, false],
    ['a fractional index', { ...good, index: 1.5 }, false],
    ['an index as text', { ...good, index: '2' }, false],
    ['no sender', { ...good, sender: undefined }, false],
    ['blank as text', { ...good, blank: 'no' }, false],
  ])('%s', (_, data, ok) => {
    expect(parseSyncMessage(data) !== undefined).toBe(ok);
  });

  it('keeps only the known fields', () => {
    const parsed = parseSyncMessage({ ...good, extra: '<script>' });
    expect(parsed).toEqual(good);
  });

  it('does not mutate its input', () => {
    const input = { ...good };
    parseSyncMessage(input);
    expect(input).toEqual(good);
  });
});
