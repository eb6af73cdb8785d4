/**
 * Raw DEFLATE (what ZIP entries and embed links hold) through the platform's streams.
 * `DecompressionStream('deflate-raw')` arrived in Chromium 103; 80–102 (360安全浏览器 13 is 86)
 * stream only 'gzip' and 'deflate'. A raw DEFLATE body becomes a gzip member by adding gzip's
 * 10-byte header and its trailer (CRC-32 and size of the inflated bytes), which a ZIP's central
 * directory states: so old kernels inflate natively too, with no JavaScript inflater.
 */

/**
 * Whether this platform streams the 'deflate-raw' format.
 * @example if (!streamsDeflateRaw()) { … wrap as gzip … }
 */
export function streamsDeflateRaw(): boolean {
  try {
    new DecompressionStream('deflate-raw');
    return true;
  } catch {
    return false;
  }
}

const GZIP_HEADER = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff];

/**
 * A raw DEFLATE body as a gzip member, given the CRC-32 and length of what it inflates to.
 * @example new Blob([asGzip(body, entry.crc32, entry.size)]).stream().pipeThrough(new DecompressionStream('gzip'))
 */
export function asGzip(body: Uint8Array, crc32: number, size: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(GZIP_HEADER.length + body.length + 8);
  out.set(GZIP_HEADER, 0);
  out.set(body, GZIP_HEADER.length);
  const trailer = new DataView(out.buffer, GZIP_HEADER.length + body.length, 8);
  trailer.setUint32(0, crc32 >>> 0, true);
  trailer.setUint32(4, size >>> 0, true);
  return out;
}

/**
 * A stream inflating raw DEFLATE: natively where 'deflate-raw' streams, else as a gzip member
 * (which needs the inflated bytes' CRC-32 and size).
 * @example inflateRawStream(data, { crc32, size }).getReader()
 */
export function inflateRawStream(body: Uint8Array, check: { crc32: number; size: number }): ReadableStream<Uint8Array> {
  // Blob copies the bytes, so the stream never sees the caller's buffer change.
  if (streamsDeflateRaw()) return new Blob([body as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Blob([asGzip(body, check.crc32, check.size)]).stream().pipeThrough(new DecompressionStream('gzip'));
}
