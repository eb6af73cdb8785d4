import { describe, expect, it } from 'vitest';
import { readRleBitPackedHybrid } from 'hyparquet/src/encoding.js';
import { readHybrid } from '../../../src/remote/hybrid-runs';

/** A run's header as Parquet writes it: an unsigned varint. */
function varint(n: number): number[] {
  const out: number[] = [];
  while (n >= 0x80) {
    out.push((n % 0x80) | 0x80);
    n = Math.floor(n / 0x80);
  }
  out.push(n);
  return out;
}

type Run = { repeat: number; value: number } | { packed: number[] };

/** Runs → bytes: a repeated value in (width + 7) / 8 bytes, or groups of 8 values bit-packed. */
function encode(runs: readonly Run[], width: number): Uint8Array {
  const out: number[] = [];
  for (const run of runs) {
    if ('repeat' in run) {
      out.push(...varint(run.repeat * 2));
      for (let i = 0; i < (width + 7) >> 3; i++) out.push(Math.floor(run.value / 2 ** (8 * i)) & 0xff);
    } else {
      const groups = Math.ceil(run.packed.length / 8);
      out.push(...varint(groups * 2 + 1));
      const bytes = new Array<number>(groups * width).fill(0);
      run.packed.forEach((v, k) => {
        for (let bit = 0; bit < width; bit++) if (Math.floor(v / 2 ** bit) % 2) bytes[(k * width + bit) >> 3] |= 1 << ((k * width + bit) & 7);
      });
      out.push(...bytes);
    }
  }
  return Uint8Array.from(out);
}

const ramp = (n: number, width: number) => Array.from({ length: n }, (_, i) => (i * 2654435761) % 2 ** width);

describe('readHybrid: the same values as hyparquet’s reader, into an Int32Array', () => {
  const cases: [string, number, Run[], number][] = [
    ['levels of one bit, repeated and packed', 1, [{ repeat: 300, value: 1 }, { packed: [1, 0, 1, 1, 0, 0, 1, 0, 1] }, { repeat: 5, value: 0 }], 321],
    ['3-bit indices, a packed run longer than asked (its tail skipped)', 3, [{ packed: ramp(16, 3) }], 13],
    ['8-bit indices', 8, [{ packed: ramp(40, 8) }, { repeat: 7, value: 200 }], 47],
    ['12-bit indices (2,900 counties), runs of every kind', 12, [{ repeat: 69, value: 2899 }, { packed: ramp(64, 12) }, { repeat: 130_000, value: 17 }], 130_133],
    ['17-bit indices across bytes', 17, [{ packed: ramp(24, 17) }], 24],
    ['24-bit indices, the widest taken', 24, [{ packed: ramp(8, 24) }, { repeat: 2, value: 2 ** 24 - 1 }], 10],
  ];
  it.each(cases)('%s', (_name, width, runs, count) => {
    const bytes = encode(runs, width);
    const expected = new Array<number>(count);
    readRleBitPackedHybrid({ view: new DataView(bytes.buffer), offset: 0 }, width, expected, bytes.length);
    const got = new Int32Array(count);
    const end = readHybrid(bytes, 0, bytes.length, width, got, count);
    expect(Array.from(got)).toEqual(expected);
    expect(end).toBe(bytes.length);
  });

  it('does not change its input bytes', () => {
    const bytes = encode([{ packed: ramp(16, 5) }], 5);
    const before = Array.from(bytes);
    readHybrid(bytes, 0, bytes.length, 5, new Int32Array(16), 16);
    expect(Array.from(bytes)).toEqual(before);
  });

  const broken: [string, Uint8Array, number][] = [
    ['runs that end before the values asked for', encode([{ repeat: 3, value: 1 }], 1), 10],
    ['a packed run past the end', encode([{ packed: ramp(16, 12) }], 12).subarray(0, 10), 16],
    ['a header of empty runs only (never a hang)', new Uint8Array(64), 5],
    ['a header that never ends', new Uint8Array(8).fill(0xff), 5],
  ];
  it.each(broken)('%s throws', (_name, bytes, count) => {
    expect(() => readHybrid(bytes, 0, bytes.length, 12, new Int32Array(count), count)).toThrow();
  });
});
