import { describe, expect, it } from 'vitest';
import { indexToBase } from '../../../src/analysis/index-base';

describe('indexToBase', () => {
  it.each([
    [['2022', '2023', '2024'], [50, 60, null], '2022', [100, 120, null]],
    [['2022', '2023'], [50, 25], '2023', [200, 100]],
    [['2022', '2023'], [null, 25], '2022', undefined],
    [['2022', '2023'], [0, 25], '2022', undefined],
    [['2022', '2023'], [10, 25], '2020', undefined],
  ])('%j %j base %s', (periods, values, base, expected) => {
    expect(indexToBase(periods, values, base)).toEqual(expected);
  });

  it('does not mutate its input', () => {
    const values = [50, 60];
    indexToBase(['a', 'b'], values, 'a');
    expect(values).toEqual([50, 60]);
  });
});
