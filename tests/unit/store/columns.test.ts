import { describe, expect, it } from 'vitest';
import { BLOCK_SIZE } from '../../../src/store/db';
import { WRITE_BLOCK_SIZE, decodeObservation, emptyDictionary, encodeBlocks } from '../../../src/store/columns';
import { many, obs } from './fixtures';

describe('encodeBlocks: block sizes', () => {
  it('writes blocks smaller than the schema ceiling (each is one copy on the page thread)', () => {
    expect(WRITE_BLOCK_SIZE).toBe(12_500);
    expect(WRITE_BLOCK_SIZE).toBeLessThanOrEqual(BLOCK_SIZE);
  });

  it.each([
    [1, [1]],
    [12_500, [12_500]],
    [12_501, [12_500, 1]],
    [30_000, [12_500, 12_500, 5000]],
  ])('%i values of one indicator → blocks of %j', (n, sizes) => {
    const rows = Array.from({ length: n }, (_, i) => obs(`地区${i % 9}`, '压采量', String(2000 + (i % 20)), i));
    const blocks = encodeBlocks('ds', rows, emptyDictionary('ds'), 0);
    expect(blocks.map((b) => b.count)).toEqual(sizes);
    expect(blocks.map((b) => b.seq)).toEqual(sizes.map((_, i) => i));
  });

  it('splits each indicator on its own and every value decodes back at its position', () => {
    const rows = many(40_000);
    const dict = emptyDictionary('ds');
    const blocks = encodeBlocks('ds', rows, dict, 0);
    // 3 indicators of ~13,334 values each: two blocks apiece.
    expect(blocks.map((b) => [b.indicator, b.count])).toEqual([
      ['指标0', 12_500], ['指标0', 834],
      ['指标1', 12_500], ['指标1', 833],
      ['指标2', 12_500], ['指标2', 833],
    ]);
    const back = new Array(rows.length);
    for (const b of blocks) for (let k = 0; k < b.count; k++) back[b.pos[k]] = decodeObservation(b, k, dict.strings);
    expect(back).toEqual(rows);
    expect(dict.count).toBe(40_000);
  });

  it('does not mutate the observations', () => {
    const rows = many(13_000);
    const before = structuredClone(rows);
    encodeBlocks('ds', rows, emptyDictionary('ds'), 0);
    expect(rows).toEqual(before);
  });
});
