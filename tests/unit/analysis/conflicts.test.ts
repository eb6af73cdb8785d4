import { describe, expect, it } from 'vitest';
import { findConflicts } from '../../../src/analysis/conflicts';
import { obs, snapshotOf } from './make-observation';

describe('findConflicts', () => {
  it.each([
    ['no repeat', [obs('A', '2022', 1), obs('A', '2023', 2)], []],
    ['a repeat that agrees', [obs('A', '2022', 60400), obs('A', '2022', 6.04 * 1e4)], []],
    ['a repeat that disagrees', [obs('A', '2022', 50100), obs('A', '2022', 53000)], [['A', '2022', 50100, [53000]]]],
    [
      'three values, two the same: each other value once',
      [obs('A', '2022', 1), obs('A', '2022', 2), obs('A', '2022', 2), obs('A', '2022', 3)],
      [['A', '2022', 1, [2, 3]]],
    ],
    ['a level and a change are not rivals', [obs('A', '2022', 5), obs('A', '2022', -3, { kind: 'change' })], []],
    [
      'a level found again after a change between',
      [obs('A', '2022', 5), obs('A', '2022', -3, { kind: 'change' }), obs('A', '2022', 6), obs('A', '2022', -4, { kind: 'change' })],
      [
        ['A', '2022', 5, [6]],
        ['A', '2022', -3, [-4]],
      ],
    ],
    [
      'in the order of the first value',
      [obs('B', '2022', 1), obs('A', '2022', 1), obs('A', '2022', 2), obs('B', '2022', 2)],
      [
        ['B', '2022', 1, [2]],
        ['A', '2022', 1, [2]],
      ],
    ],
  ])('%s', (_, rows, expected) => {
    const before = snapshotOf(rows);
    const found = findConflicts(rows).map((c) => [c.region, c.period, c.shown.value, c.others.map((o) => o.value)]);
    expect(found).toEqual(expected);
    expect(rows).toEqual(before);
  });

  it('keeps the first value as the one shown, as the charts do', () => {
    const rows = [obs('A', '2022', 7, { source: { row: 3 } }), obs('A', '2022', 8, { source: { row: 9 } })];
    expect(findConflicts(rows)[0]!.shown).toBe(rows[0]);
  });
});
