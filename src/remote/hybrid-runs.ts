/**
 * Parquet's RLE / bit-packed hybrid (definition levels, dictionary indices) read into an
 * Int32Array. Why not hyparquet's reader: it writes into `new Array(num_values)`, and DuckDB's
 * pages hold 122,880 values, past the length (100,000) above which V8 makes such an array a
 * dictionary (a hash table per element write). In the remote 10M profile hyparquet's definition
 * levels alone took 466 ms of CPU for two indicators' reads; typed arrays make it a few ms.
 */

/** The widest run this reader takes (a value is gathered in a 32-bit integer); wider goes to hyparquet. */
export const MAX_HYBRID_WIDTH = 24;

/**
 * Read `count` values of `width` bits (≤ MAX_HYBRID_WIDTH) from the hybrid runs in
 * `bytes[at, end)` into `out[0, count)`; returns the offset after the last run read. Throws on
 * runs that end past `end` (a broken or hostile page: the caller makes a sentence of it).
 * @example readHybrid(new Uint8Array([6, 1]), 0, 2, 1, out, 3) // out = [1, 1, 1], returns 2
 */
export function readHybrid(bytes: Uint8Array, at: number, end: number, width: number, out: Int32Array, count: number): number {
  const mask = width === 0 ? 0 : 2 ** width - 1;
  const byteWidth = (width + 7) >> 3;
  let seen = 0;
  while (seen < count) {
    if (at >= end) throw new Error(`levels end after ${seen} of ${count} values`);
    // The run's header, an unsigned varint.
    let header = 0;
    let shift = 0;
    let b: number;
    do {
      if (at >= end || shift > 28) throw new Error('broken run header');
      b = bytes[at++];
      header += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b & 0x80);
    const runs = Math.floor(header / 2);
    if (header % 2 === 1) {
      // Bit-packed: groups of 8 values, `width` bytes per group, lowest bits first.
      const next = at + runs * width;
      if (next > end) throw new Error('bit-packed run past the page’s end');
      const take = Math.min(runs * 8, count - seen);
      let buffer = 0;
      let bits = 0;
      for (let i = 0; i < take; i++) {
        while (bits < width) {
          buffer |= bytes[at++] << bits;
          bits += 8;
        }
        out[seen++] = buffer & mask;
        buffer >>>= width;
        bits -= width;
      }
      at = next;
    } else {
      // A repeated value, in `byteWidth` little-endian bytes.
      if (at + byteWidth > end) throw new Error('repeated run past the page’s end');
      let value = 0;
      for (let i = 0; i < byteWidth; i++) value += bytes[at++] * 2 ** (8 * i);
      const stop = Math.min(count, seen + runs);
      out.fill(value, seen, stop);
      seen = stop;
    }
  }
  return at;
}
