import { describe, expect, it } from 'vitest';
import { aggregate } from '../../../src/analysis/aggregate';
import { obs, snapshotOf } from './make-observation';

const data = [
  obs('A', '2023', 1),
  obs('A', '2024', 3),
  obs('B', '2024', 5),
  obs('全市', '2024', 8, { isTotal: true }),
];

describe('aggregate', () => {
  it.each([
    [{ by: 'region', how: 'sum' }, [['A', 4], ['B', 5]]],
    [{ by: 'region', how: 'mean' }, [['A', 2], ['B', 5]]],
    [{ by: 'period', how: 'sum' }, [['2023', 1], ['2024', 8]]],
    [{ by: 'period', how: 'sum', includeTotals: true }, [['2023', 1], ['2024', 16]]],
    [{ by: 'period', how: 'mean' }, [['2023', 1], ['2024', 4]]],
  ] as const)('%j', (options, expected) => {
    expect([...aggregate(data, options)]).toEqual(expected);
  });

  it('keeps __proto__ as a key of a Map, not of an object', () => {
    const m = aggregate([obs('__proto__', '2024', 2)], { by: 'region', how: 'sum' });
    expect(m.get('__proto__')).toBe(2);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('does not mutate its input', () => {
    const before = snapshotOf(data);
    aggregate(data, { by: 'region', how: 'sum' });
    expect(data).toEqual(before);
  });
});
