import { describe, expect, it } from 'vitest';
import { sparklinePath } from '../../../src/charts/sparkline-path';

describe('sparklinePath', () => {
  it.each([
    ['no values', [], { d: '', last: undefined }],
    ['all missing', [null, null], { d: '', last: undefined }],
    ['rising', [1, 2, 3], { d: 'M1 19L50 10L99 1', last: { x: 99, y: 1 } }],
    ['a gap stays a gap; lone points become dots', [1, null, 3], { d: 'M1 19h0M99 1h0', last: { x: 99, y: 1 } }],
    ['a gap between two runs', [1, 2, null, 3, 3], { d: 'M1 19L25.5 10M74.5 1L99 1', last: { x: 99, y: 1 } }],
    ['flat in the middle', [5, 5], { d: 'M1 10L99 10', last: { x: 99, y: 10 } }],
    ['one value', [7], { d: 'M1 10h0', last: { x: 1, y: 10 } }],
  ])('%s', (_name, values, expected) => {
    expect(sparklinePath(values, 100, 20)).toEqual(expected);
  });

  it('does not mutate its input', () => {
    const values = [3, null, 1];
    sparklinePath(values, 100, 20);
    expect(values).toEqual([3, null, 1]);
  });
});
